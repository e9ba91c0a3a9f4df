#include "viz/map_view.hpp"

#include <SFML/Graphics/View.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "engine/i18n.hpp"
#include "viz/chart_heading.hpp"

namespace govsim::viz {
namespace {

constexpr float kPi = 3.14159265f;

const sf::Color kStreetArea(40, 46, 55);
const sf::Color kStreetAreaEdge(92, 102, 118);
const sf::Color kGridEdge(20, 22, 26, 120);
const sf::Color kCommunityEdge(16, 18, 22, 235);
const sf::Color kStreetEdge(8, 9, 11, 255);
const sf::Color kHalo(0, 0, 0, 150);
const sf::Color kUp(255, 150, 30);
const sf::Color kDown(70, 205, 255);
const sf::Color kNew(250, 250, 250);
const sf::Color kResolved(60, 220, 110);

sf::Vector2f v(Vec2 p) { return {p.x, p.y}; }

void add_line(sf::VertexArray& va, Vec2 a, Vec2 b, float width, sf::Color c) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len <= 0) return;
  const float nx = -dy / len * width / 2, ny = dx / len * width / 2;
  const sf::Vector2f p0(a.x + nx, a.y + ny), p1(b.x + nx, b.y + ny), p2(b.x - nx, b.y - ny),
      p3(a.x - nx, a.y - ny);
  for (const sf::Vector2f& p : {p0, p1, p2, p0, p2, p3}) va.append(sf::Vertex(p, c));
}

void add_disc(sf::VertexArray& va, Vec2 c, float r, sf::Color colour, int segments = 12) {
  for (int i = 0; i < segments; ++i) {
    const float a0 = 2 * kPi * float(i) / float(segments);
    const float a1 = 2 * kPi * float(i + 1) / float(segments);
    va.append(sf::Vertex(v(c), colour));
    va.append(sf::Vertex({c.x + r * std::cos(a0), c.y + r * std::sin(a0)}, colour));
    va.append(sf::Vertex({c.x + r * std::cos(a1), c.y + r * std::sin(a1)}, colour));
  }
}

void add_ring(sf::VertexArray& va, Vec2 c, float r, float width, sf::Color colour,
              int segments = 12) {
  for (int i = 0; i < segments; ++i) {
    const float a0 = 2 * kPi * float(i) / float(segments);
    const float a1 = 2 * kPi * float(i + 1) / float(segments);
    add_line(va, {c.x + r * std::cos(a0), c.y + r * std::sin(a0)},
             {c.x + r * std::cos(a1), c.y + r * std::sin(a1)}, width, colour);
  }
}

void add_square(sf::VertexArray& va, Vec2 c, float h, sf::Color colour) {
  const sf::Vector2f p0(c.x - h, c.y - h), p1(c.x + h, c.y - h), p2(c.x + h, c.y + h),
      p3(c.x - h, c.y + h);
  for (const sf::Vector2f& p : {p0, p1, p2, p0, p2, p3}) va.append(sf::Vertex(p, colour));
}

sf::Color with_alpha(sf::Color c, float a) {
  c.a = static_cast<sf::Uint8>(std::clamp(a, 0.0f, 1.0f) * 255.0f);
  return c;
}

// A line carrying `rate` cases a day from a to b: a halo, a core whose width grows with the rate,
// and dots that travel from a to b.
void add_flow(sf::VertexArray& va, Vec2 a, Vec2 b, float rate, float norm, sf::Color colour,
              float px, float time, std::uint32_t seed, bool dots) {
  if (rate < 0.05f) return;
  const float t = std::sqrt(std::min(1.0f, rate / std::max(norm, 1e-6f)));
  const float width = (0.8f + 2.6f * t) * px;
  const float alpha = 0.35f + 0.6f * t;
  if (!dots) {  // zoomed far out: a plain line, and no more triangles than that
    add_line(va, a, b, width, with_alpha(colour, alpha));
    return;
  }
  add_line(va, a, b, width + 2 * px, with_alpha(kHalo, 0.6f * alpha));
  add_line(va, a, b, width, with_alpha(colour, alpha));
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 12 * px) return;
  const int n = 1 + static_cast<int>(2.0f * t + 0.5f);
  const float speed = 45.0f * px / len;  // 45 pixels a second
  const float offset = float(seed % 97) / 97.0f;
  for (int i = 0; i < n; ++i) {
    float f = time * speed + offset + float(i) / float(n);
    f -= std::floor(f);
    const Vec2 p{a.x + dx * f, a.y + dy * f};
    add_disc(va, p, width * 0.5f + 2.2f * px, kHalo, 8);
    add_disc(va, p, width * 0.5f + 1.2f * px, colour, 8);
  }
}

}  // namespace

