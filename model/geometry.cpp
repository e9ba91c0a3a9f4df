#include "model/geometry.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>

namespace govsim {
namespace {

// Mean distance from the centre of a square of side 1 to a uniform point in it:
// (sqrt 2 + ln(1 + sqrt 2)) / 6.
const double kSquareMeanReach = (std::numbers::sqrt2 + std::log(1.0 + std::numbers::sqrt2)) / 6.0;
// Of a disc of listeners of radius r around residents spread evenly near a straight boundary,
// the share across it, integrated over the strip, is 2 r / (3 pi) per unit of boundary length.
const double kAcrossPerLength = 2.0 / (3.0 * std::numbers::pi);
// GeoJSON vertices count as the same point when they agree to a millimetre.
constexpr double kVertexPerKm = 1e6;
// A sliver: facing squares must overlap by more than this share of the smaller side.
constexpr double kSliver = 1e-3;

double side_km(const City& c, std::uint32_t g) { return std::sqrt(double(c.grid_area_km2[g])); }

struct Edge {
  std::uint32_t a, b;
  double length_km;
};

// Buckets of a square lattice of side `bucket` over the grids' centres, sorted by bucket, so
// that the grids near a point are found by binary search (deterministic, no hashing).
class Buckets {
 public:
  Buckets(const City& c, double bucket) : c_(c), bucket_(bucket) {
    for (std::uint32_t g = 0; g < c.grids; ++g)
      keyed_.push_back({key(c.grid_x[g], c.grid_y[g]), g});
    std::sort(keyed_.begin(), keyed_.end());
  }
  // Calls f(h) for every grid h > g in the 3 x 3 buckets around grid g.
  template <class F>
  void near(std::uint32_t g, F&& f) const {
    const auto [bx, by] = key(c_.grid_x[g], c_.grid_y[g]);
    for (std::int64_t dx = -1; dx <= 1; ++dx)
      for (std::int64_t dy = -1; dy <= 1; ++dy) {
        const std::pair<std::int64_t, std::int64_t> k{bx + dx, by + dy};
        auto it = std::lower_bound(keyed_.begin(), keyed_.end(), std::make_pair(k, 0u));
        for (; it != keyed_.end() && it->first == k; ++it)
          if (it->second > g) f(it->second);
      }
  }

