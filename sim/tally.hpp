// The run's tally: the running totals every day adds to (for the conservation law), the figures
// measured after the warm-up, the daily series and the volunteer-retention cohort. One summarize()
// turns it into the RunSummary every writer reports.
//
// The measured figures are added a unit's day at a time (in unit order) and then the city's day,
// each sum in the order it has always been added, so that the floating-point results never
// depend on how the work was split.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/day_window.hpp"
#include "engine/histogram.hpp"
#include "sim/day_records.hpp"
#include "sim/metrics.hpp"

namespace govsim {

// The city's day: the day's metrics row and the units' days added up.
struct CityDay {
  const DayMetrics& metrics;
  const UnitDay& units;
};

// What summarize() needs that the tally does not keep.
struct SummaryInputs {
  std::int64_t days = 0;  // completed
  std::int64_t warmup_days = 0;
  std::int64_t residents = 0;
  double retention = kNaN;      // volunteer retention over the cohort's year
  double grid_spread_h = kNaN;  // worst grid's mean response minus the best's
  std::int64_t in_system_end[kLevels] = {};
  double in_system_age_end_h[kLevels] = {};  // hours those cases had spent at the level
  std::uint64_t state_hash = 0;
  double network_ties_mean = kNaN;  // people (MODEL.md 7.24)
  double network_bytes_per_resident = kNaN;
};

struct RunTally {
  // Every day, from the first: arrived = resolved + dropped + open.
  std::int64_t arrived_total = 0, resolved_total = 0, dropped_total = 0;
  std::int64_t settled_by_residents_total = 0;
  std::vector<DayMetrics> series;  // one row a day
  DayWindow response_window;       // the last run.percentile_window_days days' response times
  // After the warm-up.
  MinuteHistogram response_hist, resolution_hist;
  std::int64_t cases = 0, disputes = 0, reported = 0, requests = 0, resolved = 0, dropped = 0;
  std::int64_t within = 0, small = 0, small_stayed = 0, mediations = 0, agreements = 0;
  std::int64_t escalated = 0, bounced = 0, reached_street = 0, sent_up = 0, reached_city = 0;
  std::int64_t settled_by_residents = 0;
  double cost = 0, resident_days = 0, response_sum = 0, resolution_sum = 0;
  double case_hours = 0;              // handlers' working hours on cases, every level
  double cost_part[kCostParts] = {};  // cost by part (kCostPartNames)
  // The same by place: communities x parts, and streets (the city tier last) x parts; staff
  // where they are based, volunteers and the platform in their grid's community and street;
  // yearly rates summed over the measured days (Simulation::place_costs divides by the days).
  std::vector<double> cost_community, cost_street;
  std::int64_t responses = 0;
  LevelDay level[kLevels];
  std::int64_t level_in_system_at_start[kLevels] = {};  // when the measured days begin
  double level_age_at_start_h[kLevels] = {};            // and the hours they had spent there
  std::int64_t reported_disputes[kDisputeKinds] = {};   // by kind
  std::int64_t reported_tier[kTiers] = {};              // by severity when reported
  std::int64_t disputes_resolved = 0, disputes_settled_in_grid = 0;
  std::int64_t hazards_found = 0;
  double hazard_detect_sum_h = 0;
  std::int64_t overdue_days = 0, backlog_days = 0;  // open past deadline, open: summed by day
  // Volunteer retention: who was active a year before the end (or at the warm-up's end).
  std::vector<std::uint32_t> retention_cohort;
  std::int64_t retention_cohort_day = -1;
  // The working calendar: first responses and intake registrations by the report's weekday
  // (0 = Monday), after the warm-up; the backlog around the first Spring Festival break of the
  // run (-1: none), at the end of the last working day before it and of the first one after.
  double response_wd_sum_h[kWeekdays] = {};
  std::int64_t response_wd[kWeekdays] = {};
  double intake_wd_sum_h[kWeekdays] = {};
  std::int64_t intake_wd[kWeekdays] = {};
  std::int64_t festival_backlog_before = -1, festival_backlog_after = -1;
  // People (MODEL.md 7.24), after the warm-up.
  std::int64_t incidents = 0, repeat_disputes = 0, crisis_disputes = 0, counselled = 0;
  std::int64_t counsellor_days = 0;
  // Space (MODEL.md 7.25), after the warm-up: staff's travel hours and handler-days.
  double travel_h = 0;
  std::int64_t handler_days = 0;

  RunTally& operator+=(const UnitDay& u);  // one unit's measured day, in unit order
  RunTally& operator+=(const CityDay& d);  // then the city's measured day
  RunSummary summarize(const SummaryInputs& in) const;

  template <class IO, class T>
  static void fields(IO& io, T& t);
};

template <class IO, class T>
void RunTally::fields(IO& io, T& t) {
  io.vec(t.series);
  io.pod(t.arrived_total);
  io.pod(t.resolved_total);
  io.pod(t.dropped_total);
  io.pod(t.settled_by_residents_total);
  io.pod(t.cases);
  io.pod(t.disputes);
  io.pod(t.reported);
  io.pod(t.requests);
  io.pod(t.resolved);
  io.pod(t.dropped);
  io.pod(t.within);
  io.pod(t.small);
  io.pod(t.small_stayed);
  io.pod(t.mediations);
  io.pod(t.agreements);
  io.pod(t.escalated);
  io.pod(t.bounced);
  io.pod(t.reached_street);
  io.pod(t.sent_up);
  io.pod(t.reached_city);
  io.pod(t.settled_by_residents);
  io.pod(t.cost);
  io.pod(t.resident_days);
  io.pod(t.response_sum);
  io.pod(t.resolution_sum);
  io.pod(t.case_hours);
  io.pod(t.cost_part);
  io.vec(t.cost_community);
  io.vec(t.cost_street);
  io.pod(t.responses);
  io.pod(t.level);
  io.pod(t.level_in_system_at_start);
  io.pod(t.level_age_at_start_h);
  io.pod(t.reported_disputes);
  io.pod(t.reported_tier);
  io.pod(t.disputes_resolved);
  io.pod(t.disputes_settled_in_grid);
  io.pod(t.hazards_found);
  io.pod(t.hazard_detect_sum_h);
  io.pod(t.overdue_days);
  io.pod(t.backlog_days);
  io.vec(t.retention_cohort);
  io.pod(t.retention_cohort_day);
  MinuteHistogram::fields(io, t.response_hist);
  MinuteHistogram::fields(io, t.resolution_hist);
  DayWindow::fields(io, t.response_window);
  io.pod(t.response_wd_sum_h);
  io.pod(t.response_wd);
  io.pod(t.intake_wd_sum_h);
  io.pod(t.intake_wd);
  io.pod(t.festival_backlog_before);
  io.pod(t.festival_backlog_after);
  io.pod(t.incidents);
  io.pod(t.repeat_disputes);
  io.pod(t.crisis_disputes);
  io.pod(t.counselled);
  io.pod(t.counsellor_days);
  io.pod(t.travel_h);
  io.pod(t.handler_days);
}

}  // namespace govsim
