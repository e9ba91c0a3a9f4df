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

// One case of grid g arising today with its whole pre-report life, as raise_grid_cases draws it
// (for the disputes the same pair takes up again, sim/people.cpp).
NewCase draw_grid_case(const World& w, std::uint32_t g, std::uint64_t id, std::uint32_t resident,
                       Domain domain);

}  // namespace govsim
