#include <catch2/catch.hpp>

#include "model/city.hpp"

using namespace govsim;

TEST_CASE("a generated city nests and sums exactly") {
  Scenario sc;
  sc.city.residents = 100003;
  sc.city.streets = 3;
  sc.city.communities = 14;
  sc.city.grids = 101;
  const City c = build_city(sc);
  REQUIRE(c.grids == 101);
  REQUIRE(c.communities == 14);
  REQUIRE(c.streets == 3);
  CHECK(c.residents == 100003);
  std::uint64_t sum = 0;
  for (std::uint32_t g = 0; g < c.grids; ++g) {
    sum += c.grid_population[g];
    REQUIRE(c.grid_population[g] >= 1);
    REQUIRE(c.grid_street[g] == c.community_street[c.grid_community[g]]);
    if (g > 0) REQUIRE(c.grid_community[g] >= c.grid_community[g - 1]);
  }
  CHECK(sum == 100003);
  for (std::uint32_t s = 0; s < c.streets; ++s)
    for (std::uint32_t k = c.street_first_community[s]; k < c.street_first_community[s + 1]; ++k)
      REQUIRE(c.community_street[k] == s);
  CHECK(c.street_first_grid[c.streets] == c.grids);
}

TEST_CASE("a city from a table keeps each community's grids together") {
  Scenario sc;
  sc.city.table = "t.csv";
  auto rec = [](std::string st, std::string co, std::int64_t pop) {
    GridRecord r;
    r.street = st;
    r.community = co;
    r.name = st + co;
    r.population = pop;
    r.area_km2 = 0.1;
    return r;
  };
  sc.grid_table = {rec("A", "a1", 100), rec("B", "b1", 200), rec("A", "a2", 300),
                   rec("A", "a1", 400)};
  const City c = build_city(sc);
  REQUIRE(c.grids == 4);
  REQUIRE(c.streets == 2);
  REQUIRE(c.communities == 3);
  CHECK(c.residents == 1000);
  // Street A's communities first, a1's two grids adjacent.
  CHECK(c.grid_population[0] == 100);
  CHECK(c.grid_population[1] == 400);
  CHECK(c.grid_community[0] == c.grid_community[1]);
  CHECK(c.street_names[c.grid_street[3]] == "B");
}
