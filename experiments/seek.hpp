// `govsim seek`: the cheapest point of a grid of settings that meets a target with stated
// confidence. A point is feasible when the one-sided bound of the target outcome (upper for <=,
// lower for >=) at that confidence meets the target, so "feasible" means "meets it unless we
// were unlucky with probability 1 - confidence".
//
// The search assumes that along each key's values the target gets easier to meet as the cost
// grows (more staff, more cost, shorter waits). For every combination of the other keys it
// bisects along the last key for the feasible point next to the boundary, and among those it
// answers with the one of least mean cost. A grid of n values costs about log2(n) + 1 points per
// line instead of n.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "experiments/stats.hpp"

namespace govsim::batch {

struct Target {
  std::string text;  // as given, e.g. "response_time_p90_h<=24"
  std::size_t column = 0;
  bool at_most = true;  // <= (or <); false for >= (or >)
  double bound = 0;
};

// Throws InputError naming `option` (--target, --budget).
Target parse_target(const std::string& text, const std::string& option = "--target");

struct PointEstimate {
  Estimate target;
  Estimate cost;
};

struct SeekStep {
  std::size_t design = 0;
  int round = 0;
  PointEstimate estimate;
  double bound = kNaN;  // the one-sided bound that decides feasibility
  bool feasible = false;
};

struct SeekResult {
  std::vector<SeekStep> steps;              // every point evaluated, in order
  std::optional<std::size_t> answer;        // index into steps
  std::optional<std::size_t> next_cheaper;  // the infeasible neighbour of the answer, if any
  std::optional<std::size_t> runner_up;     // within a budget: the second best feasible point
};

// Evaluates the given designs (grid points, numbered with the last key fastest) and returns
// their estimates in the same order.
using EvaluatePoints = std::function<std::vector<PointEstimate>(const std::vector<std::size_t>&)>;

SeekResult seek_cheapest(const std::vector<std::size_t>& shape, const Target& target,
                         double confidence, const EvaluatePoints& evaluate);

// `--budget 'EXPR<=B' --maximize|--minimize OUTCOME`: the point of best mean OUTCOME among those
// whose one-sided bound of EXPR meets the budget. PointEstimate::target is EXPR and ::cost the
// OUTCOME. Assumes EXPR is monotone along each key's values (as cost is): each line is bisected
// for the budget's boundary, then every point on the line within the budget is evaluated, since
// the outcome need not be monotone. The answer is what an exhaustive search of the grid finds.
SeekResult seek_within_budget(const std::vector<std::size_t>& shape, const Target& budget,
                              double confidence, bool maximize, const EvaluatePoints& evaluate);

}  // namespace govsim::batch
