// Charts as inline SVG text, for a report that opens anywhere without a network or a script:
// lines with confidence bands, bars with interval whiskers, heat maps and scatter plots. Every
// mark carries a <title>, which browsers show as a tooltip.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace govsim::batch {

struct LineSeries {
  std::string name;
  std::string color;
  std::vector<double> x;
  std::vector<double> y;   // NaN leaves a gap
  std::vector<double> lo;  // band; empty for none, NaN for a gap
  std::vector<double> hi;
};

struct LineChart {
  std::string id;
  std::string title;
  std::string x_label;
  std::string y_label;
  std::vector<LineSeries> series;
  std::vector<std::string> x_categories;  // when set, x holds indices into it
  std::optional<double> reference;        // a horizontal line, e.g. a target
  std::string reference_label;
};

struct Bar {
  std::string label;
  double value = 0;
  double lo = 0;  // NaN: no whisker
  double hi = 0;
  std::string color;
  std::string note;  // appended to the tooltip
};

struct BarChart {
  std::string id;
  std::string title;
  std::string value_label;
  std::vector<Bar> bars;
};

struct HeatCell {
  std::size_t x = 0;  // index into x_values
  std::size_t y = 0;
  double value = 0;
  std::string tooltip;
};

struct Heatmap {
  std::string id;
  std::string title;
  std::string x_label;
  std::vector<std::string> x_values;
  std::string y_label;
  std::vector<std::string> y_values;
  std::string value_label;
  std::vector<HeatCell> cells;
};

struct ScatterPoint {
  double x = 0;
  double y = 0;
  double value = 0;  // colour
  std::string tooltip;
};

struct Scatter {
  std::string id;
  std::string title;
  std::string x_label;
  std::string y_label;
  std::string value_label;
  std::vector<ScatterPoint> points;
};

std::string render(const LineChart& chart);
std::string render(const BarChart& chart);
std::string render(const Heatmap& chart);
std::string render(const Scatter& chart);

const std::string& palette_color(std::size_t i);  // distinguishable colours, cycling
std::string escape_html(const std::string& text);
std::string format_number(double x, int significant = 4);

// Round tick values covering [lo, hi], about `wanted` of them.
std::vector<double> nice_ticks(double lo, double hi, int wanted);

}  // namespace govsim::batch
