// Figures per period between policy changes: the days before the first change, between each
// change and the next, and after the last. A period begins on the day a change takes effect
// (DayMetrics::policy_change); a run without changes has one period. Each period's figures are
// taken over its days after the warm-up, from the daily series, so that a run's before and after
// can be read side by side (summary.json "periods", the store's periods table).
#pragma once

#include <cstdint>
#include <vector>

#include "sim/metrics.hpp"

namespace govsim {

struct PeriodMetrics {
  std::int64_t period = 0;  // 0 before the first change
  std::int64_t first_day = 0;
  std::int64_t last_day = 0;       // inclusive
  std::int64_t measured_days = 0;  // of its days, those after the warm-up
  std::int64_t new_cases = 0;
  std::int64_t new_disputes = 0;
  std::int64_t reported = 0;
  std::int64_t first_responses = 0;
  std::int64_t resolved = 0;
  std::int64_t dropped = 0;
  std::int64_t escalated = 0;
  std::int64_t bounced = 0;
  double response_time_mean_h = kNaN;    // over the period's first responses
  double response_time_p90_h = kNaN;     // mean of the daily p90s (each over its trailing window)
  double resolution_time_mean_h = kNaN;  // over the period's resolutions
  double within_deadline_share = kNaN;
  double backlog_mean = kNaN;  // open reported cases, mean of the days' ends
  double overdue_mean = kNaN;
  double trust_start = kNaN;  // at the end of the day before its first measured day
  double trust_end = kNaN;    // at the end of its last day
  double gain_end = kNaN;
  double happiness_end = kNaN;
  double security_end = kNaN;
  std::int64_t volunteers_active_end = 0;
  double cost_total_cny_year = kNaN;  // the period's spending, at a yearly rate
  double cost_per_resident_year = kNaN;
  double cost_per_resolved_case = kNaN;
};

template <class V>
void describe(V& v, const PeriodMetrics& p) {
  v.col("period", p.period);
  v.col("first_day", p.first_day);
  v.col("last_day", p.last_day);
  v.col("measured_days", p.measured_days);
  v.col("new_cases", p.new_cases);
  v.col("new_disputes", p.new_disputes);
  v.col("reported", p.reported);
  v.col("first_responses", p.first_responses);
  v.col("resolved", p.resolved);
  v.col("dropped", p.dropped);
  v.col("escalated", p.escalated);
  v.col("bounced", p.bounced);
  v.col("response_time_mean_h", p.response_time_mean_h);
  v.col("response_time_p90_h", p.response_time_p90_h);
  v.col("resolution_time_mean_h", p.resolution_time_mean_h);
  v.col("within_deadline_share", p.within_deadline_share);
  v.col("backlog_mean", p.backlog_mean);
  v.col("overdue_mean", p.overdue_mean);
  v.col("trust_start", p.trust_start);
  v.col("trust_end", p.trust_end);
  v.col("gain_end", p.gain_end);
  v.col("happiness_end", p.happiness_end);
  v.col("security_end", p.security_end);
  v.col("volunteers_active_end", p.volunteers_active_end);
  v.col("cost_total_cny_year", p.cost_total_cny_year);
  v.col("cost_per_resident_year", p.cost_per_resident_year);
  v.col("cost_per_resolved_case", p.cost_per_resolved_case);
}

// The periods of a run's daily series (day 0 first, one row a day).
std::vector<PeriodMetrics> periods_of(const std::vector<DayMetrics>& series,
                                      std::int64_t warmup_days);

}  // namespace govsim
