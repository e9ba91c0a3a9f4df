// Today's new cases of one grid (sim/arrivals.cpp).
#pragma once

#include <cstdint>
#include <vector>

#include "sim/world.hpp"

namespace govsim {

// A case arising in a grid today: whose it is, its domain and its place among the domain's.
struct ArisingPick {
  std::uint32_t resident;
  Domain domain;
  std::uint16_t k;  // below kMaxCasesPerDomainDay
};
static_assert(kMaxCasesPerDomainDay <= 0xFFFF, "ArisingPick::k holds a case's place in its domain");

// The cases that arise in grid g today, in two steps. pick_grid_cases appends how many arise in
// each domain and whose they are to `picks`; it reads the grid's residents and today's resident
// sums. draw_picked_cases then appends each picked case with its life before anyone reports it
// to `out`; it reads volunteers on patrol, rounds and sensors too. Both draw from the grid's and
// each case's own streams only, so grids may run in any order, and anything the grid does in
// between that touches none of those inputs (its volunteers' day) leaves the cases as they were.
void pick_grid_cases(const World& w, std::uint32_t g, std::vector<ArisingPick>& picks);
void draw_picked_cases(const World& w, std::uint32_t g, const std::vector<ArisingPick>& picks,
                       std::vector<NewCase>& out);

// One case of grid g arising today with its whole pre-report life, as draw_picked_cases draws it
// (for the disputes the same pair takes up again, sim/people.cpp).
NewCase draw_grid_case(const World& w, std::uint32_t g, std::uint64_t id, std::uint32_t resident,
                       Domain domain);

}  // namespace govsim
