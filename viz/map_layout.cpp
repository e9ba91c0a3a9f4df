#include "viz/map_layout.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace govsim::viz {
namespace {

Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
Vec2 operator*(Vec2 a, float s) { return {a.x * s, a.y * s}; }
float dot(Vec2 a, Vec2 b) { return a.x * b.x + a.y * b.y; }
float cross(Vec2 a, Vec2 b) { return a.x * b.y - a.y * b.x; }
float length(Vec2 a) { return std::sqrt(dot(a, a)); }

constexpr float kPi = 3.14159265f;

// A point of a convex cell, and the neighbour whose bisector the edge from it to the next point
// lies on (-1: the cap that bounds the cell where there is no neighbour).
struct TaggedPoint {
  Vec2 p;
  int tag;
};
using Cell = std::vector<TaggedPoint>;

// Keeps the part of `cell` where dot(p - m, n) <= 0; the new edge gets `tag`.
Cell clip(const Cell& cell, Vec2 m, Vec2 n, int tag) {
  Cell out;
  const std::size_t count = cell.size();
  for (std::size_t i = 0; i < count; ++i) {
    const TaggedPoint& a = cell[i];
    const TaggedPoint& b = cell[(i + 1) % count];
    const float da = dot(a.p - m, n), db = dot(b.p - m, n);
    if (da <= 0) out.push_back(a);
    if ((da <= 0) != (db <= 0)) {
      const Vec2 at = a.p + (b.p - a.p) * (da / (da - db));
      out.push_back({at, da <= 0 ? tag : a.tag});
    }
  }
  return out;
}

// Points in square buckets, for neighbour searches.
class Buckets {
 public:
  Buckets(const std::vector<Vec2>& points, Vec2 lo, Vec2 hi) : lo_(lo) {
    const float w = std::max(hi.x - lo.x, 1e-3f), h = std::max(hi.y - lo.y, 1e-3f);
    size_ = std::max(std::sqrt(w * h / float(std::max<std::size_t>(1, points.size()))), 1e-3f);
    nx_ = std::max(1, static_cast<int>(w / size_) + 1);
    ny_ = std::max(1, static_cast<int>(h / size_) + 1);
    cells_.resize(std::size_t(nx_) * std::size_t(ny_));
    for (std::size_t i = 0; i < points.size(); ++i) cells_[index(points[i])].push_back(i);
  }
  float size() const { return size_; }

  // Calls f(i) for every point in the buckets that overlap the square of half-side r around p.
  template <class F>
  void visit(Vec2 p, float r, F&& f) const {
    const int x0 = clamp_x(p.x - r), x1 = clamp_x(p.x + r);
    const int y0 = clamp_y(p.y - r), y1 = clamp_y(p.y + r);
    for (int y = y0; y <= y1; ++y)
      for (int x = x0; x <= x1; ++x)
        for (std::size_t i : cells_[std::size_t(y) * std::size_t(nx_) + std::size_t(x)]) f(i);
  }

 private:
  int clamp_x(float x) const {
    return std::clamp(static_cast<int>(std::floor((x - lo_.x) / size_)), 0, nx_ - 1);
  }
  int clamp_y(float y) const {
    return std::clamp(static_cast<int>(std::floor((y - lo_.y) / size_)), 0, ny_ - 1);
  }
  std::size_t index(Vec2 p) const {
    return std::size_t(clamp_y(p.y)) * std::size_t(nx_) + std::size_t(clamp_x(p.x));
  }

