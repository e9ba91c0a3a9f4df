// Charts as inline SVG text, for a report that opens anywhere without a network or a script:
// lines with confidence bands, bars with interval whiskers, heat maps and scatter plots. Every
// mark carries a <title>, which browsers show as a tooltip.
#pragma once

#include <optional>
#include <string>
#include <utility>
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
  // Vertical lines at x, each with its label (e.g. the days policy changes took effect).
  std::vector<std::pair<double, std::string>> markers;
  // Physical bounds of y (0 for a time or a count, 1 for a share): bands are clipped to them.
  std::optional<double> y_floor;
  std::optional<double> y_ceiling;
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
  bool meets = false;   // meets the target (or is within the budget): a tick in the corner
  bool answer = false;  // the chosen answer: a heavy outline
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
  std::string meets_label;  // the legend of the tick; empty when no cell is marked
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

// A map of the city's grids, one square per grid at its place, coloured by a signed value on a
// diverging scale: green where it is better, red where worse (by `direction`, +1 when higher is
// better, -1 when lower is), grey near zero.
struct MapCell {
  double x_km = 0;
  double y_km = 0;
  double value = 0;  // NaN: no data (hatched grey)
  std::string tooltip;
};

struct GridMap {
  std::string id;
  std::string title;
  std::string value_label;
  int direction = 1;
  std::vector<MapCell> cells;
  std::string better = "better", worse = "worse";  // the scale's words, in the reader's language
};

// Cost (x) against an outcome (y): every design as a dot, the frontier's designs joined and with
// their intervals, designs placed for reference as labelled diamonds.
struct FrontierMark {
  double x = 0, x_half = 0;  // mean and half-width of the 95 % interval
  double y = 0, y_half = 0;
  int kind = 0;  // 0 dominated, 1 on the frontier, 2 placed for reference
  std::string label;
  std::string tooltip;
};

struct FrontierChart {
  std::string id;
  std::string title;
  std::string x_label;
  std::string y_label;
  std::vector<FrontierMark> marks;
  // The legend's words (the report passes them in the reader's language).
  std::string on_frontier = "on the frontier (95% CI band and whiskers)";
  std::string dominated = "dominated";
  std::string placed = "placed for reference";
};

std::string render(const LineChart& chart);
std::string render(const FrontierChart& chart);
std::string render(const GridMap& chart);
std::string render(const BarChart& chart);
std::string render(const Heatmap& chart);
std::string render(const Scatter& chart);

const std::string& palette_color(std::size_t i);  // distinguishable colours, cycling
std::string escape_html(const std::string& text);
std::string format_number(double x, int significant = 4);

// Round tick values covering [lo, hi], about `wanted` of them.
std::vector<double> nice_ticks(double lo, double hi, int wanted);

}  // namespace govsim::batch
