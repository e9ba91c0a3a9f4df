// Equity across grids (docs/MODEL.md 4.11, 7.25): how the grids' whole-run means of response time
// and trust spread (coefficient of variation, Gini, the worst tenth of grids), how response and
// resolution grow with the distance from the street office (the nearest and farthest quarters of
// grids, least-squares slopes), and response and trust by housing type.
#pragma once

#include <vector>

#include "sim/metrics.hpp"

namespace govsim {

void add_equity(const std::vector<GridMetrics>& grids, RunSummary& s);

}  // namespace govsim
