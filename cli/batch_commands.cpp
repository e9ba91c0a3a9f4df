#include "cli/batch_commands.hpp"

#include <CLI/CLI.hpp>
#include <memory>

#include "cli/strict_options.hpp"

namespace govsim {
namespace {

std::string g_command_line = "govsim";

// Each repeated flag takes exactly one value, so `--set a=1 DESIGN` does not swallow DESIGN.
void add_batch_options(CLI::App& cmd, BatchArgs& a, bool shardable) {
  cmd.add_option("--set", a.overrides,
                 "override a scenario key in every design, e.g. --set run.days=90")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
  cmd.add_option("--days", a.days, "days to simulate (same as --set run.days=N)")->type_name("N");
  cmd.add_option("-r,--replications", a.replications, "replications per design (default 5)")
      ->type_name("R");
  cmd.add_option("--seed", a.seed, "base seed: replication i runs with seed S + i in every design")
      ->type_name("S")
      ->check(whole_number_validator());
  cmd.add_option("-j,--jobs", a.jobs, "runs in parallel; 0 = every core (default)")->type_name("J");
  cmd.add_option("--db", a.db, "SQLite results database (default: keep results in memory only)")
      ->type_name("FILE");
  cmd.add_flag("--resume", a.resume, "continue the experiment in --db, skipping finished runs");
  cmd.add_flag("--overwrite", a.overwrite, "replace an existing --db");
  if (shardable) {
    cmd.add_option("--shard", a.shard,
                   "run only job K of N of the plan (merge the databases later)")
        ->type_name("K/N");
  }
  cmd.add_option("--report", a.report, "write the HTML report here when done")->type_name("FILE");
  cmd.add_option("--outcomes", a.outcomes,
                 "outcomes to show, comma-separated, or 'all' (default: response_time_p90_h, "
                 "within_deadline_share, dropped, trust_mean, gain_mean, cost_per_resident_year)")
      ->type_name("LIST");
  cmd.add_flag("--no-series", a.no_series, "store summaries only, not the daily series");
  cmd.add_flag("-q,--quiet", a.quiet, "no progress line and no table");
}

void add_compare_command(CLI::App& app, int& exit_code) {
  auto compare = std::make_shared<CompareArgs>();
  auto* c = app.add_subcommand("compare",
                               "paired replications of several designs, with confidence intervals");
  c->add_option("DESIGNS", compare->designs,
                "scenario files (.yaml) or shipped scenario names; the first is the reference")
      ->required();
  add_batch_options(*c, compare->batch, true);
  auto* precise = c->add_option("--until-precise", compare->until_precise,
                                "add replications until every 95% interval of --outcome is at "
                                "most this half-width")
                      ->type_name("HALF_WIDTH");
  c->add_option("--outcome", compare->outcome,
                "the outcome --until-precise watches (default response_time_p90_h)")
      ->type_name("NAME");
  c->add_option("--max-replications", compare->max_replications,
                "--until-precise stops here even if not precise (default 200)")
      ->type_name("R");
  c->add_option("--periods", compare->periods,
                "for designs with policy changes: the periods of each run to compare, numbered "
                "from 1 as printed; the first is the reference (default: every period against "
                "the first)")
      ->type_name("K,L,...");
  c->footer(
      "Replication i of every design runs with seed S + i: the same residents, cases and random "
      "streams (common random numbers), so differences are paired by replication.\n"
      "Example: govsim compare fragmented grid-one-branch modern --replications 10 --db cmp.db "
      "--report cmp.html\n"
      "Before and after a policy change within each run: govsim compare switch.yaml --periods 2,3 "
      "(period 3 against period 2, run by run).");
  c->callback([compare, precise, &exit_code] {
    if (precise->count() == 0)
      compare->until_precise = 0;
    else if (!(compare->until_precise > 0))
      compare->until_precise = -1;  // refused in the command
    exit_code = compare_command(*compare);
  });
}

void add_sweep_command(CLI::App& app, int& exit_code) {
  auto sweep = std::make_shared<SweepArgs>();
  auto* s = app.add_subcommand("sweep", "a design of experiments over scenario keys");
  s->add_option("SCENARIO", sweep->scenario, "scenario file (.yaml) or shipped scenario name")
      ->required();
  s->add_option("--vary", sweep->vary,
                "a key and its values: KEY=v1,v2,... or KEY=lo:hi:step (lo:hi for lhs); repeat "
                "for more keys")
      ->type_name("KEY=VALUES")
      ->allow_extra_args(false)
      ->required();
  s->add_option("--method", sweep->method, "factorial (every combination, default) or lhs")
      ->type_name("M");
  s->add_option("--samples", sweep->samples, "points of a Latin hypercube (--method lhs)")
      ->type_name("N");
  s->add_option("--sample-seed", sweep->sample_seed, "seed of the Latin hypercube (default --seed)")
      ->type_name("S");
  s->add_flag("--baseline", sweep->baseline,
              "run the scenario as given (no key varied) as the first design: the reference of "
              "every difference (without it a Latin hypercube's report shows no differences)");
  add_batch_options(*s, sweep->batch, true);
  s->footer(
      "Example: govsim sweep grid-one-branch --vary "
      "governance.staffing.grid_workers_per_grid=0.5:2:0.5 "
      "--vary governance.platform.level=0,0.5,1 --replications 5 --db sweep.db");
  s->callback([sweep, &exit_code] { exit_code = sweep_command(*sweep); });
}

void add_seek_command(CLI::App& app, int& exit_code) {
  auto seek = std::make_shared<SeekArgs>();
  auto* k = app.add_subcommand("seek",
                               "the cheapest settings that meet a target, or the best outcome "
                               "within a budget, with stated confidence");
  k->add_option("SCENARIO", seek->scenario, "scenario file (.yaml) or shipped scenario name")
      ->required();
  k->add_option("--target", seek->target,
                "OUTCOME<=VALUE or OUTCOME>=VALUE, e.g. 'response_time_p90_h<=24'")
      ->type_name("TARGET");
  k->add_option("--budget", seek->budget,
                "EXPR<=VALUE, e.g. 'cost_total_cny_year<=2e7': the best --maximize or --minimize "
                "outcome among the points within it")
      ->type_name("BUDGET");
  k->add_option("--minimize", seek->minimize,
                "the outcome to minimise (default with --target: cost = cost_per_resident_year)")
      ->type_name("OUTCOME");
  k->add_option("--maximize", seek->maximize, "with --budget: the outcome to maximise")
      ->type_name("OUTCOME");
  k->add_option(
       "--over", seek->over,
       "keys to search: KEY=lo:hi:step or KEY=v1,v2,..., or KEY[,KEY] with ranges from --vary")
      ->type_name("KEYS")
      ->allow_extra_args(false)
      ->required();
  k->add_option("--vary", seek->vary, "the range of an --over key: KEY=lo:hi:step or KEY=v1,v2,...")
      ->type_name("KEY=VALUES")
      ->allow_extra_args(false);
  k->add_option("--confidence", seek->confidence,
                "one-sided confidence that a point meets the target (default 0.95)")
      ->type_name("P");
  add_batch_options(*k, seek->batch, false);
  k->footer(
      "Assumes the target gets easier and the cost higher as each --over key grows along its "
      "values; bisects each line of the grid for the feasible point next to the boundary. With "
      "--budget, bisects each line for the budget's boundary and evaluates every point within "
      "it.\n"
      "Example: govsim seek grid-one-branch --target 'response_time_p90_h<=24' --minimize cost "
      "--over governance.staffing.grid_workers_per_grid=1:3:0.25 --replications 5\n"
      "Example: govsim seek baseline --budget 'cost_total_cny_year<=2.6e7' --maximize trust_mean "
      "--over governance.staffing.grid_workers_per_grid=1:2:0.5 --replications 5");
  k->callback([seek, &exit_code] { exit_code = seek_command(*seek); });
}

void add_frontier_command(CLI::App& app, int& exit_code) {
  auto f = std::make_shared<FrontierArgs>();
  auto* k = app.add_subcommand(
      "frontier", "the designs no other beats on cost and outcomes at once (Pareto frontier)");
  k->add_option("SCENARIO", f->scenario, "scenario file (.yaml) or shipped scenario name")
      ->required();
  k->add_option("--over", f->over, "a design key and its values: KEY=lo:hi:step or KEY=v1,v2,...")
      ->type_name("KEY=VALUES")
      ->allow_extra_args(false)
      ->required();
  k->add_option("--outcome", f->outcome,
                "an outcome to weigh against cost (once or twice), e.g. response_time_p90_h")
      ->type_name("OUTCOME")
      ->allow_extra_args(false)
      ->required();
  k->add_option("--cost", f->cost, "the cost outcome (default cost_total_cny_year)")
      ->type_name("OUTCOME");
  k->add_option("--place", f->place,
                "shipped designs (or scenario files) to place on the chart, e.g. fragmented")
      ->type_name("DESIGN")
      ->allow_extra_args(false);
  k->add_option("--max-replications", f->max_replications,
                "replications for designs whose place is in doubt (default 4 x --replications)")
      ->type_name("R");
  add_batch_options(*k, f->batch, false);
  k->footer(
      "Every design gets --replications; designs that might be on the frontier or might be "
      "dominated get more, round by round, up to --max-replications.\n"
      "Example: govsim frontier baseline --over governance.platform.level=0,1 "
      "--over governance.staffing.grid_workers_per_grid=1:2:0.5 --outcome response_time_p90_h "
      "--place fragmented --place modern -r 3 --report frontier.html");
  k->callback([f, &exit_code] { exit_code = frontier_command(*f); });
}

void add_sensitivity_command(CLI::App& app, int& exit_code) {
  auto sens = std::make_shared<SensitivityArgs>();
  auto* v = app.add_subcommand(
      "sensitivity", "which parameters drive the outcomes: Morris elementary effects (or OAT)");
  v->add_option("SCENARIO", sens->scenario, "scenario file (.yaml) or shipped scenario name")
      ->required();
  v->add_option("--param", sens->params,
                "a key and its range, KEY=lo:hi (inside the key's valid range), or KEY for its "
                "default range; repeat for more keys (default: the main governance and "
                "behaviour knobs)")
      ->type_name("KEY=LO:HI")
      ->allow_extra_args(false);
  v->add_option("--method", sens->method,
                "morris (elementary effects, default) or oat (each key low and high, the others "
                "at their midpoints)")
      ->type_name("M");
  v->add_option("--trajectories", sens->trajectories, "Morris trajectories r (default 10)")
      ->type_name("R");
  v->add_option("--levels", sens->levels, "Morris grid levels p, even (default 4)")->type_name("P");
  v->add_option("--candidates", sens->candidates,
                "random trajectories to choose the r most spread from (default 10 r, at most "
                "1000)")
      ->type_name("M");
  v->add_option("--sample-seed", sens->sample_seed,
                "seed of the trajectories and the bootstrap (default --seed)")
      ->type_name("S");
  v->add_option("--json", sens->json, "write the rankings as JSON here")->type_name("FILE");
  add_batch_options(*v, sens->batch, true);
  v->get_option("--replications")
      ->description(
          "replications per point (default 1: the points share the seed, so an elementary "
          "effect compares runs with the same random numbers)");
  v->get_option("--outcomes")
      ->description(
          "outcomes to rank, comma-separated, or 'all' (default: response_time_mean_h, "
          "disputes_per_10k_year, gain_mean, happiness_mean, security_mean)");
  v->footer(
      "mu* (mean |elementary effect|) is the change of an outcome over the key's whole range; "
      "it ranks the keys. mu keeps the sign; sigma is large when the effect depends on the "
      "other keys.\n"
      "Example: govsim sensitivity baseline --days 120 --db sens.db --report sens.html\n"
      "         govsim sensitivity modern --param governance.platform.level=0:1 "
      "--param governance.volunteers.per_1k=0:10 --trajectories 20");
  v->callback([sens, &exit_code] { exit_code = sensitivity_command(*sens); });
}

// The commands that read results stores rather than run simulations.
void add_store_commands(CLI::App& app, int& exit_code) {
  auto exp = std::make_shared<ExportArgs>();
  auto* e = app.add_subcommand("export", "write a results database as tidy CSV files");
  e->add_option("DB", exp->db, "results database")->required();
  e->add_option("--csv", exp->csv_dir,
                "directory for runs.csv, summaries.csv, series.csv, statistics.csv")
      ->type_name("DIR")
      ->required();
  e->callback([exp, &exit_code] { exit_code = export_command(*exp); });

  auto rep = std::make_shared<ReportArgs>();
  auto* r =
      app.add_subcommand("report", "write a self-contained HTML report of a results database");
  r->add_option("DB", rep->db, "results database")->required();
  r->add_option("--out", rep->out, "HTML file to write")->type_name("FILE")->required();
  r->add_option("--outcomes", rep->outcomes, "outcomes to show, comma-separated, or 'all'")
      ->type_name("LIST");
  r->add_option("--outcome", rep->outcome,
                "outcome of the response surface (default: the first shown)")
      ->type_name("NAME");
  r->callback([rep, &exit_code] { exit_code = report_command(*rep); });

  auto merge = std::make_shared<MergeArgs>();
  auto* m = app.add_subcommand("merge", "combine the databases of the shards of one experiment");
  m->add_option("OUT", merge->out, "database to write")->required();
  m->add_option("INPUTS", merge->inputs, "the shards' databases")->required();
  m->add_flag("--overwrite", merge->overwrite, "replace OUT if it exists");
  m->callback([merge, &exit_code] { exit_code = merge_command(*merge); });
}

}  // namespace

void remember_command_line(int argc, char** argv) {
  std::string line = "govsim";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool plain = arg.find_first_of(" \t'\"$\\<>|&;()*?") == std::string::npos && !arg.empty();
    line += " " + (plain ? arg : "'" + arg + "'");
  }
  g_command_line = line;
}

const std::string& command_line() { return g_command_line; }

void add_batch_commands(CLI::App& app, int& exit_code) {
  add_compare_command(app, exit_code);
  add_sweep_command(app, exit_code);
  add_seek_command(app, exit_code);
  add_frontier_command(app, exit_code);
  add_sensitivity_command(app, exit_code);
  add_store_commands(app, exit_code);
}

}  // namespace govsim
