// Rhythms of arising over the week and the year (calendar.rhythms): a multiplier per day and
// domain on model.rates, normalised so that each domain's mean over each calendar year is 1.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "engine/calendar.hpp"
#include "model/calendar_config.hpp"
#include "model/case.hpp"

namespace govsim {

// Multipliers for days [0, days). other_share: the share of the 'other' kind among disputes.
std::vector<std::array<double, kDomains>> arrival_rhythm(const Calendar& calendar,
                                                         const RhythmConfig& rhythms,
                                                         double other_share, std::int64_t days);

}  // namespace govsim
