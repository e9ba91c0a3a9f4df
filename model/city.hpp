// The city: streets → communities → grids, with each grid's attributes. Residents are stored
// grid by grid, so a grid's residents are one contiguous range.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "model/params.hpp"

namespace govsim {

struct City {
  std::uint32_t streets = 0;
  std::uint32_t communities = 0;
  std::uint32_t grids = 0;
  std::uint64_t residents = 0;

  // Per grid, ordered by street then community.
  std::vector<std::uint32_t> grid_street;
  std::vector<std::uint32_t> grid_community;
  std::vector<std::uint32_t> grid_population;
  std::vector<std::uint32_t> grid_households;
  std::vector<HousingType> grid_housing;
  std::vector<float> grid_elderly;
  std::vector<float> grid_migrant;
  std::vector<float> grid_area_km2;
  std::vector<float> grid_x;  // centre, km
  std::vector<float> grid_y;
  std::vector<std::uint64_t> grid_first_resident;  // grids + 1 offsets

  std::vector<std::uint32_t> community_street;
  std::vector<std::uint32_t> community_first_grid;    // communities + 1 offsets
  std::vector<std::uint32_t> street_first_community;  // streets + 1 offsets
  std::vector<std::uint32_t> street_first_grid;       // streets + 1 offsets
  std::vector<std::uint64_t> community_population;

  std::vector<std::string> street_names;
  std::vector<std::string> community_names;
  std::vector<std::string> grid_names;

  // Cold: per grid, the outer rings of its outline (km, like grid_x/grid_y), for maps. Empty
  // unless the city was read from a table with polygons (GeoJSON).
  std::vector<std::vector<std::vector<std::array<float, 2>>>> grid_polygons;

  // Neighbouring grids (model/geometry.hpp), CSR: grid g's neighbours are
  // grid_neighbours[grid_neighbour_first[g] .. grid_neighbour_first[g + 1]), in increasing order,
  // each with the length of the shared boundary, km. Symmetric.
  std::vector<std::uint32_t> grid_neighbour_first;  // grids + 1 offsets
  std::vector<std::uint32_t> grid_neighbours;
  std::vector<float> grid_boundary_km;
};

// Generates the city from the scenario's sizes, or builds it from scenario.grid_table.
City build_city(const Scenario& scenario);

}  // namespace govsim
