#include "sim/tally.hpp"

#include <algorithm>

#include "engine/mser.hpp"
#include "engine/units.hpp"

namespace govsim {

RunTally& RunTally::operator+=(const UnitDay& u) {
  response_hist.add_all(u.response_h);
  for (double r : u.response_h) response_sum += r;
  resolution_hist.add_all(u.resolution_h);
  responses += static_cast<std::int64_t>(u.response_h.size());
  reached_street += u.reached_street;
  sent_up += u.sent_up;
  reached_city += u.reached_city;
  requests += u.reported_requests;
  for (int k = 0; k < kDisputeKinds; ++k) reported_disputes[k] += u.reported_disputes[k];
  for (int t = 0; t < kTiers; ++t) reported_tier[t] += u.reported_tier[t];
  hazards_found += u.hazards_found;
  hazard_detect_sum_h += u.hazard_detect_sum_h;
  for (int l = 0; l < kLevels; ++l) level[l] += u.level[l];
  for (int k = 0; k < kWeekdays; ++k) {
    response_wd_sum_h[k] += u.response_wd_sum_h[k];
    response_wd[k] += u.response_wd[k];
    intake_wd_sum_h[k] += u.intake_wd_sum_h[k];
    intake_wd[k] += u.intake_wd[k];
  }
  return *this;
}

RunTally& RunTally::operator+=(const CityDay& day) {
  const DayMetrics& d = day.metrics;
  resolution_sum += day.units.resolution_sum_h;
  for (int l = 0; l < kLevels; ++l) case_hours += day.units.busy_h[l];
  cases += d.new_cases;
  disputes += d.new_disputes;
  reported += d.reported;
  resolved += d.resolved;
  dropped += d.dropped;
  settled_by_residents += d.settled_by_residents;
  within += day.units.within_deadline;
  small += day.units.small_resolved;
  small_stayed += day.units.small_stayed_in_grid;
  mediations += d.mediations;
  agreements += d.mediation_agreements;
  escalated += d.escalated;
  bounced += d.bounced;
  cost += d.cost;
  resident_days += double(d.residents);
  disputes_resolved += d.disputes_resolved;
  disputes_settled_in_grid += d.disputes_settled_in_grid;
  overdue_days += d.overdue;
  backlog_days += d.backlog;
  incidents += d.incidents;
  repeat_disputes += d.repeat_disputes;
  crisis_disputes += d.crisis_disputes;
  counselled += d.counselled;
  counsellor_days += d.counsellors;
  travel_h += day.units.travel_h;
  handler_days += day.units.handlers;
  return *this;
}

namespace {

// Rates per resident and year, and the shares of what was reported.
void summarize_rates(const RunTally& t, RunSummary& s) {
  const double years = double(s.measured_days) / kDaysPerYear;
  const double n = double(s.residents);
  if (s.measured_days > 0) {
    s.disputes_per_10k_year = double(s.disputes) / n * kPerTenThousand / years;
    s.requests_per_10k_month = double(t.requests) / n * kPerTenThousand / (years * kMonthsPerYear);
    s.dispute_rate_per_1k_month =
        double(s.disputes) / n * kPerThousand / (double(s.measured_days) / kDaysPerMonth);
    s.cost_per_resident_year = t.cost / n / years;
    s.cost_total_cny_year = t.cost / years;
    for (int k = 0; k < kCostParts; ++k) s.cost_part_cny_year[k] = t.cost_part[k] / years;
  }
  if (s.cases > 0) s.reported_share = double(t.reported) / double(s.cases);
  std::int64_t reported_disputes = 0, reported_all = 0;
  for (int k = 0; k < kDisputeKinds; ++k) reported_disputes += t.reported_disputes[k];
  for (int k = 0; k < kTiers; ++k) reported_all += t.reported_tier[k];
  if (s.measured_days > 0) {
    s.reported_disputes_per_10k_year = double(reported_disputes) / n * kPerTenThousand / years;
    s.hazards_found_per_10k_year = double(t.hazards_found) / n * kPerTenThousand / years;
  }
  if (reported_disputes > 0)
    for (int k = 0; k < kDisputeKinds; ++k)
      s.dispute_mix[k] = double(t.reported_disputes[k]) / double(reported_disputes);
  if (reported_all > 0)
    for (int k = 0; k < kTiers; ++k)
      s.reported_tier_share[k] = double(t.reported_tier[k]) / double(reported_all);
  if (t.hazards_found > 0)
    s.hazard_detection_mean_h = t.hazard_detect_sum_h / double(t.hazards_found);
  if (t.disputes_resolved > 0)
    s.disputes_settled_in_grid_share =
        double(t.disputes_settled_in_grid) / double(t.disputes_resolved);
}

// Response and resolution times, deadlines and where cases were settled.
void summarize_service(const RunTally& t, RunSummary& s) {
  constexpr double kMedian = 0.5, kP90 = 0.9;
  if (t.responses > 0) s.response_time_mean_h = t.response_sum / double(t.responses);
  s.response_time_p50_h = t.response_hist.quantile(kMedian);
  s.response_time_p90_h = t.response_hist.quantile(kP90);
  if (t.resolved > 0) {
    s.resolution_time_mean_h = t.resolution_sum / double(t.resolved);
    s.within_deadline_share = double(t.within) / double(t.resolved);
    s.cost_per_resolved_case = t.cost / double(t.resolved);
    s.case_hours_per_resolved = t.case_hours / double(t.resolved);
  }
  s.resolution_time_p50_h = t.resolution_hist.quantile(kMedian);
  s.resolution_time_p90_h = t.resolution_hist.quantile(kP90);
  if (t.backlog_days > 0) s.overdue_share = double(t.overdue_days) / double(t.backlog_days);
  for (int k = 0; k < kWeekdays; ++k) {
    if (t.response_wd[k] > 0)
      s.response_time_by_weekday_h[k] = t.response_wd_sum_h[k] / double(t.response_wd[k]);
    if (t.intake_wd[k] > 0)
      s.intake_wait_by_weekday_h[k] = t.intake_wd_sum_h[k] / double(t.intake_wd[k]);
  }
  s.festival_backlog_before = t.festival_backlog_before;
  s.festival_backlog_after = t.festival_backlog_after;
  if (t.small > 0) s.stayed_in_grid_share = double(t.small_stayed) / double(t.small);
  if (t.mediations > 0) s.mediation_agreement_rate = double(t.agreements) / double(t.mediations);
  s.escalated = t.escalated;
  s.bounced = t.bounced;
  s.dropped = t.dropped;
  s.resolved = t.resolved;
  s.reached_street = t.reached_street;
  s.sent_up = t.sent_up;
  s.reached_city = t.reached_city;
  s.settled_by_residents = t.settled_by_residents;
}

// Queueing books of each level over the measured days.
void summarize_levels(const RunTally& t, const SummaryInputs& in, RunSummary& s) {
  const double hours = double(s.measured_days) * kHoursPerDay;
  for (int l = 0; l < kLevels; ++l) {
    const LevelDay& a = t.level[l];
    LevelSummary& q = s.level[l];
    q.in_system_start = t.level_in_system_at_start[l];
    q.in_system_end = in.in_system_end[l];
    q.in_system_age_start_h = t.level_age_at_start_h[l];
    q.in_system_age_end_h = in.in_system_age_end_h[l];
    if (hours > 0) {
      q.arrivals_per_h = double(a.arrivals) / hours;
      q.queue_mean = a.queue_area / hours;
      q.in_system_mean = a.system_area / hours;
    }
    if (a.queue_exits > 0) q.wait_mean_h = a.wait_sum_h / double(a.queue_exits);
    if (a.departures > 0) q.time_in_system_mean_h = a.sojourn_sum_h / double(a.departures);
  }
}

double steady_value(const DayMetrics& d, int k) {
  switch (k) {
    case 0:
      return d.trust_mean;
    case 1:
      return d.gain_mean;
    case 2:
      return d.happiness_mean;
    case 3:
      return d.security_mean;
    case 4:
      return d.response_time_mean_h;
    default:
      return double(d.backlog);
  }
}

// Whether each outcome's daily series had settled by the end of the warm-up (MSER-5).
void summarize_steady(const RunTally& t, const SummaryInputs& in, RunSummary& s) {
  std::vector<double> v(t.series.size());
  for (int k = 0; k < kSteadyOutcomes; ++k) {
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = steady_value(t.series[i], k);
    const MserResult r = mser5(v);
    if (!r.enough) continue;
    s.steady_from_day[k] = r.settled ? double(r.truncation) : kNaN;
    s.steady[k] = r.settled && std::int64_t(r.truncation) <= in.warmup_days ? 1.0 : 0.0;
  }
}

// People (MODEL.md 7.24): incidents, repeats, crises and counsellors' caseload.
void summarize_people(const RunTally& t, const SummaryInputs& in, RunSummary& s) {
  s.incidents = t.incidents;
  if (s.measured_days > 0)
    s.incidents_per_10k_year = double(t.incidents) / double(s.residents) * kPerTenThousand /
                               (double(s.measured_days) / kDaysPerYear);
  if (t.disputes > 0) {
    s.escalated_dispute_share = double(t.incidents) / double(t.disputes);
    s.repeat_dispute_share = double(t.repeat_disputes) / double(t.disputes);
  }
  std::int64_t reported_disputes = 0;
  for (int k = 0; k < kDisputeKinds; ++k) reported_disputes += t.reported_disputes[k];
  if (reported_disputes > 0)
    s.crisis_dispute_share = double(t.crisis_disputes) / double(reported_disputes);
  if (t.counsellor_days > 0)
    s.counsellor_caseload_year = double(t.counselled) / (double(t.counsellor_days) / kDaysPerYear);
  s.network_ties_mean = in.network_ties_mean;
  s.network_bytes_per_resident = in.network_bytes_per_resident;
}

}  // namespace

RunSummary RunTally::summarize(const SummaryInputs& in) const {
  RunSummary s;
  s.days = in.days;
  s.measured_days = std::max<std::int64_t>(0, in.days - in.warmup_days);
  s.residents = in.residents;
  s.cases = cases;
  s.disputes = disputes;
  summarize_rates(*this, s);
  summarize_service(*this, s);
  if (!series.empty()) {  // the senses at the end of the run
    const DayMetrics& last = series.back();
    s.trust_mean = last.trust_mean;
    s.gain_mean = last.gain_mean;
    s.happiness_mean = last.happiness_mean;
    s.security_mean = last.security_mean;
    s.volunteers_active = last.volunteers_active;
  }
  s.volunteer_retention = in.retention;
  s.response_time_grid_spread_h = in.grid_spread_h;
  summarize_levels(*this, in, s);
  summarize_steady(*this, in, s);
  summarize_people(*this, in, s);
  if (handler_days > 0) s.travel_h_per_handler_day = travel_h / double(handler_days);
  s.state_hash = in.state_hash;
  return s;
}

}  // namespace govsim
