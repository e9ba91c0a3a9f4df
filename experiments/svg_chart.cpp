#include "experiments/svg_chart.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace govsim::batch {
namespace {

constexpr double kWidth = 760;
constexpr double kLeft = 70;
constexpr double kRight = 20;
constexpr double kTop = 34;

std::string num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return buf;
}

struct Scale {
  double d0, d1, r0, r1;
  double operator()(double x) const {
    return d1 == d0 ? (r0 + r1) / 2 : r0 + (x - d0) / (d1 - d0) * (r1 - r0);
  }
};

void extend(double& lo, double& hi, double x) {
  if (!std::isfinite(x)) return;
  lo = std::min(lo, x);
  hi = std::max(hi, x);
}

// Pads an empty or zero-width range, so that a constant series still gets an axis.
void settle(double& lo, double& hi) {
  if (!(lo <= hi)) {
    lo = 0;
    hi = 1;
  } else if (lo == hi) {
    const double pad = lo == 0 ? 1 : std::fabs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
}

std::string text(double x, double y, const std::string& s, const char* anchor = "middle",
                 const char* extra = "") {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\"" + extra +
         ">" + escape_html(s) + "</text>";
}

std::string open_svg(const std::string& id, double height, const std::string& title) {
  return "<svg id=\"" + escape_html(id) + "\" class=\"chart\" viewBox=\"0 0 " + num(kWidth) + " " +
         num(height) + "\" width=\"" + num(kWidth) + "\" height=\"" + num(height) +
         "\" role=\"img\" aria-label=\"" + escape_html(title) + "\">" + "<title>" +
         escape_html(title) + "</title>" +
         text(kWidth / 2, 18, title, "middle", " class=\"chart-title\"");
}

// Horizontal grid lines and y tick labels.
std::string y_axis(const Scale& y, const std::vector<double>& ticks, double x0, double x1,
                   const std::string& label, double height) {
  std::string out;
  for (const double t : ticks) {
    out += "<line class=\"grid\" x1=\"" + num(x0) + "\" x2=\"" + num(x1) + "\" y1=\"" + num(y(t)) +
           "\" y2=\"" + num(y(t)) + "\"/>";
    out += text(x0 - 6, y(t) + 4, format_number(t), "end");
  }
  out += "<text class=\"axis-label\" transform=\"translate(14," + num(height / 2) +
         ") rotate(-90)\" text-anchor=\"middle\">" + escape_html(label) + "</text>";
  return out;
}

// Viridis at five stops: readable in grey and by the colour-blind.
std::string ramp(double t) {
  static constexpr std::array<std::array<double, 3>, 5> stops = {
      {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}}};
  t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * 4;
  const auto i = std::min<std::size_t>(3, static_cast<std::size_t>(t));
  const double f = t - static_cast<double>(i);
  char buf[16];
  int c[3];
  for (std::size_t k = 0; k < 3; ++k) {
    c[k] = static_cast<int>(std::lround(stops[i][k] + f * (stops[i + 1][k] - stops[i][k])));
  }
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c[0], c[1], c[2]);
  return buf;
}

std::string legend_ramp(double x, double y, double lo, double hi, const std::string& label) {
  std::string out = text(x, y - 6, label, "start");
  for (int i = 0; i < 50; ++i) {
    out += "<rect x=\"" + num(x + i * 3.0) + "\" y=\"" + num(y) +
           "\" width=\"3.2\" height=\"10\" fill=\"" + ramp(i / 49.0) + "\"/>";
  }
  out += text(x, y + 22, format_number(lo), "start");
  out += text(x + 150, y + 22, format_number(hi), "end");
  return out;
}

}  // namespace

const std::string& palette_color(std::size_t i) {
  static const std::array<std::string, 12> colors = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2",
                                                     "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                                                     "#9c755f", "#79706e", "#17becf", "#bcbd22"};
  return colors[i % colors.size()];
}

