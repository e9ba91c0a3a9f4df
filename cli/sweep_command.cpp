// `govsim sweep SCENARIO --vary ...`: a factorial or Latin-hypercube design over scenario keys.
#include <iostream>

#include "cli/batch_session.hpp"
#include "engine/errors.hpp"
#include "experiments/sweep.hpp"

namespace govsim {
namespace {

using namespace batch;

constexpr std::size_t kMaxPrintedDesigns = 100;

}  // namespace

int sweep_command(const SweepArgs& args) {
  return with_cluster([&](Cluster& cluster) {
    Session session(cluster);
    check_batch_args(args.batch, session, false);
    std::vector<VarySpec> specs;
    for (const std::string& text : args.vary) {
      specs.push_back(parse_vary(text, "--vary"));
      for (std::size_t k = 0; k + 1 < specs.size(); ++k) {
        if (specs[k].key == specs.back().key) {
          throw InputError("--vary " + text + ": " + specs.back().key + " is varied twice");
        }
      }
    }
    Plan plan;
    plan.kind = "sweep";
    plan.common_overrides = common_overrides(args.batch);
    plan.base_seed = args.batch.seed;
    plan.method = args.method;
    for (const VarySpec& s : specs) plan.vary_keys.push_back(s.key);
    if (args.method == "factorial") {
      if (args.samples != 0) throw InputError("--samples goes with --method lhs");
      plan.designs = factorial_designs(args.scenario, specs);
    } else if (args.method == "lhs") {
      if (args.samples == 0) throw InputError("--method lhs needs --samples N (N >= 2)");
      const std::uint64_t seed = sample_seed(args.sample_seed, args.batch.seed);
      plan.designs = latin_hypercube_designs(args.scenario, specs, args.samples, seed);
    } else {
      throw InputError("--method " + args.method + ": expected factorial or lhs");
    }
    if (args.baseline) {
      Design base;
      base.scenario = args.scenario;
      base.label = "baseline";
      plan.designs.insert(plan.designs.begin(), base);
    }
    const Experiment experiment(std::move(plan));
    open_store(session, args.batch, experiment);

    const std::vector<RunSpec> runs = owned_specs(session, experiment, args.batch.replications);
    const BatchOutcome outcome = run(session, experiment, runs, "sweep");

    if (session.printing()) {
      std::cout << "sweep: " << experiment.size() << " points ("
                << (args.method == "lhs" ? "Latin hypercube" : "full factorial") << ") x "
                << args.batch.replications << " replications";
      if (!session.shard.whole()) {
        std::cout << ", shard " << session.shard.text() << ": " << runs.size() << " runs ("
                  << outcome.ran << " run now); combine the shards with `govsim merge`\n";
      } else {
        std::cout << " (" << outcome.ran << " run now, " << outcome.reused
                  << " from the store)\n\n";
        if (experiment.size() <= kMaxPrintedDesigns) {
          const ResultGrid grid = result_grid(experiment, runs, outcome);
          std::vector<OutcomeComparison> table;
          for (const std::size_t c : session.outcomes) table.push_back(compare_outcome(grid, c));
          std::cout << format_point_table(grid, table);
        } else {
          std::cout << experiment.size() << " points are too many for a table here; see "
                    << "`govsim report` or `govsim export`\n";
        }
      }
    }
    finish(session, args.batch);
    return failures_exit_code(session, outcome.failed, outcome.input_error, outcome.first_error);
  });
}

}  // namespace govsim
