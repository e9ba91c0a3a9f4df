// Checkpoints: a resumed run gives the same bits as one that never stopped, and a damaged
// checkpoint gets a clear error instead of a crash.
#include <catch2/catch.hpp>

#include "engine/errors.hpp"
#include "sim_fixtures.hpp"

using namespace govsim;
using namespace govsim::testing;

namespace {

Scenario with_change() {
  Scenario sc = small_town(120);
  sc.governance.mediators.per_street = 1;
  sc.governance.city_tier.officials_per_100k = 10;  // cases wait at the city tier's desks too
  PolicyChange c;
  c.day = 60;
  c.governance = sc.governance;
  c.governance.platform.level = 0.9;
  c.governance.structure = Structure::Fragmented;
  c.governance.city_tier.departments = 1;
  c.summary = "platform.level=0.9, structure=fragmented, city_tier.departments=1";
  sc.changes.push_back(c);
  return sc;
}

}  // namespace

TEST_CASE("a run resumed from a checkpoint equals an uninterrupted run") {
  const Scenario sc = with_change();
  const Run whole = run(sc, 2);
  for (std::int64_t stop : {1, 45, 60, 61, 119}) {
    auto ex1 = make_tbb_executor(1);
    Simulation first(sc, *ex1);
    for (std::int64_t d = 0; d < stop; ++d) first.step();
    const std::string bytes = first.checkpoint();
    auto ex2 = make_tbb_executor(2);  // another thread count on the way back
    auto resumed = Simulation::restore(bytes, "test.bin", *ex2);
    REQUIRE(resumed->day() == stop);
    while (!resumed->done()) resumed->step();
    INFO("stopped at day " << stop);
    REQUIRE(resumed->series().size() == whole.series.size());
    for (std::size_t d = 0; d < whole.series.size(); ++d)
      REQUIRE(same_bits(resumed->series()[d], whole.series[d]));
    CHECK(resumed->state_hash() == whole.hash);
    CHECK(resumed->summary().state_hash == whole.summary.state_hash);
    // The tally the checkpoint carries: the city tier's and residents' counts, and cost by part.
    const RunSummary s = resumed->summary();
    CHECK(s.sent_up == whole.summary.sent_up);
    CHECK(s.reached_city == whole.summary.reached_city);
    CHECK(s.settled_by_residents == whole.summary.settled_by_residents);
    CHECK(s.cost_total_cny_year == whole.summary.cost_total_cny_year);
    for (int k = 0; k < kCostParts; ++k)
      CHECK(s.cost_part_cny_year[k] == whole.summary.cost_part_cny_year[k]);
  }
}

TEST_CASE("damaged checkpoints are refused with a clear message") {
  auto ex = make_tbb_executor(1);
  Simulation sim(small_town(20), *ex);
  for (int d = 0; d < 5; ++d) sim.step();
  const std::string good = sim.checkpoint();
  auto refused = [&](const std::string& bytes, const std::string& words) {
    try {
      Simulation::restore(bytes, "ck.bin", *ex);
      FAIL("accepted a damaged checkpoint");
    } catch (const InputError& e) {
      const std::string what = e.what();
      INFO(what);
      CHECK(what.find("ck.bin: not a usable checkpoint") != std::string::npos);
      CHECK(what.find(words) != std::string::npos);
    }
  };
  refused(good.substr(0, good.size() / 2), "truncated");
  refused(good.substr(0, 10), "truncated");
  refused("", "signature");
  refused("hello world, this is not a checkpoint", "signature");
  std::string flipped = good;
  flipped[good.size() / 2] = static_cast<char>(flipped[good.size() / 2] ^ 0x5a);
  refused(flipped, "corrupted");
  std::string other_version = good;
  other_version[8] = 99;  // the format number follows the signature
  refused(other_version, "format");
  std::string longer = good + "x";
  refused(longer, "after its digest");
}
