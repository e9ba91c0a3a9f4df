#include "cli/commands.hpp"

#include <CLI/CLI.hpp>
#include <memory>

#include "cli/batch_commands.hpp"
#include "cli/strict_options.hpp"

namespace govsim {
namespace {

// Repeated --set flags each take exactly one value, so `--set a=1 SCENARIO` does not swallow the
// scenario as a second override.
void add_scenario_options(CLI::App& cmd, ScenarioArgs& args, bool scenario_required) {
  auto* positional = cmd.add_option("SCENARIO", args.scenario,
                                    "scenario file (.yaml) or shipped scenario name (see "
                                    "`govsim scenarios`)");
  if (scenario_required) {
    positional->required();
  } else {
    positional->description(
        "scenario file (.yaml) or shipped scenario name; none = the built-in baseline");
  }
  cmd.add_option("--set", args.overrides, "override one scenario key, e.g. --set run.days=90")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
}

}  // namespace

void add_commands(CLI::App& app, int& exit_code) {
  // The argument structs must outlive parsing, when the callbacks run.
  auto run_args = std::make_shared<RunArgs>();
  auto scenario_args = std::make_shared<ScenarioArgs>();

  auto* run = app.add_subcommand("run", "simulate a scenario and write results to a directory");
  add_scenario_options(*run, run_args->input, false);
  run->add_option("--days", run_args->days, "days to simulate (same as --set run.days=N)")
      ->type_name("N");
  run->add_option("--seed", run_args->seed, "master random seed (same as --set run.seed=S)")
      ->type_name("S");
  run->add_option("--threads", run_args->threads, "worker threads; 0 = every core")->type_name("T");
  run->add_option("--out", run_args->out_dir, "output directory (default: out/<scenario name>)")
      ->type_name("DIR");
  run->add_flag("-q,--quiet", run_args->quiet, "print nothing but errors");
  run->add_flag("--overwrite", run_args->overwrite,
                "replace the outputs of an earlier run in the folder (without it, a run refuses "
                "a folder holding another scenario's outputs, and out/<scenario name> holding "
                "its own)");
  run->footer(
      "Writes timeseries.csv, grids.csv, summary.json and manifest.json into the output "
      "directory, each complete or not at all.");
  run->add_option("--checkpoint-every", run_args->checkpoint_every,
                  "write OUT/checkpoint.bin every N days (govsim resume continues from it)")
      ->type_name("N");
  run->callback([run_args, &exit_code] { exit_code = run_command(*run_args); });

  auto resume_args = std::make_shared<ResumeArgs>();
  auto* resume = app.add_subcommand(
      "resume", "continue a run from a checkpoint; the outputs equal an uninterrupted run's");
  resume->add_option("CHECKPOINT", resume_args->checkpoint, "a checkpoint.bin written by run")
      ->required();
  resume->add_option("--threads", resume_args->threads, "worker threads; 0 = every core")
      ->type_name("T");
  resume->add_option("--out", resume_args->out_dir, "output directory (default: the checkpoint's)")
      ->type_name("DIR");
  resume
      ->add_option("--checkpoint-every", resume_args->checkpoint_every,
                   "keep writing OUT/checkpoint.bin every N days")
      ->type_name("N");
  resume->add_flag("-q,--quiet", resume_args->quiet, "print nothing but errors");
  resume->callback([resume_args, &exit_code] { exit_code = resume_command(*resume_args); });

  auto* check = app.add_subcommand("check", "validate a scenario without running it");
  add_scenario_options(*check, *scenario_args, true);
  check->callback([scenario_args, &exit_code] { exit_code = check_command(*scenario_args); });

  auto* show = app.add_subcommand("show", "print the fully resolved scenario as JSON");
  add_scenario_options(*show, *scenario_args, false);
  show->callback([scenario_args, &exit_code] { exit_code = show_command(*scenario_args); });

  auto* list = app.add_subcommand("scenarios", "list the shipped scenarios");
  list->callback([&exit_code] { exit_code = scenarios_command(); });

  auto markdown = std::make_shared<bool>(false);
  auto* keys = app.add_subcommand(
      "keys", "list every scenario key with its type, default, range, unit and source");
  keys->add_flag("--markdown", *markdown, "print a Markdown table (for docs/MODEL.md)");
  keys->callback([markdown, &exit_code] { exit_code = keys_command(*markdown); });

  auto validate_args = std::make_shared<ValidateArgs>();
  auto* validate = app.add_subcommand(
      "validate",
      "run the engine where the answer is known: Erlang C, Jackson, Little, conservation");
  validate->add_flag("--quick", validate_args->quick, "fewer and shorter replications (for CI)");
  validate->add_option("--dir", validate_args->dir, "folder of the validation scenarios")
      ->type_name("DIR");
  validate->add_flag("--robustness", validate_args->robustness,
                     "add the robustness of every claim over the grade-C coefficients");
  validate->add_flag("--robustness-only", validate_args->robustness_only,
                     "run the robustness section alone");
  validate
      ->add_option("--points", validate_args->points,
                   "robustness: points of the Latin hypercube (default 100; 10 with --quick)")
      ->type_name("N");
  validate
      ->add_option("--days", validate_args->days,
                   "robustness: days of each run (default 365; 60 with --quick)")
      ->type_name("D");
  validate
      ->add_option("--replications", validate_args->replications,
                   "robustness: replications of every design at every point (default 1)")
      ->type_name("R");
  validate
      ->add_option("--sample-seed", validate_args->sample_seed,
                   "robustness: seed of the Latin hypercube (default 1)")
      ->type_name("S");
  validate
      ->add_option("--range", validate_args->ranges,
                   "robustness: a coefficient's range, KEY=lo:hi (lo = hi holds it); repeat")
      ->type_name("KEY=lo:hi")
      ->allow_extra_args(false);
  validate
      ->add_option("--markdown", validate_args->markdown,
                   "robustness: write the tables of docs/VALIDATION.md and the README there")
      ->type_name("FILE");
  validate->callback([validate_args, &exit_code] { exit_code = validate_command(*validate_args); });

  add_batch_commands(app, exit_code);
  add_records_commands(app, exit_code);
  add_calibrate_command(app, exit_code);
  refuse_empty_values(app);

  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  govsim run                      the built-in baseline city for a year\n"
      "  govsim run modern --days 730    a shipped scenario for two years\n"
      "  govsim run my.yaml --set governance.platform.level=1 --out runs/p1\n"
      "  govsim scenarios                what is shipped\n"
      "  govsim compare fragmented modern --replications 10 --report cmp.html\n"
      "Exit codes: 0 ok, 2 a mistake in the input or command line, 1 anything else.");
}

}  // namespace govsim
