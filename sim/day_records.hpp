// What the handling units record: whole-run totals per grid, and one day's figures per unit.
// A unit writes only its own records; the metrics phase adds them up in unit order.
#pragma once

#include <cstdint>
#include <vector>

#include "model/case.hpp"

namespace govsim {

// Whole-run totals of one grid, kept by the unit that owns the grid.
struct GridTotals {
  std::int64_t cases = 0, disputes = 0, reported = 0, resolved = 0, dropped = 0;
  std::int64_t escalated = 0, bounced = 0;
  double response_sum_h = 0, resolution_sum_h = 0;
  std::int64_t responses = 0;
  std::int64_t open_hazards = 0;  // open safety, emergency and sanitation cases
  std::int64_t open_disputes = 0;
  std::int64_t open = 0;
  double satisfaction_today = 0;  // sum over cases closed today
  std::int64_t closed_today = 0;
  // People (MODEL.md 7.24)
  std::int64_t incidents = 0;        // incidents that arose from the grid's disputes
  std::int64_t repeat_disputes = 0;  // relapsed or repeated disputes of the same pair
};

// Queueing books of one level (grid, community or street) for one day: the queue is the wait
// at a desk, the system is the wait plus the handler's work. For Little's law and the
// queueing-network checks.
struct LevelDay {
  std::int64_t arrivals = 0;     // cases joining a desk's queue
  std::int64_t queue_exits = 0;  // cases leaving a queue: to a handler, or escalated, or dropped
  std::int64_t departures = 0;   // cases leaving the level's system
  double wait_sum_h = 0;         // over queue exits
  double sojourn_sum_h = 0;      // over departures
  double queue_area = 0;         // integral of the number waiting, case-hours
  double system_area = 0;        // integral of the number waiting or in service

  LevelDay& operator+=(const LevelDay& o) {
    arrivals += o.arrivals;
    queue_exits += o.queue_exits;
    departures += o.departures;
    wait_sum_h += o.wait_sum_h;
    sojourn_sum_h += o.sojourn_sum_h;
    queue_area += o.queue_area;
    system_area += o.system_area;
    return *this;
  }
};

inline constexpr int kChannels = 5;  // indices of Channel
inline constexpr int kDaysOfWeek = 7;

// What one unit saw during one day. Combined over units in unit order.
struct UnitDay {
  std::int64_t admitted = 0;                           // cases that arose today
  std::int64_t reported[kChannels] = {};               // by Channel
  std::int64_t reported_requests = 0;                  // reported cases other than disputes
  std::int64_t reported_disputes[kDisputeKinds] = {};  // by kind
  std::int64_t reported_tier[kTiers] = {};             // by severity when reported
  std::int64_t hazards_found = 0;                      // safety, environment and emergencies
  double hazard_detect_sum_h = 0;                      // arising to report, summed over those
  std::int64_t first_responses = 0, resolved = 0, escalated = 0, bounced = 0, dropped = 0;
  std::int64_t worsened = 0, disputes_resolved = 0, disputes_settled_in_grid = 0;
  std::int64_t mediations = 0, mediation_agreements = 0;
  std::int64_t within_deadline = 0, small_resolved = 0, small_stayed_in_grid = 0;
  std::int64_t reached_street = 0;
  std::int64_t sent_up = 0;               // cases a street office sent up to the city tier
  std::int64_t reached_city = 0;          // cases that arrived at a desk of the city tier
  std::int64_t settled_by_residents = 0;  // small disputes the parties settled themselves
  double resolution_sum_h = 0, handoff_sum_h = 0;
  std::int64_t handoffs = 0;
  LevelDay level[kLevels];          // by Level
  double busy_h[kLevels] = {};      // by Level: handlers' hours on cases
  double capacity_h[kLevels] = {};  // by Level: handlers' hours on shift for cases
  std::vector<double> response_h;   // every first response today
  // The same in ascending order, for the window's percentiles: each unit sorts its own in
  // take_day (in the parallel cases phase); the metrics phase merges the units' into today's
  // city. operator+= leaves it alone, so it holds only in a unit's day and in today's city.
  std::vector<double> response_sorted_h;
  std::vector<double> resolution_h;  // every resolution today
  std::vector<CaseTrace> closed;     // cases closed today, when tracing
  std::vector<CaseMove> moves;       // moves between levels today, when tracing
  // The working calendar: first responses and intake registrations by the weekday of the
  // report (0 = Monday), summed waits and counts.
  double response_wd_sum_h[kDaysOfWeek] = {};
  std::int64_t response_wd[kDaysOfWeek] = {};
  double intake_wd_sum_h[kDaysOfWeek] = {};
  std::int64_t intake_wd[kDaysOfWeek] = {};
  // People (MODEL.md 7.24)
  std::int64_t incidents = 0;        // disputes that escalated into an incident today
  std::int64_t repeat_disputes = 0;  // relapsed or repeated disputes admitted today
  std::int64_t crisis_disputes = 0;  // disputes flagged as crises on report today
  std::int64_t counselled = 0;       // crisis cases a counsellor finished today
  std::int64_t incident_cases = 0;   // incidents admitted today (they arose from disputes)
  double travel_h = 0;               // staff's travel to on-site work and rounds (MODEL.md 7.25)
  std::int64_t handlers = 0;         // staff on the rosters today
  // The unit's cases at the end of the day (HandlingUnit::take_day): open, open and not yet
  // reported, reported and open (the backlog, their summed age and those past their deadline).
  std::int64_t open_end = 0, unreported_end = 0, backlog_end = 0, overdue_end = 0;
  double backlog_age_sum_h = 0;

  // Adds another unit's day: counts and sums, and its lists after this one's.
  UnitDay& operator+=(const UnitDay& o);
  // Empties the day, keeping the lists' memory.
  void clear();
};

}  // namespace govsim
