// Space (docs/MODEL.md 7.25): the geometry of bases and neighbouring grids, travel for on-site
// work, and word of mouth across grid boundaries.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <random>
#include <set>
#include <stdexcept>

#include "model/geometry.hpp"
#include "sim_fixtures.hpp"

using namespace govsim;
using namespace govsim::testing;

namespace {

std::set<std::uint32_t> neighbours(const City& c, std::uint32_t g) {
  return {c.grid_neighbours.begin() + c.grid_neighbour_first[g],
          c.grid_neighbours.begin() + c.grid_neighbour_first[g + 1]};
}

void require_symmetric(const City& c) {
  REQUIRE(c.grid_neighbour_first.size() == c.grids + 1);
  REQUIRE(c.grid_neighbour_first[c.grids] == c.grid_neighbours.size());
  REQUIRE(c.grid_boundary_km.size() == c.grid_neighbours.size());
  for (std::uint32_t g = 0; g < c.grids; ++g)
    for (std::uint32_t h : neighbours(c, g)) {
      REQUIRE(h != g);
      REQUIRE(neighbours(c, h).count(g) == 1);
    }
}

// What reaches every grid, grid by grid (as the climate phase gathers it).
std::vector<double> spread_across(const City& c, const SpillShares& s,
                                  const std::vector<double>& own) {
  std::vector<double> heard(c.grids);
  for (std::uint32_t g = 0; g < c.grids; ++g) heard[g] = spread_to<1>(c, s, {&own}, g)[0];
  return heard;
}

// A generated city of `grids` grids of 200 residents in one street.
City generated_city(std::uint32_t grids) {
  Scenario sc;
  sc.city.residents = 200 * grids;
  sc.city.grids = grids;
  sc.city.communities = std::max(1u, grids / 10);
  sc.city.streets = 1;
  return build_city(sc);
}

GridRecord grid_at(const std::string& community, double x, double y, double area = 0.25) {
  GridRecord r;
  r.street = "S";
  r.community = community;
  r.name = community + std::to_string(x) + "," + std::to_string(y);
  r.population = 4000;
  r.area_km2 = area;
  r.x = x;
  r.y = y;
  return r;
}

Scenario table_city(std::vector<GridRecord> rows) {
  Scenario sc;
  sc.source = "<test>";
  sc.city.table = "<test table>";
  sc.grid_table = std::move(rows);
  return sc;
}

}  // namespace

TEST_CASE("a generated community of nine equal grids is a 3 x 3 lattice of neighbours") {
  Scenario sc;
  sc.city.residents = 9000;
  sc.city.streets = sc.city.communities = 1;
  sc.city.grids = 9;
  sc.city.area_sigma = 0;
  const City c = build_city(sc);
  require_symmetric(c);
  // Grids fill the block row by row: 0 1 2 / 3 4 5 / 6 7 8.
  CHECK(neighbours(c, 0) == std::set<std::uint32_t>{1, 3});
  CHECK(neighbours(c, 1) == std::set<std::uint32_t>{0, 2, 4});
  CHECK(neighbours(c, 4) == std::set<std::uint32_t>{1, 3, 5, 7});
  CHECK(neighbours(c, 8) == std::set<std::uint32_t>{5, 7});
  CHECK(c.grid_neighbours.size() == 2 * 12);
  const double side = std::sqrt(double(c.grid_area_km2[0]));
  for (float b : c.grid_boundary_km) CHECK(b == Approx(side).epsilon(1e-4));
}

TEST_CASE("a generated city's neighbours are symmetric and join its communities and streets") {
  Scenario sc;  // the baseline's sizes
  const City c = build_city(sc);
  require_symmetric(c);
  bool across_community = false, across_street = false;
  for (std::uint32_t g = 0; g < c.grids; ++g) {
    REQUIRE(!neighbours(c, g).empty());
    for (std::uint32_t h : neighbours(c, g)) {
      across_community |= c.grid_community[h] != c.grid_community[g];
      across_street |= c.grid_street[h] != c.grid_street[g];
    }
  }
  CHECK(across_community);
  CHECK(across_street);
}

TEST_CASE("a table city's neighbours are centres within space.neighbour_sides grid sides") {
  // Sides of 0.5 km; 0.6 km apart in a row, the third 0.6 km beyond.
  Scenario sc = table_city({grid_at("a", 0, 0), grid_at("a", 0.6, 0), grid_at("a", 1.2, 0)});
  City c = build_city(sc);
  require_symmetric(c);
  CHECK(neighbours(c, 0) == std::set<std::uint32_t>{1});
  CHECK(neighbours(c, 1) == std::set<std::uint32_t>{0, 2});
  sc.model.space.neighbour_sides = 3;
  c = build_city(sc);
  CHECK(neighbours(c, 0) == std::set<std::uint32_t>{1, 2});
}

