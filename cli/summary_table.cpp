#include "cli/summary_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace govsim {
namespace {

constexpr const char* kNoData = "n/a";

// 1234567 -> "1,234,567"
std::string grouped(std::int64_t x) {
  std::string digits = std::to_string(x < 0 ? -x : x);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return x < 0 ? "-" + out : out;
}

std::string fixed(double x, int decimals, const char* suffix = "") {
  if (std::isnan(x)) return kNoData;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f%s", decimals, x, suffix);
  return buf;
}

std::string percent(double share) {
  return std::isnan(share) ? kNoData : fixed(100 * share, 1, " %");
}

}  // namespace

std::string format_run_report(const RunReport& report) {
  const Scenario& scenario = *report.scenario;
  const RunSummary& s = *report.summary;
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"cases arising", grouped(s.cases)},
      {"disputes per 10k residents a year", fixed(s.disputes_per_10k_year, 1)},
      {"response time p50 / p90",
       fixed(s.response_time_p50_h, 1, " h") + " / " + fixed(s.response_time_p90_h, 1, " h")},
      {"resolution time, mean", fixed(s.resolution_time_mean_h, 1, " h")},
      {"resolved within deadline", percent(s.within_deadline_share)},
      {"small matters kept in the grid", percent(s.stayed_in_grid_share)},
      {"escalated / bounced / dropped",
       grouped(s.escalated) + " / " + grouped(s.bounced) + " / " + grouped(s.dropped)},
      {"trust / gain / happiness / security",
       fixed(s.trust_mean, 2) + " / " + fixed(s.gain_mean, 2) + " / " + fixed(s.happiness_mean, 2) +
           " / " + fixed(s.security_mean, 2)},
      {"active volunteers", grouped(s.volunteers_active)},
      {"cost per resident-year", fixed(s.cost_per_resident_year, 1, " CNY")},
  };
  std::size_t label_width = 0;
  for (const auto& row : rows) label_width = std::max(label_width, row.first.size());

  std::string out = scenario.name + ": " + grouped(s.days) + " days, " + grouped(s.residents) +
                    " residents, seed " + std::to_string(scenario.run.seed) + ", " +
                    std::to_string(report.threads) +
                    (report.threads == 1 ? " thread, " : " threads, ") +
                    fixed(report.wall_seconds, 1, " s") + '\n';
  out += "figures over the last " + grouped(s.measured_days) + " days (after the warm-up)\n\n";
  for (const auto& [label, value] : rows) {
    out += "  " + label + std::string(label_width - label.size() + 3, ' ') + value + '\n';
  }
  std::string unsettled;
  for (int k = 0; k < kSteadyOutcomes; ++k)
    if (s.steady[k] == 0.0)
      unsettled += std::string(unsettled.empty() ? "" : ", ") + kSteadyOutcomeNames[k];
  if (!unsettled.empty())
    out += "\nnot yet steady after the warm-up (MSER-5): " + unsettled +
           "\n  (a longer run.warmup_days or run.days; summary.json steady_*)\n";
  out += "\nfiles in " + report.out_dir + "/\n ";
  for (const std::string& file : report.files) out += "  " + file;
  out += '\n';
  return out;
}

}  // namespace govsim
