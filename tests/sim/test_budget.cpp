// The cost model's totals and parts, and the periods between policy changes, on whole runs.
#include <catch2/catch.hpp>

#include "output/periods.hpp"
#include "sim/observation.hpp"
#include "sim_fixtures.hpp"

using namespace govsim;
using namespace govsim::testing;

TEST_CASE("the yearly cost total is the sum of its parts, and matches the per-resident figure",
          "[budget]") {
  Scenario sc = small_town(120);
  sc.governance.mediators.per_community = 1;
  sc.governance.platform.level = 0.5;
  sc.governance.city_tier.officials_per_100k = 20;
  const RunSummary s = run(sc, 1).summary;
  double parts = 0;
  for (double p : s.cost_part_cny_year) parts += p;
  CHECK(s.cost_total_cny_year > 0);
  CHECK(parts == Approx(s.cost_total_cny_year).epsilon(1e-12));
  CHECK(s.cost_total_cny_year == Approx(s.cost_per_resident_year * double(s.residents)));
  // The staff parts are whole staff a year: roster size times the yearly cost of the role.
  const CostConfig& c = sc.governance.costs;
  const double grid = s.cost_part_cny_year[kCostGridWorkers] / c.grid_worker;
  CHECK(grid == Approx(std::round(grid)).margin(1e-6));
  CHECK(grid >= 30);  // at least one worker per grid
  CHECK(s.cost_part_cny_year[kCostMediators] == Approx(9 * c.mediator));
  CHECK(s.cost_part_cny_year[kCostPlatform] ==
        Approx(c.platform_per_resident * 0.5 * double(s.residents)));
  CHECK(s.cost_part_cny_year[kCostVolunteers] > 0);
  // The city tier's officials are counted apart from the street offices'.
  CHECK(s.cost_part_cny_year[kCostStreetOfficials] > 0);
  CHECK(s.cost_part_cny_year[kCostCityOfficials] == Approx(6 * c.street_official));
  sc.governance.city_tier.officials_per_100k = 0;
  CHECK(run(sc, 1).summary.cost_part_cny_year[kCostCityOfficials] == 0);
}

TEST_CASE("the cost by street and community adds up to the city's, each part where it is spent",
          "[budget]") {
  Scenario sc = small_town(120);
  sc.governance.mediators.per_community = 1;
  sc.governance.mediators.per_street = 2;
  sc.governance.platform.level = 0.5;
  sc.governance.city_tier.officials_per_100k = 20;
  auto ex = make_tbb_executor(2);
  Simulation sim(sc, *ex);
  CHECK(sim.place_costs().empty());  // nothing measured yet
  while (!sim.done()) sim.step();
  const RunSummary s = sim.summary();
  const std::vector<PlaceCost> places = sim.place_costs();
  const City& city = sim.observe().city();
  REQUIRE(places.size() == std::size_t(city.streets + 1 + city.communities));
  double streets = 0, communities = 0;
  std::vector<double> part_streets(kCostParts, 0.0), part_communities(kCostParts, 0.0);
  std::int64_t street_residents = 0, community_residents = 0;
  for (const PlaceCost& p : places) {
    double parts = 0;
    for (double x : p.part_cny_year) parts += x;
    CHECK(parts == Approx(p.total_cny_year));
    if (p.level == "community") {
      communities += p.total_cny_year;
      community_residents += p.residents;
      for (int k = 0; k < kCostParts; ++k) part_communities[std::size_t(k)] += p.part_cny_year[k];
      // Street and city officials and street mediators are the street's, not a community's.
      CHECK(p.part_cny_year[kCostStreetOfficials] == 0);
      CHECK(p.part_cny_year[kCostCityOfficials] == 0);
      CHECK(p.part_cny_year[kCostCommunityOfficials] > 0);
      CHECK(p.per_resident_year == Approx(p.total_cny_year / double(p.residents)));
    } else {
      streets += p.total_cny_year;
      for (int k = 0; k < kCostParts; ++k) part_streets[std::size_t(k)] += p.part_cny_year[k];
      if (p.level == "street") street_residents += p.residents;
      CHECK((p.level == "city") == (p.street == std::int64_t(city.streets)));
      if (p.level == "city") {
        CHECK(p.total_cny_year == Approx(s.cost_part_cny_year[kCostCityOfficials]));
      }
    }
  }
  // Streets (with the city tier) add up to the city's total and each of its parts.
  CHECK(streets == Approx(s.cost_total_cny_year).epsilon(1e-9));
  for (int k = 0; k < kCostParts; ++k)
    CHECK(part_streets[std::size_t(k)] == Approx(s.cost_part_cny_year[k]).epsilon(1e-9));
  // Communities hold everything but the street offices' and the city tier's officials and the
  // street mediators (2 per street).
  const CostConfig& c = sc.governance.costs;
  const double street_level = s.cost_part_cny_year[kCostStreetOfficials] +
                              s.cost_part_cny_year[kCostCityOfficials] +
                              2.0 * double(city.streets) * c.mediator;
  CHECK(communities == Approx(s.cost_total_cny_year - street_level).epsilon(1e-9));
  CHECK(part_communities[kCostPlatform] == Approx(s.cost_part_cny_year[kCostPlatform]));
  CHECK(street_residents == s.residents);
  CHECK(community_residents == s.residents);
}

TEST_CASE("a run with two policy changes has three periods", "[budget][periods]") {
  Scenario sc = small_town(150);
  sc.governance.structure = Structure::Fragmented;
  PolicyChange a;
  a.day = 60;
  a.governance = sc.governance;
  a.governance.platform.level = 1.0;
  a.summary = "platform.level=1";
  PolicyChange b = a;
  b.day = 100;
  b.governance.structure = Structure::Grid;
  b.summary = "structure=grid";
  sc.changes = {a, b};
  const Run r = run(sc, 2);
  const std::vector<PeriodMetrics> p = periods_of(r.series, sc.run.warmup_days);
  REQUIRE(p.size() == 3);
  CHECK(p[0].first_day == 0);
  CHECK(p[0].last_day == 59);
  CHECK(p[0].measured_days == 40);  // days 20..59, after the warm-up
  CHECK(p[1].first_day == 60);
  CHECK(p[1].last_day == 99);
  CHECK(p[2].first_day == 100);
  CHECK(p[2].last_day == 149);
  CHECK(p[2].measured_days == 50);
  // The periods add up to the run: cases, resolutions and spending.
  std::int64_t cases = 0, resolved = 0;
  double cost_days = 0;
  for (const PeriodMetrics& q : p) {
    cases += q.new_cases;
    resolved += q.resolved;
    cost_days += q.cost_total_cny_year / 365.0 * double(q.measured_days);
    CHECK(q.trust_end >= 0);
    CHECK(q.response_time_mean_h > 0);
  }
  CHECK(cases == r.summary.cases);
  CHECK(resolved == r.summary.resolved);
  CHECK(cost_days / 130.0 * 365.0 == Approx(r.summary.cost_total_cny_year));
  // Each period starts where the last ended.
  CHECK(p[1].trust_start == p[0].trust_end);
  // The platform's cost shows from its day on.
  CHECK(p[1].cost_total_cny_year > p[0].cost_total_cny_year);
  // A run without changes has one period, the whole run.
  Scenario plain = small_town(60);
  const std::vector<PeriodMetrics> one = periods_of(run(plain, 1).series, plain.run.warmup_days);
  REQUIRE(one.size() == 1);
  CHECK(one[0].last_day == 59);
}