Vec2 to_world(const Region& r, const Camera& cam, float px, float py) {
  return {cam.centre.x + (px - (r.x + r.w / 2)) / cam.scale,
          cam.centre.y + (py - (r.y + r.h / 2)) / cam.scale};
}

ImVec2 to_screen(const Region& r, const Camera& cam, Vec2 p) {
  return {r.x + r.w / 2 + (p.x - cam.centre.x) * cam.scale,
          r.y + r.h / 2 + (p.y - cam.centre.y) * cam.scale};
}

void fit_camera(Camera& cam, const MapLayout& layout, const Region& r, const FitReserve& keep) {
  const float w = std::max(layout.hi.x - layout.lo.x, 1e-3f);
  const float h = std::max(layout.hi.y - layout.lo.y, 1e-3f);
  // The legend sits in the lower left corner: leave it a strip at the left or at the bottom,
  // whichever costs less.
  const float top = keep.top, right = keep.right;
  const Region beside{r.x + keep.legend_w, r.y + top, r.w - keep.legend_w - right, r.h - top};
  const Region above{r.x, r.y + top, r.w - right, r.h - top - keep.legend_h};
  const auto scale_in = [&](const Region& q) {
    return q.w > 50 && q.h > 50 ? 0.94f * std::min(q.w / w, q.h / h) : 0.0f;
  };
  const Region full{r.x, r.y + top, r.w - right, r.h - top};
  Region best = scale_in(beside) >= scale_in(above) ? beside : above;
  if (scale_in(best) <= 0) best = full;
  cam.scale =
      std::max(1e-3f, scale_in(best) > 0 ? scale_in(best) : 0.94f * std::min(r.w / w, r.h / h));
  // Centre the city in the chosen part of the region.
  const float cx = best.x + best.w / 2 - (r.x + r.w / 2),
              cy = best.y + best.h / 2 - (r.y + r.h / 2);
  cam.centre = {(layout.lo.x + layout.hi.x) / 2 - cx / cam.scale,
                (layout.lo.y + layout.hi.y) / 2 - cy / cam.scale};
  cam.fitted = true;
}

void zoom_camera(Camera& cam, const Region& r, float factor, float px, float py) {
  const Vec2 before = to_world(r, cam, px, py);
  cam.scale = std::clamp(cam.scale * factor, 0.01f, 1e5f);
  const Vec2 after = to_world(r, cam, px, py);
  cam.centre = {cam.centre.x + before.x - after.x, cam.centre.y + before.y - after.y};
}

void MapView::set_layout(std::shared_ptr<const MapLayout> layout) {
  layout_ = std::move(layout);
  fill_.clear();
  streets_.clear();
  boundary_scale_ = -1;
  if (!layout_) return;
  for (Vec2 p : layout_->fill)
    fill_.append(sf::Vertex(v(p), sf::Color(kNoData.r, kNoData.g, kNoData.b)));
  for (const auto& area : layout_->street_area)
    for (std::size_t i = 0; i + 3 < area.size(); i += 4)
      for (std::size_t j : {0, 1, 2, 0, 2, 3})
        streets_.append(sf::Vertex(v(area[i + j]), kStreetArea));
}

void MapView::set_colours(const std::vector<float>& values, const ColourScale& scale) {
  if (!layout_) return;
  const auto& first = layout_->grid_first_vertex;
  for (std::size_t g = 0; g + 1 < first.size(); ++g) {
    const Rgb c = scale.colour(g < values.size() ? values[g] : NAN);
    const sf::Color colour(c.r, c.g, c.b);
    for (std::uint32_t i = first[g]; i < first[g + 1]; ++i) fill_[i].color = colour;
  }
}

