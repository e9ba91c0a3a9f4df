// All running state of one simulation. The Simulation steps it; the GUI and tests read it.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "agents/residents.hpp"
#include "agents/volunteers.hpp"
#include "model/case.hpp"
#include "model/city.hpp"
#include "model/params.hpp"
#include "sim/case_behaviour.hpp"
#include "sim/handling.hpp"
#include "sim/metrics.hpp"

namespace govsim {

// Exact-to-the-minute histogram of durations, for whole-run percentiles without keeping every
// value. Durations beyond the last bin are counted in it.
class MinuteHistogram {
 public:
  void add(double hours);
  double quantile(double q) const;  // hours; NaN when empty
  // Share of durations of at least `hours` (exact when hours is a whole number of minutes).
  double share_at_least(double hours) const;
  std::int64_t count() const { return count_; }
  bool valid() const { return bins_.empty() || bins_.size() == kBins; }
  template <class IO, class H>
  static void fields(IO& io, H& h) {
    io.vec(h.bins_);
    io.pod(h.count_);
  }

 private:
  static constexpr std::size_t kBins = 60 * 24 * 400;  // 400 days
  std::vector<std::uint32_t> bins_;
  std::int64_t count_ = 0;
};

struct World {
  Scenario scenario;
  GovernanceConfig gov;  // in force
  City city;
  Residents residents;
  std::vector<GridVolunteers> volunteers;       // per grid
  std::vector<GridClimate> climate;             // per grid, read by residents
  std::vector<std::vector<Feedback>> feedback;  // per grid, applied next morning
  std::vector<std::vector<NewCase>> outbox;     // per grid, today's new cases
  std::vector<ResidentSums> resident_sums;      // per grid, today
  std::vector<VolunteerDay> volunteer_day;      // per grid, today
  std::vector<GridTotals> grid_totals;          // per grid, whole run
  std::vector<std::uint8_t> has_sensors;        // per grid, under the design in force
  std::vector<double> rounds_hours;             // per grid, under the design in force
  std::unique_ptr<CaseBehaviour> behaviour;     // the rules cases follow (sim/case_behaviour.hpp)
  std::vector<HandlingUnit> units;              // per street office
  double city_elderly_share = 0;                // population-weighted, of the city as built
  std::vector<UnitDay> unit_days;               // per unit, today

  std::int64_t day = 0;  // days completed
  std::size_t next_change = 0;
  bool pending_design = false;
  std::string pending_summary;
  GovernanceConfig pending;

  std::vector<DayMetrics> series;
  MinuteHistogram response_hist, resolution_hist;  // after the warm-up
  std::int64_t arrived_total = 0, resolved_total = 0, dropped_total = 0;
  std::int64_t measured_cases = 0, measured_disputes = 0, measured_reported = 0;
  std::int64_t measured_requests = 0, measured_resolved = 0, measured_dropped = 0;
  std::int64_t measured_within = 0, measured_small = 0, measured_small_stayed = 0;
  std::int64_t measured_mediations = 0, measured_agreements = 0;
  std::int64_t measured_escalated = 0, measured_bounced = 0, measured_reached_street = 0;
  double measured_cost = 0, measured_resident_days = 0, measured_response_sum = 0;
  double measured_resolution_sum = 0;
  std::int64_t measured_responses = 0;
  LevelDay measured_level[3];
  std::int64_t level_in_system_at_start[3] = {0, 0, 0};         // when the measured days begin
  std::int64_t measured_reported_disputes[kDisputeKinds] = {};  // by kind
  std::int64_t measured_reported_tier[3] = {0, 0, 0};           // by severity when reported
  std::int64_t measured_disputes_resolved = 0, measured_disputes_settled_in_grid = 0;
  std::int64_t measured_hazards_found = 0;
  double measured_hazard_detect_sum_h = 0;
  // Volunteer retention: who was active a year before the end (or at the warm-up's end).
  std::vector<std::uint32_t> retention_cohort;
  std::int64_t retention_cohort_day = -1;

  std::vector<double> phase_seconds;
};

}  // namespace govsim
