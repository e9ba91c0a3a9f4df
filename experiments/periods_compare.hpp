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
  std::vector<std::string> periods;  // "period 2, days 50-99", in the selection's order
  std::vector<PeriodRow> rows;
};

// Which periods to show, as 0-based indices; the first is the reference the others are paired
// with. Empty: every period, against the first.
using PeriodSelection = std::vector<std::size_t>;

// "2,3" (1-based, as printed) as a selection: at least two distinct periods. Throws InputError
// naming `option` and what is valid.
PeriodSelection parse_period_selection(const std::string& text, const std::string& option);

// The design's finished runs with their periods; none when they have a single period, or fewer
// periods than the selection names (`missing` then says which period is missing, if given).
std::optional<PeriodComparison> compare_periods(const Store& store, std::size_t design,
                                                const PeriodSelection& selection = {},
                                                std::string* missing = nullptr);

// As a table for the terminal, under the design's label.
std::string format_periods(const PeriodComparison& c, const std::string& label);

}  // namespace govsim::batch