  Vec2 lo_;
  float size_ = 1;
  int nx_ = 1, ny_ = 1;
  std::vector<std::vector<std::size_t>> cells_;
};

// Distance from each point to its nearest and second-nearest other points. On a lattice the
// nearest is the spacing; among irregular points the second is robust to one close neighbour.
struct Spacing {
  float nearest, second;
};
std::vector<Spacing> neighbour_distances(const std::vector<Vec2>& pts, const Buckets& buckets,
                                         Vec2 lo, Vec2 hi) {
  const float span = std::max(hi.x - lo.x, hi.y - lo.y) + buckets.size();
  std::vector<Spacing> out(pts.size(), {buckets.size(), buckets.size()});
  for (std::size_t g = 0; g < pts.size(); ++g) {
    float d1 = INFINITY, d2 = INFINITY;
    for (float r = buckets.size(); r < 4 * span; r *= 2) {
      d1 = d2 = INFINITY;
      buckets.visit(pts[g], r, [&](std::size_t i) {
        if (i == g) return;
        const float d = length(pts[i] - pts[g]);
        if (d < d1) {
          d2 = d1;
          d1 = d;
        } else if (d < d2) {
          d2 = d;
        }
      });
      if (d2 <= r) break;
    }
    // A lone grid (one neighbour, or none) takes its one neighbour's distance.
    if (d1 < INFINITY) out[g] = {std::max(d1, 1e-4f), std::max(d2 < INFINITY ? d2 : d1, 1e-4f)};
  }
  return out;
}

// Ear clipping of one simple ring; a fan when the ring is not simple enough to clip.
void triangulate(const std::vector<Vec2>& ring, std::vector<Vec2>& out) {
  const std::size_t n = ring.size();
  if (n < 3) return;
  float area = 0;
  for (std::size_t i = 0; i < n; ++i) area += cross(ring[i], ring[(i + 1) % n]);
  std::vector<std::size_t> idx(n);
  for (std::size_t i = 0; i < n; ++i) idx[i] = area >= 0 ? i : n - 1 - i;
  const auto inside = [](Vec2 p, Vec2 a, Vec2 b, Vec2 c) {
    return cross(b - a, p - a) > 0 && cross(c - b, p - b) > 0 && cross(a - c, p - c) > 0;
  };
  while (idx.size() > 3) {
    bool clipped = false;
    for (std::size_t i = 0; i < idx.size(); ++i) {
      const Vec2 a = ring[idx[(i + idx.size() - 1) % idx.size()]];
      const Vec2 b = ring[idx[i]];
      const Vec2 c = ring[idx[(i + 1) % idx.size()]];
      if (cross(b - a, c - b) <= 0) continue;  // reflex
      bool ear = true;
      for (std::size_t j : idx) {
        const Vec2 p = ring[j];
        if (j == idx[i] || (p.x == a.x && p.y == a.y) || (p.x == c.x && p.y == c.y)) continue;
        if (inside(p, a, b, c)) {
          ear = false;
          break;
        }
      }
      if (!ear) continue;
      out.insert(out.end(), {a, b, c});
      idx.erase(idx.begin() + static_cast<std::ptrdiff_t>(i));
      clipped = true;
      break;
    }
    if (!clipped) {
      for (std::size_t i = 1; i + 1 < idx.size(); ++i)
        out.insert(out.end(), {ring[idx[0]], ring[idx[i]], ring[idx[i + 1]]});
      return;
    }
  }
  out.insert(out.end(), {ring[idx[0]], ring[idx[1]], ring[idx[2]]});
}

// Voronoi cells cut off by a cap around each centre; returns each cell with its edge tags.
std::vector<Cell> capped_cells(const City& city, const std::vector<Vec2>& centre, bool generated,
                               Vec2 lo, Vec2 hi, float& typical) {
  const Buckets buckets(centre, lo, hi);
  const std::vector<Spacing> spacing = neighbour_distances(centre, buckets, lo, hi);
  std::vector<float> sorted;
  for (const Spacing& d : spacing) sorted.push_back(generated ? d.nearest : d.second);
  std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(sorted.size() / 2),
                   sorted.end());
  typical = sorted.empty() ? 0.4f : sorted[sorted.size() / 2];
  std::vector<Cell> cells(city.grids);
  for (std::uint32_t g = 0; g < city.grids; ++g) {
    const Vec2 c = centre[g];
    Cell cell;
    float reach;
    if (generated) {  // squares on the generator's lattice
      // A hair more than half the spacing, so that the neighbours' bisectors cut the square and
      // the shared edges know which grid is on their other side.
      const float h = 0.51f * spacing[g].nearest;
      cell = {{{c.x - h, c.y - h}, -1},
              {{c.x + h, c.y - h}, -1},
              {{c.x + h, c.y + h}, -1},
              {{c.x - h, c.y + h}, -1}};
      reach = h * 1.4143f;
    } else {  // a round cap for irregular centres
      const float r = 0.62f * spacing[g].second;
      for (int i = 0; i < 20; ++i) {
        const float a = 2 * kPi * float(i) / 20.0f;
        cell.push_back({{c.x + r * std::cos(a), c.y + r * std::sin(a)}, -1});
      }
      reach = r;
    }
    buckets.visit(c, 2 * reach, [&](std::size_t i) {
      if (i == g || cell.empty()) return;
      const Vec2 n = centre[i] - c;
      if (dot(n, n) < 1e-12f || length(n) > 2 * reach) return;
      cell = clip(cell, c + n * 0.5f, n, static_cast<int>(i));
    });
    cells[g] = std::move(cell);
  }
  return cells;
}

