// The engine's queue mode at one level against a second implementation of M/M/c that draws the
// same random numbers (validation/mmc_reference.hpp): the same waits, to the last bits.
#include <catch2/catch.hpp>

#include "engine/executor.hpp"
#include "sim/simulation.hpp"
#include "validation/erlang.hpp"
#include "validation/mmc_reference.hpp"

using namespace govsim;

namespace {

Scenario one_level(double lambda, std::int64_t c, double mean_service_h, std::int64_t days,
                   std::int64_t warmup_days, std::uint64_t seed) {
  Scenario sc;
  sc.source = "<test>";
  sc.city.residents = 10;
  sc.city.streets = sc.city.communities = sc.city.grids = 1;
  sc.run.days = days;
  sc.run.warmup_days = warmup_days;
  sc.run.seed = seed;
  sc.model.mode = ModelMode::Queue;
  sc.model.queue_arrivals_per_h = lambda;
  sc.model.queue_handlers = c;
  sc.model.queue_escalate_p = 0;
  sc.model.effort_dist = ServiceDist::Exponential;
  sc.model.effort_median_h = {mean_service_h, mean_service_h, mean_service_h};
  return sc;
}

RunSummary run_engine(const Scenario& sc, int threads) {
  auto ex = make_tbb_executor(threads);
  Simulation sim(sc, *ex);
  while (!sim.done()) sim.step();
  return sim.summary();
}

}  // namespace

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
    const std::int64_t days = 150, warmup = 20;
    const MmcReference ref =
        run_mmc_reference(s.seed, s.lambda, static_cast<int>(s.c), s.mean_h, days, warmup);
    for (int threads : {1, 2}) {
      const RunSummary sum =
          run_engine(one_level(s.lambda, s.c, s.mean_h, days, warmup, s.seed), threads);
      const LevelSummary& q = sum.level[0];
      INFO("lambda " << s.lambda << ", c " << s.c << ", threads " << threads << ": engine "
                     << q.wait_mean_h << " h, reference " << ref.wait_mean_h() << " h");
      REQUIRE(ref.measured > 1000);
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