void MapView::rebuild_boundaries(float scale) {
  boundaries_.clear();
  boundary_scale_ = scale;
  const float px = 1.0f / scale;
  const MapLayout& m = *layout_;
  // A street's outline: its rectangles' edges, three pixels wide, beneath the ground, so that
  // where rectangles overlap the ground covers the inner edges and only the outline shows.
  street_edges_.clear();
  const float e = 1.5f * px;
  for (const auto& area : m.street_area)
    for (std::size_t i = 0; i + 3 < area.size(); i += 4) {
      const Vec2 lo{area[i].x - e, area[i].y - e}, hi{area[i + 2].x + e, area[i + 2].y + e};
      const Vec2 corners[4] = {lo, {hi.x, lo.y}, hi, {lo.x, hi.y}};
      for (int c = 0; c < 4; ++c)
        add_line(street_edges_, corners[c], corners[(c + 1) % 4], 2 * e, kStreetAreaEdge);
    }
  // Grid edges fade out when grids are small on screen.
  if (m.grid_size * scale > 10)
    for (const Segment& s : m.grid_edges) add_line(boundaries_, s.a, s.b, 1.0f * px, kGridEdge);
  for (const Segment& s : m.community_edges)
    add_line(boundaries_, s.a, s.b, 2.0f * px, kCommunityEdge);
  for (const Segment& s : m.street_edges) add_line(boundaries_, s.a, s.b, 3.5f * px, kStreetEdge);
}

void MapView::add_flows(sf::VertexArray& va, const FlowRates& f, const MapOverlay& overlay,
                        float px, float time) const {
  const MapLayout& m = *layout_;
  const float norm = overlay.flow_norm;
  const bool dots = m.grid_size / px > 14;  // grids at least 14 pixels wide
  const std::size_t grids = m.grid_centre.size();
  // Sent back down: office -> grid (drawn first, beneath the upward flows).
  for (std::size_t g = 0; g < grids && g < f.down_to_grid.size(); ++g) {
    const Vec2 to = m.grid_centre[g];
    const Vec2 from = m.community_centre[m.grid_community[g]];
    add_flow(va, from, to, f.down_to_grid[g], norm, kDown, px, time, std::uint32_t(g) * 7, dots);
  }
  for (std::size_t k = 0; k < f.community_down.size(); ++k) {
    add_flow(va, m.street_centre[m.community_street[k]], m.community_centre[k], f.community_down[k],
             norm, kDown, px, time, std::uint32_t(k) * 13, dots);
  }
  // Sent up: grid -> community office, grid -> street office, community -> street office.
  for (std::size_t g = 0; g < grids && g < f.up_to_community.size(); ++g) {
    add_flow(va, m.grid_centre[g], m.community_centre[m.grid_community[g]], f.up_to_community[g],
             norm, kUp, px, time, std::uint32_t(g) * 3, dots);
    add_flow(va, m.grid_centre[g], m.street_centre[m.grid_street[g]], f.up_to_street[g], norm, kUp,
             px, time, std::uint32_t(g) * 5, dots);
  }
  for (std::size_t k = 0; k < f.community_up.size(); ++k) {
    add_flow(va, m.community_centre[k], m.street_centre[m.community_street[k]], f.community_up[k],
             norm, kUp, px, time, std::uint32_t(k) * 11, dots);
  }
  // New cases (white) and resolutions (green rings) at the grids and offices.
  if (dots) {
    for (std::size_t g = 0; g < grids && g < f.new_cases.size(); ++g) {
      const Vec2 c = m.grid_centre[g];
      const float n = f.new_cases[g];
      if (n > 0.05f) {
        const float r = (1.5f + 2.5f * std::sqrt(std::min(1.0f, n / (2 * norm)))) * px;
        add_disc(va, c, r + 1.2f * px, kHalo, 10);
        add_disc(va, c, r, kNew, 10);
      }
      const float done = f.resolved_grid[g];
      if (done > 0.05f) {
        const float r = (6.0f + 3.0f * std::sqrt(std::min(1.0f, done / (2 * norm)))) * px;
        add_ring(va, c, r, 3.2f * px, kHalo);
        add_ring(va, c, r, 1.8f * px,
                 with_alpha(kResolved, 0.5f + 0.5f * std::min(1.0f, done / norm)));
      }
    }
  }
  // Offices shrink with the grids when the city is zoomed far out.
  const float u = std::clamp(m.grid_size / px / 40.0f, 0.4f, 1.0f) * px;
  for (std::size_t k = 0; k < m.community_centre.size(); ++k) {
    const Vec2 c = m.community_centre[k];
    const int segments = dots ? 12 : 6;
    add_disc(va, c, 6.0f * u, sf::Color(250, 250, 250), segments);
    add_disc(va, c, 4.5f * u, sf::Color(30, 34, 40), segments);
    const float done = k < f.resolved_community.size() ? f.resolved_community[k] : 0;
    if (done > 0.05f && dots) {
      const float r = (9.0f + 4.0f * std::sqrt(std::min(1.0f, done / (2 * norm)))) * u;
      add_ring(va, c, r, 3.2f * u, kHalo);
      add_ring(va, c, r, 2.0f * u, kResolved);
    }
  }
  for (std::size_t s = 0; s < m.street_centre.size(); ++s) {
    const Vec2 c = m.street_centre[s];
    add_square(va, c, 10.0f * u, sf::Color(250, 250, 250));
    add_square(va, c, 8.0f * u, sf::Color(30, 34, 40));
    add_square(va, c, 3.0f * u, sf::Color(250, 250, 250));
    const float done = s < f.resolved_street.size() ? f.resolved_street[s] : 0;
    if (done > 0.05f) {
      const float r = (15.0f + 5.0f * std::sqrt(std::min(1.0f, done / (4 * norm)))) * u;
      add_ring(va, c, r, 3.4f * u, kHalo);
      add_ring(va, c, r, 2.2f * u, kResolved);
    }
  }
}