void add_edge(MapLayout& m, const City& city, Vec2 a, Vec2 b, int g, int other) {
  if (other < 0) {
    m.community_edges.push_back({a, b});
    return;
  }
  const auto u = static_cast<std::uint32_t>(g), v = static_cast<std::uint32_t>(other);
  if (city.grid_street[u] != city.grid_street[v]) {
    m.street_edges.push_back({a, b});
  } else if (city.grid_community[u] != city.grid_community[v]) {
    m.community_edges.push_back({a, b});
  } else {
    m.grid_edges.push_back({a, b});
  }
}

void from_cells(MapLayout& m, const City& city, const std::vector<Cell>& cells) {
  for (std::uint32_t g = 0; g < city.grids; ++g) {
    const Cell& cell = cells[g];
    std::vector<Vec2> ring;
    for (const TaggedPoint& p : cell) ring.push_back(p.p);
    for (std::size_t i = 1; i + 1 < ring.size(); ++i)
      m.fill.insert(m.fill.end(), {ring[0], ring[i], ring[i + 1]});
    m.grid_first_vertex[g + 1] = static_cast<std::uint32_t>(m.fill.size());
    for (std::size_t i = 0; i < cell.size(); ++i) {
      const int other = cell[i].tag;
      // Shared edges are drawn once, from the lower-numbered grid.
      if (other >= 0 && static_cast<std::uint32_t>(other) < g) continue;
      add_edge(m, city, cell[i].p, cell[(i + 1) % cell.size()].p, static_cast<int>(g), other);
    }
    m.outline[g] = {std::move(ring)};
  }
}

void from_polygons(MapLayout& m, const City& city) {
  // Edges are matched between grids by their end points, so that shared boundaries are drawn once
  // and classed by what they separate.
  struct Owners {
    Segment s;
    int first = -1, second = -1;
  };
  const auto quantise = [](Vec2 p) {
    const auto q = [](float v) {
      return static_cast<std::uint64_t>(static_cast<std::int64_t>(std::lround(v * 1e4f)) +
                                        (1ll << 31)) &
             0xFFFFFFFFull;
    };
    return (q(p.x) << 32) | q(p.y);
  };
  struct PairHash {
    std::size_t operator()(const std::pair<std::uint64_t, std::uint64_t>& k) const {
      return std::hash<std::uint64_t>()(k.first * 0x9E3779B97F4A7C15ull ^ k.second);
    }
  };
  std::unordered_map<std::pair<std::uint64_t, std::uint64_t>, Owners, PairHash> edges;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> order;  // first-seen order: stable output
  for (std::uint32_t g = 0; g < city.grids; ++g) {
    for (const auto& ring_km : city.grid_polygons[g]) {
      std::vector<Vec2> ring;
      for (const auto& p : ring_km) ring.push_back({p[0], -p[1]});
      triangulate(ring, m.fill);
      for (std::size_t i = 0; i < ring.size(); ++i) {
        const Vec2 a = ring[i], b = ring[(i + 1) % ring.size()];
        const std::uint64_t qa = quantise(a), qb = quantise(b);
        const std::pair<std::uint64_t, std::uint64_t> key{std::min(qa, qb), std::max(qa, qb)};
        auto [it, fresh] = edges.try_emplace(key);
        if (fresh) {
          it->second.s = {a, b};
          it->second.first = static_cast<int>(g);
          order.push_back(key);
        } else if (it->second.first != static_cast<int>(g)) {
          it->second.second = static_cast<int>(g);
        }
      }
      m.outline[g].push_back(std::move(ring));
    }
    m.grid_first_vertex[g + 1] = static_cast<std::uint32_t>(m.fill.size());
  }
  for (const auto& key : order) {
    const Owners& o = edges.at(key);
    if (o.second < 0) {
      m.street_edges.push_back(o.s);  // the district's own edge
    } else {
      add_edge(m, city, o.s.a, o.s.b, o.first, o.second);
    }
  }
}

