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
  // Large figures such as yuan a year in whole units ("4500000", not "4.5e+06").
  constexpr double kPlainFrom = 1e5, kPlainTo = 1e12;
  if (std::fabs(x) >= kPlainFrom && std::fabs(x) < kPlainTo)
    std::snprintf(buf, sizeof buf, "%.0f", x);
  else
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

namespace {

// Legend entries flow left to right and wrap: a name is never cut short.
struct LegendSpot {
  double x, y;
};
std::vector<LegendSpot> legend_layout(const std::vector<LineSeries>& series, double top,
                                      double& bottom) {
  constexpr double kCharWidth = 6.6;  // 11 px system-ui, generously
  std::vector<LegendSpot> out;
  double x = kLeft, y = top;
  for (const LineSeries& s : series) {
    if (s.name.empty()) {  // a series that only sets the axis has no entry
      out.push_back({x, y});
      continue;
    }
    const double w = 18 + kCharWidth * static_cast<double>(s.name.size()) + 16;
    if (x > kLeft && x + w > kWidth - kRight) {
      x = kLeft;
      y += 18;
    }
    out.push_back({x, y});
    x += w;
  }
  bottom = series.empty() ? top : y + 18;
  return out;
}

// The band's clipped ends: a p90 band never reaches below 0, a share's never above 1.
double clip(const LineChart& c, double v) {
  if (c.y_floor) v = std::max(v, *c.y_floor);
  if (c.y_ceiling) v = std::min(v, *c.y_ceiling);
  return v;
}

// The vertical markers (policy changes) and the legend of a line chart.
std::string markers_and_legend(const LineChart& c, const Scale& x,
                               const std::vector<LegendSpot>& legend, double height,
                               double bottom) {
  std::string out;
  for (std::size_t k = 0; k < c.markers.size(); ++k) {
    const double mx = x(c.markers[k].first);
    out += "<line class=\"marker\" x1=\"" + num(mx) + "\" x2=\"" + num(mx) + "\" y1=\"" +
           num(kTop) + "\" y2=\"" + num(height - bottom) + "\"><title>" +
           escape_html(c.markers[k].second) + "</title></line>";
    // Labels alternate in height, so that two changes close together do not overprint.
    out += text(mx + 3, kTop + 10 + static_cast<double>(k % 2) * 12, c.markers[k].second, "start",
                " class=\"marker-label\"");
  }
  for (std::size_t i = 0; i < c.series.size(); ++i) {
    if (c.series[i].name.empty()) continue;
    const double lx = legend[i].x;
    const double ly = legend[i].y;
    out += "<rect x=\"" + num(lx) + "\" y=\"" + num(ly - 9) +
           "\" width=\"14\" height=\"10\" fill=\"" + c.series[i].color + "\"/>";
    out += text(lx + 18, ly, c.series[i].name, "start");
  }
  return out;
}

}  // namespace

std::string render(const LineChart& c) {
  constexpr double height = 330;
  constexpr double bottom = 48;
  double total = height;
  const std::vector<LegendSpot> legend = legend_layout(c.series, height, total);
  double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
  for (const LineSeries& s : c.series) {
    for (std::size_t i = 0; i < s.x.size(); ++i) {
      extend(x0, x1, s.x[i]);
      extend(y0, y1, s.y[i]);
    }
  }
  for (const auto& m : c.markers) extend(x0, x1, m.first);
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
        extend(b0, b1, clip(c, s.lo[i]));
        extend(b0, b1, clip(c, s.hi[i]));
      }
    }
    y0 = std::max(b0, y0 - span);
    y1 = std::min(b1, y1 + span);
  }
  std::vector<double> yt = nice_ticks(y0, y1, 5);
  // Ticks below the floor (a response time of -5 h) are not drawn; the axis stops at the floor.
  if (c.y_floor) {
    std::erase_if(yt, [&](double t) { return t < *c.y_floor; });
    if (yt.empty()) yt.push_back(*c.y_floor);
  }
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
    if (s.color == "none") continue;  // sets the axis only
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
      upper.emplace_back(x(s.x[i]), y(std::clamp(clip(c, s.hi[i]), y0, y1)));
      lower.emplace_back(x(s.x[i]), y(std::clamp(clip(c, s.lo[i]), y0, y1)));
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
          tip += " (95% CI " + format_number(clip(c, s.lo[i])) + " to " +
                 format_number(clip(c, s.hi[i])) + ")";
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
  out += markers_and_legend(c, x, legend, height, bottom);
  return out + "</svg>";
}

