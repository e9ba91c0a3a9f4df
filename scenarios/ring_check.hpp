// The geometry of a polygon as GeoJSON gives it (RFC 7946 3.1.6, and the OGC simple-feature
// rules it refers to): no edge of any ring crosses or touches another edge but its neighbours
// (no bow-ties, no rings that touch themselves, no hole that crosses its shell), and every hole
// lies inside its shell. A polygon that breaks them has no well-defined area or centroid: the
// shoelace sums give a number, but the wrong one.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace govsim {

using RingPoint = std::array<double, 2>;
using PolygonRing = std::vector<RingPoint>;  // open: the first position is not repeated

// The work of the edge check is bounded: a polygon whose edges would need more comparisons than
// this (hundreds of thousands of vertices, all overlapping) is refused as too complex.
inline constexpr std::size_t kMaxEdgeComparisons = 50'000'000;

// "" when the rings (shell first, then holes; each of 3 or more distinct consecutive positions)
// form a valid polygon, else the reason, naming the rings by index ("ring 0 crosses itself").
std::string check_polygon(const std::vector<PolygonRing>& rings);

}  // namespace govsim