TEST_CASE("grids whose outlines share an edge are neighbours; the edge is the boundary") {
  auto square = [](double x0, double y0) {
    GridRecord r = grid_at("a", x0 + 0.5, y0 + 0.5, 1.0);
    r.name = std::to_string(x0) + std::to_string(y0);
    r.polygon = {{{x0, y0}, {x0 + 1, y0}, {x0 + 1, y0 + 1}, {x0, y0 + 1}, {x0, y0}}};
    return r;
  };
  // Two unit squares side by side, a third touching the second at a corner only.
  const City c = build_city(table_city({square(0, 0), square(1, 0), square(2, 1)}));
  require_symmetric(c);
  CHECK(neighbours(c, 0) == std::set<std::uint32_t>{1});
  CHECK(neighbours(c, 2).empty());
  REQUIRE(c.grid_boundary_km.size() == 2);
  CHECK(c.grid_boundary_km[0] == Approx(1.0));
}

TEST_CASE("word of mouth across boundaries moves accounts between grids without making any") {
  Scenario sc;
  const City c = build_city(sc);
  const SpillShares s = spill_shares(c, 0.2);
  std::vector<double> own(c.grids);
  double total = 0;
  for (std::uint32_t g = 0; g < c.grids; ++g) {
    double out = s.keep[g];
    for (std::uint32_t e = c.grid_neighbour_first[g]; e < c.grid_neighbour_first[g + 1]; ++e)
      out += s.across[e];
    REQUIRE(out == Approx(1.0));
    REQUIRE(s.keep[g] < 1.0);  // every generated grid has a neighbour
    own[g] = double(g % 7);
    total += own[g];
  }
  double sum = 0;
  for (double h : spread_across(c, s, own)) sum += h;
  CHECK(sum == Approx(total));
  // No reach, nothing crosses.
  const SpillShares none = spill_shares(c, 0.0);
  CHECK(spread_across(c, none, own) == own);
}

TEST_CASE(
    "each grid's gather of word of mouth equals the scatter over grids in order, bit for bit") {
  std::mt19937_64 rng(17);
  for (const std::uint32_t grids : {1u, 7u, 30u, 100u, 451u}) {
    const City c = generated_city(grids);
    require_symmetric(c);
    for (const double reach : {0.2, 3.0}) {
      const SpillShares s = spill_shares(c, reach);
      REQUIRE(s.incoming.size() == c.grid_neighbours.size());
      std::vector<double> own(c.grids);
      // Values of very different sizes and both signs, so that the order of the additions shows
      // in the bits.
      for (double& v : own) v = std::ldexp(double(rng() % 2001) - 1000.0, int(rng() % 60) - 30);
      std::vector<double> scatter(c.grids, 0.0);
      for (std::uint32_t g = 0; g < c.grids; ++g) {
        scatter[g] += s.keep[g] * own[g];
        for (std::uint32_t e = c.grid_neighbour_first[g]; e < c.grid_neighbour_first[g + 1]; ++e)
          scatter[c.grid_neighbours[e]] += s.across[e] * own[g];
      }
      const std::vector<double> heard = spread_across(c, s, own);
      std::vector<double> twice(own.size());
      for (std::size_t i = 0; i < own.size(); ++i) twice[i] = 2 * own[i];
      for (std::uint32_t g = 0; g < c.grids; ++g) {
        REQUIRE(std::memcmp(&heard[g], &scatter[g], sizeof(double)) == 0);
        // In any order of grids: each reads only `own`.
        const std::uint32_t r = c.grids - 1 - g;
        const auto again = spread_to<2>(c, s, {&own, &twice}, r);
        REQUIRE(std::memcmp(&again[0], &scatter[r], sizeof(double)) == 0);
        REQUIRE(again[1] == 2 * scatter[r]);  // doubling is exact, whatever the order
      }
    }
  }
}

TEST_CASE("word of mouth refuses an adjacency that is not symmetric") {
  City c = generated_city(4);
  REQUIRE_FALSE(c.grid_neighbours.empty());
  // Grid 0's first neighbour loses its way back to 0.
  const std::uint32_t h = c.grid_neighbours[c.grid_neighbour_first[0]];
  for (std::uint32_t e = c.grid_neighbour_first[h]; e < c.grid_neighbour_first[h + 1]; ++e)
    if (c.grid_neighbours[e] == 0) c.grid_neighbours[e] = h == 1 ? 2 : 1;
  std::sort(c.grid_neighbours.begin() + c.grid_neighbour_first[h],
            c.grid_neighbours.begin() + c.grid_neighbour_first[h + 1]);
  CHECK_THROWS_AS(spill_shares(c, 0.2), std::logic_error);
  // A list out of order, though symmetric: the gather's order would not be the grids'.
  City d = generated_city(4);
  const std::uint32_t f = d.grid_neighbour_first[0], l = d.grid_neighbour_first[1];
  REQUIRE(l - f >= 2);
  std::swap(d.grid_neighbours[f], d.grid_neighbours[f + 1]);
  CHECK_THROWS_AS(spill_shares(d, 0.2), std::logic_error);
}