void MapView::draw(sf::RenderTarget& target, const Region& region, const Camera& cam,
                   const FlowRates* flows, const MapOverlay& overlay, float time, int hovered,
                   int selected) {
  // The map's background is the window's clear colour: under llvmpipe a full-region fill costs
  // frames.
  const sf::Vector2u size = target.getSize();
  const sf::View screen(sf::FloatRect(0, 0, float(size.x), float(size.y)));
  if (!layout_) return;

  sf::View view(v(cam.centre), {region.w / cam.scale, region.h / cam.scale});
  view.setViewport(sf::FloatRect(region.x / float(size.x), region.y / float(size.y),
                                 region.w / float(size.x), region.h / float(size.y)));
  target.setView(view);
  if (boundary_scale_ != cam.scale) rebuild_boundaries(cam.scale);
  target.draw(street_edges_);
  target.draw(streets_);
  target.draw(fill_);
  target.draw(boundaries_);

  const float px = 1.0f / cam.scale;
  overlay_.clear();
  const auto outline = [&](int g, float width, sf::Color c) {
    if (g < 0 || static_cast<std::size_t>(g) >= layout_->outline.size()) return;
    for (const auto& ring : layout_->outline[static_cast<std::size_t>(g)])
      for (std::size_t i = 0; i < ring.size(); ++i)
        add_line(overlay_, ring[i], ring[(i + 1) % ring.size()], width, c);
  };
  outline(hovered, 2.0f * px, sf::Color(255, 255, 255, 170));
  outline(selected, 4.0f * px, sf::Color(0, 0, 0, 200));
  outline(selected, 2.5f * px, sf::Color(255, 255, 255));
  if (flows && overlay.flows) add_flows(overlay_, *flows, overlay, px, time);
  target.draw(overlay_);
  target.setView(screen);
}

namespace {

// Text with a dark outline, readable on any fill colour.
void outlined_text(ImDrawList* dl, ImFont* font, float size, ImVec2 at, ImU32 colour,
                   const char* text) {
  const ImU32 shadow = IM_COL32(0, 0, 0, 200);
  for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1), ImVec2(1, 1)})
    dl->AddText(font, size, ImVec2(at.x + d.x, at.y + d.y), shadow, text);
  dl->AddText(font, size, at, colour, text);
}

ImVec2 measure(ImFont* font, float size, const char* text) {
  return font->CalcTextSizeA(size, 1e9f, 0.0f, text);
}

}  // namespace

