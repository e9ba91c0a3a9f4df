// Whole-run checks: determinism across thread counts, seeds, conservation, policy changes.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "sim/observation.hpp"
#include "sim_fixtures.hpp"

using namespace govsim;
using namespace govsim::testing;

TEST_CASE("the same seed gives the same bits at 1 and 2 threads") {
  for (Structure s : {Structure::Grid, Structure::Fragmented}) {
    Scenario sc = small_town(150);
    sc.governance.structure = s;
    sc.governance.mediators.per_community = 1;
    sc.governance.city_tier.officials_per_100k = 10;  // street units send cases up to the city's
    sc.governance.city_tier.departments = s == Structure::Grid ? 1 : 6;
    const Run one = run(sc, 1);
    const Run two = run(sc, 2);
    REQUIRE(one.series.size() == two.series.size());
    for (std::size_t d = 0; d < one.series.size(); ++d)
      REQUIRE(same_bits(one.series[d], two.series[d]));
    CHECK(one.hash == two.hash);
    CHECK(one.summary.state_hash == two.summary.state_hash);
  }
}

TEST_CASE("different seeds give different runs") {
  Scenario a = small_town(60), b = small_town(60);
  b.run.seed = 2;
  const Run ra = run(a, 2), rb = run(b, 2);
  CHECK(ra.hash != rb.hash);
  CHECK(ra.summary.cases != rb.summary.cases);
}

TEST_CASE("every case is accounted for every day: arrived = resolved + dropped + open") {
  for (Structure s : {Structure::Grid, Structure::Fragmented}) {
    Scenario sc = small_town(200);
    sc.governance.structure = s;
    sc.governance.city_tier.officials_per_100k = 10;  // cases in the city tier's hands are open
    const Run r = run(sc, 2);
    CHECK(r.summary.reached_city > 0);
    std::int64_t arrived = 0, resolved = 0, dropped = 0;
    for (const DayMetrics& d : r.series) {
      arrived += d.new_cases;
      resolved += d.resolved;
      dropped += d.dropped;
      REQUIRE(d.arrived_total == arrived);
      REQUIRE(d.resolved_total == resolved);
      REQUIRE(d.dropped_total == dropped);
      REQUIRE(d.arrived_total ==
              d.resolved_total + d.dropped_total + d.settled_by_residents_total + d.open_total);
      REQUIRE(d.open_total == d.backlog + d.unreported_open);
    }
    CHECK(arrived > 1000);
    CHECK(resolved > arrived / 2);
  }
}

TEST_CASE("response times are exact, not rounded to a tick") {
  const Run r = run(small_town(60), 2);
  int fractional = 0;
  for (const DayMetrics& d : r.series)
    if (!std::isnan(d.response_time_p50_h) &&
        d.response_time_p50_h != std::floor(d.response_time_p50_h))
      ++fractional;
  CHECK(fractional > 40);
}

TEST_CASE("a mid-run policy change shows in the series from its day on") {
  Scenario base = small_town(160);
  base.governance.structure = Structure::Fragmented;
  Scenario changed = base;
  PolicyChange c;
  c.day = 80;
  c.governance = base.governance;
  c.governance.platform.level = 1.0;
  c.governance.platform.sensor_coverage = 1.0;
  c.summary = "platform.level=1";
  changed.changes.push_back(c);
  const Run a = run(base, 2), b = run(changed, 2);
  // Identical before the change: common random numbers, nothing has differed yet.
  for (std::int64_t d = 0; d < 80; ++d) REQUIRE(same_bits(a.series[d], b.series[d]));
  CHECK(b.series[80].policy_change == 1);
  CHECK(b.series[79].policy_change == 0);
  double pa = 0, pb = 0;
  for (std::int64_t d = 80; d < 160; ++d)
    pa += double(a.series[d].reported_by_platform), pb += double(b.series[d].reported_by_platform);
  CHECK(pa == 0);
  CHECK(pb > 100);
}

TEST_CASE("set_governance takes effect at the next day") {
  auto ex = make_tbb_executor(1);
  Scenario sc = small_town(40);
  Simulation sim(sc, *ex);
  for (int i = 0; i < 10; ++i) sim.step();
  GovernanceConfig g = sim.governance();
  g.legal_clarity = 1.0;
  sim.set_governance(g, "legal_clarity=1");
  CHECK(sim.governance().legal_clarity != 1.0);
  sim.step();
  CHECK(sim.governance().legal_clarity == 1.0);
  CHECK(sim.series().back().policy_change == 1);
}

TEST_CASE("conservation holds across a policy change that drops cases") {
  // Removing every street official mid-run leaves cases at the street with nobody to handle them:
  // they are dropped when the design changes, and must still be counted.
  Scenario sc = small_town(100);
  sc.governance.structure = Structure::Fragmented;
  PolicyChange c;
  c.day = 40;
  c.governance = sc.governance;
  c.governance.staffing.street_officials_per_10k = 0;
  c.summary = "staffing.street_officials_per_10k=0";
  sc.changes.push_back(c);
  const Run r = run(sc, 2);
  for (const DayMetrics& d : r.series)
    REQUIRE(d.arrived_total ==
            d.resolved_total + d.dropped_total + d.settled_by_residents_total + d.open_total);
}

TEST_CASE("the summary says which outcomes reached steady state") {
  // A bare M/M/10 network at rho 0.8 is stationary from the start: its response time and backlog
  // settle within the warm-up. A run of ten days is too short to tell.
  const Scenario queue = mmc_network(200);
  const int response = 4, backlog = 5;
  REQUIRE(std::string(kSteadyOutcomeNames[response]) == "response_time_mean_h");
  REQUIRE(std::string(kSteadyOutcomeNames[backlog]) == "backlog");
  const RunSummary s = run(queue, 1).summary;
  CHECK(s.steady[response] == 1.0);
  CHECK(s.steady[backlog] == 1.0);
  CHECK(s.steady_from_day[response] <= double(queue.run.warmup_days));
  // A town whose every resident starts far from where trust settles: trust still moves at the
  // end of a short run.
  Scenario town = small_town(120);
  town.model.behaviour.residents.trust = 0.05;
  const RunSummary t = run(town, 2).summary;
  CHECK(t.steady[0] == 0.0);
  CHECK(std::isnan(t.steady_from_day[0]));
  const RunSummary brief = run(small_town(10), 2).summary;
  CHECK(std::isnan(brief.steady[0]));
}
