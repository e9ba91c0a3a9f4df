// People (MODEL.md 7.24): two-party disputes, escalation into incidents counted once, repeat
// disputes, counsellors and mediators, mediation rooms in the grids, and the same city cut into
// more or fewer grids.
#include <catch2/catch.hpp>

#include "sim_fixtures.hpp"

using namespace govsim;
using namespace govsim::testing;

namespace {

// Incidents are rare (0.1-1.5 % of disputes); the tests raise the hazard so that a small town
// has enough of them to compare. The mechanism is the same.
Scenario stormy(std::int64_t days = 240) {
  Scenario sc = small_town(days);
  sc.model.behaviour.people.escalation_per_year = 3.0;
  sc.model.rates.dispute = 0.03;
  return sc;
}

}  // namespace

TEST_CASE("an incident is counted once: it arises the day after its dispute escalates") {
  const Run r = run(stormy(), 2);
  std::int64_t incidents = 0, repeats = 0;
  for (std::size_t d = 0; d < r.series.size(); ++d) {
    const DayMetrics& m = r.series[d];
    INFO("day " << d);
    REQUIRE(m.arrived_total ==
            m.resolved_total + m.dropped_total + m.settled_by_residents_total + m.open_total);
    if (d == 0) REQUIRE(m.incident_cases == 0);
    if (d > 0) REQUIRE(m.incident_cases == r.series[d - 1].incidents);
    REQUIRE(m.incident_cases <= m.new_cases);
    incidents += m.incidents;
    repeats += m.repeat_disputes;
  }
  CHECK(incidents > 20);
  CHECK(repeats > 20);
  CHECK(r.summary.incidents_per_10k_year > 0);
  CHECK(r.summary.escalated_dispute_share > 0);
  CHECK(r.summary.repeat_dispute_share > 0);
  CHECK(r.summary.network_ties_mean > 2);
  CHECK(r.summary.network_bytes_per_resident < 64);
}

TEST_CASE("removing counsellors and mediators raises incidents (paired, same seed)") {
  Scenario with = stormy(300);
  with.governance.mediators.per_community = 1;
  with.governance.counsellors.per_community = 1;
  Scenario without = with;
  without.governance.mediators.per_community = 0;
  without.governance.counsellors.per_community = 0;
  const RunSummary a = run(with, 2).summary, b = run(without, 2).summary;
  INFO("with " << a.incidents << ", without " << b.incidents);
  CHECK(b.incidents > a.incidents);
  CHECK(a.counsellor_caseload_year > 0);
  CHECK(std::isnan(b.counsellor_caseload_year));
  CHECK(a.cost_part_cny_year[kCostCounsellors] > 0);
  CHECK(b.cost_part_cny_year[kCostCounsellors] == 0);
}

TEST_CASE("counselling lowers escalation: every dispute a crisis, with and without counsellors") {
  Scenario with = stormy(300);
  with.model.behaviour.people.crisis_share = 1;
  with.governance.counsellors.per_community = 2;
  Scenario without = with;
  without.governance.counsellors.per_community = 0;
  const RunSummary a = run(with, 2).summary, b = run(without, 2).summary;
  INFO("with " << a.incidents << ", without " << b.incidents);
  CHECK(a.crisis_dispute_share == 1);
  CHECK(b.incidents > a.incidents);
  CHECK(a.counsellor_caseload_year > 0);
}

TEST_CASE("crisis disputes are flagged; without crises nobody is counselled") {
  Scenario sc = stormy(150);
  sc.governance.counsellors.per_community = 1;
  const RunSummary a = run(sc, 2).summary;
  CHECK(a.crisis_dispute_share > 0);
  CHECK(a.crisis_dispute_share < 1);
  sc.model.behaviour.people.crisis_share = 0;
  sc.model.behaviour.people.crisis_family_share = 0;
  sc.model.behaviour.people.crisis_repeat_share = 0;
  sc.model.behaviour.people.crisis_grievance = 1;
  const RunSummary b = run(sc, 2).summary;
  CHECK(b.crisis_dispute_share == 0);
  CHECK(b.counsellor_caseload_year == 0);
}

TEST_CASE("no repeats without relapse or repeat shares") {
  Scenario sc = stormy(150);
  sc.model.behaviour.people.repeat_share = 0;
  sc.model.behaviour.people.relapse_share = 0;
  CHECK(run(sc, 1).summary.repeat_dispute_share == 0);
}

TEST_CASE("mediation rooms in the grids move disputes' mediation into the grid") {
  Scenario rooms = small_town(240);
  rooms.model.rates.dispute = 0.03;
  rooms.governance.mediators.per_community = 2;
  Scenario none = rooms;
  rooms.governance.mediators.grid_rooms = true;
  const Run a = run(rooms, 2), b = run(none, 2);
  std::int64_t in_grid_a = 0, in_grid_b = 0;
  for (const DayMetrics& d : a.series) in_grid_a += d.disputes_settled_in_grid;
  for (const DayMetrics& d : b.series) in_grid_b += d.disputes_settled_in_grid;
  INFO("settled in the grid: rooms " << in_grid_a << ", none " << in_grid_b);
  CHECK(in_grid_a > in_grid_b);
}

TEST_CASE("the same city cut into 50, 100 or 200 grids has the same incident rate") {
  // Each cut over three seeds: the housing types the generator gives the grids differ by cut,
  // and incidents are few, so one seed alone is noisy.
  std::vector<double> rates;
  for (std::int64_t grids : {50, 100, 200}) {
    double sum = 0;
    for (std::uint64_t seed : {1u, 2u, 3u}) {
      Scenario sc = stormy(240);
      sc.run.seed = seed;
      sc.city.residents = 60000;
      sc.city.streets = 2;
      sc.city.communities = 10;
      sc.city.grids = grids;
      // Under the fragmented design no staff belong to a grid: cutting the city differently
      // changes no one's staffing (a grid design's grid workers come whole per grid).
      sc.governance.structure = Structure::Fragmented;
      sum += run(sc, 2).summary.incidents_per_10k_year;
    }
    rates.push_back(sum / 3);
  }
  INFO(rates[0] << " " << rates[1] << " " << rates[2]);
  for (double r : rates) CHECK(r == Approx(rates[1]).epsilon(0.15));
}

TEST_CASE(
    "a run resumed with open two-party disputes and incidents to come equals one that never "
    "stopped") {
  Scenario sc = stormy(120);
  sc.governance.counsellors.per_community = 1;
  const Run whole = run(sc, 2);
  auto ex1 = make_tbb_executor(1);
  Simulation first(sc, *ex1);
  for (int d = 0; d < 70; ++d) first.step();
  const std::string bytes = first.checkpoint();
  auto ex2 = make_tbb_executor(2);
  auto resumed = Simulation::restore(bytes, "people.bin", *ex2);
  while (!resumed->done()) resumed->step();
  for (std::size_t d = 0; d < whole.series.size(); ++d)
    REQUIRE(same_bits(resumed->series()[d], whole.series[d]));
  CHECK(resumed->state_hash() == whole.hash);
  CHECK(resumed->summary().incidents == whole.summary.incidents);
}