// The generator lays streets side by side in one row, which for a city of many streets is a
// ribbon. On the map they are set out in rows instead, about twice as wide as tall in all, each
// street keeping its own layout.
void arrange_streets(const City& city, std::vector<Vec2>& centre) {
  if (city.streets < 3) return;
  std::vector<Vec2> lo(city.streets, {INFINITY, INFINITY}),
      hi(city.streets, {-INFINITY, -INFINITY});
  float spacing = INFINITY;
  for (std::uint32_t g = 0; g < city.grids; ++g) {
    const std::uint32_t s = city.grid_street[g];
    lo[s] = {std::min(lo[s].x, centre[g].x), std::min(lo[s].y, centre[g].y)};
    hi[s] = {std::max(hi[s].x, centre[g].x), std::max(hi[s].y, centre[g].y)};
    if (g > 0 && city.grid_community[g] == city.grid_community[g - 1])
      spacing = std::min(spacing, std::fabs(centre[g].x - centre[g - 1].x) + 1e-6f);
  }
  if (!(spacing < INFINITY)) spacing = 0.5f;
  float w = 0, h = 0;
  for (std::uint32_t s = 0; s < city.streets; ++s) {
    w += hi[s].x - lo[s].x + 3 * spacing;
    h = std::max(h, hi[s].y - lo[s].y + 3 * spacing);
  }
  // Rows of equal length, so that the whole is about twice as wide as it is tall.
  const auto rows = static_cast<std::uint32_t>(
      std::clamp(std::round(std::sqrt(w / (2.0f * h))), 1.0f, float(city.streets)));
  const std::uint32_t per_row = (city.streets + rows - 1) / rows;
  std::vector<Vec2> shift(city.streets);
  float y = 0;
  for (std::uint32_t r = 0; r * per_row < city.streets; ++r) {
    float x = 0, row_h = 0;
    for (std::uint32_t s = r * per_row; s < std::min(city.streets, (r + 1) * per_row); ++s) {
      shift[s] = {x - lo[s].x, y - lo[s].y};
      x += hi[s].x - lo[s].x + 3 * spacing;
      row_h = std::max(row_h, hi[s].y - lo[s].y + 3.5f * spacing);
    }
    y += row_h;
  }
  for (std::uint32_t g = 0; g < city.grids; ++g) centre[g] = centre[g] + shift[city.grid_street[g]];
}

}  // namespace

