#include "viz/charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/i18n.hpp"
#include "viz/chart_heading.hpp"
#include "viz/colour_scale.hpp"

namespace govsim::viz {
namespace {

const ImU32 kBorder = IM_COL32(62, 68, 78, 255);
const ImU32 kGridLine = IM_COL32(255, 255, 255, 22);
const ImU32 kAxis = IM_COL32(140, 146, 156, 255);
const ImU32 kText = IM_COL32(225, 228, 232, 255);
const ImU32 kDim = IM_COL32(160, 166, 176, 255);
const ImU32 kMarker = IM_COL32(230, 90, 200, 255);

// Mean of each pixel column's days, so that a long run draws as many points as there are
// pixels; NaN where a column has no data.
std::vector<ImVec2> columns(const std::vector<float>& y, float x_max, float x0, float w, float y0,
                            float h, float lo, float hi) {
  std::vector<ImVec2> out;
  const std::size_t n = y.size();
  if (n == 0) return out;
  const float per_px = x_max / std::max(w, 1.0f);
  const auto sx = [&](float day) { return x0 + day / x_max * w; };
  const auto sy = [&](float v) { return y0 + h - (std::clamp(v, lo, hi) - lo) / (hi - lo) * h; };
  if (per_px <= 1.0f) {
    for (std::size_t d = 0; d < n; ++d)
      out.push_back(std::isnan(y[d]) ? ImVec2(NAN, NAN) : ImVec2(sx(float(d)), sy(y[d])));
    return out;
  }
  float sum = 0;
  int count = 0;
  float column = 0;
  for (std::size_t d = 0; d <= n; ++d) {
    const float c = d < n ? std::floor(float(d) / per_px) : -1;
    if (d == n || c != column) {
      const float day = (column + 0.5f) * per_px;
      out.push_back(count > 0 ? ImVec2(sx(std::min(day, float(n - 1))), sy(sum / float(count)))
                              : ImVec2(NAN, NAN));
      sum = 0;
      count = 0;
      column = c;
    }
    if (d < n && !std::isnan(y[d])) {
      sum += y[d];
      ++count;
    }
  }
  return out;
}

void polyline(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 colour, float width,
              bool dashed) {
  std::vector<ImVec2> run;
  float travelled = 0;
  const auto flush = [&] {
    if (run.size() == 1) dl->AddCircleFilled(run[0], width, colour, 6);
    if (run.size() >= 2 && !dashed) dl->AddPolyline(run.data(), int(run.size()), colour, 0, width);
    run.clear();
  };
  for (std::size_t i = 0; i < pts.size(); ++i) {
    const ImVec2 p = pts[i];
    if (std::isnan(p.x)) {
      flush();
      continue;
    }
    if (dashed && !run.empty()) {
      // 6 pixels on, 4 off, measured along the line.
      const ImVec2 a = run.back();
      const float len = std::hypot(p.x - a.x, p.y - a.y);
      float t = 0;
      while (t < len) {
        const float phase = std::fmod(travelled, 10.0f);
        const float step = std::min(len - t, phase < 6 ? 6 - phase : 10 - phase);
        if (phase < 6) {
          const ImVec2 s(a.x + (p.x - a.x) * t / len, a.y + (p.y - a.y) * t / len);
          const ImVec2 e(a.x + (p.x - a.x) * (t + step) / len,
                         a.y + (p.y - a.y) * (t + step) / len);
          dl->AddLine(s, e, colour, width);
        }
        t += step;
        travelled += step;
      }
    }
    run.push_back(p);
  }
  flush();
}

// Title (wrapped), then the legend on the title's last line if it fits, else on lines of its own,
// then the note (chart_heading.hpp). Everything is clipped to the chart. Returns where the plot
// may begin.
float draw_heading(ImDrawList* dl, const ChartData& chart, ImVec2 p0, ImVec2 p1) {
  ImFont* font = ImGui::GetFont();
  const float fs = ImGui::GetFontSize();
  std::string title = chart.title;
  if (!chart.unit.empty()) title += " (" + chart.unit + ")";
  std::vector<std::string> legend;
  std::vector<ImU32> colours;
  for (const ChartLine& l : chart.lines)
    if (!l.dashed) legend.push_back(l.label), colours.push_back(l.colour);
  std::string note = chart.note;
  if (chart.designs.size() == 2) {
    char designs[256];
    std::snprintf(designs, sizeof designs, i18n::tr("solid: A %s, dashed: B %s"),
                  chart.designs[0].c_str(), chart.designs[1].c_str());
    note += (note.empty() ? "" : "; ") + std::string(designs);
  }
  const HeadingLayout layout =
      layout_heading(title, legend, note, p1.x - p0.x, fs, [font](std::string_view t, float size) {
        return font->CalcTextSizeA(size, 1e9f, 0, t.data(), t.data() + t.size()).x;
      });
  dl->PushClipRect(p0, p1, true);
  for (const PlacedText& piece : layout.pieces) {
    const ImVec2 at(p0.x + piece.box.x0, p0.y + piece.box.y0);
    text_box_log().add({at.x, at.y, p0.x + piece.box.x1, p0.y + piece.box.y1}, piece.text);
    if (piece.legend >= 0) {
      const ImU32 colour = colours[std::size_t(piece.legend)];
      dl->AddLine(ImVec2(at.x, at.y + fs / 2), ImVec2(at.x + kSwatch, at.y + fs / 2), colour, 3);
      dl->AddText(font, fs, ImVec2(at.x + kSwatch + kSwatchGap, at.y), kDim, piece.text.c_str());
    } else {
      dl->AddText(font, piece.small ? fs * 0.9f : fs, at, piece.small ? kDim : kText,
                  piece.text.c_str());
    }
  }
  dl->PopClipRect();
  return p0.y + layout.bottom;
}

// The value axis: round-number ticks over every line's values.
struct ValueAxis {
  float lo, hi;
  double step;
  int decimals;  // of the tick labels
};

ValueAxis value_axis(const ChartData& chart) {
  float lo = INFINITY, hi = -INFINITY;
  for (const ChartLine& l : chart.lines)
    for (float v : l.y)
      if (!std::isnan(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  if (!(hi >= lo)) lo = 0, hi = 1;
  if (chart.from_zero) lo = std::min(lo, 0.0f);
  if (hi - lo < 1e-6f) hi = lo + (std::fabs(lo) > 0 ? std::fabs(lo) * 0.2f : 1.0f);
  const double step = nice_step(double(hi - lo), 4);
  lo = float(std::floor(double(lo) / step) * step);
  hi = float(std::ceil(double(hi) / step) * step);
  const int decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : step >= 0.01 ? 2 : 3;
  return {lo, hi, step, decimals};
}

// Where the data go on screen: days across, values up.
struct PlotArea {
  float x0, x1, y0, y1, w, h;
  float x_max, lo, hi;
  float sx(float day) const { return x0 + day / x_max * w; }
  float sy(float v) const { return y0 + h - (v - lo) / (hi - lo) * h; }
};

// What is left below the heading, less room for the tick labels at the left and the bottom.
PlotArea plot_area(const ChartData& chart, const ValueAxis& axis, ImVec2 p0, ImVec2 p1, float top) {
  const float fs = ImGui::GetFontSize();
  char text[64];
  float label_w = 0;
  for (double t = axis.lo; t <= axis.hi + axis.step / 2; t += axis.step) {
    std::snprintf(text, sizeof text, "%.*f", axis.decimals, t);
    label_w = std::max(label_w, ImGui::CalcTextSize(text).x);
  }
  const float x0 = p0.x + 12 + label_w, x1 = p1.x - 12;
  const float y0 = top + 4, y1 = p1.y - fs - 10;
  return {x0, x1, y0, y1, x1 - x0, y1 - y0, chart.x_max, axis.lo, axis.hi};
}

// Value grid lines and labels; day ticks, the axis named at its right end.
void draw_axes(ImDrawList* dl, const ChartData& chart, const ValueAxis& axis, const PlotArea& a) {
  char text[64];
  for (double t = axis.lo; t <= axis.hi + axis.step / 2; t += axis.step) {
    const float y = a.sy(float(t));
    dl->AddLine(ImVec2(a.x0, y), ImVec2(a.x1, y), kGridLine);
    std::snprintf(text, sizeof text, "%.*f", axis.decimals, t);
    const ImVec2 ts = ImGui::CalcTextSize(text);
    dl->AddText(ImVec2(a.x0 - 6 - ts.x, y - ts.y / 2), kDim, text);
  }
  const char* day_label = i18n::tr("day");
  const float day_w = ImGui::CalcTextSize(day_label).x;
  dl->AddText(ImVec2(a.x1 - day_w, a.y1 + 5), kDim, day_label);
  const double xstep = nice_step(double(chart.x_max), std::max(2, int(a.w / 70)));
  for (double d = 0; d <= double(chart.x_max) + 1e-6; d += xstep) {
    const float x = a.sx(float(d));
    dl->AddLine(ImVec2(x, a.y1), ImVec2(x, a.y1 + 4), kAxis);
    std::snprintf(text, sizeof text, "%.0f", d);
    const ImVec2 ts = ImGui::CalcTextSize(text);
    if (x + ts.x / 2 > a.x1 - day_w - 6) continue;
    dl->AddText(ImVec2(x - ts.x / 2, a.y1 + 5), kDim, text);
  }
  dl->AddLine(ImVec2(a.x0, a.y1), ImVec2(a.x1, a.y1), kAxis);
  dl->AddLine(ImVec2(a.x0, a.y0), ImVec2(a.x0, a.y1), kAxis);
}

// The policy-change markers and the lines, clipped to the plot area.
void draw_data(ImDrawList* dl, const ChartData& chart, const PlotArea& a) {
  dl->PushClipRect(ImVec2(a.x0, a.y0 - 2), ImVec2(a.x1 + 1, a.y1 + 1), true);
  for (const ChartMarker& m : chart.markers) {
    const float x = a.sx(m.day);
    const ImU32 c = m.dashed_design ? IM_COL32(230, 90, 200, 150) : kMarker;
    for (float y = a.y0; y < a.y1; y += 8)
      dl->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 4, a.y1)), c, 1.5f);
    dl->AddTriangleFilled(ImVec2(x - 5, a.y0), ImVec2(x + 5, a.y0), ImVec2(x, a.y0 + 7), c);
  }
  for (const ChartLine& l : chart.lines)
    polyline(dl, columns(l.y, chart.x_max, a.x0, a.w, a.y0, a.h, a.lo, a.hi), l.colour,
             l.dashed ? 1.6f : 2.0f, l.dashed);
  dl->PopClipRect();
}

// The day under the mouse: a vertical line, a dot on each line, and a tooltip with every value
// and the policy changes near that day.
void draw_read_out(ImDrawList* dl, const ChartData& chart, const PlotArea& a) {
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (mouse.x < a.x0 || mouse.x > a.x1) return;
  const float fs = ImGui::GetFontSize();
  const float day = std::round((mouse.x - a.x0) / a.w * chart.x_max);
  const float x = a.sx(day);
  dl->AddLine(ImVec2(x, a.y0), ImVec2(x, a.y1), IM_COL32(255, 255, 255, 120));
  ImGui::BeginTooltip();
  ImGui::Text(i18n::tr("%s, day %.0f"), chart.title.c_str(), double(day));
  int index = 0;
  for (const ChartLine& l : chart.lines) {
    ImGui::PushID(index++);
    const auto d = static_cast<std::size_t>(day);
    const float v = d < l.y.size() ? l.y[d] : NAN;
    if (!std::isnan(v))
      dl->AddCircleFilled(ImVec2(x, a.sy(std::clamp(v, a.lo, a.hi))), 3.5f, l.colour);
    ImGui::ColorButton("##c", ImGui::ColorConvertU32ToFloat4(l.colour),
                       ImGuiColorEditFlags_NoTooltip, ImVec2(fs * 0.8f, fs * 0.8f));
    ImGui::SameLine();
    char value[48];
    if (std::isnan(v)) {
      std::snprintf(value, sizeof value, "-");
    } else {
      std::snprintf(value, sizeof value, chart.format, double(v));
    }
    ImGui::Text("%s%s: %s %s", l.dashed ? "B " : (chart.designs.empty() ? "" : "A "),
                l.label.c_str(), value, chart.unit.c_str());
    ImGui::PopID();
  }
  const float tolerance = std::max(0.5f, chart.x_max / a.w * 4);
  for (const ChartMarker& m : chart.markers)
    if (std::fabs(m.day - day) <= tolerance)
      ImGui::TextColored(
          ImVec4(0.95f, 0.45f, 0.85f, 1), i18n::tr("%s change on day %.0f: %s"),
          m.dashed_design ? "B:" : (chart.designs.empty() ? i18n::tr("policy") : "A:"),
          double(m.day), m.text.c_str());
  ImGui::EndTooltip();
}

}  // namespace

void draw_chart(const char* id, const ChartData& chart, ImVec2 size) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, size);
  const bool hovered = ImGui::IsItemHovered();
  const ImVec2 p1(p0.x + size.x, p0.y + size.y);
  dl->AddRect(p0, p1, kBorder, 4);  // the frame is the window's clear colour: no fill to pay for
  const float top = draw_heading(dl, chart, p0, p1);
  const ValueAxis axis = value_axis(chart);
  const PlotArea area = plot_area(chart, axis, p0, p1, top);
  if (area.w < 20 || area.h < 20) return;
  draw_axes(dl, chart, axis, area);
  draw_data(dl, chart, area);
  if (hovered) draw_read_out(dl, chart, area);
}

}  // namespace govsim::viz
