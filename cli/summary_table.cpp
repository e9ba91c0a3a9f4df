#include "cli/summary_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "engine/i18n.hpp"

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

// Columns a text takes in a terminal: two for a CJK character (U+1100 on), one for anything else.
std::size_t columns(const std::string& text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xc0) == 0x80) continue;  // a continuation byte
    n += c >= 0xe1 ? 2 : 1;
  }
  return n;
}

}  // namespace

std::string format_run_report(const RunReport& report) {
  const Scenario& scenario = *report.scenario;
  const RunSummary& s = *report.summary;
  const std::vector<std::pair<std::string, std::string>> rows = {
      {i18n::tr("cases arising"), grouped(s.cases)},
      {i18n::tr("disputes per 10k residents a year"), fixed(s.disputes_per_10k_year, 1)},
      {i18n::tr("response time p50 / p90"),
       fixed(s.response_time_p50_h, 1, " h") + " / " + fixed(s.response_time_p90_h, 1, " h")},
      {i18n::tr("resolution time, mean"), fixed(s.resolution_time_mean_h, 1, " h")},
      {i18n::tr("resolved within deadline"), percent(s.within_deadline_share)},
      {i18n::tr("small matters kept in the grid"), percent(s.stayed_in_grid_share)},
      {i18n::tr("escalated / bounced / dropped"),
       grouped(s.escalated) + " / " + grouped(s.bounced) + " / " + grouped(s.dropped)},
      {i18n::tr("trust / gain / happiness / security"),
       fixed(s.trust_mean, 2) + " / " + fixed(s.gain_mean, 2) + " / " + fixed(s.happiness_mean, 2) +
           " / " + fixed(s.security_mean, 2)},
      {i18n::tr("active volunteers"), grouped(s.volunteers_active)},
      {i18n::tr("cost per resident-year"), fixed(s.cost_per_resident_year, 1, " CNY")},
  };
  std::size_t label_width = 0;
  for (const auto& row : rows) label_width = std::max(label_width, columns(row.first));

  char line[512];
  std::snprintf(line, sizeof line, i18n::tr(": %s days, %s residents, seed %s, %s, %s s\n"),
                grouped(s.days).c_str(), grouped(s.residents).c_str(),
                std::to_string(scenario.run.seed).c_str(),
                (std::to_string(report.threads) +
                 i18n::tr(report.threads == 1 ? N_(" thread") : N_(" threads")))
                    .c_str(),
                fixed(report.wall_seconds, 1).c_str());
  std::string out = scenario.name + line;
  std::snprintf(line, sizeof line,
                i18n::tr("figures over the last %s days (after the warm-up)\n\n"),
                grouped(s.measured_days).c_str());
  out += line;
  for (const auto& [label, value] : rows) {
    out += "  " + label + std::string(label_width - columns(label) + 3, ' ') + value + '\n';
  }
  std::string unsettled;
  for (int k = 0; k < kSteadyOutcomes; ++k)
    if (s.steady[k] == 0.0)
      unsettled += std::string(unsettled.empty() ? "" : ", ") + kSteadyOutcomeNames[k];
  if (!unsettled.empty())
    out += std::string(i18n::tr("\nnot yet steady after the warm-up (MSER-5): ")) + unsettled +
           i18n::tr("\n  (a longer run.warmup_days or run.days; summary.json steady_*)\n");
  out += i18n::tr("\nfiles in ") + report.out_dir + "/\n ";
  for (const std::string& file : report.files) out += "  " + file;
  out += '\n';
  return out;
}

}  // namespace govsim
