// What a run measures: one DayMetrics row per day, one GridMetrics row per grid, and a
// RunSummary of the whole run after the warm-up. Each has a `describe` that lists its columns in
// output order, so writers (CSV, JSON, the GUI) never repeat the column list.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string>

#include "engine/numeric.hpp"
#include "engine/units.hpp"
#include "model/case.hpp"

namespace govsim {

struct DayMetrics {
  std::int64_t day = 0;
  std::int64_t residents = 0;
  std::int64_t new_cases = 0;     // cases that arose today
  std::int64_t new_disputes = 0;  // disputes that arose today
  double dispute_rate_per_1k_month = 0;
  std::int64_t reported = 0;  // cases that reached the system today, any channel
  std::int64_t reported_by_resident = 0;
  std::int64_t reported_by_volunteer = 0;
  std::int64_t reported_by_rounds = 0;
  std::int64_t reported_by_platform = 0;
  std::int64_t unreported_open = 0;  // open cases nobody has reported yet, end of day
  std::int64_t first_responses = 0;
  std::int64_t resolved = 0;
  std::int64_t escalated = 0;             // moves to a higher level today
  std::int64_t bounced = 0;               // jurisdiction bounces today
  std::int64_t dropped = 0;               // cases lost or lapsed today
  std::int64_t settled_by_residents = 0;  // small disputes the parties settled among themselves
  std::int64_t worsened = 0;              // cases that grew a tier today
  std::int64_t backlog = 0;               // reported and not yet resolved, end of day
  std::int64_t overdue = 0;               // of the backlog, past its deadline
  double backlog_age_mean_h = kNaN;
  double response_time_mean_h = kNaN;  // report -> first response, of today's first responses
  double response_time_p50_h = kNaN;
  double response_time_p90_h = kNaN;
  double resolution_time_mean_h = kNaN;  // report -> resolution, of today's resolutions
  double handoff_time_mean_h = kNaN;     // delay of today's hand-offs
  double within_deadline_share = kNaN;   // of today's resolutions
  double stayed_in_grid_share = kNaN;    // small matters resolved today that never left the grid
  std::int64_t disputes_resolved = 0;
  std::int64_t disputes_settled_in_grid = 0;
  std::int64_t mediations = 0;  // mediation attempts finished today
  std::int64_t mediation_agreements = 0;
  double trust_mean = 0;
  double grievance_mean = 0;
  double gain_mean = 0;
  double happiness_mean = 0;
  double security_mean = 0;
  std::int64_t volunteers_active = 0;
  std::int64_t volunteers_joined = 0;
  std::int64_t volunteers_quit = 0;
  double utilization_grid = kNaN;  // busy share of case-handling hours, by level
  double utilization_community = kNaN;
  double utilization_street = kNaN;
  double utilization_city = kNaN;
  double cost = 0;  // CNY spent today on staff, volunteers and the platform
  // Running totals, for the conservation law
  // arrived = resolved + dropped + settled by residents + open.
  std::int64_t arrived_total = 0;
  std::int64_t resolved_total = 0;
  std::int64_t dropped_total = 0;
  std::int64_t settled_by_residents_total = 0;
  std::int64_t open_total = 0;
  std::int64_t policy_change = 0;  // 1 on a day a policy change took effect
  // The working calendar: the day's date (YYYYMMDD), ISO weekday (1 = Monday) and whether it is
  // a working day (always 1 with the calendar off).
  std::int64_t date = 0;
  std::int64_t weekday = 0;
  std::int64_t working_day = 1;
  // People (MODEL.md 7.24)
  std::int64_t incidents = 0;        // disputes that escalated into an incident today
  std::int64_t repeat_disputes = 0;  // relapsed or repeated disputes that arose today
  std::int64_t crisis_disputes = 0;  // disputes flagged as crises on report today
  std::int64_t counselled = 0;       // crisis cases counsellors finished today
  std::int64_t counsellors = 0;      // counsellors on the rosters today
  std::int64_t incident_cases = 0;   // incident cases that arose today (from yesterday's incidents)
  double travel_h_per_handler_day = kNaN;  // staff's travel to on-site work and rounds (7.25)
};

template <class V>
void describe(V& v, const DayMetrics& m) {
  v.col("day", m.day);
  v.col("residents", m.residents);
  v.col("new_cases", m.new_cases);
  v.col("new_disputes", m.new_disputes);
  v.col("dispute_rate_per_1k_month", m.dispute_rate_per_1k_month);
  v.col("reported", m.reported);
  v.col("reported_by_resident", m.reported_by_resident);
  v.col("reported_by_volunteer", m.reported_by_volunteer);
  v.col("reported_by_rounds", m.reported_by_rounds);
  v.col("reported_by_platform", m.reported_by_platform);
  v.col("unreported_open", m.unreported_open);
  v.col("first_responses", m.first_responses);
  v.col("resolved", m.resolved);
  v.col("escalated", m.escalated);
  v.col("bounced", m.bounced);
  v.col("dropped", m.dropped);
  v.col("settled_by_residents", m.settled_by_residents);
  v.col("worsened", m.worsened);
  v.col("backlog", m.backlog);
  v.col("overdue", m.overdue);
  v.col("backlog_age_mean_h", m.backlog_age_mean_h);
  v.col("response_time_mean_h", m.response_time_mean_h);
  v.col("response_time_p50_h", m.response_time_p50_h);
  v.col("response_time_p90_h", m.response_time_p90_h);
  v.col("resolution_time_mean_h", m.resolution_time_mean_h);
  v.col("handoff_time_mean_h", m.handoff_time_mean_h);
  v.col("within_deadline_share", m.within_deadline_share);
  v.col("stayed_in_grid_share", m.stayed_in_grid_share);
  v.col("disputes_resolved", m.disputes_resolved);
  v.col("disputes_settled_in_grid", m.disputes_settled_in_grid);
  v.col("mediations", m.mediations);
  v.col("mediation_agreements", m.mediation_agreements);
  v.col("trust_mean", m.trust_mean);
  v.col("grievance_mean", m.grievance_mean);
  v.col("gain_mean", m.gain_mean);
  v.col("happiness_mean", m.happiness_mean);
  v.col("security_mean", m.security_mean);
  v.col("volunteers_active", m.volunteers_active);
  v.col("volunteers_joined", m.volunteers_joined);
  v.col("volunteers_quit", m.volunteers_quit);
  v.col("utilization_grid", m.utilization_grid);
  v.col("utilization_community", m.utilization_community);
  v.col("utilization_street", m.utilization_street);
  v.col("utilization_city", m.utilization_city);
  v.col("cost", m.cost);
  v.col("arrived_total", m.arrived_total);
  v.col("resolved_total", m.resolved_total);
  v.col("dropped_total", m.dropped_total);
  v.col("settled_by_residents_total", m.settled_by_residents_total);
  v.col("open_total", m.open_total);
  v.col("policy_change", m.policy_change);
  v.col("date", m.date);
  v.col("weekday", m.weekday);
  v.col("working_day", m.working_day);
  v.col("incidents", m.incidents);
  v.col("repeat_disputes", m.repeat_disputes);
  v.col("crisis_disputes", m.crisis_disputes);
  v.col("counselled", m.counselled);
  v.col("counsellors", m.counsellors);
  v.col("incident_cases", m.incident_cases);
  v.col("travel_h_per_handler_day", m.travel_h_per_handler_day);
}

// The parts of the cost model, CNY: staff by role (the city tier's officials apart from the
// street offices'), volunteers' allowances and the platform.
enum CostPart : int {
  kCostGridWorkers,
  kCostCommunityOfficials,
  kCostStreetOfficials,
  kCostCityOfficials,
  kCostMediators,
  kCostVolunteers,
  kCostPlatform,
  kCostCounsellors,
  kCostParts
};
inline constexpr std::array<const char*, kCostParts> kCostPartNames{
    "grid_workers", "community_officials", "street_officials", "city_officials",
    "mediators",    "volunteers",          "platform",         "counsellors"};

// One day's cost: the total and its parts.
struct DayCost {
  double total = 0;
  double part[kCostParts] = {};
};

// The cost a year of one place over the measured days: a street office with everything under it
// (its communities, grids, volunteers and its share of the platform), one community (its
// officials and mediators, its grids' workers and volunteers, its share of the platform), or the
// city tier (its officials). Staff are counted where they are based; the platform by residents.
struct PlaceCost {
  std::string level;  // "street", "community" or "city"
  std::int64_t street = -1;
  std::int64_t community = -1;  // -1 for a street or the city tier
  std::int64_t residents = 0;
  double part_cny_year[kCostParts] = {};
  double total_cny_year = 0;
  double per_resident_year = kNaN;
};

template <class V>
void describe(V& v, const PlaceCost& c) {
  v.col("level", c.level);
  v.col("street", c.street);
  v.col("community", c.community);
  v.col("residents", c.residents);
  v.col("cost_total_cny_year", c.total_cny_year);
  v.col("cost_per_resident_year", c.per_resident_year);
  for (int k = 0; k < kCostParts; ++k)
    v.col(("cost_" + std::string(kCostPartNames[k]) + "_cny_year").c_str(), c.part_cny_year[k]);
}

// Whole-run totals of one grid.
struct GridMetrics {
  std::int64_t grid = 0;
  std::int64_t street = 0;
  std::int64_t community = 0;
  std::int64_t residents = 0;
  double x_km = 0;
  double y_km = 0;
  std::int64_t cases = 0;
  std::int64_t disputes = 0;
  std::int64_t reported = 0;
  std::int64_t resolved = 0;
  std::int64_t dropped = 0;
  std::int64_t escalated = 0;
  std::int64_t bounced = 0;
  std::int64_t open = 0;
  double dispute_rate_per_1k_month = 0;
  double response_time_mean_h = kNaN;
  double resolution_time_mean_h = kNaN;
  double trust_mean = 0;
  double gain_mean = 0;
  double happiness_mean = 0;
  double security_mean = 0;
  std::int64_t volunteers = 0;
  // People (MODEL.md 7.24)
  std::int64_t incidents = 0;
  double incidents_per_10k_year = 0;
  std::int64_t repeat_disputes = 0;
  // Space (MODEL.md 7.25): the grid's housing (kHousingNames index) and how far a handler goes
  // to reach it from the street office, the community office and its branch's base (km,
  // straight line to a place in the grid; the branch's is empty without grid workers).
  std::int64_t housing = 0;
  double street_km = kNaN;
  double community_km = kNaN;
  double branch_km = kNaN;
};

template <class V>
void describe(V& v, const GridMetrics& g) {
  v.col("grid", g.grid);
  v.col("street", g.street);
  v.col("community", g.community);
  v.col("residents", g.residents);
  v.col("x_km", g.x_km);
  v.col("y_km", g.y_km);
  v.col("cases", g.cases);
  v.col("disputes", g.disputes);
  v.col("reported", g.reported);
  v.col("resolved", g.resolved);
  v.col("dropped", g.dropped);
  v.col("escalated", g.escalated);
  v.col("bounced", g.bounced);
  v.col("open", g.open);
  v.col("dispute_rate_per_1k_month", g.dispute_rate_per_1k_month);
  v.col("response_time_mean_h", g.response_time_mean_h);
  v.col("resolution_time_mean_h", g.resolution_time_mean_h);
  v.col("trust_mean", g.trust_mean);
  v.col("gain_mean", g.gain_mean);
  v.col("happiness_mean", g.happiness_mean);
  v.col("security_mean", g.security_mean);
  v.col("volunteers", g.volunteers);
  v.col("incidents", g.incidents);
  v.col("incidents_per_10k_year", g.incidents_per_10k_year);
  v.col("repeat_disputes", g.repeat_disputes);
  v.col("housing", g.housing);
  v.col("street_km", g.street_km);
  v.col("community_km", g.community_km);
  v.col("branch_km", g.branch_km);
}

// Days of the week, Monday first (the working calendar's outcomes).
inline constexpr int kWeekdays = 7;
inline constexpr std::array<const char*, kWeekdays> kWeekdayNames{"mon", "tue", "wed", "thu",
                                                                  "fri", "sat", "sun"};

// Queueing figures of one level over the measured days: what Little's law and the
// queueing-network checks need.
struct LevelSummary {
  double arrivals_per_h = kNaN;         // cases joining a desk's queue at this level
  double wait_mean_h = kNaN;            // mean wait in the queue
  double time_in_system_mean_h = kNaN;  // mean wait plus the handler's work
  double queue_mean = kNaN;             // time-average number waiting
  double in_system_mean = kNaN;         // time-average number waiting or in service
  std::int64_t in_system_start = 0;     // waiting or in service when the measured days begin
  std::int64_t in_system_end = 0;       // and at the end of the run
  // Hours those cases had spent at the level by then: the edge terms of Little's law over the
  // measured window, in_system_mean = arrivals_per_h x time_in_system_mean_h + edge_h, with
  // edge_h = (age_end - age_start - (in_system_end - in_system_start) x time_in_system_mean_h)
  // / measured hours (MODEL.md 4.11).
  double in_system_age_start_h = 0;
  double in_system_age_end_h = 0;
};

// The edge terms of Little's law over the measured window, in cases: the hours spent at the
// level inside the window by the cases there at its end, less those spent before it by the cases
// there at its start, less what lambda W counts for the cases that arrived and have not left.
// in_system_mean = arrivals_per_h x time_in_system_mean_h + little_edge, exactly (MODEL.md 4.11).
inline double little_edge(const LevelSummary& q, std::int64_t measured_days) {
  const double hours = double(measured_days) * kHoursPerDay;
  const double grew = double(q.in_system_end - q.in_system_start);
  return (q.in_system_age_end_h - q.in_system_age_start_h - grew * q.time_in_system_mean_h) / hours;
}

// Daily outcomes whose steady state the summary reports (MSER-5 on the daily series).
inline constexpr int kSteadyOutcomes = 6;
inline constexpr std::array<const char*, kSteadyOutcomes> kSteadyOutcomeNames{
    "trust_mean",           "gain_mean", "happiness_mean", "security_mean",
    "response_time_mean_h", "backlog"};

// Whole-run figures over the days after the warm-up.
struct RunSummary {
  std::int64_t days = 0;
  std::int64_t measured_days = 0;
  std::int64_t residents = 0;
  std::int64_t cases = 0;
  std::int64_t disputes = 0;
  double disputes_per_10k_year = 0;
  double requests_per_10k_month = 0;  // reported non-dispute cases
  double reported_share = kNaN;
  double reported_disputes_per_10k_year = 0;  // disputes brought forward (the mediated count)
  double dispute_mix[kDisputeKinds] = {kNaN, kNaN, kNaN, kNaN, kNaN};  // of reported disputes
  double reported_tier_share[3] = {kNaN, kNaN, kNaN};  // small, big, hard when reported
  double hazards_found_per_10k_year = 0;               // safety, environment, emergencies reported
  double hazard_detection_mean_h = kNaN;               // arising to report, for those
  double disputes_settled_in_grid_share = kNaN;        // of disputes resolved
  double response_time_mean_h = kNaN;
  double response_time_p50_h = kNaN;
  double response_time_p90_h = kNaN;
  double resolution_time_mean_h = kNaN;
  double resolution_time_p50_h = kNaN;
  double resolution_time_p90_h = kNaN;
  double within_deadline_share = kNaN;
  double overdue_share = kNaN;  // of the open reported cases, day by day: past their deadline
  double stayed_in_grid_share = kNaN;
  double mediation_agreement_rate = kNaN;
  std::int64_t escalated = 0;
  std::int64_t bounced = 0;
  std::int64_t dropped = 0;
  std::int64_t resolved = 0;
  std::int64_t reached_street = 0;        // cases handled at the street office at some point
  std::int64_t sent_up = 0;               // cases street offices sent up to the city tier
  std::int64_t reached_city = 0;          // cases that reached a desk of the city tier
  std::int64_t settled_by_residents = 0;  // small disputes settled among residents
  double dispute_rate_per_1k_month = 0;
  double trust_mean = 0;  // at the end of the run
  double gain_mean = 0;
  double happiness_mean = 0;
  double security_mean = 0;
  double volunteer_retention = kNaN;  // share of volunteers active a year before still active
  std::int64_t volunteers_active = 0;
  double cost_per_resident_year = 0;
  double cost_per_resolved_case = kNaN;
  double cost_total_cny_year = 0;  // the whole city's cost a year, over the measured days
  double cost_part_cny_year[kCostParts] = {};  // its parts (kCostPartNames)
  double case_hours_per_resolved = kNaN;       // handlers' working hours on cases per case resolved
  double response_time_grid_spread_h = kNaN;   // worst grid mean minus best grid mean
  LevelSummary level[kLevels];                 // grid, community, street, city
  // Per outcome of kSteadyOutcomeNames: the day from which its daily series is steady (the MSER-5
  // truncation point), and 1 if that is within the warm-up and the series settles at all, 0 if
  // not (the measured days still hold a transient or a trend); empty for a run too short to tell.
  double steady_from_day[kSteadyOutcomes] = {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  double steady[kSteadyOutcomes] = {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  // People (MODEL.md 7.24)
  std::int64_t incidents = 0;
  double incidents_per_10k_year = 0;
  double escalated_dispute_share = kNaN;   // incidents per dispute that arose
  double repeat_dispute_share = kNaN;      // relapsed or repeated disputes per dispute that arose
  double crisis_dispute_share = kNaN;      // crisis-flagged per reported dispute
  double counsellor_caseload_year = kNaN;  // crisis cases a counsellor finishes a year
  double network_ties_mean = kNaN;         // neighbour ties per resident
  double network_bytes_per_resident = kNaN;
  // Space and equity (MODEL.md 7.25, 4.11): travel, and how grids' whole-run means spread.
  double travel_h_per_handler_day = kNaN;  // over the measured days
  double response_time_grid_cv = kNaN;     // of the grids' mean response times
  double response_time_grid_gini = kNaN;
  double response_time_worst_decile_h = kNaN;  // mean of the slowest tenth of grids
  double trust_grid_cv = kNaN;
  double trust_grid_gini = kNaN;
  double trust_worst_decile = kNaN;             // mean of the least trusting tenth of grids
  double response_time_near_quartile_h = kNaN;  // grids nearest their street office
  double response_time_far_quartile_h = kNaN;   // grids farthest from it
  double response_time_per_street_km_h = kNaN;  // least-squares slope over grids
  double resolution_time_per_street_km_h = kNaN;
  double response_time_by_housing_h[kHousingNames.size()] = {kNaN, kNaN, kNaN,
                                                             kNaN};  // resident-weighted
  double trust_by_housing[kHousingNames.size()] = {kNaN, kNaN, kNaN, kNaN};
  std::uint64_t state_hash = 0;
  // The working calendar: mean response (report to first response) and wait for registration
  // at an intake desk, by the weekday of the report; the backlog at the end of the last working
  // day before the run's first Spring Festival break and of the first working day after (-1:
  // no such break in the run, or the calendar off).
  double response_time_by_weekday_h[kWeekdays] = {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  double intake_wait_by_weekday_h[kWeekdays] = {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  std::int64_t festival_backlog_before = -1;
  std::int64_t festival_backlog_after = -1;
};

// The space and equity columns of the summary (MODEL.md 7.25), in output order.
template <class V>
void describe_space(V& v, const RunSummary& s) {
  v.col("travel_h_per_handler_day", s.travel_h_per_handler_day);
  v.col("response_time_grid_cv", s.response_time_grid_cv);
  v.col("response_time_grid_gini", s.response_time_grid_gini);
  v.col("response_time_worst_decile_h", s.response_time_worst_decile_h);
  v.col("trust_grid_cv", s.trust_grid_cv);
  v.col("trust_grid_gini", s.trust_grid_gini);
  v.col("trust_worst_decile", s.trust_worst_decile);
  v.col("response_time_near_quartile_h", s.response_time_near_quartile_h);
  v.col("response_time_far_quartile_h", s.response_time_far_quartile_h);
  v.col("response_time_per_street_km_h", s.response_time_per_street_km_h);
  v.col("resolution_time_per_street_km_h", s.resolution_time_per_street_km_h);
  for (std::size_t h = 0; h < kHousingNames.size(); ++h)
    v.col(("response_time_mean_h_" + std::string(kHousingNames[h])).c_str(),
          s.response_time_by_housing_h[h]);
  for (std::size_t h = 0; h < kHousingNames.size(); ++h)
    v.col(("trust_mean_" + std::string(kHousingNames[h])).c_str(), s.trust_by_housing[h]);
}

// The people figures of the summary (MODEL.md 7.24), in output order.
template <class V>
void describe_people(V& v, const RunSummary& s) {
  v.col("incidents", s.incidents);
  v.col("incidents_per_10k_year", s.incidents_per_10k_year);
  v.col("escalated_dispute_share", s.escalated_dispute_share);
  v.col("repeat_dispute_share", s.repeat_dispute_share);
  v.col("crisis_dispute_share", s.crisis_dispute_share);
  v.col("counsellor_caseload_year", s.counsellor_caseload_year);
  v.col("network_ties_mean", s.network_ties_mean);
  v.col("network_bytes_per_resident", s.network_bytes_per_resident);
}

// The working calendar's figures of the summary (MODEL.md 7.23), in output order.
template <class V>
void describe_calendar(V& v, const RunSummary& s) {
  for (int k = 0; k < kWeekdays; ++k)
    v.col(("response_time_" + std::string(kWeekdayNames[k]) + "_h").c_str(),
          s.response_time_by_weekday_h[k]);
  for (int k = 0; k < kWeekdays; ++k)
    v.col(("intake_wait_" + std::string(kWeekdayNames[k]) + "_h").c_str(),
          s.intake_wait_by_weekday_h[k]);
  v.col("festival_backlog_before", s.festival_backlog_before);
  v.col("festival_backlog_after", s.festival_backlog_after);
}

template <class V>
void describe(V& v, const RunSummary& s) {
  v.col("days", s.days);
  v.col("measured_days", s.measured_days);
  v.col("residents", s.residents);
  v.col("cases", s.cases);
  v.col("disputes", s.disputes);
  v.col("disputes_per_10k_year", s.disputes_per_10k_year);
  v.col("requests_per_10k_month", s.requests_per_10k_month);
  v.col("reported_share", s.reported_share);
  v.col("reported_disputes_per_10k_year", s.reported_disputes_per_10k_year);
  for (int k = 0; k < kDisputeKinds; ++k)
    v.col(("dispute_mix_" + std::string(kDisputeKindNames[k])).c_str(), s.dispute_mix[k]);
  for (int t = 0; t < 3; ++t)
    v.col(("reported_" + std::string(kTierNames[t]) + "_share").c_str(), s.reported_tier_share[t]);
  v.col("hazards_found_per_10k_year", s.hazards_found_per_10k_year);
  v.col("hazard_detection_mean_h", s.hazard_detection_mean_h);
  v.col("disputes_settled_in_grid_share", s.disputes_settled_in_grid_share);
  v.col("response_time_mean_h", s.response_time_mean_h);
  v.col("response_time_p50_h", s.response_time_p50_h);
  v.col("response_time_p90_h", s.response_time_p90_h);
  v.col("resolution_time_mean_h", s.resolution_time_mean_h);
  v.col("resolution_time_p50_h", s.resolution_time_p50_h);
  v.col("resolution_time_p90_h", s.resolution_time_p90_h);
  v.col("within_deadline_share", s.within_deadline_share);
  v.col("overdue_share", s.overdue_share);
  v.col("stayed_in_grid_share", s.stayed_in_grid_share);
  v.col("mediation_agreement_rate", s.mediation_agreement_rate);
  v.col("escalated", s.escalated);
  v.col("bounced", s.bounced);
  v.col("dropped", s.dropped);
  v.col("resolved", s.resolved);
  v.col("reached_street", s.reached_street);
  v.col("sent_up", s.sent_up);
  v.col("reached_city", s.reached_city);
  v.col("settled_by_residents", s.settled_by_residents);
  v.col("dispute_rate_per_1k_month", s.dispute_rate_per_1k_month);
  v.col("trust_mean", s.trust_mean);
  v.col("gain_mean", s.gain_mean);
  v.col("happiness_mean", s.happiness_mean);
  v.col("security_mean", s.security_mean);
  v.col("volunteer_retention", s.volunteer_retention);
  v.col("volunteers_active", s.volunteers_active);
  v.col("cost_per_resident_year", s.cost_per_resident_year);
  v.col("cost_per_resolved_case", s.cost_per_resolved_case);
  v.col("cost_total_cny_year", s.cost_total_cny_year);
  for (int k = 0; k < kCostParts; ++k)
    v.col(("cost_" + std::string(kCostPartNames[k]) + "_cny_year").c_str(),
          s.cost_part_cny_year[k]);
  v.col("case_hours_per_resolved", s.case_hours_per_resolved);
  v.col("response_time_grid_spread_h", s.response_time_grid_spread_h);
  for (int l = 0; l < kLevels; ++l) {
    const LevelSummary& q = s.level[l];
    const std::string p = kLevelNames[static_cast<std::size_t>(l)];
    v.col((p + "_arrivals_per_h").c_str(), q.arrivals_per_h);
    v.col((p + "_wait_mean_h").c_str(), q.wait_mean_h);
    v.col((p + "_time_in_system_mean_h").c_str(), q.time_in_system_mean_h);
    v.col((p + "_queue_mean").c_str(), q.queue_mean);
    v.col((p + "_in_system_mean").c_str(), q.in_system_mean);
    v.col((p + "_in_system_start").c_str(), q.in_system_start);
    v.col((p + "_in_system_end").c_str(), q.in_system_end);
    v.col((p + "_in_system_age_start_h").c_str(), q.in_system_age_start_h);
    v.col((p + "_in_system_age_end_h").c_str(), q.in_system_age_end_h);
  }
  for (int k = 0; k < kSteadyOutcomes; ++k) {
    const std::string o = kSteadyOutcomeNames[k];
    v.col(("steady_from_day_" + o).c_str(), s.steady_from_day[k]);
    v.col(("steady_" + o).c_str(), s.steady[k]);
  }
  describe_people(v, s);
  describe_space(v, s);
  v.col("state_hash", s.state_hash);
  describe_calendar(v, s);
}

}  // namespace govsim
