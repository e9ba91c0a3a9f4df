#include "viz/chart_data.hpp"

#include <cmath>
#include <functional>
#include <string>
#include <string_view>

#include "engine/i18n.hpp"

namespace govsim::viz {
namespace {

// Tableau 10, readable on a dark background.
const ImU32 kBlue = IM_COL32(78, 156, 232, 255);
const ImU32 kOrange = IM_COL32(242, 142, 43, 255);
const ImU32 kGreen = IM_COL32(89, 190, 90, 255);
const ImU32 kRed = IM_COL32(225, 87, 89, 255);
const ImU32 kPurple = IM_COL32(190, 130, 210, 255);
const ImU32 kYellow = IM_COL32(237, 201, 72, 255);

struct Column {
  const char* label;
  ImU32 colour;
  std::function<double(const DayMetrics&)> get;
};

std::vector<float> values(const SeriesView& series, const Column& c, int window) {
  std::vector<float> out(series.size(), NAN);
  std::vector<double> raw(series.size());
  for (std::size_t d = 0; d < series.size(); ++d) raw[d] = c.get(series[d]);
  double sum = 0;
  int count = 0;
  for (std::size_t d = 0; d < raw.size(); ++d) {
    if (window <= 1) {
      out[d] = static_cast<float>(raw[d]);
      continue;
    }
    if (!std::isnan(raw[d])) sum += raw[d], ++count;
    if (d >= static_cast<std::size_t>(window) && !std::isnan(raw[d - std::size_t(window)]))
      sum -= raw[d - std::size_t(window)], --count;
    if (count > 0) out[d] = static_cast<float>(sum / count);
  }
  return out;
}

ChartData chart(const Snapshot& snap, const char* title, const char* unit, const char* format,
                bool from_zero, int window, std::vector<Column> columns) {
  ChartData c;
  c.title = i18n::tr(title);
  c.unit = unit[0] && std::string_view(unit) != "0-1" ? i18n::tr(unit) : unit;
  c.format = format;
  c.from_zero = from_zero;
  c.x_max = float(std::max<std::int64_t>(snap.days, 1));
  if (window > 1) c.note = std::to_string(window) + i18n::tr("-day mean");
  const bool compare = snap.lanes.size() > 1;
  if (compare)
    for (const LaneView& lane : snap.lanes) c.designs.push_back(lane.label);
  for (std::size_t l = 0; l < snap.lanes.size(); ++l) {
    const LaneView& lane = snap.lanes[l];
    for (const Column& col : columns)
      c.lines.push_back({i18n::tr(col.label), col.colour, values(lane.series, col, window), l > 0});
    for (const PolicyMarker& m : lane.markers) c.markers.push_back({float(m.day), m.text, l > 0});
  }
  return c;
}

}  // namespace

std::vector<ChartData> build_charts(const Snapshot& snap, bool smooth) {
  const int week = smooth ? 7 : 1, month = smooth ? 30 : 1;
  std::vector<ChartData> charts;
  charts.push_back(chart(
      snap, N_("Dispute rate"), N_("per 1k a month"), "%.2f", true, month,
      {{N_("disputes"), kRed, [](const DayMetrics& d) { return d.dispute_rate_per_1k_month; }}}));
  // The percentiles are taken over a trailing window already (run.percentile_window_days), so
  // they are drawn as they are: a mean of a window's percentiles would smooth twice.
  charts.push_back(
      chart(snap, N_("Response time"), N_("h"), "%.1f", true, 1,
            {{N_("p50"), kBlue, [](const DayMetrics& d) { return d.response_time_p50_h; }},
             {N_("p90"), kOrange, [](const DayMetrics& d) { return d.response_time_p90_h; }}}));
  if (snap.scenario)
    charts.back().note = i18n::tr("last ") +
                         std::to_string(snap.scenario->run.percentile_window_days) +
                         i18n::tr(" days' responses");
  charts.push_back(chart(
      snap, N_("Backlog"), N_("cases"), "%.0f", true, 1,
      {{N_("reported, open"), kPurple, [](const DayMetrics& d) { return double(d.backlog); }}}));
  charts.push_back(
      chart(snap, N_("Escalations and bounces"), N_("a day"), "%.1f", true, week,
            {{N_("escalated"), kOrange, [](const DayMetrics& d) { return double(d.escalated); }},
             {N_("bounced"), kBlue, [](const DayMetrics& d) { return double(d.bounced); }}}));
  charts.push_back(
      chart(snap, N_("Trust and the three senses"), "0-1", "%.3f", false, 1,
            {{N_("trust"), kYellow, [](const DayMetrics& d) { return d.trust_mean; }},
             {N_("gain"), kGreen, [](const DayMetrics& d) { return d.gain_mean; }},
             {N_("happiness"), kPurple, [](const DayMetrics& d) { return d.happiness_mean; }},
             {N_("security"), kBlue, [](const DayMetrics& d) { return d.security_mean; }}}));
  charts.push_back(chart(snap, N_("Volunteers"), N_("active"), "%.0f", true, 1,
                         {{N_("volunteers"), kGreen,
                           [](const DayMetrics& d) { return double(d.volunteers_active); }}}));
  return charts;
}

}  // namespace govsim::viz
