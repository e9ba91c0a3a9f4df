#include "model/scenario_check.hpp"

#include <set>
#include <tuple>

#include "model/limits.hpp"

namespace govsim {
namespace {

bool within(double x, double lo, double hi) { return std::isfinite(x) && x >= lo && x <= hi; }

std::string check_name(const std::string& name, const std::string& what) {
  if (name.empty()) return what + " is empty";
  if (name.size() > limits::kNameBytes)
    return what + " is longer than " + std::to_string(limits::kNameBytes) + " bytes";
  return "";
}

// The ranges the CSV and GeoJSON readers check, column by column.
std::string check_grid(const GridRecord& g) {
  for (const auto& [name, what] :
       {std::pair{&g.street, "street"}, std::pair{&g.community, "community"},
        std::pair{&g.name, "grid"}})
    if (std::string m = check_name(*name, what); !m.empty()) return m;
  if (g.population < 1 || g.population > limits::kResidents) return "population is out of range";
  if (g.households < 0 || g.households > g.population) return "households is out of range";
  if (static_cast<std::size_t>(g.housing) >= kHousingNames.size()) return "housing is unknown";
  if (!within(g.elderly_share, 0, 1) || !within(g.migrant_share, 0, 1))
    return "a share is outside [0, 1]";
  if (!within(g.area_km2, 0, limits::kGridAreaKm2) || g.area_km2 == 0)
    return "area_km2 is out of range";
  if (!within(g.x, -limits::kMapKm, limits::kMapKm) ||
      !within(g.y, -limits::kMapKm, limits::kMapKm))
    return "the map position is out of range";
  for (const auto& ring : g.polygon)
    for (const auto& p : ring)
      if (!within(p[0], -limits::kMapKm, limits::kMapKm) ||
          !within(p[1], -limits::kMapKm, limits::kMapKm))
        return "a vertex of its outline is out of range";
  return "";
}

std::string check_grid_table(const Scenario& s) {
  if (s.city.table.empty() != s.grid_table.empty())
    return s.city.table.empty() ? "city.table: grids without a table"
                                : "city.table: '" + s.city.table + "' has no grids";
  if (s.grid_table.size() > static_cast<std::size_t>(limits::kGrids))
    return "city.table: more than " + std::to_string(limits::kGrids) + " grids";
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  std::int64_t population = 0;
  for (std::size_t i = 0; i < s.grid_table.size(); ++i) {
    const GridRecord& g = s.grid_table[i];
    const std::string where = "city.table: grid " + std::to_string(i + 1) + ": ";
    if (std::string m = check_grid(g); !m.empty()) return where + m;
    if (!seen.emplace(g.street, g.community, g.name).second) return where + "appears twice";
    population += g.population;
    if (population > limits::kResidents)
      return where + "total population passes " + std::to_string(limits::kResidents);
  }
  return "";
}

}  // namespace

std::string check_scenario(const Scenario& s) {
  if (std::string m = check_ranges(s, ""); !m.empty()) return m;
  for (std::size_t i = 0; i < s.changes.size(); ++i)
    if (std::string m =
            check_ranges(s.changes[i].governance, "changes[" + std::to_string(i) + "].governance.");
        !m.empty())
      return m;
  if (std::string m = check_grid_table(s); !m.empty()) return m;
  return cross_check(s);
}

}  // namespace govsim