namespace {

// Green (better) through pale grey (no change) to red (worse); t in [-1, 1].
std::string diverging(double t) {
  static constexpr std::array<double, 3> good = {26, 152, 80}, mid = {240, 240, 240},
                                         bad = {215, 48, 39};
  t = std::clamp(std::isfinite(t) ? t : 0.0, -1.0, 1.0);
  const std::array<double, 3>& end = t >= 0 ? good : bad;
  const double f = std::fabs(t);
  int c[3];
  for (std::size_t k = 0; k < 3; ++k)
    c[k] = static_cast<int>(std::lround(mid[k] + f * (end[k] - mid[k])));
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c[0], c[1], c[2]);
  return buf;
}

}  // namespace

std::string render(const GridMap& c) {
  constexpr double kMapSize = 420;
  double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300, extreme = 0;
  for (const MapCell& m : c.cells) {
    extend(x0, x1, m.x_km);
    extend(y0, y1, m.y_km);
    if (std::isfinite(m.value)) extreme = std::max(extreme, std::fabs(m.value));
  }
  settle(x0, x1);
  settle(y0, y1);
  // Each square as wide as the median distance to the nearest other grid.
  std::vector<double> nearest;
  for (std::size_t i = 0; i < c.cells.size(); ++i) {
    double best = 1e300;
    for (std::size_t j = 0; j < c.cells.size(); ++j) {
      if (i == j) continue;
      const double dx = c.cells[i].x_km - c.cells[j].x_km, dy = c.cells[i].y_km - c.cells[j].y_km;
      const double dist = std::sqrt(dx * dx + dy * dy);
      if (dist > 0) best = std::min(best, dist);
    }
    if (best < 1e300) nearest.push_back(best);
  }
  std::sort(nearest.begin(), nearest.end());
  const double side_km = nearest.empty() ? std::max(x1 - x0, y1 - y0) : nearest[nearest.size() / 2];
  const double span = std::max(x1 - x0, y1 - y0) + side_km;
  const double unit = kMapSize / span;  // px per km
  const double left = kLeft, top = kTop + 6;
  // Tall enough for the map and for the scale beside it.
  const double height = std::max(top + (y1 - y0 + side_km) * unit, top + 20 + 215) + 20;
  std::string out = open_svg(c.id, height, c.title);
  for (const MapCell& m : c.cells) {
    const double px = left + (m.x_km - x0) * unit;
    const double py = top + (y1 - m.y_km) * unit;  // north up
    const double t = extreme > 0 ? c.direction * m.value / extreme : 0;
    const std::string fill = std::isfinite(m.value) ? diverging(t) : "#cccccc";
    out += "<rect class=\"grid-cell\" x=\"" + num(px) + "\" y=\"" + num(py) + "\" width=\"" +
           num(side_km * unit * 0.96) + "\" height=\"" + num(side_km * unit * 0.96) + "\" fill=\"" +
           fill + "\" stroke=\"#fff\" stroke-width=\"0.5\"><title>" + escape_html(m.tooltip) +
           "</title></rect>";
  }
  // The scale: from the worst change seen to the best, in the value's own units.
  const double lx = left + kMapSize + 30, ly = top + 20;
  out += text(lx, ly - 8, c.value_label, "start");
  for (int i = 0; i <= 40; ++i) {
    const double t = 1 - i / 20.0;  // better at the top
    out += "<rect x=\"" + num(lx) + "\" y=\"" + num(ly + i * 5.0) +
           "\" width=\"16\" height=\"5.2\" fill=\"" + diverging(t) + "\"/>";
  }
  const double best = c.direction >= 0 ? extreme : -extreme;
  out += text(lx + 22, ly + 8, format_number(best, 3) + " (" + c.better + ")", "start");
  out += text(lx + 22, ly + 104, "0", "start");
  out += text(lx + 22, ly + 204, format_number(-best, 3) + " (" + c.worse + ")", "start");
  return out + "</svg>";
}

