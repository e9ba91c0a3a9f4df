// The city map's geometry, built once per city: each grid's shape as triangles and outline, the
// boundaries between grids, communities and streets, and where the offices and labels go.
//
// A city read from GeoJSON keeps its own polygons. Any other city gets a plausible layout from its
// grid centres: each grid is the part of the plane nearer its centre than any other (a Voronoi
// cell), cut off at about half the distance to its neighbours, so that grids of one community
// tile a block and the gaps between blocks read as roads. The generated city's centres lie on a
// square lattice inside each community (City::lay_out), which gives square grids.
//
// Coordinates are km with y pointing south (screen order), so north is up on the map.
#pragma once

#include <cstdint>
#include <vector>

#include "model/city.hpp"

namespace govsim::viz {

struct Vec2 {
  float x = 0, y = 0;
};

struct Segment {
  Vec2 a, b;
};

struct MapLayout {
  std::vector<Vec2> fill;                        // triangles, 3 vertices each, grid after grid
  std::vector<std::uint32_t> grid_first_vertex;  // grids + 1 offsets into `fill`
  std::vector<std::vector<std::vector<Vec2>>> outline;  // per grid: its rings
  std::vector<Vec2> grid_lo, grid_hi;                   // per grid: bounding box
  std::vector<Segment> grid_edges;                      // between grids of one community
  std::vector<Segment> community_edges;                 // around communities
  std::vector<Segment> street_edges;                    // between streets, and the district's edge
  // Per street: rectangles (4 corners each) of ground drawn beneath its grids; empty for a city
  // with its own polygons, which tile the ground already.
  std::vector<std::vector<Vec2>> street_area;
  std::vector<Vec2> grid_centre, community_centre, street_centre;
  std::vector<std::uint32_t> grid_community, grid_street, community_street;  // as in City
  std::vector<Vec2> street_label;     // per street: above the street's area
  std::vector<Vec2> community_label;  // per community: the middle of its top edge
  Vec2 lo, hi;                        // bounds of everything
  float grid_size = 0.4f;             // typical width of a grid, km
};

// `generated`: the city's grid centres come from the generator's lattice (square grids).
MapLayout build_map_layout(const City& city, bool generated);

// The grid under point p, or -1.
int pick_grid(const MapLayout& layout, Vec2 p);

}  // namespace govsim::viz
