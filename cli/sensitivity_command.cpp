// `govsim sensitivity SCENARIO`: Morris elementary effects (or one at a time) over the main
// parameters, run as one batch experiment, and the ranking of the parameters for each outcome.
#include <cstdio>
#include <iostream>

#include "cli/batch_session.hpp"
#include "engine/errors.hpp"
#include "experiments/names.hpp"
#include "experiments/sensitivity.hpp"
#include "experiments/svg_chart.hpp"
#include "output/atomic_file.hpp"

namespace govsim {
namespace {

using namespace batch;

std::string describe_design(const SensitivityDesign& d, std::int64_t replications) {
  const std::string per =
      " x " + std::to_string(replications) + (replications == 1 ? " replication" : " replications");
  if (d.method == "oat") {
    return "one at a time, each of " + std::to_string(d.factors.size()) +
           " parameters at the low and the high end of its range\n  with the others at their "
           "midpoints: " +
           std::to_string(d.points.size()) + " points" + per;
  }
  char delta[32];
  std::snprintf(delta, sizeof delta, "%.4g", morris_delta(d.levels));
  return "Morris elementary effects, " + std::to_string(d.factors.size()) + " parameters, " +
         std::to_string(d.trajectories) + " trajectories on a " + std::to_string(d.levels) +
         "-level grid\n  (delta " + delta + " of each range), the most spread of " +
         std::to_string(d.candidates) + " candidates: " + std::to_string(d.points.size()) +
         " points" + per;
}

}  // namespace

int sensitivity_command(const SensitivityArgs& args) {
  return with_cluster([&](Cluster& cluster) {
    Session session(cluster);
    std::vector<CommandPath> json;
    if (!args.json.empty()) json.push_back({"--json", args.json, PathRole::OutputFile});
    check_batch_args(args.batch, session, false, json);
    if (args.batch.outcomes.empty()) session.outcomes = default_sensitivity_outcomes();
    std::vector<Factor> factors;
    for (const std::string& text : args.params) factors.push_back(parse_factor(text));
    if (args.params.empty()) factors = default_factors();
    const std::uint64_t seed = sample_seed(args.sample_seed, args.batch.seed);
    SensitivityDesign design;
    if (args.method == "morris") {
      if (args.trajectories < 2 || args.trajectories > 10000) {
        throw InputError("--trajectories: " + std::to_string(args.trajectories) +
                         " is out of range [2, 10000]");
      }
      const auto r = static_cast<std::size_t>(args.trajectories);
      const std::size_t candidates =
          args.candidates == 0  ? std::max(r, std::min<std::size_t>(10 * r, 1000))
          : args.candidates < 0 ? 0
                                : static_cast<std::size_t>(args.candidates);
      design = morris_design(factors, r, args.levels, candidates, seed);
    } else if (args.method == "oat") {
      design = oat_design(factors, seed);
    } else {
      throw InputError("--method " + args.method + ": expected morris or oat");
    }

    Plan plan;
    plan.kind = "sensitivity";
    plan.common_overrides = common_overrides(args.batch);
    plan.base_seed = args.batch.seed;
    plan.method = design.method;
    for (const Factor& f : design.factors) plan.vary_keys.push_back(f.key);
    plan.designs = sensitivity_designs(args.scenario, design);
    plan.analysis = design_json(design);
    const Experiment experiment(std::move(plan));
    open_store(session, args.batch, experiment);

    const std::vector<RunSpec> runs = owned_specs(session, experiment, args.batch.replications);
    const BatchOutcome outcome = run(session, experiment, runs, "sensitivity");

    if (cluster.root() && session.shard.whole()) {
      const ResultGrid grid = result_grid(experiment, runs, outcome);
      if (!args.json.empty()) {
        write_file_atomically(args.json,
                              to_file_text(rankings_json(design, grid, session.outcomes)));
      }
      if (session.printing()) {
        std::cout << "sensitivity: " << describe_design(design, args.batch.replications) << "\n  ("
                  << outcome.ran << " run now, " << outcome.reused << " from the store)\n";
        std::size_t key_width = 3;
        for (const Factor& f : design.factors) key_width = std::max(key_width, f.key.size());
        for (const Factor& f : design.factors) {
          std::cout << "  " << f.key << std::string(key_width - f.key.size(), ' ') << "  "
                    << format_number(f.lo, 6) << " to " << format_number(f.hi, 6) << "\n";
        }
        std::cout << "\nmu*: mean |elementary effect|, the change of the outcome over the "
                     "parameter's whole range\n(95% CI: "
                  << (design.method == "oat" ? "paired replications"
                                             : "bootstrap over trajectories")
                  << "); mu: its mean with sign"
                  << (design.method == "oat" ? "" : "; sigma: its spread (interaction, curvature)")
                  << "\n\n";
        for (const std::size_t c : session.outcomes) {
          std::cout << format_ranking(design, summary_columns()[c].name,
                                      ranked(effects_on(design, grid, c)))
                    << "\n";
        }
        if (!args.json.empty()) std::cout << "rankings: " << args.json << "\n";
      }
    } else if (session.printing()) {
      std::cout << "sensitivity: shard " << session.shard.text() << ", " << runs.size()
                << " of the plan's runs (" << outcome.ran
                << " run now); combine the shards with `govsim merge`, then `govsim report` "
                   "shows the ranking\n";
    }
    finish(session, args.batch);
    return failures_exit_code(session, outcome.failed, outcome.input_error, outcome.first_error);
  });
}

}  // namespace govsim
