#include "scenarios/ring_check.hpp"

#include <algorithm>

namespace govsim {
namespace {

struct Edge {
  RingPoint a, b;
  std::size_t ring, index;  // index within its ring
  double x_lo() const { return std::min(a[0], b[0]); }
  double x_hi() const { return std::max(a[0], b[0]); }
};

// Twice the signed area of (p, q, r): > 0 left turn, < 0 right turn, 0 collinear.
double turn(const RingPoint& p, const RingPoint& q, const RingPoint& r) {
  return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
}

int sign(double x) { return (x > 0) - (x < 0); }

bool on_segment(const RingPoint& p, const RingPoint& q, const RingPoint& r) {
  return std::min(p[0], q[0]) <= r[0] && r[0] <= std::max(p[0], q[0]) &&
         std::min(p[1], q[1]) <= r[1] && r[1] <= std::max(p[1], q[1]);
}

// Whether two closed segments share any point (crossing, touching or overlapping).
bool meet(const Edge& e, const Edge& f) {
  const int d1 = sign(turn(f.a, f.b, e.a)), d2 = sign(turn(f.a, f.b, e.b));
  const int d3 = sign(turn(e.a, e.b, f.a)), d4 = sign(turn(e.a, e.b, f.b));
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  return (d1 == 0 && on_segment(f.a, f.b, e.a)) || (d2 == 0 && on_segment(f.a, f.b, e.b)) ||
         (d3 == 0 && on_segment(e.a, e.b, f.a)) || (d4 == 0 && on_segment(e.a, e.b, f.b));
}

bool neighbours(const Edge& e, const Edge& f, const std::vector<PolygonRing>& rings) {
  if (e.ring != f.ring) return false;
  const std::size_t n = rings[e.ring].size();
  const std::size_t gap = e.index > f.index ? e.index - f.index : f.index - e.index;
  return gap == 1 || gap == n - 1;
}

// Even-odd test: whether p is strictly inside the ring (it is on no edge: edges do not meet).
bool inside(const RingPoint& p, const PolygonRing& ring) {
  bool in = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const RingPoint& a = ring[i];
    const RingPoint& b = ring[j];
    if ((a[1] > p[1]) != (b[1] > p[1]) &&
        p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0])
      in = !in;
  }
  return in;
}

std::string ring_name(std::size_t r) {
  return r == 0 ? "the outer ring"
                : "hole " + std::to_string(r) + " (ring " + std::to_string(r) + ")";
}

}  // namespace

std::string check_polygon(const std::vector<PolygonRing>& rings) {
  std::vector<Edge> edges;
  for (std::size_t r = 0; r < rings.size(); ++r)
    for (std::size_t i = 0, n = rings[r].size(); i < n; ++i)
      edges.push_back({rings[r][i], rings[r][(i + 1) % n], r, i});
  // A sweep along x: only edges whose x ranges overlap can meet.
  std::sort(edges.begin(), edges.end(),
            [](const Edge& e, const Edge& f) { return e.x_lo() < f.x_lo(); });
  std::size_t comparisons = 0;
  for (std::size_t i = 0; i < edges.size(); ++i)
    for (std::size_t j = i + 1; j < edges.size() && edges[j].x_lo() <= edges[i].x_hi(); ++j) {
      if (++comparisons > kMaxEdgeComparisons)
        return "the outline is too complex to check (over " + std::to_string(kMaxEdgeComparisons) +
               " pairs of edges); simplify it";
      const Edge& e = edges[i];
      const Edge& f = edges[j];
      if (neighbours(e, f, rings) || !meet(e, f)) continue;
      if (e.ring == f.ring)
        return ring_name(e.ring) + " crosses or touches itself (edges " +
               std::to_string(std::min(e.index, f.index)) + " and " +
               std::to_string(std::max(e.index, f.index)) + "), as a bow-tie does";
      return ring_name(std::max(e.ring, f.ring)) + " crosses or touches " +
             ring_name(std::min(e.ring, f.ring));
    }
  // With no edges meeting, a hole is inside its shell when any one of its positions is.
  for (std::size_t r = 1; r < rings.size(); ++r) {
    if (!inside(rings[r].front(), rings[0]))
      return ring_name(r) + " lies outside the outer ring; a hole must be inside its shell";
    for (std::size_t h = 1; h < r; ++h)
      if (inside(rings[r].front(), rings[h]) || inside(rings[h].front(), rings[r]))
        return ring_name(r) + " and " + ring_name(h) + " are nested; holes must not overlap";
  }
  return "";
}

}  // namespace govsim