void MapView::draw_labels(ImDrawList* dl, const City& city, const Region& region, const Camera& cam,
                          ImFont* street_font, ImFont* label_font) const {
  if (!layout_) return;
  const MapLayout& m = *layout_;
  dl->PushClipRect(ImVec2(region.x, region.y), ImVec2(region.x + region.w, region.y + region.h),
                   true);
  const float grid_px = m.grid_size * cam.scale;
  const float label_size = label_font->FontSize;
  // Grid names once a grid is wide enough on screen to hold one.
  if (grid_px > 120) {
    for (std::size_t g = 0; g < m.grid_centre.size() && g < city.grid_names.size(); ++g) {
      const char* name = city.grid_names[g].c_str();
      const ImVec2 size = measure(label_font, label_size * 0.9f, name);
      if (size.x > grid_px * 0.95f) continue;
      const ImVec2 at = to_screen(region, cam, m.grid_centre[g]);
      outlined_text(dl, label_font, label_size * 0.9f, ImVec2(at.x - size.x / 2, at.y + 8),
                    IM_COL32(235, 235, 235, 255), name);
    }
  }
  // Community names above their offices when the community is wider than its name.
  for (std::size_t k = 0; k < m.community_centre.size() && k < city.community_names.size(); ++k) {
    const std::uint32_t grids = city.community_first_grid[k + 1] - city.community_first_grid[k];
    const float width = grid_px * std::sqrt(float(grids));
    const char* name = city.community_names[k].c_str();
    const ImVec2 size = measure(label_font, label_size, name);
    if (size.x > width * 0.9f) continue;
    const ImVec2 at = to_screen(region, cam, m.community_label[k]);
    outlined_text(dl, label_font, label_size, ImVec2(at.x - size.x / 2, at.y + 3),
                  IM_COL32(255, 255, 255, 255), name);
  }
  // Street names above each street.
  for (std::size_t s = 0; s < m.street_label.size() && s < city.street_names.size(); ++s) {
    const std::uint32_t grids = city.street_first_grid[s + 1] - city.street_first_grid[s];
    const float width = grid_px * std::sqrt(float(grids)) * 1.5f;
    const char* name = city.street_names[s].c_str();
    const float size_px = street_font->FontSize;
    const ImVec2 size = measure(street_font, size_px, name);
    if (size.x > width * 1.5f && m.street_label.size() > 1) continue;
    const ImVec2 at = to_screen(region, cam, m.street_label[s]);
    outlined_text(dl, street_font, size_px, ImVec2(at.x - size.x / 2, at.y - size.y),
                  IM_COL32(255, 214, 120, 255), name);
  }
  dl->PopClipRect();
}

namespace {

// Sizes at the small font's 13 px; the legend grows with the font (--scale, a high-DPI screen), so
// the tick labels keep their room along the colour bar.
constexpr float kLegendPad = 8, kLegendBarW = 220, kLegendBarH = 12;
float legend_unit(float fs) { return fs / 13.0f; }
constexpr const char* kFlowKeys[] = {N_("sent up"),  N_("sent back down"), N_("new cases"),
                                     N_("resolved"), N_("community"),      N_("street office")};

float legend_height(bool flows, float fs) {
  const float k = legend_unit(fs);
  return k * kLegendPad + (fs + 3) + (fs + 5) + (k * kLegendBarH + 3) + (fs + 6) +
         (flows ? 3 * (fs + 4) : 0) + k * kLegendPad;
}

float legend_width(MapMetric metric, ImFont* font) {
  const MetricInfo& info = kMetricInfo[static_cast<std::size_t>(metric)];
  const float fs = font->FontSize;
  const float k = legend_unit(fs);
  float w = k * kLegendBarW;
  w = std::max(w, font->CalcTextSizeA(fs, 1e9f, 0, i18n::tr(info.note)).x);
  w = std::max(w, font->CalcTextSizeA(fs, 1e9f, 0, i18n::tr(info.label)).x +
                      font->CalcTextSizeA(fs, 1e9f, 0, unit_of(info, 0)).x + 12);
  // The flow keys, two to a row.
  for (const char* key : kFlowKeys)
    w = std::max(w, 2 * (k * 20 + font->CalcTextSizeA(fs, 1e9f, 0, i18n::tr(key)).x + k * 8));
  return w + 2 * k * kLegendPad;
}

}  // namespace

ImVec2 map_legend_size(bool flows, ImFont* font) {
  float w = 0;
  for (int m = 0; m < kMapMetrics; ++m)
    w = std::max(w, legend_width(static_cast<MapMetric>(m), font));
  return {w, legend_height(flows, font->FontSize)};
}

