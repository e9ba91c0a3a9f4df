#include "model/city.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/errors.hpp"
#include "model/geometry.hpp"
#include "model/streams.hpp"

namespace govsim {
namespace {

// Map layout only: the gap between communities on the schematic map, as a share of a block.
constexpr double kMapGap = 0.15;

// Splits `total` into `parts` near-equal whole shares; the first ones get the remainder.
std::uint32_t even_share(std::uint64_t total, std::uint64_t parts, std::uint64_t i) {
  return static_cast<std::uint32_t>(total / parts + (i < total % parts ? 1 : 0));
}

HousingType draw_housing(Stream& s, const HousingMix& h) {
  const double u = s.uniform();
  if (u < h.old_compound) return HousingType::OldCompound;
  if (u < h.old_compound + h.commodity) return HousingType::Commodity;
  if (u < h.old_compound + h.commodity + h.urban_village) return HousingType::UrbanVillage;
  return HousingType::Mixed;
}

void finish_offsets(City& c) {
  c.grid_first_resident.assign(c.grids + 1, 0);
  for (std::uint32_t g = 0; g < c.grids; ++g)
    c.grid_first_resident[g + 1] = c.grid_first_resident[g] + c.grid_population[g];
  c.residents = c.grid_first_resident[c.grids];
  c.community_first_grid.assign(c.communities + 1, c.grids);
  c.community_population.assign(c.communities, 0);
  for (std::uint32_t g = c.grids; g-- > 0;) {
    c.community_first_grid[c.grid_community[g]] = g;
    c.community_population[c.grid_community[g]] += c.grid_population[g];
  }
  c.street_first_community.assign(c.streets + 1, c.communities);
  for (std::uint32_t k = c.communities; k-- > 0;)
    c.street_first_community[c.community_street[k]] = k;
  c.street_first_grid.assign(c.streets + 1, c.grids);
  for (std::uint32_t s = 0; s < c.streets; ++s)
    c.street_first_grid[s] = c.community_first_grid[c.street_first_community[s]];
}

// Lays communities out as blocks of grid squares, streets side by side, so that the map reads
// as districts. Grid squares have the grid's own area. Returns each grid's square side on the map
// in `cell`, and the widest gap the map leaves between squares that touch in the city.
double lay_out(City& c, std::vector<double>& cell_km) {
  cell_km.assign(c.grids, 0.0);
  double widest_gap = 0;
  double street_x = 0;
  for (std::uint32_t s = 0; s < c.streets; ++s) {
    const std::uint32_t k0 = c.street_first_community[s], k1 = c.street_first_community[s + 1];
    const auto ncomm = k1 - k0;
    const auto comm_cols = static_cast<std::uint32_t>(std::ceil(std::sqrt(double(ncomm))));
    double block_w = 0;
    for (std::uint32_t k = k0; k < k1; ++k) {
      const std::uint32_t g0 = c.community_first_grid[k], g1 = c.community_first_grid[k + 1];
      double side = 0;
      for (std::uint32_t g = g0; g < g1; ++g) side = std::max(side, double(c.grid_area_km2[g]));
      side = std::sqrt(side);
      const auto cols = static_cast<std::uint32_t>(std::ceil(std::sqrt(double(g1 - g0))));
      block_w = std::max(block_w, cols * side);
    }
    const double gap = kMapGap * block_w;
    for (std::uint32_t k = k0; k < k1; ++k) {
      const std::uint32_t g0 = c.community_first_grid[k], g1 = c.community_first_grid[k + 1];
      const auto cols = static_cast<std::uint32_t>(std::ceil(std::sqrt(double(g1 - g0))));
      const double cell = block_w / std::max(1u, cols);
      const double bx = street_x + ((k - k0) % comm_cols) * (block_w + gap);
      const double by = ((k - k0) / comm_cols) * (block_w + gap);
      for (std::uint32_t g = g0; g < g1; ++g) {
        const std::uint32_t i = g - g0;
        c.grid_x[g] = static_cast<float>(bx + (i % cols + 0.5) * cell);
        c.grid_y[g] = static_cast<float>(by + (i / cols + 0.5) * cell);
        cell_km[g] = cell;
      }
      // Between streets three gaps; below a block whose last rows are empty, those rows too.
      const auto rows = (g1 - g0 + cols - 1) / std::max(1u, cols);
      widest_gap = std::max(widest_gap, block_w - rows * cell + gap);
    }
    widest_gap = std::max(widest_gap, 3 * gap);
    street_x += comm_cols * (block_w + gap) + 2 * gap;
  }
  return widest_gap;
}

void resize_grids(City& c) {
  c.grid_street.resize(c.grids);
  c.grid_community.resize(c.grids);
  c.grid_population.resize(c.grids);
  c.grid_households.resize(c.grids);
  c.grid_housing.resize(c.grids);
  c.grid_elderly.resize(c.grids);
  c.grid_migrant.resize(c.grids);
  c.grid_area_km2.resize(c.grids);
  c.grid_x.resize(c.grids);
  c.grid_y.resize(c.grids);
  c.grid_names.resize(c.grids);
}

City generate(const Scenario& sc) {
  const CityConfig& cfg = sc.city;
  City c;
  c.streets = static_cast<std::uint32_t>(cfg.streets);
  c.communities = static_cast<std::uint32_t>(cfg.communities);
  c.grids = static_cast<std::uint32_t>(cfg.grids);
  resize_grids(c);
  c.community_street.resize(c.communities);
  for (std::uint32_t k = 0, s = 0, left = even_share(c.communities, c.streets, 0);
       k < c.communities; ++k) {
    while (left == 0) left = even_share(c.communities, c.streets, ++s);
    c.community_street[k] = s;
    --left;
  }
  // Grid populations: lognormal spread around the mean, then scaled so they sum exactly.
  std::vector<double> weight(c.grids);
  double wsum = 0;
  for (std::uint32_t g = 0, k = 0, left = even_share(c.grids, c.communities, 0); g < c.grids; ++g) {
    while (left == 0) left = even_share(c.grids, c.communities, ++k);
    --left;
    c.grid_community[g] = k;
    c.grid_street[g] = c.community_street[k];
    Stream s(sc.run.seed, Purpose::CityLayout, g, 0);
    const double sigma = std::sqrt(std::log(1 + cfg.population_cv * cfg.population_cv));
    weight[g] = std::exp(sigma * s.normal());
    wsum += weight[g];
    c.grid_housing[g] = draw_housing(s, cfg.housing);
    // Old compounds are older, urban villages hold more migrants; the factors are normalised
    // over the housing mix so that the city-wide shares stay as configured.
    const HousingMix& h = cfg.housing;
    const double old_x = cfg.old_compound_elderly, mig_x = cfg.urban_village_migrants;
    const double old_mean = old_x * h.old_compound + (1.0 - h.old_compound);
    const double mig_mean = mig_x * h.urban_village + (1.0 - h.urban_village);
    const double old_f = (c.grid_housing[g] == HousingType::OldCompound ? old_x : 1.0) / old_mean;
    const double mig_f = (c.grid_housing[g] == HousingType::UrbanVillage ? mig_x : 1.0) / mig_mean;
    c.grid_elderly[g] = static_cast<float>(std::min(cfg.grid_share_cap, cfg.elderly_share * old_f));
    c.grid_migrant[g] = static_cast<float>(std::min(cfg.grid_share_cap, cfg.migrant_share * mig_f));
    c.grid_area_km2[g] = static_cast<float>(cfg.grid_area_km2 * s.lognormal(1.0, cfg.area_sigma));
    c.grid_names[g] = "G" + std::to_string(g + 1);
  }
  // Largest-remainder rounding keeps the total exact and every grid at least one resident.
  std::vector<std::pair<double, std::uint32_t>> rem(c.grids);
  std::uint64_t assigned = 0;
  const auto spare = static_cast<double>(cfg.residents - static_cast<std::int64_t>(c.grids));
  for (std::uint32_t g = 0; g < c.grids; ++g) {
    const double exact = spare * weight[g] / wsum;
    c.grid_population[g] = 1 + static_cast<std::uint32_t>(std::floor(exact));
    assigned += c.grid_population[g];
    rem[g] = {exact - std::floor(exact), g};
  }
  std::stable_sort(rem.begin(), rem.end(), [](auto& a, auto& b) { return a.first > b.first; });
  for (std::uint64_t i = 0; assigned < static_cast<std::uint64_t>(cfg.residents); ++i, ++assigned)
    ++c.grid_population[rem[i % c.grids].second];
  for (std::uint32_t g = 0; g < c.grids; ++g)
    c.grid_households[g] = std::max<std::uint32_t>(
        1, static_cast<std::uint32_t>(std::lround(c.grid_population[g] / cfg.household_size)));
  for (std::uint32_t s = 0; s < c.streets; ++s)
    c.street_names.push_back("S" + std::to_string(s + 1));
  for (std::uint32_t k = 0; k < c.communities; ++k)
    c.community_names.push_back("C" + std::to_string(k + 1));
  finish_offsets(c);
  std::vector<double> cell_km;
  const double gap_km = lay_out(c, cell_km);
  build_adjacency(c, sc.model.space, cell_km, gap_km);
  return c;
}

City from_table(const Scenario& sc) {
  const auto& rows = sc.grid_table;
  City c;
  // Streets and communities are numbered in order of first appearance; grids are regrouped so
  // that each community's grids are contiguous, keeping the table's order inside a community.
  std::map<std::string, std::uint32_t> street_ix;
  std::map<std::pair<std::uint32_t, std::string>, std::uint32_t> comm_ix;
  std::vector<std::pair<std::uint32_t, std::size_t>> order;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    auto [sit, snew] = street_ix.try_emplace(rows[r].street, c.streets);
    if (snew) {
      ++c.streets;
      c.street_names.push_back(rows[r].street);
    }
    auto [cit, cnew] = comm_ix.try_emplace({sit->second, rows[r].community}, c.communities);
    if (cnew) {
      ++c.communities;
      c.community_names.push_back(rows[r].community);
      c.community_street.push_back(sit->second);
    }
    order.emplace_back(cit->second, r);
  }
  // Communities must be ordered by street for the offsets; renumber them so.
  std::vector<std::uint32_t> comm_order(c.communities);
  for (std::uint32_t k = 0; k < c.communities; ++k) comm_order[k] = k;
  std::stable_sort(comm_order.begin(), comm_order.end(),
                   [&](auto a, auto b) { return c.community_street[a] < c.community_street[b]; });
  std::vector<std::uint32_t> renum(c.communities);
  std::vector<std::string> names(c.communities);
  std::vector<std::uint32_t> streets(c.communities);
  for (std::uint32_t k = 0; k < c.communities; ++k) {
    renum[comm_order[k]] = k;
    names[k] = c.community_names[comm_order[k]];
    streets[k] = c.community_street[comm_order[k]];
  }
  c.community_names = names;
  c.community_street = streets;
  for (auto& o : order) o.first = renum[o.first];
  std::stable_sort(order.begin(), order.end(), [](auto& a, auto& b) { return a.first < b.first; });
  c.grids = static_cast<std::uint32_t>(rows.size());
  resize_grids(c);
  for (std::uint32_t g = 0; g < c.grids; ++g) {
    const GridRecord& r = rows[order[g].second];
    c.grid_community[g] = order[g].first;
    c.grid_street[g] = c.community_street[order[g].first];
    c.grid_population[g] = static_cast<std::uint32_t>(r.population);
    c.grid_households[g] =
        r.households > 0
            ? static_cast<std::uint32_t>(r.households)
            : std::max<std::uint32_t>(1, static_cast<std::uint32_t>(std::lround(
                                             double(r.population) / sc.city.household_size)));
    c.grid_housing[g] = r.housing;
    c.grid_elderly[g] = static_cast<float>(r.elderly_share);
    c.grid_migrant[g] = static_cast<float>(r.migrant_share);
    c.grid_area_km2[g] = static_cast<float>(r.area_km2 > 0 ? r.area_km2 : sc.city.grid_area_km2);
    c.grid_x[g] = static_cast<float>(r.x);
    c.grid_y[g] = static_cast<float>(r.y);
    c.grid_names[g] = r.name;
    if (!r.polygon.empty()) {
      if (c.grid_polygons.empty()) c.grid_polygons.resize(c.grids);
      for (const auto& ring : r.polygon) {
        auto& out = c.grid_polygons[g].emplace_back();
        for (const auto& p : ring)
          out.push_back({static_cast<float>(p[0]), static_cast<float>(p[1])});
      }
    }
  }
  finish_offsets(c);
  build_adjacency(c, sc.model.space, {}, 0.0);
  return c;
}

}  // namespace

City build_city(const Scenario& scenario) {
  if (!scenario.city.table.empty()) {
    if (scenario.grid_table.empty())
      throw InputError(located(scenario.source, 0, 0,
                               "city.table '" + scenario.city.table + "' holds no grids"));
    return from_table(scenario);
  }
  return generate(scenario);
}

}  // namespace govsim