MapLayout build_map_layout(const City& city, bool generated) {
  MapLayout m;
  const bool polygons = city.grid_polygons.size() == city.grids && city.grids > 0;
  m.grid_centre.resize(city.grids);
  m.lo = {INFINITY, INFINITY};
  m.hi = {-INFINITY, -INFINITY};
  for (std::uint32_t g = 0; g < city.grids; ++g)
    m.grid_centre[g] = {city.grid_x[g], -city.grid_y[g]};
  if (generated && !polygons) arrange_streets(city, m.grid_centre);
  for (std::uint32_t g = 0; g < city.grids; ++g) {
    m.lo = {std::min(m.lo.x, m.grid_centre[g].x), std::min(m.lo.y, m.grid_centre[g].y)};
    m.hi = {std::max(m.hi.x, m.grid_centre[g].x), std::max(m.hi.y, m.grid_centre[g].y)};
  }
  m.grid_first_vertex.assign(city.grids + 1, 0);
  m.outline.resize(city.grids);
  m.grid_community = city.grid_community;
  m.grid_street = city.grid_street;
  m.community_street = city.community_street;
  if (polygons) {
    from_polygons(m, city);
    float area_sum = 0;
    for (float a : city.grid_area_km2) area_sum += a;
    m.grid_size = std::sqrt(area_sum / float(std::max(1u, city.grids)));
  } else {
    const std::vector<Cell> cells =
        capped_cells(city, m.grid_centre, generated && !polygons, m.lo, m.hi, m.grid_size);
    from_cells(m, city, cells);
  }
  m.grid_lo.assign(city.grids, {INFINITY, INFINITY});
  m.grid_hi.assign(city.grids, {-INFINITY, -INFINITY});
  for (std::uint32_t g = 0; g < city.grids; ++g)
    for (const auto& ring : m.outline[g])
      for (Vec2 p : ring) {
        m.grid_lo[g] = {std::min(m.grid_lo[g].x, p.x), std::min(m.grid_lo[g].y, p.y)};
        m.grid_hi[g] = {std::max(m.grid_hi[g].x, p.x), std::max(m.grid_hi[g].y, p.y)};
        m.lo = {std::min(m.lo.x, p.x), std::min(m.lo.y, p.y)};
        m.hi = {std::max(m.hi.x, p.x), std::max(m.hi.y, p.y)};
      }

  // Offices: a community's at the middle of its grids, a street's at the middle of its
  // communities.
  m.community_centre.assign(city.communities, {});
  m.community_label.assign(city.communities, {});
  for (std::uint32_t k = 0; k < city.communities; ++k) {
    const std::uint32_t g0 = city.community_first_grid[k], g1 = city.community_first_grid[k + 1];
    Vec2 sum, lo{INFINITY, INFINITY}, hi{-INFINITY, -INFINITY};
    for (std::uint32_t g = g0; g < g1; ++g) {
      sum = sum + m.grid_centre[g];
      lo = {std::min(lo.x, m.grid_lo[g].x), std::min(lo.y, m.grid_lo[g].y)};
      hi = {std::max(hi.x, m.grid_hi[g].x), std::max(hi.y, m.grid_hi[g].y)};
    }
    m.community_centre[k] = sum * (1.0f / float(std::max(1u, g1 - g0)));
    m.community_label[k] = {(lo.x + hi.x) / 2, lo.y};
  }
  m.street_centre.assign(city.streets, {});
  m.street_label.assign(city.streets, {});
  m.street_area.assign(city.streets, {});
  for (std::uint32_t s = 0; s < city.streets; ++s) {
    const std::uint32_t k0 = city.street_first_community[s],
                        k1 = city.street_first_community[s + 1];
    Vec2 sum;
    for (std::uint32_t k = k0; k < k1; ++k) sum = sum + m.community_centre[k];
    m.street_centre[s] = sum * (1.0f / float(std::max(1u, k1 - k0)));
    Vec2 lo{INFINITY, INFINITY}, hi{-INFINITY, -INFINITY};
    for (std::uint32_t g = city.street_first_grid[s]; g < city.street_first_grid[s + 1]; ++g) {
      lo = {std::min(lo.x, m.grid_lo[g].x), std::min(lo.y, m.grid_lo[g].y)};
      hi = {std::max(hi.x, m.grid_hi[g].x), std::max(hi.y, m.grid_hi[g].y)};
    }
    m.street_label[s] = {(lo.x + hi.x) / 2, lo.y - 0.45f * m.grid_size};
    if (!polygons) {
      // The street's ground: its communities' blocks padded until neighbouring blocks meet, so
      // that the roads between blocks belong to the street and the street reads as a district.
      const float pad = 0.38f * m.grid_size;
      for (std::uint32_t k = k0; k < k1; ++k) {
        Vec2 blo{INFINITY, INFINITY}, bhi{-INFINITY, -INFINITY};
        for (std::uint32_t g = city.community_first_grid[k]; g < city.community_first_grid[k + 1];
             ++g) {
          blo = {std::min(blo.x, m.grid_lo[g].x), std::min(blo.y, m.grid_lo[g].y)};
          bhi = {std::max(bhi.x, m.grid_hi[g].x), std::max(bhi.y, m.grid_hi[g].y)};
        }
        blo = {blo.x - pad, blo.y - pad};
        bhi = {bhi.x + pad, bhi.y + pad};
        m.street_area[s].insert(m.street_area[s].end(), {blo, {bhi.x, blo.y}, bhi, {blo.x, bhi.y}});
        m.lo = {std::min(m.lo.x, blo.x), std::min(m.lo.y, blo.y)};
        m.hi = {std::max(m.hi.x, bhi.x), std::max(m.hi.y, bhi.y)};
      }
    }
    m.lo.y = std::min(m.lo.y, m.street_label[s].y - 0.3f * m.grid_size);
  }
  return m;
}

int pick_grid(const MapLayout& m, Vec2 p) {
  for (std::size_t g = 0; g < m.outline.size(); ++g) {
    if (p.x < m.grid_lo[g].x || p.x > m.grid_hi[g].x || p.y < m.grid_lo[g].y ||
        p.y > m.grid_hi[g].y)
      continue;
    bool in = false;
    for (const auto& ring : m.outline[g]) {
      for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const Vec2 a = ring[i], b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
          in = !in;
      }
    }
    if (in) return static_cast<int>(g);
  }
  return -1;
}

}  // namespace govsim::viz
