#include "validation/designs.hpp"

#include <optional>
#include <stdexcept>

#include "experiments/cluster.hpp"
#include "experiments/experiment.hpp"
#include "experiments/runner.hpp"
#include "experiments/store.hpp"

namespace govsim::validation {

batch::ResultGrid run_designs(const DesignRuns& runs) {
  std::vector<batch::Design> designs;
  for (const std::string& name : runs.designs) {
    batch::Design d;
    d.scenario = name;
    designs.push_back(d);
  }
  batch::Cluster local;
  return run_design_list(std::move(designs), runs, local);
}

batch::ResultGrid run_design_list(std::vector<batch::Design> designs, const DesignRuns& runs,
                                  batch::Cluster& cluster) {
  batch::Plan plan;
  plan.kind = "compare";
  plan.common_overrides = {"run.days=" + std::to_string(runs.days)};
  plan.designs = std::move(designs);
  const batch::Experiment experiment(std::move(plan));
  const std::vector<batch::RunSpec> specs = experiment.all_specs(runs.replications);
  batch::RunnerOptions options;
  options.jobs = runs.jobs;
  options.store_series = false;
  options.progress = runs.progress && cluster.root();
  options.label = "validation runs";
  std::optional<batch::Store> store;  // the runner keeps its books there (rank 0 only)
  if (cluster.root()) {
    store.emplace(":memory:", batch::StoreMode::Fresh);
    store->begin(experiment.plan_json(), "validate", "");
  }
  const batch::BatchOutcome outcome =
      batch::run_batch(experiment, specs, store ? &*store : nullptr, cluster, options);
  if (outcome.failed > 0)
    throw std::runtime_error("a validation run failed: " + outcome.first_error);
  std::vector<std::string> labels;
  for (std::size_t d = 0; d < experiment.size(); ++d) labels.push_back(experiment.design(d).label);
  batch::ResultGrid grid(labels);
  for (std::size_t i = 0; i < specs.size(); ++i)
    grid.add(specs[i].design, specs[i].replication, *outcome.summaries[i]);
  return grid;
}

std::size_t column(const std::string& name) {
  const auto& columns = batch::summary_columns();
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == name) return i;
  throw std::logic_error("no summary column named " + name);
}

}  // namespace govsim::validation
