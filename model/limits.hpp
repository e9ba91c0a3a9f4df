// Every cap on what a user can feed govsim, in one place. Each reader checks its input against
// these before it allocates in proportion to it, and refuses with an InputError (exit code 2)
// that names the file, the line when known, the field and the cap. README.md ("Limits") lists
// them; the ranges of single scenario values are in the schema (model/params.hpp, `govsim keys`).
#pragma once

#include <cstddef>
#include <cstdint>

namespace govsim::limits {

// The city. The shipped megacity has 10 million residents; the caps leave room above it.
inline constexpr std::int64_t kResidents = 50'000'000;  // city.residents, and a table's total
inline constexpr std::int64_t kGrids = 1'000'000;       // city.grids, table rows, GeoJSON features
inline constexpr std::int64_t kCommunities = 100'000;   // city.communities
inline constexpr std::int64_t kStreets = 10'000;        // city.streets
inline constexpr std::int64_t kDays = 36'500;           // run.days: a hundred years
inline constexpr double kGridAreaKm2 = 10'000;          // one grid; a grid is not a province
inline constexpr double kMapKm = 1e5;                   // a map position, km from the origin

// Scenario files (YAML), after `extends` and per file.
inline constexpr std::size_t kScenarioBytes = 1024 * 1024;  // checked before the file is read
inline constexpr int kScenarioDepth = 32;                   // nesting of maps and lists
inline constexpr std::size_t kScenarioValues = 20'000;      // aliases counted once per use
inline constexpr int kExtendsFiles = 16;                    // files in one `extends` chain

// City tables (CSV).
inline constexpr std::uintmax_t kTableBytes = 256ull * 1024 * 1024;
inline constexpr std::size_t kTableLineBytes = 64 * 1024;
inline constexpr std::size_t kNameBytes = 256;  // a street, community or grid name

// GeoJSON cities.
inline constexpr std::uintmax_t kGeoJsonBytes = 64ull * 1024 * 1024;
// The file is read into a tree of JSON values (about 100 bytes and a microsecond or more each)
// before the features are, so the number of values is capped before it is parsed.
inline constexpr std::size_t kGeoJsonValues = 2'000'000;  // a vertex is three, a feature ~20
inline constexpr std::size_t kGeoJsonVertices = 600'000;  // over all features
inline constexpr int kGeoJsonDepth = 32;  // a MultiPolygon is 6 deep; more is not a city

// "1 MiB", "256 MiB": a byte cap for messages.
inline constexpr std::uintmax_t mebibytes(std::uintmax_t bytes) { return bytes / (1024 * 1024); }

}  // namespace govsim::limits
