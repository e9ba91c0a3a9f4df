// Before and after: the periods between a run's policy changes, compared with the first period
// of the same runs. Each run is its own control: period k minus period 0, run by run, is a paired
// difference, as designs are paired by replication in a comparison.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "experiments/stats.hpp"
#include "experiments/store.hpp"

namespace govsim::batch {

struct PeriodRow {
  std::string metric;            // a column of PeriodMetrics
  std::vector<Estimate> means;   // per period, over the runs
  std::vector<Estimate> paired;  // per period: minus the first period of the same run
};

struct PeriodComparison {
  std::size_t design = 0;
  std::vector<std::string> periods;  // "days 0-49"
  std::vector<PeriodRow> rows;
};

// The design's finished runs with their periods; none when they have a single period.
std::optional<PeriodComparison> compare_periods(const Store& store, std::size_t design);

// As a table for the terminal, under the design's label.
std::string format_periods(const PeriodComparison& c, const std::string& label);

}  // namespace govsim::batch
