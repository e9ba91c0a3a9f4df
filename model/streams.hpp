// The purposes of the governance model's random streams (engine/rng.hpp): each kind of draw has
// its own, so that the draws of one purpose never shift another's.
//
// A case's draws are keyed by the case id and a purpose, never by which handler took it or how
// many cases came before, so changing the design leaves every other draw where it was (common
// random numbers across designs).
#pragma once

#include <cstdint>

#include "engine/rng.hpp"

namespace govsim {

enum class Purpose : std::uint32_t {
  CityLayout = 1,
  ResidentInit,
  StaffInit,
  VolunteerInit,
  GridDay,       // per grid and day: how many cases arise, who recruits
  CaseLife,      // per case: severity, detection, worsening, lapse
  CaseRoute,     // per case and hop: triage, bounce, hand-off delay
  CaseHandle,    // per case and attempt: effort, process time, success
  VolunteerDay,  // per volunteer and day: duty, quitting
  QueueArrival,  // queue mode: the arrival process
  // People (MODEL.md 7.24)
  PeopleNetwork,     // per grid: neighbour ties
  PeopleParty,       // per dispute: who the other party is, whether it is a crisis
  PeopleEscalation,  // per dispute and check: escalation into an incident
  PeopleRepeat,      // per dispute: relapse or repeat of the same pair
  SpaceVisit,        // per case and attempt: whether an official handles it on site
  // Outside the engine: the batch layer's designs of experiments (Latin hypercube, Morris
  // trajectories, bootstrap resamples), keyed by their own sample seed. The number is the one the
  // Latin-hypercube sampler has always used, so its samples are unchanged.
  Sampling = 0xA11,
};

// Time coordinate of the per-grid, per-day streams: several independent streams a day.
inline constexpr std::uint32_t kGridDayRecruit = 0;
inline constexpr std::uint32_t kGridDayDomain = 1;        // + domain index
inline constexpr std::uint32_t kGridDayConsultation = 8;  // a consultation meeting that day
inline std::uint64_t grid_day_time(std::int64_t day, std::uint32_t slot) {
  return static_cast<std::uint64_t>(day) * 16 + slot;
}

}  // namespace govsim