TEST_CASE("a base's reach: the distance to the grid's centre plus the walk inside the grid") {
  const City c = build_city(table_city({grid_at("a", 0, 0, 1.0), grid_at("a", 3, 4, 1.0)}));
  const Place at_first{0, 0};
  const double inside = (std::sqrt(2.0) + std::log(1 + std::sqrt(2.0))) / 6;
  CHECK(reach_km(c, at_first, 0) == Approx(inside));
  CHECK(reach_km(c, at_first, 1) == Approx(5 + inside));
  CHECK(round_trip_h(5, 10, 1.2) == Approx(1.2));
  const Place mid = grids_centre(c, 0, 2);
  CHECK(mid.x_km == Approx(1.5));
  CHECK(mid.y_km == Approx(2));
}

namespace {

// Two grids of one community either side of their base, `d` km from it, under a design.
Scenario two_grids(double d, Structure structure) {
  Scenario sc = table_city({grid_at("a", -d, 0), grid_at("a", d, 0)});
  sc.run.days = 150;
  sc.run.warmup_days = 30;
  sc.governance.structure = structure;
  sc.governance.grids_per_branch = 2;  // one branch: its base between the two grids
  return sc;
}

}  // namespace

TEST_CASE("a grid twice as far from its base answers later (paired)") {
  for (const Structure structure : {Structure::Grid, Structure::Fragmented}) {
    const Run near = run(two_grids(1.5, structure), 2), far = run(two_grids(3.0, structure), 2);
    INFO("structure " << int(structure) << ": response " << near.summary.response_time_mean_h
                      << " h at 1.5 km, " << far.summary.response_time_mean_h << " h at 3 km");
    CHECK(far.summary.response_time_mean_h > near.summary.response_time_mean_h);
    CHECK(far.summary.travel_h_per_handler_day > near.summary.travel_h_per_handler_day);
    // Without travel the place does not matter at all.
    Scenario a = two_grids(1.5, structure), b = two_grids(3.0, structure);
    a.model.space.travel = b.model.space.travel = false;
    const Run an = run(a, 2), bf = run(b, 2);
    CHECK(an.summary.response_time_mean_h == bf.summary.response_time_mean_h);
    CHECK(an.hash == bf.hash);
    CHECK(an.summary.travel_h_per_handler_day == 0);
  }
}

TEST_CASE("travel costs nothing at an unbounded speed and more on a longer street network") {
  Scenario fast = two_grids(3.0, Structure::Grid), off = fast, winding = fast;
  fast.model.space.walk_kmh = fast.model.space.ebike_kmh = fast.model.space.street_kmh = 200;
  off.model.space.travel = false;
  winding.model.space.route_factor = 2;
  const Run f = run(fast, 2), o = run(off, 2), w = run(winding, 2),
            base = run(two_grids(3.0, Structure::Grid), 2);
  INFO("response: fast " << f.summary.response_time_mean_h << ", off "
                         << o.summary.response_time_mean_h << ", default "
                         << base.summary.response_time_mean_h << ", winding "
                         << w.summary.response_time_mean_h);
  CHECK(std::abs(f.summary.response_time_mean_h - o.summary.response_time_mean_h) <
        0.1 * (base.summary.response_time_mean_h - o.summary.response_time_mean_h));
  CHECK(f.summary.travel_h_per_handler_day < 0.1 * base.summary.travel_h_per_handler_day);
  CHECK(w.summary.travel_h_per_handler_day > base.summary.travel_h_per_handler_day);
  CHECK(w.summary.response_time_mean_h > base.summary.response_time_mean_h);
}

TEST_CASE("word of mouth across boundaries evens out trust between grids") {
  // The default city (100 grids of about 1 000 residents): in the small town's 30 grids the
  // grids' own noise hides the effect.
  Scenario apart;
  apart.source = "<test>";
  apart.run.days = 200;
  apart.run.warmup_days = 20;
  Scenario together = apart;
  apart.model.space.word_of_mouth_km = 0;
  together.model.space.word_of_mouth_km = 0.5;
  const Run a = run(apart, 2), t = run(together, 2);
  INFO("trust CV across grids: " << a.summary.trust_grid_cv << " apart, " << t.summary.trust_grid_cv
                                 << " with word of mouth");
  CHECK(t.summary.trust_grid_cv < a.summary.trust_grid_cv);
  CHECK(a.hash != t.hash);
}

TEST_CASE("space and equity outcomes are in the summary, and grids carry their distances") {
  Scenario sc = small_town(60);
  sc.governance.structure = Structure::Grid;
  auto ex = make_tbb_executor(2);
  Simulation sim(sc, *ex);
  while (!sim.done()) sim.step();
  const RunSummary s = sim.summary();
  CHECK(s.travel_h_per_handler_day > 0);
  CHECK(s.response_time_grid_cv > 0);
  CHECK(s.response_time_grid_gini > 0);
  CHECK(s.response_time_grid_gini < 1);
  CHECK(s.response_time_worst_decile_h >= s.response_time_mean_h * 0.5);
  CHECK(s.trust_worst_decile <= s.trust_mean + 0.05);
  CHECK(std::isfinite(s.response_time_per_street_km_h));
  CHECK(std::isfinite(s.response_time_near_quartile_h));
  for (const GridMetrics& g : sim.grid_metrics()) {
    CHECK(g.street_km > 0);
    CHECK(g.community_km > 0);
    CHECK(g.branch_km > 0);
    CHECK(g.branch_km <= g.street_km + 10);
  }
}
