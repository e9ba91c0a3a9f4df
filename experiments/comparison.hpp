// Summaries arranged by design and replication, and the comparison a planner reads: each
// outcome's mean with its 95 % interval per design, and the paired difference from the first
// design with its interval, marked when it excludes zero.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "experiments/columns.hpp"
#include "experiments/stats.hpp"

namespace govsim::batch {

class ResultGrid {
 public:
  explicit ResultGrid(std::vector<std::string> labels) : labels_(std::move(labels)) {
    cells_.resize(labels_.size());
  }
  void add(std::size_t design, std::int64_t replication, const CellRow& summary);

  std::size_t designs() const { return labels_.size(); }
  const std::string& label(std::size_t design) const { return labels_[design]; }
  // Values of one summary column by replication; NaN where a run is missing or has no value.
  std::vector<double> values(std::size_t design, std::size_t column) const;
  std::int64_t runs(std::size_t design) const;  // finished replications
  std::int64_t max_replications() const;

 private:
  std::vector<std::string> labels_;
  std::vector<std::vector<std::optional<CellRow>>> cells_;  // [design][replication]
};

struct OutcomeComparison {
  std::size_t column = 0;
  std::vector<Estimate> means;     // per design
  std::vector<Estimate> paired;    // per design: design - first design, by replication
  std::vector<Estimate> unpaired;  // the same difference as if the runs were independent
};

OutcomeComparison compare_outcome(const ResultGrid& grid, std::size_t column);

// "34.1 ± 0.5" with as many decimals as the interval warrants.
std::string format_estimate(const Estimate& e, int decimals);
// The interval is zero but for rounding noise: the value is the same in every replication.
bool exact_interval(const Estimate& e);
int decimals_for(const std::vector<Estimate>& estimates);

// The text table of `govsim compare` (one block per outcome).
std::string format_comparison(const ResultGrid& grid,
                              const std::vector<OutcomeComparison>& outcomes);

// One row per design, one column per outcome: the table of a sweep, whose designs are points
// rather than rivals of the first.
std::string format_point_table(const ResultGrid& grid,
                               const std::vector<OutcomeComparison>& outcomes);

// Display width of UTF-8 text (code points; the table uses no wide characters).
std::size_t display_width(const std::string& text);

}  // namespace govsim::batch
