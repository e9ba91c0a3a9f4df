#include "viz/chart_data.hpp"

#include <cmath>
#include <functional>
#include <string>

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
  c.title = title;
  c.unit = unit;
  c.format = format;
  c.from_zero = from_zero;
  c.x_max = float(std::max<std::int64_t>(snap.days, 1));
  if (window > 1) c.note = std::to_string(window) + "-day mean";
  const bool compare = snap.lanes.size() > 1;
  if (compare)
    for (const LaneView& lane : snap.lanes) c.designs.push_back(lane.label);
  for (std::size_t l = 0; l < snap.lanes.size(); ++l) {
    const LaneView& lane = snap.lanes[l];
    for (const Column& col : columns)
      c.lines.push_back({col.label, col.colour, values(lane.series, col, window), l > 0});
    for (const PolicyMarker& m : lane.markers) c.markers.push_back({float(m.day), m.text, l > 0});
  }
  return c;
}

}  // namespace

std::vector<ChartData> build_charts(const Snapshot& snap, bool smooth) {
  const int week = smooth ? 7 : 1, month = smooth ? 30 : 1;
  std::vector<ChartData> charts;
  charts.push_back(
      chart(snap, "Dispute rate", "per 1k residents a month", "%.2f", true, month,
            {{"disputes", kRed, [](const DayMetrics& d) { return d.dispute_rate_per_1k_month; }}}));
  // The percentiles are taken over a trailing window already (run.percentile_window_days), so
  // they are drawn as they are: a mean of a window's percentiles would smooth twice.
  charts.push_back(
      chart(snap, "Response time", "h", "%.1f", true, 1,
            {{"p50", kBlue, [](const DayMetrics& d) { return d.response_time_p50_h; }},
             {"p90", kOrange, [](const DayMetrics& d) { return d.response_time_p90_h; }}}));
  if (snap.scenario)
    charts.back().note =
        "last " + std::to_string(snap.scenario->run.percentile_window_days) + " days' responses";
  charts.push_back(
      chart(snap, "Backlog", "cases", "%.0f", true, 1,
            {{"reported, open", kPurple, [](const DayMetrics& d) { return double(d.backlog); }}}));
  charts.push_back(
      chart(snap, "Escalations and bounces", "a day", "%.1f", true, week,
            {{"escalated", kOrange, [](const DayMetrics& d) { return double(d.escalated); }},
             {"bounced", kBlue, [](const DayMetrics& d) { return double(d.bounced); }}}));
  charts.push_back(
      chart(snap, "Trust and the three senses", "0-1", "%.3f", false, 1,
            {{"trust", kYellow, [](const DayMetrics& d) { return d.trust_mean; }},
             {"gain", kGreen, [](const DayMetrics& d) { return d.gain_mean; }},
             {"happiness", kPurple, [](const DayMetrics& d) { return d.happiness_mean; }},
             {"security", kBlue, [](const DayMetrics& d) { return d.security_mean; }}}));
  charts.push_back(chart(
      snap, "Volunteers", "active", "%.0f", true, 1,
      {{"volunteers", kGreen, [](const DayMetrics& d) { return double(d.volunteers_active); }}}));
  return charts;
}

}  // namespace govsim::viz