std::string escape_html(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string format_number(double x, int significant) {
  if (!std::isfinite(x)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", significant, x);
  return buf;
}

std::vector<double> nice_ticks(double lo, double hi, int wanted) {
  std::vector<double> ticks;
  if (!(hi > lo) || wanted < 1) return {lo};
  const double raw = (hi - lo) / wanted;
  const double magnitude = std::pow(10, std::floor(std::log10(raw)));
  double step = magnitude;
  for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = m * magnitude;
    if (step >= raw) break;
  }
  const double first = std::ceil(lo / step - 1e-9) * step;
  for (double t = first; t <= hi + step * 1e-9; t += step) {
    ticks.push_back(std::fabs(t) < step * 1e-9 ? 0 : t);
    if (ticks.size() > 50) break;
  }
  return ticks;
}

std::string render(const LineChart& c) {
  constexpr double height = 330;
  constexpr double bottom = 48;
  const double legend_rows = std::ceil(static_cast<double>(c.series.size()) / 4.0);
  const double total = height + legend_rows * 18;
  double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
  for (const LineSeries& s : c.series) {
    for (std::size_t i = 0; i < s.x.size(); ++i) {
      extend(x0, x1, s.x[i]);
      extend(y0, y1, s.y[i]);
    }
  }
  if (c.reference) extend(y0, y1, *c.reference);
  settle(x0, x1);
  settle(y0, y1);
  // Bands widen the axis by at most the span of the lines on either side: a band from two
  // noisy replications must not flatten every line into the middle of the chart.
  {
    const double span = y1 - y0;
    double b0 = y0, b1 = y1;
    for (const LineSeries& s : c.series) {
      for (std::size_t i = 0; i < s.lo.size() && i < s.hi.size(); ++i) {
        extend(b0, b1, s.lo[i]);
        extend(b0, b1, s.hi[i]);
      }
    }
    y0 = std::max(b0, y0 - span);
    y1 = std::min(b1, y1 + span);
  }
  const std::vector<double> yt = nice_ticks(y0, y1, 5);
  y0 = std::min(y0, yt.front());
  y1 = std::max(y1, yt.back());
  const Scale x{x0, x1, kLeft, kWidth - kRight};
  const Scale y{y0, y1, height - bottom, kTop};
  std::string out = open_svg(c.id, total, c.title);
  out += y_axis(y, yt, kLeft, kWidth - kRight, c.y_label, height - bottom / 2);
  if (!c.x_categories.empty()) {
    const std::size_t every = std::max<std::size_t>(1, c.x_categories.size() / 10);
    for (std::size_t i = 0; i < c.x_categories.size(); i += every) {
      out += text(x(static_cast<double>(i)), height - bottom + 16, c.x_categories[i]);
    }
  } else {
    for (const double t : nice_ticks(x0, x1, 8)) {
      out += text(x(t), height - bottom + 16, format_number(t));
    }
  }
  out += text((kLeft + kWidth - kRight) / 2, height - 10, c.x_label, "middle",
              " class=\"axis-label\"");
  out += "<line class=\"axis\" x1=\"" + num(kLeft) + "\" x2=\"" + num(kWidth - kRight) +
         "\" y1=\"" + num(height - bottom) + "\" y2=\"" + num(height - bottom) + "\"/>";
  for (const LineSeries& s : c.series) {
    // Bands first, lines on top; a NaN splits a band or a line into pieces.
    std::string band_parts;
    std::vector<std::pair<double, double>> upper, lower;
    const auto flush_band = [&] {
      if (upper.size() >= 2) {
        std::string points;
        for (const auto& [px, py] : upper) points += num(px) + "," + num(py) + " ";
        for (auto it = lower.rbegin(); it != lower.rend(); ++it) {
          points += num(it->first) + "," + num(it->second) + " ";
        }
        band_parts +=
            "<polygon class=\"band\" fill=\"" + s.color + "\" points=\"" + points + "\"/>";
      }
      upper.clear();
      lower.clear();
    };
    for (std::size_t i = 0; i < s.x.size() && i < s.lo.size() && i < s.hi.size(); ++i) {
      if (!std::isfinite(s.lo[i]) || !std::isfinite(s.hi[i])) {
        flush_band();
        continue;
      }
      upper.emplace_back(x(s.x[i]), y(std::clamp(s.hi[i], y0, y1)));
      lower.emplace_back(x(s.x[i]), y(std::clamp(s.lo[i], y0, y1)));
    }
    flush_band();
    out += band_parts;
    std::string path;
    bool pen_down = false;
    for (std::size_t i = 0; i < s.x.size(); ++i) {
      if (!std::isfinite(s.y[i])) {
        pen_down = false;
        continue;
      }
      path += (pen_down ? "L" : "M") + num(x(s.x[i])) + " " + num(y(s.y[i]));
      pen_down = true;
    }
    out += "<path class=\"line\" stroke=\"" + s.color + "\" d=\"" + path + "\"><title>" +
           escape_html(s.name) + "</title></path>";
    if (s.x.size() <= 40) {
      for (std::size_t i = 0; i < s.x.size(); ++i) {
        if (!std::isfinite(s.y[i])) continue;
        std::string tip = s.name + ": " + format_number(s.y[i]);
        if (i < s.lo.size() && std::isfinite(s.lo[i])) {
          tip += " (95% CI " + format_number(s.lo[i]) + " to " + format_number(s.hi[i]) + ")";
        }
        out += "<circle cx=\"" + num(x(s.x[i])) + "\" cy=\"" + num(y(s.y[i])) +
               "\" r=\"3\" fill=\"" + s.color + "\"><title>" + escape_html(tip) +
               "</title></circle>";
      }
    }
  }
  if (c.reference) {
    const double ry = y(*c.reference);
    out += "<line class=\"reference\" x1=\"" + num(kLeft) + "\" x2=\"" + num(kWidth - kRight) +
           "\" y1=\"" + num(ry) + "\" y2=\"" + num(ry) + "\"/>";
    out += text(kWidth - kRight - 4, ry - 4, c.reference_label, "end");
  }
  for (std::size_t i = 0; i < c.series.size(); ++i) {
    const double lx = kLeft + static_cast<double>(i % 4) * 170;
    const double ly = height + static_cast<double>(i / 4) * 18;
    out += "<rect x=\"" + num(lx) + "\" y=\"" + num(ly - 9) +
           "\" width=\"14\" height=\"10\" fill=\"" + c.series[i].color + "\"/>";
    std::string name = c.series[i].name;
    if (name.size() > 24) name = name.substr(0, 23) + "…";
    out += text(lx + 18, ly, name, "start");
  }
  return out + "</svg>";
}

std::string render(const BarChart& c) {
  constexpr double row = 22;
  constexpr double label_width = 200;
  const double height = kTop + static_cast<double>(c.bars.size()) * row + 48;
  double lo = 0, hi = 0;  // bars start at zero, so zero is always on the axis
  for (const Bar& b : c.bars) {
    extend(lo, hi, b.value);
    extend(lo, hi, b.lo);
    extend(lo, hi, b.hi);
  }
  settle(lo, hi);
  const std::vector<double> ticks = nice_ticks(lo, hi, 6);
  lo = std::min(lo, ticks.front());
  hi = std::max(hi, ticks.back());
  const double plot_bottom = kTop + static_cast<double>(c.bars.size()) * row;
  const Scale x{lo, hi, label_width, kWidth - kRight - 10};
  std::string out = open_svg(c.id, height, c.title);
  for (const double t : ticks) {
    out += "<line class=\"grid\" x1=\"" + num(x(t)) + "\" x2=\"" + num(x(t)) + "\" y1=\"" +
           num(kTop) + "\" y2=\"" + num(plot_bottom) + "\"/>";
    out += text(x(t), plot_bottom + 16, format_number(t));
  }
  out += text((label_width + kWidth) / 2, plot_bottom + 36, c.value_label, "middle",
              " class=\"axis-label\"");
  for (std::size_t i = 0; i < c.bars.size(); ++i) {
    const Bar& b = c.bars[i];
    const double top = kTop + static_cast<double>(i) * row + 4;
    std::string label = b.label;
    if (label.size() > 30) label = label.substr(0, 29) + "…";
    out += text(label_width - 8, top + 11, label, "end");
    if (!std::isfinite(b.value)) {
      out += text(label_width + 4, top + 11, "no data", "start");
      continue;
    }
    const double a = x(std::min(0.0, b.value));
    const double w = std::fabs(x(b.value) - x(0));
    std::string tip = b.label + ": " + format_number(b.value);
    if (std::isfinite(b.lo)) {
      tip += " (95% CI " + format_number(b.lo) + " to " + format_number(b.hi) + ")";
    }
    if (!b.note.empty()) tip += "; " + b.note;
    out += "<rect class=\"bar\" x=\"" + num(a) + "\" y=\"" + num(top) + "\" width=\"" +
           num(std::max(w, 0.5)) + "\" height=\"14\" fill=\"" + b.color + "\"><title>" +
           escape_html(tip) + "</title></rect>";
    if (std::isfinite(b.lo) && std::isfinite(b.hi)) {
      const double cy = top + 7;
      out += "<path class=\"whisker\" d=\"M" + num(x(b.lo)) + " " + num(cy) + "H" + num(x(b.hi)) +
             "M" + num(x(b.lo)) + " " + num(cy - 5) + "V" + num(cy + 5) + "M" + num(x(b.hi)) + " " +
             num(cy - 5) + "V" + num(cy + 5) + "\"/>";
    }
  }
  out += "<line class=\"axis\" x1=\"" + num(x(0)) + "\" x2=\"" + num(x(0)) + "\" y1=\"" +
         num(kTop) + "\" y2=\"" + num(plot_bottom) + "\"/>";
  return out + "</svg>";
}

std::string render(const Heatmap& c) {
  const double cols = static_cast<double>(std::max<std::size_t>(1, c.x_values.size()));
  const double rows = static_cast<double>(std::max<std::size_t>(1, c.y_values.size()));
  const double cell_h = std::clamp(300.0 / rows, 12.0, 40.0);
  const double plot_w = kWidth - kLeft - 60 - kRight;
  const double cell_w = plot_w / cols;
  const double plot_h = cell_h * rows;
  const double height = kTop + plot_h + 90;
  double lo = 1e300, hi = -1e300;
  for (const HeatCell& cell : c.cells) extend(lo, hi, cell.value);
  settle(lo, hi);
  std::string out = open_svg(c.id, height, c.title);
  const double left = kLeft + 40;
  for (const HeatCell& cell : c.cells) {
    const double cx = left + static_cast<double>(cell.x) * cell_w;
    const double cy = kTop + plot_h - static_cast<double>(cell.y + 1) * cell_h;
    const std::string fill =
        std::isfinite(cell.value) ? ramp((cell.value - lo) / (hi - lo)) : "#ddd";
    out += "<rect class=\"cell\" x=\"" + num(cx) + "\" y=\"" + num(cy) + "\" width=\"" +
           num(cell_w) + "\" height=\"" + num(cell_h) + "\" fill=\"" + fill + "\"><title>" +
           escape_html(cell.tooltip) + "</title></rect>";
    if (cell_w >= 34 && cell_h >= 14) {
      const bool dark = std::isfinite(cell.value) && (cell.value - lo) / (hi - lo) < 0.55;
      out += text(cx + cell_w / 2, cy + cell_h / 2 + 4, format_number(cell.value, 3), "middle",
                  dark ? " fill=\"#fff\"" : "");
    }
  }
  const std::size_t every_x = std::max<std::size_t>(1, c.x_values.size() / 12);
  for (std::size_t i = 0; i < c.x_values.size(); i += every_x) {
    out += text(left + (static_cast<double>(i) + 0.5) * cell_w, kTop + plot_h + 16, c.x_values[i]);
  }
  const std::size_t every_y = std::max<std::size_t>(1, static_cast<std::size_t>(14.0 / cell_h) + 0);
  for (std::size_t i = 0; i < c.y_values.size(); i += every_y) {
    out += text(left - 6, kTop + plot_h - (static_cast<double>(i) + 0.5) * cell_h + 4,
                c.y_values[i], "end");
  }
  out += text(left + plot_w / 2, kTop + plot_h + 36, c.x_label, "middle", " class=\"axis-label\"");
  out += "<text class=\"axis-label\" transform=\"translate(14," + num(kTop + plot_h / 2) +
         ") rotate(-90)\" text-anchor=\"middle\">" + escape_html(c.y_label) + "</text>";
  out += legend_ramp(left, kTop + plot_h + 56, lo, hi, c.value_label);
  return out + "</svg>";
}

std::string render(const Scatter& c) {
  constexpr double height = 380;
  constexpr double bottom = 90;
  double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300, v0 = 1e300, v1 = -1e300;
  for (const ScatterPoint& p : c.points) {
    extend(x0, x1, p.x);
    extend(y0, y1, p.y);
    extend(v0, v1, p.value);
  }
  settle(x0, x1);
  settle(y0, y1);
  settle(v0, v1);
  const Scale x{x0, x1, kLeft + 10, kWidth - kRight - 10};
  const Scale y{y0, y1, height - bottom - 10, kTop + 10};
  std::string out = open_svg(c.id, height, c.title);
  out += y_axis(y, nice_ticks(y0, y1, 5), kLeft, kWidth - kRight, c.y_label, height - bottom);
  for (const double t : nice_ticks(x0, x1, 8)) {
    out += text(x(t), height - bottom + 10, format_number(t));
  }
  out += text((kLeft + kWidth) / 2, height - bottom + 28, c.x_label, "middle",
              " class=\"axis-label\"");
  for (const ScatterPoint& p : c.points) {
    out += "<circle class=\"dot\" cx=\"" + num(x(p.x)) + "\" cy=\"" + num(y(p.y)) +
           "\" r=\"6\" fill=\"" +
           (std::isfinite(p.value) ? ramp((p.value - v0) / (v1 - v0)) : "#ddd") + "\"><title>" +
           escape_html(p.tooltip) + "</title></circle>";
  }
  out += legend_ramp(kLeft, height - bottom + 50, v0, v1, c.value_label);
  return out + "</svg>";
}

}  // namespace govsim::batch