std::string render(const FrontierChart& c) {
  constexpr double height = 380;
  constexpr double bottom = 48;
  double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
  const auto half = [](double h) { return std::isfinite(h) ? h : 0.0; };
  for (const FrontierMark& m : c.marks) {
    extend(x0, x1, m.x - half(m.x_half));
    extend(x0, x1, m.x + half(m.x_half));
    extend(y0, y1, m.y - half(m.y_half));
    extend(y0, y1, m.y + half(m.y_half));
  }
  settle(x0, x1);
  settle(y0, y1);
  const std::vector<double> yt = nice_ticks(y0, y1, 5);
  const std::vector<double> xt = nice_ticks(x0, x1, 6);
  y0 = std::min(y0, yt.front());
  y1 = std::max(y1, yt.back());
  x0 = std::min(x0, xt.front());
  x1 = std::max(x1, xt.back());
  const Scale x{x0, x1, kLeft, kWidth - kRight - 120};
  const Scale y{y0, y1, height - bottom, kTop};
  const double legend_y = height + 4;
  std::string out = open_svg(c.id, height + 26, c.title);
  out += y_axis(y, yt, kLeft, kWidth - kRight - 120, c.y_label, height - bottom / 2);
  for (const double t : xt) out += text(x(t), height - bottom + 16, format_number(t));
  out += text((kLeft + kWidth - kRight - 120) / 2, height - 10, c.x_label, "middle",
              " class=\"axis-label\"");
  // The frontier, joined in order of cost.
  std::vector<const FrontierMark*> front;
  for (const FrontierMark& m : c.marks)
    if (m.kind == 1) front.push_back(&m);
  std::sort(front.begin(), front.end(),
            [](const FrontierMark* a, const FrontierMark* b) { return a->x < b->x; });
  // The band: the outcome's 95 % interval along the frontier, upper edge out and lower edge back.
  std::string band;
  for (std::size_t i = 0; i < front.size(); ++i)
    band +=
        (i ? "L" : "M") + num(x(front[i]->x)) + " " + num(y(front[i]->y + half(front[i]->y_half)));
  for (std::size_t i = front.size(); i-- > 0;)
    band += "L" + num(x(front[i]->x)) + " " + num(y(front[i]->y - half(front[i]->y_half)));
  if (front.size() >= 2)
    out +=
        "<path class=\"frontier-band\" fill=\"#1f5fa8\" fill-opacity=\"0.14\" "
        "stroke=\"none\" d=\"" +
        band + "Z\"/>";
  std::string path;
  for (std::size_t i = 0; i < front.size(); ++i)
    path += (i ? "L" : "M") + num(x(front[i]->x)) + " " + num(y(front[i]->y));
  if (!path.empty())
    out += "<path class=\"line\" stroke=\"#1f5fa8\" stroke-dasharray=\"4 3\" d=\"" + path + "\"/>";
  for (int kind = 0; kind < 3; ++kind) {  // dominated below, the frontier and placed on top
    for (const FrontierMark& m : c.marks) {
      if (m.kind != kind) continue;
      const double px = x(m.x), py = y(m.y);
      if (kind == 1) {
        if (std::isfinite(m.x_half) && m.x_half > 0)
          out += "<line class=\"whisker\" x1=\"" + num(x(m.x - m.x_half)) + "\" x2=\"" +
                 num(x(m.x + m.x_half)) + "\" y1=\"" + num(py) + "\" y2=\"" + num(py) + "\"/>";
        if (std::isfinite(m.y_half) && m.y_half > 0)
          out += "<line class=\"whisker\" x1=\"" + num(px) + "\" x2=\"" + num(px) + "\" y1=\"" +
                 num(y(m.y - m.y_half)) + "\" y2=\"" + num(y(m.y + m.y_half)) + "\"/>";
      }
      const std::string tip = "<title>" + escape_html(m.tooltip) + "</title>";
      if (kind == 0) {
        out += "<circle class=\"dominated\" cx=\"" + num(px) + "\" cy=\"" + num(py) +
               "\" r=\"3.5\" fill=\"#b8b8b8\">" + tip + "</circle>";
      } else if (kind == 1) {
        out += "<circle class=\"frontier\" cx=\"" + num(px) + "\" cy=\"" + num(py) +
               "\" r=\"5\" fill=\"#1f5fa8\">" + tip + "</circle>";
      } else {
        out += "<path class=\"placed\" d=\"M" + num(px) + " " + num(py - 7) + "L" + num(px + 7) +
               " " + num(py) + "L" + num(px) + " " + num(py + 7) + "L" + num(px - 7) + " " +
               num(py) + "Z\" fill=\"#e8710a\" stroke=\"#fff\">" + tip + "</path>";
        out += text(px + 9, py - 6, m.label, "start");
      }
    }
  }
  // Legend, in a row under the axis title.
  // Each entry as wide as its words: about 6.5 px a Latin letter, 13 px a Chinese character
  // (a three-byte UTF-8 sequence).
  const auto width = [](const std::string& t) {
    double px = 30;
    for (const char ch : t) {
      const auto u = static_cast<unsigned char>(ch);
      if ((u & 0xC0) != 0x80) px += u >= 0xE0 ? 13 : 6.5;
    }
    return px;
  };
  double lx = kLeft;
  out += "<circle cx=\"" + num(lx + 6) + "\" cy=\"" + num(legend_y) +
         "\" r=\"5\" fill=\"#1f5fa8\"/>" + text(lx + 16, legend_y + 4, c.on_frontier, "start");
  lx += width(c.on_frontier);
  out += "<circle cx=\"" + num(lx + 6) + "\" cy=\"" + num(legend_y) +
         "\" r=\"3.5\" fill=\"#b8b8b8\"/>" + text(lx + 16, legend_y + 4, c.dominated, "start");
  lx += width(c.dominated);
  out += "<path d=\"M" + num(lx + 6) + " " + num(legend_y - 6) + "l6 6l-6 6l-6 -6Z\" " +
         "fill=\"#e8710a\"/>" + text(lx + 18, legend_y + 4, c.placed, "start");
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
    if (cell.meets) {
      out += "<text class=\"meets\" x=\"" + num(cx + 4) + "\" y=\"" + num(cy + 17) +
             "\" font-size=\"16\" font-weight=\"700\" fill=\"#fff\" stroke=\"#000\" "
             "stroke-width=\"0.8\">✓</text>";
    }
  }
  for (const HeatCell& cell : c.cells) {  // on top of every neighbour
    if (!cell.answer) continue;
    const double cx = left + static_cast<double>(cell.x) * cell_w;
    const double cy = kTop + plot_h - static_cast<double>(cell.y + 1) * cell_h;
    out += "<rect class=\"answer\" x=\"" + num(cx + 1.5) + "\" y=\"" + num(cy + 1.5) +
           "\" width=\"" + num(cell_w - 3) + "\" height=\"" + num(cell_h - 3) +
           "\" fill=\"none\" stroke=\"#e8710a\" stroke-width=\"3\"/>";
  }
  if (!c.meets_label.empty()) {
    out += text(left + 260, kTop + plot_h + 66,
                "✓ " + c.meets_label + ";  orange outline: the answer", "start");
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
