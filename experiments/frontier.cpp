#include "experiments/frontier.hpp"

#include <algorithm>
#include <cmath>

namespace govsim::batch {
namespace {

// How a compares with b on one dimension, oriented so that positive is better for a.
struct Side {
  bool mean_better = false;  // a's mean is better
  bool mean_worse = false;
  bool clearly_better = false;    // the interval of the paired difference is above zero
  bool clearly_no_worse = false;  // ... is at or above zero (or the difference is exactly zero)
  bool maybe_no_worse = false;    // its upper end is at or above zero
  bool maybe_better = false;      // ... above zero
};

Side side(const std::vector<double>& a, const std::vector<double>& b, int direction) {
  const Estimate d = paired_difference(a, b);
  Side s;
  if (d.n == 0 || std::isnan(d.mean)) return s;
  const double mean = direction * d.mean;
  // An interval of rounding noise around a difference that is the same in every replication
  // (a design's fixed cost) is no uncertainty.
  const double half = std::isfinite(d.half_width) ? d.half_width : 0;
  const double scale = 1e-9 * std::max(1.0, std::fabs(d.mean));
  const bool exact = half <= scale;
  const double lo = exact ? mean : mean - half, hi = exact ? mean : mean + half;
  s.mean_better = mean > scale;
  s.mean_worse = mean < -scale;
  s.clearly_better = lo > scale && (exact || d.n >= 2);
  s.clearly_no_worse = lo >= -scale && (exact || d.n >= 2);
  s.maybe_no_worse = hi >= -scale;
  s.maybe_better = hi > scale;
  return s;
}

}  // namespace

std::vector<FrontierPoint> classify_frontier(const std::vector<std::size_t>& designs,
                                             const std::vector<PointValues>& values,
                                             const std::vector<FrontierDimension>& dimensions) {
  const std::size_t n = designs.size();
  std::vector<FrontierPoint> points(n);
  for (std::size_t i = 0; i < n; ++i) {
    points[i].design = designs[i];
    for (std::size_t k = 0; k < dimensions.size(); ++k) {
      points[i].means.push_back(estimate(values[i][k]));
      points[i].replications = std::max(points[i].replications, points[i].means.back().n);
    }
  }
  for (std::size_t b = 0; b < n; ++b) {
    bool dominated = false, maybe_dominated = false, clearly = false;
    for (std::size_t a = 0; a < n; ++a) {
      if (a == b) continue;
      bool no_worse = true, better = false, clear_no_worse = true, clear_better = false;
      bool maybe = true, maybe_better = false;
      for (std::size_t k = 0; k < dimensions.size(); ++k) {
        const Side s = side(values[a][k], values[b][k], dimensions[k].direction);
        no_worse = no_worse && !s.mean_worse;
        better = better || s.mean_better;
        clear_no_worse = clear_no_worse && s.clearly_no_worse;
        clear_better = clear_better || s.clearly_better;
        maybe = maybe && s.maybe_no_worse;
        maybe_better = maybe_better || s.maybe_better;
      }
      if (no_worse && better) dominated = true;
      if (clear_no_worse && clear_better) {
        clearly = true;
        points[b].clearly_dominated_by.push_back(a);
      }
      if (maybe && maybe_better) maybe_dominated = true;
    }
    points[b].on_frontier = !dominated;
    points[b].settled = clearly || (!dominated && !maybe_dominated);
  }
  return points;
}

FrontierResult find_frontier(const std::vector<std::size_t>& candidates,
                             const std::vector<FrontierDimension>& dimensions,
                             const FrontierOptions& options, const EvaluateReplications& evaluate) {
  FrontierResult result;
  const std::size_t n = candidates.size();
  std::vector<PointValues> values(n, PointValues(dimensions.size()));
  std::vector<std::int64_t> have(n, 0);
  const auto add = [&](const std::vector<std::size_t>& which, std::int64_t first,
                       std::int64_t count) {
    std::vector<std::size_t> designs;
    for (const std::size_t i : which) designs.push_back(candidates[i]);
    const std::vector<PointValues> got = evaluate(designs, first, count);
    for (std::size_t j = 0; j < which.size(); ++j) {
      const std::size_t i = which[j];
      for (std::size_t k = 0; k < dimensions.size(); ++k) {
        std::vector<double>& v = values[i][k];
        v.resize(static_cast<std::size_t>(first + count), kNaN);
        for (std::int64_t r = 0; r < count && static_cast<std::size_t>(r) < got[j][k].size(); ++r)
          v[static_cast<std::size_t>(first + r)] = got[j][k][static_cast<std::size_t>(r)];
      }
      have[i] = first + count;
      result.runs += count;
    }
    ++result.rounds;
  };
  std::vector<std::size_t> all(n);
  for (std::size_t i = 0; i < n; ++i) all[i] = i;
  if (n == 0) return result;
  add(all, 0, options.replications);
  const std::int64_t step = options.step > 0 ? options.step : options.replications;
  while (true) {
    result.points = classify_frontier(candidates, values, dimensions);
    std::vector<std::size_t> more;
    bool unsettled = false;
    for (std::size_t i = 0; i < n; ++i) unsettled = unsettled || !result.points[i].settled;
    if (!unsettled) break;
    // The unsettled points and the frontier (to keep their differences paired), below the limit.
    for (std::size_t i = 0; i < n; ++i) {
      const FrontierPoint& p = result.points[i];
      if ((!p.settled || p.on_frontier) && have[i] < options.max_replications) more.push_back(i);
    }
    if (more.empty()) break;
    // Every design in a round gets the same replications, so that they stay paired.
    std::int64_t first = 0;
    for (const std::size_t i : more) first = std::max(first, have[i]);
    const std::int64_t count = std::min(step, options.max_replications - first);
    if (count <= 0) break;
    // Designs behind the round's first replication catch up in the same round.
    std::vector<std::size_t> behind;
    for (const std::size_t i : more)
      if (have[i] < first) behind.push_back(i);
    for (const std::size_t i : behind) {
      const std::int64_t from = have[i];
      add({i}, from, first - from);
      --result.rounds;  // part of this round
    }
    add(more, first, count);
  }
  return result;
}

}  // namespace govsim::batch
