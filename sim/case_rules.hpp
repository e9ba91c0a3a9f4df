// Small rules about cases shared by the handling unit and the case behaviours.
#pragma once

#include <cstdint>

#include "engine/rng.hpp"
#include "model/case.hpp"
#include "model/params.hpp"

namespace govsim {

inline int rank(Level l) { return static_cast<int>(l); }
inline int rank(Tier t) { return static_cast<int>(t); }

inline bool hazard_domain(Domain d) {
  return d == Domain::Safety || d == Domain::Emergency || d == Domain::Environment;
}

// Small matters volunteers may take on: first-line mediation, sanitation, hazards, visits.
inline bool volunteer_domain(Domain d) {
  return d == Domain::Dispute || d == Domain::Environment || d == Domain::Safety ||
         d == Domain::Livelihood;
}

// Emergencies first, then safety hazards, then the rest.
inline std::uint8_t priority_of(Domain d) {
  if (d == Domain::Emergency) return 0;
  if (d == Domain::Safety) return 1;
  return 2;
}

// Working days a tier is given when the calendar is on (emergencies keep clock hours).
inline std::int64_t deadline_wd(const DeadlinesConfig& d, Tier tier) {
  switch (tier) {
    case Tier::Small:
      return d.small_wd;
    case Tier::Big:
      return d.big_wd;
    case Tier::Hard:
      return d.hard_wd;
  }
  return d.small_wd;
}

inline double deadline_h(const DeadlinesConfig& d, Domain domain, Tier tier) {
  if (domain == Domain::Emergency) return d.emergency_h;
  switch (tier) {
    case Tier::Small:
      return d.small_h;
    case Tier::Big:
      return d.big_h;
    case Tier::Hard:
      return d.hard_h;
  }
  return d.small_h;
}

inline double tier_value(const TierTimes& t, Tier tier) {
  switch (tier) {
    case Tier::Small:
      return t.small;
    case Tier::Big:
      return t.big;
    case Tier::Hard:
      return t.hard;
  }
  return t.small;
}

inline double draw_time(Stream& s, ServiceDist dist, double median, double sigma) {
  switch (dist) {
    case ServiceDist::Exponential:
      return s.exponential(median);  // "median" is the mean here
    case ServiceDist::Deterministic:
      return median;
    case ServiceDist::Lognormal:
      return s.lognormal(median, sigma);
  }
  return median;
}

// Stream draw indices of a case that are not routing hops or handling attempts.
inline constexpr std::uint64_t kTriageDraw = 0xFFFF0;       // Purpose::CaseRoute
inline constexpr std::uint64_t kForgetDraw = 0xFFFF1;       // Purpose::CaseRoute
inline constexpr std::uint64_t kMoveOnDraw = 0xFFFF0;       // Purpose::CaseHandle, + attempts
inline constexpr std::uint64_t kIntakeDraw = 0xFFFF2;       // Purpose::CaseHandle: registration
inline constexpr std::uint64_t kCrossStreetDraw = 0xFFFF3;  // Purpose::CaseRoute
inline constexpr std::uint64_t kNoticeDraw = 0x100000;  // Purpose::CaseRoute, + the case's epoch

}  // namespace govsim
