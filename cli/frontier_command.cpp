// `govsim frontier SCENARIO --over KEY=VALUES ... --outcome OUTCOME [--outcome OUTCOME2]`: the
// designs of a grid that no other design beats on cost and on the outcomes at once, with more
// replications where the frontier is in doubt; shipped designs (--place) are placed beside it.
#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/batch_session.hpp"
#include "engine/errors.hpp"
#include "experiments/comparison.hpp"
#include "experiments/frontier.hpp"
#include "experiments/names.hpp"
#include "experiments/sweep.hpp"

namespace govsim {
namespace {

using namespace batch;

Json number_or_null(double x) { return std::isfinite(x) ? Json(x) : Json(nullptr); }

std::vector<VarySpec> frontier_specs(const FrontierArgs& args) {
  std::vector<VarySpec> specs;
  for (const std::string& over : args.over) {
    VarySpec s = parse_vary(over, "--over");
    if (s.values.empty())
      throw InputError("--over " + s.key +
                       ": frontier searches a grid; give a step (lo:hi:step) or a list of values");
    for (const VarySpec& t : specs)
      if (t.key == s.key) throw InputError("--over: " + s.key + " is named twice");
    specs.push_back(std::move(s));
  }
  return specs;
}

std::vector<FrontierDimension> frontier_dimensions(const FrontierArgs& args) {
  if (args.outcome.empty() || args.outcome.size() > 2)
    throw InputError("--outcome: give one or two outcomes to weigh against cost");
  std::vector<FrontierDimension> dims;
  const std::size_t cost = outcome_column(args.cost, "--cost");
  dims.push_back({cost, -1});
  for (const std::string& name : args.outcome) {
    const std::size_t c = outcome_column(name, "--outcome");
    const int direction = outcome_direction(summary_columns()[c].name);
    if (direction == 0)
      throw InputError("--outcome " + name +
                       ": neither more nor less of it is better, so it has no frontier; choose "
                       "e.g. response_time_p90_h, dropped, trust_mean or within_deadline_share");
    if (c == cost) throw InputError("--outcome " + name + ": it is the cost itself");
    dims.push_back({c, direction});
  }
  return dims;
}

Json estimate_json(const Estimate& e) {
  return {
      {"n", e.n}, {"mean", number_or_null(e.mean)}, {"half_width", number_or_null(e.half_width)}};
}

Json point_json(const Experiment& experiment, const FrontierPoint& p,
                const std::vector<FrontierPoint>& all) {
  Json means = Json::array();
  for (const Estimate& e : p.means) means.push_back(estimate_json(e));
  Json by = Json::array();
  for (const std::size_t a : p.clearly_dominated_by)
    by.push_back(experiment.design(all[a].design).label);
  Json params = Json::object();
  for (const auto& [k, v] : experiment.design(p.design).params) params[k] = v;
  return {{"design", p.design},          {"label", experiment.design(p.design).label},
          {"params", std::move(params)}, {"on_frontier", p.on_frontier},
          {"settled", p.settled},        {"replications", p.replications},
          {"means", std::move(means)},   {"clearly_dominated_by", std::move(by)}};
}

std::string g4(double x) {
  if (!std::isfinite(x)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4g", x);
  return buf;
}

// What the store keeps of a frontier search, for the report.
std::string frontier_record(const Experiment& experiment,
                            const std::vector<FrontierDimension>& dims,
                            const FrontierOptions& options, const FrontierResult& result,
                            const std::vector<FrontierPoint>& placed_points) {
  Json dimensions = Json::array();
  for (const FrontierDimension& d : dims)
    dimensions.push_back(
        {{"column", summary_columns()[d.column].name}, {"direction", d.direction}});
  Json points = Json::array();
  for (const FrontierPoint& p : result.points)
    points.push_back(point_json(experiment, p, result.points));
  Json placed_json = Json::array();
  for (const FrontierPoint& p : placed_points) {
    FrontierPoint q = p;
    q.clearly_dominated_by.clear();
    Json j = point_json(experiment, q, result.points);
    Json by = Json::array();
    for (const std::size_t d : p.clearly_dominated_by) by.push_back(experiment.design(d).label);
    j["clearly_dominated_by"] = std::move(by);
    placed_json.push_back(std::move(j));
  }
  const Json record = {{"dimensions", std::move(dimensions)},
                       {"replications", options.replications},
                       {"max_replications", options.max_replications},
                       {"rounds", result.rounds},
                       {"points", std::move(points)},
                       {"placed", std::move(placed_json)}};
  return record.dump();
}

void print_frontier(const FrontierArgs& args, const Experiment& experiment,
                    const std::vector<FrontierDimension>& dims, const FrontierOptions& options,
                    const FrontierResult& result, const std::vector<FrontierPoint>& placed_points,
                    std::size_t grid_size, std::int64_t ran) {
  std::cout << "frontier: the designs no other design beats on " << args.cost;
  for (const std::string& o : args.outcome) std::cout << " and " << o;
  std::cout << " at once (by the means; paired 95% intervals decide what is clear)\n  " << grid_size
            << " designs, " << options.replications << " to " << options.max_replications
            << " paired replications each, " << result.rounds << " rounds\n\n";
  const auto row = [&](const FrontierPoint& p, const char* mark, bool reference) {
    std::cout << "  " << mark << " " << experiment.design(p.design).label << "\n     ";
    for (std::size_t k = 0; k < dims.size(); ++k) {
      const Estimate& e = p.means[k];
      std::cout << (k ? "; " : "") << summary_columns()[dims[k].column].name << " "
                << format_estimate(e, decimals_for({e}));
    }
    std::cout << " (" << p.replications << " replications"
              << (reference || p.settled ? "" : "; not yet clear") << ")\n";
  };
  std::size_t on = 0;
  for (const FrontierPoint& p : result.points) {
    if (!p.on_frontier) continue;
    ++on;
    row(p, "*", false);
  }
  std::cout << "\n  " << on << " of " << grid_size << " designs on the frontier\n";
  for (const FrontierPoint& p : placed_points) {
    row(p, "o", true);
    std::cout << "     "
              << (p.clearly_dominated_by.empty()
                      ? "no design of the grid clearly beats it"
                      : "clearly beaten by " +
                            experiment.design(p.clearly_dominated_by.front()).label +
                            (p.clearly_dominated_by.size() > 1
                                 ? " and " + g4(double(p.clearly_dominated_by.size() - 1)) + " more"
                                 : std::string()))
              << "\n";
  }
  std::cout << "  (" << ran << " runs now)\n";
}

}  // namespace

int frontier_command(const FrontierArgs& args) {
  return with_cluster([&](Cluster& cluster) {
    Session session(cluster);
    check_batch_args(args.batch, session, true);
    const std::vector<FrontierDimension> dims = frontier_dimensions(args);
    const std::vector<VarySpec> specs = frontier_specs(args);
    FrontierOptions options;
    options.replications = args.batch.replications;
    options.max_replications =
        args.max_replications > 0 ? args.max_replications : 4 * args.batch.replications;
    if (options.replications < 2)
      throw InputError("--replications: an interval needs at least 2 replications per design");
    if (options.max_replications < options.replications)
      throw InputError("--max-replications: " + std::to_string(options.max_replications) +
                       " is below --replications " + std::to_string(options.replications));
    check_replications(options.max_replications, "--max-replications");
    check_seed(args.batch.seed, options.max_replications);

    Plan plan = grid_plan("frontier", args.scenario, args.batch, specs);
    const std::size_t grid_size = plan.designs.size();
    for (const std::string& name : args.place) {
      Design d;
      d.scenario = name;
      plan.designs.push_back(d);
    }
    const Experiment experiment(std::move(plan));
    open_store(session, args.batch, experiment);

    std::int64_t failed = 0, ran = 0;
    bool input_error = false;
    std::string first_error;
    int round = 0;
    const auto evaluate = [&](const std::vector<std::size_t>& designs, std::int64_t first,
                              std::int64_t count) {
      const std::vector<RunSpec> runs = experiment.specs(designs, first, count);
      const BatchOutcome o =
          run(session, experiment, runs, "frontier, round " + std::to_string(++round));
      failed += o.failed;
      ran += o.ran;
      input_error = input_error || o.input_error;
      if (first_error.empty()) first_error = o.first_error;
      const ResultGrid grid = result_grid(experiment, runs, o);
      std::vector<PointValues> out;
      for (const std::size_t d : designs) {
        PointValues v;
        for (const FrontierDimension& dim : dims) {
          const std::vector<double> all = grid.values(d, dim.column);
          std::vector<double> mine;
          for (std::int64_t r = first; r < first + count; ++r)
            mine.push_back(
                static_cast<std::size_t>(r) < all.size() ? all[static_cast<std::size_t>(r)] : kNaN);
          v.push_back(std::move(mine));
        }
        out.push_back(std::move(v));
      }
      return out;
    };
    std::vector<std::size_t> candidates(grid_size);
    for (std::size_t i = 0; i < grid_size; ++i) candidates[i] = i;
    const FrontierResult result = find_frontier(candidates, dims, options, evaluate);

    // The placed designs: their replications, and whether a design of the grid dominates them.
    std::vector<std::size_t> placed;
    for (std::size_t i = grid_size; i < experiment.size(); ++i) placed.push_back(i);
    std::vector<FrontierPoint> placed_points;
    if (!placed.empty()) {
      const std::vector<PointValues> placed_values = evaluate(placed, 0, options.replications);
      std::vector<std::size_t> designs = candidates;
      std::vector<PointValues> values =
          evaluate(candidates, 0, options.replications);  // already run: read from the store
      designs.insert(designs.end(), placed.begin(), placed.end());
      values.insert(values.end(), placed_values.begin(), placed_values.end());
      const std::vector<FrontierPoint> all = classify_frontier(designs, values, dims);
      placed_points.assign(all.begin() + static_cast<std::ptrdiff_t>(grid_size), all.end());
      for (FrontierPoint& p : placed_points)
        for (std::size_t& a : p.clearly_dominated_by) a = all[a].design;
    }

    if (cluster.root())
      session.store->set_meta("frontier",
                              frontier_record(experiment, dims, options, result, placed_points));
    if (session.printing())
      print_frontier(args, experiment, dims, options, result, placed_points, grid_size, ran);
    finish(session, args.batch);
    return failures_exit_code(session, failed, input_error, first_error);
  });
}

}  // namespace govsim
