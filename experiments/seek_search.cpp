#include "experiments/seek_search.hpp"

#include <cmath>
#include <cstdio>

#include "engine/errors.hpp"

namespace govsim::batch {
namespace {

Json number_or_null(double x) { return std::isfinite(x) ? Json(x) : Json(nullptr); }

std::string g4(double x) {
  if (!std::isfinite(x)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4g", x);
  return buf;
}

}  // namespace

void check_seek_question(const SeekQuestion& q, const std::string& replications_option,
                         const std::string& confidence_option) {
  if (q.replications < 2) {
    throw InputError(replications_option +
                     ": a confidence bound needs at least 2 replications per point");
  }
  if (!(q.confidence >= 0.5 && q.confidence < 1)) {
    throw InputError(confidence_option + ": " + g4(q.confidence) + " is out of range [0.5, 1)");
  }
}

void check_seek_budget(const SeekQuestion& q, const std::string& budget_option) {
  if (q.budget && !q.target.at_most) {
    throw InputError(budget_option + " " + q.target.text +
                     ": a budget is an upper limit, EXPR<=VALUE");
  }
  if (q.maximize && !q.budget) {
    throw InputError("maximize goes with a budget; without one seek minimises a cost");
  }
}

Experiment seek_experiment(const SeekQuestion& q) {
  Plan plan;
  plan.kind = "seek";
  plan.common_overrides = q.common_overrides;
  plan.base_seed = q.base_seed;
  plan.method = "grid";
  for (const VarySpec& s : q.over) plan.vary_keys.push_back(s.key);
  plan.designs = factorial_designs(q.scenario, q.over);
  return Experiment(std::move(plan));
}

ResultGrid result_grid(const Experiment& experiment, const std::vector<RunSpec>& specs,
                       const BatchOutcome& outcome) {
  std::vector<std::string> labels;
  for (std::size_t d = 0; d < experiment.size(); ++d) labels.push_back(experiment.design(d).label);
  ResultGrid grid(labels);
  for (std::size_t i = 0; i < specs.size(); ++i) {
    if (outcome.summaries[i])
      grid.add(specs[i].design, specs[i].replication, *outcome.summaries[i]);
  }
  return grid;
}

SeekRun run_seek(const Experiment& experiment, const SeekQuestion& q, const RunSpecs& run) {
  std::vector<std::size_t> shape;
  for (const VarySpec& s : q.over) shape.push_back(s.values.size());
  SeekRun out;
  const EvaluatePoints evaluate = [&](const std::vector<std::size_t>& designs) {
    const std::vector<RunSpec> runs = experiment.specs(designs, 0, q.replications);
    const BatchOutcome o = run(runs, "seek, round " + std::to_string(++out.rounds));
    out.failed += o.failed;
    out.ran += o.ran;
    out.runs_used += static_cast<std::int64_t>(runs.size());
    out.input_error = out.input_error || o.input_error;
    if (out.first_error.empty()) out.first_error = o.first_error;
    const ResultGrid grid = result_grid(experiment, runs, o);
    std::vector<PointEstimate> estimates;
    for (const std::size_t d : designs) {
      estimates.push_back(
          {estimate(grid.values(d, q.target.column)), estimate(grid.values(d, q.cost))});
    }
    return estimates;
  };
  out.result = q.budget ? seek_within_budget(shape, q.target, q.confidence, q.maximize, evaluate)
                        : seek_cheapest(shape, q.target, q.confidence, evaluate);
  return out;
}

Json seek_record(const SeekQuestion& q, const Experiment& experiment, const SeekResult& result) {
  Json steps = Json::array();
  for (const SeekStep& s : result.steps) {
    steps.push_back({{"design", s.design},
                     {"label", experiment.design(s.design).label},
                     {"round", s.round},
                     {"feasible", s.feasible},
                     {"target_mean", number_or_null(s.estimate.target.mean)},
                     {"target_half_width", number_or_null(s.estimate.target.half_width)},
                     {"bound", number_or_null(s.bound)},
                     {"cost_mean", number_or_null(s.estimate.cost.mean)},
                     {"cost_half_width", number_or_null(s.estimate.cost.half_width)}});
  }
  return {{"target", q.target.text},
          {"target_column", summary_columns()[q.target.column].name},
          {"target_bound", q.target.bound},
          {"at_most", q.target.at_most},
          {"mode", q.budget ? "budget" : "target"},
          {"minimize", summary_columns()[q.cost].name},  // the objective, either way
          {"objective", summary_columns()[q.cost].name},
          {"maximize", q.maximize},
          {"confidence", q.confidence},
          {"replications", q.replications},
          {"steps", std::move(steps)},
          {"answer", result.answer ? Json(*result.answer) : Json(nullptr)},
          {"next_cheaper", result.next_cheaper ? Json(*result.next_cheaper) : Json(nullptr)},
          {"runner_up", result.runner_up ? Json(*result.runner_up) : Json(nullptr)}};
}

}  // namespace govsim::batch
