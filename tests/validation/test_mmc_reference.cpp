// The engine's queue mode at one level against a second implementation of M/M/c that draws the
// same random numbers (validation/mmc_reference.hpp): the same waits, to the last bits.
#include <catch2/catch.hpp>

#include "tests/sim/sim_fixtures.hpp"
#include "validation/erlang.hpp"
#include "validation/mmc_reference.hpp"

using namespace govsim;
using namespace govsim::testing;

TEST_CASE("the engine's queue mode waits as an independent M/M/c with the same draws") {
  struct Setting {
    double lambda;
    std::int64_t c;
    double mean_h;
    std::uint64_t seed;
  };
  // Busy and quiet desks, one handler and many, long and short services.
  const Setting settings[] = {
      {8, 10, 1.0, 1}, {1.6, 2, 1.0, 7}, {0.9, 1, 1.0, 3}, {30, 40, 1.2, 11}};
  for (const Setting& s : settings) {
    Scenario sc = queue_town(s.lambda, s.c, s.mean_h, 0, 150);  // one level
    sc.run.seed = s.seed;
    const MmcReference ref = run_mmc_reference(s.seed, s.lambda, static_cast<int>(s.c), s.mean_h,
                                               sc.run.days, sc.run.warmup_days);
    REQUIRE(ref.measured > 1000);
    for (int threads : {1, 2}) {
      const LevelSummary& q = run(sc, threads).summary.level[0];
      INFO("lambda " << s.lambda << ", c " << s.c << ", threads " << threads << ": engine "
                     << q.wait_mean_h << " h, reference " << ref.wait_mean_h() << " h");
      CHECK(q.wait_mean_h == ref.wait_mean_h());  // the same sums in the same order
    }
  }
}

TEST_CASE("the reference M/M/c itself agrees with Erlang C") {
  // Long enough that the mean wait is within a few per cent of the formula.
  const double lambda = 8, mu = 1;
  const MmcReference ref = run_mmc_reference(5, lambda, 10, 1 / mu, 3000, 20);
  CHECK(ref.served >= ref.measured);
  CHECK(ref.arrivals - ref.served < 50);  // those still waiting at the end
  CHECK(ref.wait_mean_h() == Approx(erlang_c(10, lambda / mu) / (10 * mu - lambda)).epsilon(0.04));
}