void draw_map_legend(ImDrawList* dl, const Region& region, MapMetric metric,
                     const ColourScale& scale, bool flows, ImFont* font) {
  const MetricInfo& info = kMetricInfo[static_cast<std::size_t>(metric)];
  const float fs = font->FontSize;
  const float k = legend_unit(fs);
  const float pad = k * kLegendPad, bar_w = k * kLegendBarW, bar_h = k * kLegendBarH;
  const float box_w = legend_width(metric, font);
  const float box_h = legend_height(flows, fs);
  const ImVec2 p0(region.x + 10, region.y + region.h - 10 - box_h);
  dl->AddRectFilled(p0, ImVec2(p0.x + box_w, p0.y + box_h), IM_COL32(18, 21, 26, 225), 4);
  text_box_log().add({p0.x, p0.y, p0.x + box_w, p0.y + box_h}, "map legend");
  dl->AddRect(p0, ImVec2(p0.x + box_w, p0.y + box_h), IM_COL32(90, 98, 110, 255), 4);
  float y = p0.y + pad;
  char title[160];
  std::snprintf(title, sizeof title, "%s%s%s%s", i18n::tr(info.label), info.unit[0] ? " (" : "",
                unit_of(info, 0), info.unit[0] ? ")" : "");
  dl->AddText(font, fs, ImVec2(p0.x + pad, y), IM_COL32(235, 235, 235, 255), title);
  y += fs + 3;
  dl->AddText(font, fs, ImVec2(p0.x + pad, y), IM_COL32(160, 166, 176, 255), i18n::tr(info.note));
  y += fs + 5;
  constexpr int kSteps = 44;
  for (int i = 0; i < kSteps; ++i) {
    const float t0 = float(i) / kSteps, t1 = float(i + 1) / kSteps;
    const Rgb c = scale.colour(scale.lo + (scale.hi - scale.lo) * (t0 + t1) / 2);
    dl->AddRectFilled(ImVec2(p0.x + pad + bar_w * t0, y),
                      ImVec2(p0.x + pad + bar_w * t1 + 0.5f, y + bar_h),
                      IM_COL32(c.r, c.g, c.b, 255));
  }
  dl->AddRect(ImVec2(p0.x + pad, y), ImVec2(p0.x + pad + bar_w, y + bar_h), IM_COL32(0, 0, 0, 255));
  y += bar_h + 3;
  for (int i = 0; i <= 4; ++i) {
    const float t = float(i) / 4;
    char text[32];
    std::snprintf(text, sizeof text, info.format, double(scale.lo + (scale.hi - scale.lo) * t));
    const float w = font->CalcTextSizeA(fs, 1e9f, 0, text).x;
    const float x =
        std::clamp(p0.x + pad + bar_w * t - w / 2, p0.x + pad - 4, p0.x + pad + bar_w - w + 4);
    dl->AddLine(ImVec2(p0.x + pad + bar_w * t, y - 3), ImVec2(p0.x + pad + bar_w * t, y),
                IM_COL32(0, 0, 0, 255));
    dl->AddText(font, fs, ImVec2(x, y), IM_COL32(210, 210, 210, 255), text);
  }
  y += fs + 6;
  if (!flows) return;
  const auto key = [&](float x, const char* text, auto&& glyph) {
    glyph(ImVec2(x + k * 8, y + fs / 2));
    dl->AddText(font, fs, ImVec2(x + k * 20, y), IM_COL32(210, 210, 210, 255), i18n::tr(text));
  };
  const float x0 = p0.x + pad, x1 = p0.x + pad + (box_w - 2 * pad) / 2;
  key(x0, "sent up", [&](ImVec2 c) {
    dl->AddLine(ImVec2(c.x - k * 8, c.y), ImVec2(c.x + k * 8, c.y), IM_COL32(255, 150, 30, 255),
                k * 3);
  });
  key(x1, "sent back down", [&](ImVec2 c) {
    dl->AddLine(ImVec2(c.x - k * 8, c.y), ImVec2(c.x + k * 8, c.y), IM_COL32(70, 205, 255, 255),
                k * 3);
  });
  y += fs + 4;
  key(x0, "new cases",
      [&](ImVec2 c) { dl->AddCircleFilled(c, k * 4, IM_COL32(250, 250, 250, 255)); });
  key(x1, "resolved",
      [&](ImVec2 c) { dl->AddCircle(c, k * 6, IM_COL32(60, 220, 110, 255), 16, k * 2); });
  y += fs + 4;
  key(x0, "community", [&](ImVec2 c) {
    dl->AddCircleFilled(c, k * 6, IM_COL32(250, 250, 250, 255));
    dl->AddCircleFilled(c, k * 4.5f, IM_COL32(30, 34, 40, 255));
  });
  key(x1, "street office", [&](ImVec2 c) {
    for (const auto& [half, colour] :
         {std::pair{7.0f, IM_COL32(250, 250, 250, 255)}, std::pair{5.5f, IM_COL32(30, 34, 40, 255)},
          std::pair{2.0f, IM_COL32(250, 250, 250, 255)}})
      dl->AddRectFilled(ImVec2(c.x - k * half, c.y - k * half),
                        ImVec2(c.x + k * half, c.y + k * half), colour);
  });
}

}  // namespace govsim::viz