 private:
  std::pair<std::int64_t, std::int64_t> key(float x, float y) const {
    return {static_cast<std::int64_t>(std::floor(double(x) / bucket_)),
            static_cast<std::int64_t>(std::floor(double(y) / bucket_))};
  }
  const City& c_;
  double bucket_;
  std::vector<std::pair<std::pair<std::int64_t, std::int64_t>, std::uint32_t>> keyed_;
};

// Generated layout: squares whose edges face each other across at most `gap` (the map's gaps
// between communities and streets are drawn, not real) and overlap along the edge; of the
// squares facing one side, only the nearest count.
std::vector<Edge> lattice_edges(const City& c, const std::vector<double>& cell, double gap) {
  double biggest = 0;
  for (double s : cell) biggest = std::max(biggest, s);
  const Buckets buckets(c, biggest + gap);
  // Candidates per grid and side (0 right, 1 left, 2 up, 3 down): gap and neighbour.
  struct Facing {
    std::uint32_t g, side, h;
    double gap, overlap;
  };
  std::vector<Facing> facing;
  for (std::uint32_t g = 0; g < c.grids; ++g)
    buckets.near(g, [&](std::uint32_t h) {
      const double dx = double(c.grid_x[h]) - c.grid_x[g], dy = double(c.grid_y[h]) - c.grid_y[g];
      const double half = 0.5 * (cell[g] + cell[h]);
      const double ox = half - std::abs(dx), oy = half - std::abs(dy);  // overlap (or -gap)
      const double sliver = kSliver * std::min(cell[g], cell[h]);
      if (oy > sliver && ox <= sliver && -ox <= gap) {  // side by side
        facing.push_back({g, dx > 0 ? 0u : 1u, h, -ox, oy});
        facing.push_back({h, dx > 0 ? 1u : 0u, g, -ox, oy});
      } else if (ox > sliver && oy <= sliver && -oy <= gap) {  // one above the other
        facing.push_back({g, dy > 0 ? 2u : 3u, h, -oy, ox});
        facing.push_back({h, dy > 0 ? 3u : 2u, g, -oy, ox});
      }
    });
  std::sort(facing.begin(), facing.end(), [](const Facing& a, const Facing& b) {
    return std::tie(a.g, a.side, a.gap, a.h) < std::tie(b.g, b.side, b.gap, b.h);
  });
  std::vector<Edge> edges;
  for (std::size_t i = 0; i < facing.size();) {
    std::size_t j = i;
    const double nearest = facing[i].gap;
    const double slack = kSliver * cell[facing[i].g];
    for (; j < facing.size() && facing[j].g == facing[i].g && facing[j].side == facing[i].side; ++j)
      if (facing[j].gap <= nearest + slack)
        edges.push_back({std::min(facing[j].g, facing[j].h), std::max(facing[j].g, facing[j].h),
                         facing[j].overlap});
    i = j;
  }
  // A pair found from both sides counts once.
  std::sort(edges.begin(), edges.end(),
            [](const Edge& x, const Edge& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
  edges.erase(std::unique(edges.begin(), edges.end(),
                          [](const Edge& x, const Edge& y) { return x.a == y.a && x.b == y.b; }),
              edges.end());
  return edges;
}

// Outlines: two grids are neighbours where an edge of one's outline is an edge of the other's.
std::vector<Edge> outline_edges(const City& c) {
  using Vertex = std::pair<std::int64_t, std::int64_t>;
  struct Side {
    Vertex a, b;
    std::uint32_t g;
    double length_km;
  };
  std::vector<Side> sides;
  const auto vertex = [](const std::array<float, 2>& p) {
    return Vertex{std::llround(double(p[0]) * kVertexPerKm),
                  std::llround(double(p[1]) * kVertexPerKm)};
  };
  for (std::uint32_t g = 0; g < c.grids && g < c.grid_polygons.size(); ++g)
    for (const auto& ring : c.grid_polygons[g])
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        Vertex a = vertex(ring[i]), b = vertex(ring[i + 1]);
        if (a == b) continue;
        if (b < a) std::swap(a, b);
        sides.push_back(
            {a, b, g,
             std::hypot(double(ring[i + 1][0]) - ring[i][0], double(ring[i + 1][1]) - ring[i][1])});
      }
  std::sort(sides.begin(), sides.end(), [](const Side& x, const Side& y) {
    return std::tie(x.a, x.b, x.g) < std::tie(y.a, y.b, y.g);
  });
  std::vector<Edge> edges;
  for (std::size_t i = 0; i < sides.size();) {
    std::size_t j = i;
    while (j < sides.size() && sides[j].a == sides[i].a && sides[j].b == sides[i].b) ++j;
    for (std::size_t p = i; p < j; ++p)
      for (std::size_t q = p + 1; q < j; ++q)
        if (sides[p].g != sides[q].g)
          edges.push_back({std::min(sides[p].g, sides[q].g), std::max(sides[p].g, sides[q].g),
                           sides[p].length_km});
    i = j;
  }
  return edges;
}

// A table without outlines: centres within neighbour_sides grid sides; the boundary is taken
// as the mean of the two sides.
std::vector<Edge> centre_edges(const City& c, double sides) {
  double biggest = 0;
  for (std::uint32_t g = 0; g < c.grids; ++g) biggest = std::max(biggest, side_km(c, g));
  std::vector<Edge> edges;
  if (sides <= 0 || biggest <= 0) return edges;
  const Buckets buckets(c, sides * biggest);
  for (std::uint32_t g = 0; g < c.grids; ++g)
    buckets.near(g, [&](std::uint32_t h) {
      const double mean_side = 0.5 * (side_km(c, g) + side_km(c, h));
      const double d =
          std::hypot(double(c.grid_x[h]) - c.grid_x[g], double(c.grid_y[h]) - c.grid_y[g]);
      if (d <= sides * mean_side) edges.push_back({g, h, mean_side});
    });
  return edges;
}

}  // namespace

Place grids_centre(const City& c, std::uint32_t g0, std::uint32_t g1) {
  Place p;
  if (g1 <= g0) return p;
  for (std::uint32_t g = g0; g < g1; ++g) p.x_km += c.grid_x[g], p.y_km += c.grid_y[g];
  p.x_km /= double(g1 - g0);
  p.y_km /= double(g1 - g0);
  return p;
}

Place community_office(const City& c, std::uint32_t k) {
  return grids_centre(c, c.community_first_grid[k], c.community_first_grid[k + 1]);
}

Place street_office(const City& c, std::uint32_t s) {
  return grids_centre(c, c.street_first_grid[s], c.street_first_grid[s + 1]);
}

Place city_centre(const City& c) { return grids_centre(c, 0, c.grids); }

double reach_km(const City& c, const Place& base, std::uint32_t g) {
  return std::hypot(double(c.grid_x[g]) - base.x_km, double(c.grid_y[g]) - base.y_km) +
         kSquareMeanReach * side_km(c, g);
}

double round_trip_h(double km, double kmh, double route_factor) {
  return 2.0 * km * route_factor / kmh;
}

void build_adjacency(City& c, const SpaceConfig& space, const std::vector<double>& cell_km,
                     double gap_km) {
  std::vector<Edge> edges;
  if (!cell_km.empty())
    edges = lattice_edges(c, cell_km, gap_km);
  else if (!c.grid_polygons.empty())
    edges = outline_edges(c);
  else
    edges = centre_edges(c, space.neighbour_sides);
  // Both directions, the boundary summed over shared edges, neighbours in increasing order.
  std::vector<Edge> both;
  both.reserve(2 * edges.size());
  for (const Edge& e : edges) {
    both.push_back(e);
    both.push_back({e.b, e.a, e.length_km});
  }
  std::sort(both.begin(), both.end(),
            [](const Edge& x, const Edge& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
  c.grid_neighbour_first.assign(c.grids + 1, 0);
  c.grid_neighbours.clear();
  c.grid_boundary_km.clear();
  for (std::size_t i = 0; i < both.size(); ++i) {
    if (i > 0 && both[i].a == both[i - 1].a && both[i].b == both[i - 1].b) {
      c.grid_boundary_km.back() += static_cast<float>(both[i].length_km);
      continue;
    }
    c.grid_neighbours.push_back(both[i].b);
    c.grid_boundary_km.push_back(static_cast<float>(both[i].length_km));
    ++c.grid_neighbour_first[both[i].a + 1];
  }
  for (std::uint32_t g = 0; g < c.grids; ++g)
    c.grid_neighbour_first[g + 1] += c.grid_neighbour_first[g];
}

SpillShares spill_shares(const City& c, double word_of_mouth_km) {
  SpillShares s;
  s.keep.assign(c.grids, 1.0);
  s.across.assign(c.grid_neighbours.size(), 0.0);
  for (std::uint32_t g = 0; g < c.grids; ++g) {
    const std::uint32_t e0 = c.grid_neighbour_first[g], e1 = c.grid_neighbour_first[g + 1];
    const double area = double(c.grid_area_km2[g]);
    double total = 0;
    for (std::uint32_t e = e0; e < e1; ++e) {
      s.across[e] = kAcrossPerLength * word_of_mouth_km * double(c.grid_boundary_km[e]) / area;
      total += s.across[e];
    }
    // The strip approximation holds while the reach is small beside the grid; beyond, the share
    // that leaves saturates (1 - e^-x) and is split over the boundaries in proportion.
    if (total > 0) {
      const double leaves = -std::expm1(-total);
      for (std::uint32_t e = e0; e < e1; ++e) s.across[e] *= leaves / total;
      s.keep[g] = 1.0 - leaves;
    }
  }
  s.incoming.resize(c.grid_neighbours.size());
  for (std::uint32_t g = 0; g < c.grids; ++g)
    for (std::uint32_t e = c.grid_neighbour_first[g]; e < c.grid_neighbour_first[g + 1]; ++e) {
      const std::uint32_t h = c.grid_neighbours[e];
      // spread_to adds in the order of the list, which must be the order of the grids.
      if (e > c.grid_neighbour_first[g] && h <= c.grid_neighbours[e - 1])
        throw std::logic_error("grid " + std::to_string(g) +
                               "'s neighbours are not in increasing order");
      const auto first = c.grid_neighbours.begin() + c.grid_neighbour_first[h];
      const auto last = c.grid_neighbours.begin() + c.grid_neighbour_first[h + 1];
      const auto it = std::lower_bound(first, last, g);
      if (it == last || *it != g)
        throw std::logic_error("grid adjacency is not symmetric: " + std::to_string(g) + " -> " +
                               std::to_string(h));
      s.incoming[e] = s.across[static_cast<std::size_t>(it - c.grid_neighbours.begin())];
    }
  return s;
}

}  // namespace govsim
