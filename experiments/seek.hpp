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

Target parse_target(const std::string& text);  // throws InputError

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
};

// Evaluates the given designs (grid points, numbered with the last key fastest) and returns
// their estimates in the same order.
using EvaluatePoints = std::function<std::vector<PointEstimate>(const std::vector<std::size_t>&)>;

SeekResult seek_cheapest(const std::vector<std::size_t>& shape, const Target& target,
                         double confidence, const EvaluatePoints& evaluate);

}  // namespace govsim::batch
