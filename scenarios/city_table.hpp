// Reads a city from a CSV table, one grid per row, for planners who bring their own district.
//
// Columns (header row required, any order): street, community, grid, population, households,
// housing, elderly_share, migrant_share, area_km2, x, y. `households` may be left out or empty
// (0 = derive from the mean household size). Cells may be quoted ("a, b" and "" for a quote).
// Every bad cell is an InputError "file:line:column: column 'name': problem". The caps on
// size (file, lines, rows, names, population) are in sim/limits.hpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/params.hpp"

namespace govsim {

std::vector<GridRecord> read_city_table(const std::string& path);

// The same from text already in memory; `file` names it in messages.
std::vector<GridRecord> parse_city_table(std::string_view text, const std::string& file);

}  // namespace govsim
