// Reads a city from GeoJSON: one grid per feature, with its outline, for planners whose districts
// live in a GIS. `city.table: my-district.geojson` in a scenario selects this reader.
//
// The file is a FeatureCollection (RFC 7946) of Polygon or MultiPolygon features. Each feature's
// properties: street, community, grid (names), population, housing (old_compound, commodity,
// urban_village or mixed), elderly_share, migrant_share, and optionally households. Other
// properties are ignored. The area and the map position (x, y) are computed from the outline.
//
// Coordinates are longitude/latitude in degrees (WGS 84, as RFC 7946 says) unless the collection
// has the foreign member `"units": "km"`, in which case they are planar kilometres already.
// Degrees are projected to km around the middle of the collection's bounding box with the
// equirectangular approximation (x = Δlon · 111.32 km · cos lat0, y = Δlat · 110.574 km), which is
// well under 1 % off for a district-sized area.
//
// Every mistake is an InputError naming the file and the feature ("f.geojson: feature 12 ('Gulou
// 03'): property 'population': ..."); JSON syntax errors give line and column.
// The caps on size are in sim/limits.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/params.hpp"

namespace govsim {

std::vector<GridRecord> read_geojson_city(const std::string& path);

// The same from text already in memory; `file` names it in messages.
std::vector<GridRecord> parse_geojson_city(std::string_view text, const std::string& file);

// True for the file names this reader takes (".geojson", ".json").
bool is_geojson_name(std::string_view path);

}  // namespace govsim
