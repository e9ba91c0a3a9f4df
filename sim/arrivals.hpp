// Today's new cases of one grid (sim/arrivals.cpp).
#pragma once

#include <cstdint>
#include <vector>

#include "sim/world.hpp"

namespace govsim {

// Appends the cases that arise in grid g today to `out`. Reads the grid's residents, volunteers
// on patrol, rounds, sensors and today's resident sums; draws from the grid's and each case's
// own streams only, so grids may run in any order.
void raise_grid_cases(const World& w, std::uint32_t g, std::vector<NewCase>& out);

}  // namespace govsim
