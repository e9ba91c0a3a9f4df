#include "output/periods.hpp"

#include <cmath>

#include "engine/units.hpp"

namespace govsim {
namespace {

// Sums over a period's measured days, turned into its figures once the period ends.
struct PeriodSums {
  double response_weighted = 0, resolution_weighted = 0, within_weighted = 0;
  double p90_sum = 0, backlog_sum = 0, overdue_sum = 0, cost = 0, resident_days = 0;
  std::int64_t p90_days = 0, response_weight = 0, resolution_weight = 0;

  void add(const DayMetrics& d, PeriodMetrics& p) {
    ++p.measured_days;
    p.new_cases += d.new_cases;
    p.new_disputes += d.new_disputes;
    p.reported += d.reported;
    p.first_responses += d.first_responses;
    p.resolved += d.resolved;
    p.dropped += d.dropped;
    p.escalated += d.escalated;
    p.bounced += d.bounced;
    if (d.first_responses > 0 && std::isfinite(d.response_time_mean_h)) {
      response_weighted += d.response_time_mean_h * double(d.first_responses);
      response_weight += d.first_responses;
    }
    if (d.resolved > 0 && std::isfinite(d.resolution_time_mean_h)) {
      resolution_weighted += d.resolution_time_mean_h * double(d.resolved);
      within_weighted += d.within_deadline_share * double(d.resolved);
      resolution_weight += d.resolved;
    }
    if (std::isfinite(d.response_time_p90_h)) {
      p90_sum += d.response_time_p90_h;
      ++p90_days;
    }
    backlog_sum += double(d.backlog);
    overdue_sum += double(d.overdue);
    cost += d.cost;
    resident_days += double(d.residents);
  }

  void finish(PeriodMetrics& p) const {
    if (response_weight > 0) p.response_time_mean_h = response_weighted / double(response_weight);
    if (resolution_weight > 0) {
      p.resolution_time_mean_h = resolution_weighted / double(resolution_weight);
      p.within_deadline_share = within_weighted / double(resolution_weight);
    }
    if (p90_days > 0) p.response_time_p90_h = p90_sum / double(p90_days);
    if (p.measured_days == 0) return;
    const double days = double(p.measured_days);
    p.backlog_mean = backlog_sum / days;
    p.overdue_mean = overdue_sum / days;
    p.cost_total_cny_year = cost / days * kDaysPerYear;
    if (resident_days > 0) p.cost_per_resident_year = cost / resident_days * kDaysPerYear;
    if (p.resolved > 0) p.cost_per_resolved_case = cost / double(p.resolved);
  }
};

}  // namespace

std::vector<PeriodMetrics> periods_of(const std::vector<DayMetrics>& series,
                                      std::int64_t warmup_days) {
  std::vector<PeriodMetrics> out;
  PeriodSums sums;
  for (std::size_t i = 0; i < series.size(); ++i) {
    const DayMetrics& d = series[i];
    if (out.empty() || (d.policy_change != 0 && d.day > out.back().first_day)) {
      if (!out.empty()) sums.finish(out.back());
      sums = PeriodSums{};
      PeriodMetrics p;
      p.period = static_cast<std::int64_t>(out.size());
      p.first_day = d.day;
      out.push_back(p);
    }
    PeriodMetrics& p = out.back();
    p.last_day = d.day;
    if (d.day < warmup_days) continue;
    if (p.measured_days == 0) p.trust_start = i > 0 ? series[i - 1].trust_mean : d.trust_mean;
    sums.add(d, p);
    p.trust_end = d.trust_mean;
    p.gain_end = d.gain_mean;
    p.happiness_end = d.happiness_mean;
    p.security_end = d.security_mean;
    p.volunteers_active_end = d.volunteers_active;
  }
  if (!out.empty()) sums.finish(out.back());
  return out;
}

}  // namespace govsim
