// The city's geometry for on-site work and for neighbouring grids (docs/MODEL.md 7.25): where
// each handling base is, how far a handler goes to reach a grid, which grids share a boundary
// (compact CSR arrays in the City) and what share of a grid's word of mouth crosses each
// boundary. Positions are the grids' centres in km (the generated layout, a table's x and y, or a
// GeoJSON outline's centroid). Everything here is a pure function of the city and the keys.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "model/city.hpp"
#include "model/space_config.hpp"

namespace govsim {

struct Place {
  double x_km = 0;
  double y_km = 0;
};

// The unweighted centre of grids [g0, g1): the base of a branch, a community office or a street
// office is placed at the centre of the grids it serves.
Place grids_centre(const City& city, std::uint32_t g0, std::uint32_t g1);
Place community_office(const City& city, std::uint32_t community);
Place street_office(const City& city, std::uint32_t street);
Place city_centre(const City& city);

// Mean straight-line distance, km, from `base` to a place in grid g: to the grid's centre, plus
// the mean distance from a square's centre to a point in it (the grid taken as a square of its
// area), so that a base in the grid itself still walks to the door.
double reach_km(const City& city, const Place& base, std::uint32_t g);

// Hours of a round trip of `km` (straight line) at `kmh` on the street network.
double round_trip_h(double km, double kmh, double route_factor);

// Fills city.grid_neighbour_first / grid_neighbours / grid_boundary_km (CSR, neighbours of each
// grid in increasing order, symmetric). `cell_km`: for a generated layout, the side of each
// grid's square on the map and `gap_km` the widest gap the map leaves between squares that
// touch in the city; empty for a table city, which uses its outlines if it has them (grids
// sharing an edge), else centres within space.neighbour_sides grid sides.
void build_adjacency(City& city, const SpaceConfig& space, const std::vector<double>& cell_km,
                     double gap_km);

// What crosses grid boundaries by word of mouth: of what arises in grid g, share keep[g] stays
// in g and share across[e] reaches grid city.grid_neighbours[e] (e in g's CSR range);
// incoming[e] is the share the other way, of what arises in city.grid_neighbours[e] that reaches
// g (the adjacency is symmetric).
struct SpillShares {
  std::vector<double> keep;
  std::vector<double> across;
  std::vector<double> incoming;
};
// Throws std::logic_error if the city's adjacency is not symmetric, or a grid's neighbours are not
// in strictly increasing order (build_adjacency makes them both).
SpillShares spill_shares(const City& city, double word_of_mouth_km);

// What reaches grid g of each of N quantities: keep[g] own[g] plus, from each neighbour h, the
// share of own[h] that reaches g, added from 0 in increasing order of the grid it comes from.
// Each grid's sums read only `own`, so grids may be done in any order and in parallel, with the
// same bits.
template <std::size_t N>
std::array<double, N> spread_to(const City& city, const SpillShares& shares,
                                const std::array<const std::vector<double>*, N>& own,
                                std::uint32_t g) {
  std::array<double, N> heard{};  // +0.0
  const std::uint32_t e1 = city.grid_neighbour_first[g + 1];
  std::uint32_t e = city.grid_neighbour_first[g];
  for (; e < e1 && city.grid_neighbours[e] < g; ++e)  // the neighbours before g
    for (std::size_t k = 0; k < N; ++k)
      heard[k] += shares.incoming[e] * (*own[k])[city.grid_neighbours[e]];
  for (std::size_t k = 0; k < N; ++k) heard[k] += shares.keep[g] * (*own[k])[g];
  for (; e < e1; ++e)  // and after it
    for (std::size_t k = 0; k < N; ++k)
      heard[k] += shares.incoming[e] * (*own[k])[city.grid_neighbours[e]];
  return heard;
}

}  // namespace govsim
