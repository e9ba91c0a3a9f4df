// Repeated runs of the performance suite: each case's figures as the median over the rounds, and
// each target's measured value as the median of the rounds' values, with its range. One run on a
// shared or throttled machine can be far from its typical speed; the median of a few alternating
// rounds is what `make bench BENCH_REPEAT=N` reports (docs/PERFORMANCE.md).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace govsim::bench {

using Json = nlohmann::json;

// The median of the values that are not NaN (the mean of the middle two for an even count); NaN
// for none.
double median(std::vector<double> values);

// One case's rows from several rounds (same name and thread count) as one row: every number at
// the top level or in an object one level down (phases_s, setup_s) is the median over the rows
// that ran without an error (but "threads_ready" is the fewest of any of them), the rest is the
// first such row's; "rounds" is how many rows that
// is, "wall_s_range" their wall times' [min, max], "errors" the rows that failed and
// "hash_differs" true if their final state hashes do not all agree (a determinism fault). If
// every row failed, the first row, with "rounds": 0 and "errors" the number of rows. Rows or
// values of the wrong type are left out, as missing.
Json median_row(const std::vector<Json>& rows);

// A target checked in one round.
struct Measured {
  std::string what;
  double value;
  double limit;
  bool at_most;  // met when value <= limit, else when value >= limit
};

// A target over the rounds in which it could be measured.
struct Summary {
  std::string what;
  double median, min, max;
  double limit;
  bool at_most;
  int rounds;
  bool met() const { return at_most ? median <= limit : median >= limit; }
};

// Each target's rounds gathered by its name, in the order of first appearance.
std::vector<Summary> summarise(const std::vector<std::vector<Measured>>& rounds);

}  // namespace govsim::bench
