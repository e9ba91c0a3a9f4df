// People (MODEL.md 7.24): who a dispute's other party is, and the incidents and repeat disputes
// due in a grid today. The unit's side (escalation, repeats, counselling) is in sim/people.cpp
// as HandlingUnit members.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/world.hpp"

namespace govsim {

// Gives today's new disputes of grid g in `out` from index `from` on their other party, then
// appends the grid's incidents and repeat disputes due today (and takes them off its list).
void raise_people_cases(World& w, std::uint32_t g, std::size_t from, std::vector<NewCase>& out);

// The other party of a dispute of `kind` raised by `resident` of grid g (kNoParty: outside it).
std::uint32_t draw_counterpart(const World& w, std::uint32_t g, std::uint64_t id,
                               std::uint32_t resident, std::uint8_t kind);

// Today's people figures from the units' day added up: incidents, repeated and crisis disputes,
// counselling (the counsellors on the rosters are counted with the staff's costs).
void add_people_day(const World& w, DayMetrics& d);

}  // namespace govsim
