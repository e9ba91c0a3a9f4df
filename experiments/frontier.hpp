// `govsim frontier`: the designs of a grid of settings that no other design beats on cost and on
// every outcome at once (the non-dominated set, or Pareto frontier), with replications and common
// random numbers.
//
// Dominance is judged on paired differences: replication i of every design ran with the same
// seed, so the difference of two designs replication by replication carries little of the noise
// they share. Design a clearly dominates b when, on cost and on each outcome, the 95 % interval of
// the paired difference lies on a's better side of zero (or the difference is exactly zero in
// every replication), and on one of them strictly. The frontier is the set no design dominates by
// its means; a point is settled when it is either clearly dominated or on the frontier with no
// design that might dominate it. Unsettled points (and the frontier, so that they stay paired)
// get more replications, round by round, up to a limit: replications go where the frontier is
// in doubt, not to designs that are plainly worse.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "experiments/stats.hpp"

namespace govsim::batch {

// A dimension of the comparison: cost (lower is better) or an outcome. direction +1 when higher
// is better, -1 when lower is.
struct FrontierDimension {
  std::size_t column = 0;
  int direction = -1;
};

// values[dimension][replication] of one design; NaN for a replication it lacks.
using PointValues = std::vector<std::vector<double>>;

struct FrontierPoint {
  std::size_t design = 0;
  std::vector<Estimate> means;  // per dimension
  std::int64_t replications = 0;
  bool on_frontier = false;  // no design dominates it by the means
  bool settled = false;      // clearly dominated, or on the frontier beyond doubt
  std::vector<std::size_t> clearly_dominated_by;  // indices into the points
};

struct FrontierResult {
  std::vector<FrontierPoint> points;  // in the order of the candidates
  int rounds = 0;
  std::int64_t runs = 0;  // design-replications evaluated
};

// Replications [first, first + count) of the given designs: their values, in the same order.
using EvaluateReplications = std::function<std::vector<PointValues>(
    const std::vector<std::size_t>& designs, std::int64_t first, std::int64_t count)>;

struct FrontierOptions {
  std::int64_t replications = 3;      // every design first gets this many
  std::int64_t max_replications = 0;  // the limit for unsettled designs; 0 = no second round
  std::int64_t step = 0;              // replications added per round; 0 = `replications`
};

FrontierResult find_frontier(const std::vector<std::size_t>& candidates,
                             const std::vector<FrontierDimension>& dimensions,
                             const FrontierOptions& options, const EvaluateReplications& evaluate);

// The classification alone, for the values at hand (used by find_frontier and by the report).
std::vector<FrontierPoint> classify_frontier(const std::vector<std::size_t>& designs,
                                             const std::vector<PointValues>& values,
                                             const std::vector<FrontierDimension>& dimensions);

}  // namespace govsim::batch
