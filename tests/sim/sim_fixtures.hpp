// Small scenarios and helpers shared by the whole-run tests.
#pragma once

#include <cstring>
#include <memory>

#include "sim/simulation.hpp"

namespace govsim::testing {

// A town of 30 000 with three street offices, so that several handling units run in parallel.
inline Scenario small_town(std::int64_t days = 200) {
  Scenario sc;
  sc.source = "<test>";
  sc.city.residents = 30000;
  sc.city.streets = 3;
  sc.city.communities = 9;
  sc.city.grids = 30;
  sc.run.days = days;
  sc.run.warmup_days = 20;
  return sc;
}

// A bare M/M/10 network at 8 arrivals an hour (rho 0.8 with the default hour of effort) in a
// one-grid city: the queue mode's own case behaviour.
inline Scenario mmc_network(std::int64_t days = 120) {
  Scenario sc = small_town(days);
  sc.city.residents = 10;
  sc.city.streets = sc.city.communities = sc.city.grids = 1;
  sc.model.mode = ModelMode::Queue;
  sc.model.queue_arrivals_per_h = 8;
  sc.model.queue_handlers = 10;
  sc.model.effort_dist = ServiceDist::Exponential;
  return sc;
}

// The queue mode in a one-grid city: Poisson arrivals at lambda an hour, c handlers a level,
// exponential handling with the mean given, on to the next level with chance p_next.
inline Scenario queue_town(double lambda, std::int64_t c, double mean_service_h, double p_next,
                           std::int64_t days) {
  Scenario sc;
  sc.source = "<test>";
  sc.city.residents = 10;
  sc.city.streets = sc.city.communities = sc.city.grids = 1;
  sc.run.days = days;
  sc.run.warmup_days = 20;
  sc.model.mode = ModelMode::Queue;
  sc.model.queue_arrivals_per_h = lambda;
  sc.model.queue_handlers = c;
  sc.model.queue_escalate_p = p_next;
  sc.model.effort_dist = ServiceDist::Exponential;
  sc.model.effort_median_h = {mean_service_h, mean_service_h, mean_service_h};
  return sc;
}

struct Run {
  std::vector<DayMetrics> series;
  RunSummary summary;
  std::uint64_t hash = 0;
};

inline Run run(const Scenario& sc, int threads) {
  auto ex = make_tbb_executor(threads);
  Simulation sim(sc, *ex);
  while (!sim.done()) sim.step();
  return Run{sim.series(), sim.summary(), sim.state_hash()};
}

// Bitwise equality of two day rows, NaN included.
inline bool same_bits(const DayMetrics& a, const DayMetrics& b) {
  struct Cmp {
    const DayMetrics* other;
    bool equal = true;
  };
  bool equal = true;
  std::vector<std::uint64_t> va, vb;
  struct Collect {
    std::vector<std::uint64_t>& out;
    void col(const char*, std::int64_t v) { out.push_back(static_cast<std::uint64_t>(v)); }
    void col(const char*, double v) {
      std::uint64_t b;
      std::memcpy(&b, &v, sizeof b);
      out.push_back(b);
    }
  };
  Collect ca{va}, cb{vb};
  describe(ca, a);
  describe(cb, b);
  equal = va == vb;
  return equal;
}

}  // namespace govsim::testing
