// The case-handling core as a bare queueing network (model.mode = queue) obeys the laws it must:
// Erlang C at one level, Jackson routing across levels, Little's law.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "model/streams.hpp"
#include "sim/handling.hpp"
#include "sim_fixtures.hpp"
#include "validation/erlang.hpp"

using namespace govsim;
using namespace govsim::testing;

TEST_CASE("Erlang C reference values") {
  CHECK(erlang_c(10, 8.0) == Approx(0.40918).epsilon(1e-4));
  CHECK(erlang_c(4, 2.0) == Approx(0.17391).epsilon(1e-4));
  CHECK(erlang_c(2, 1.6) == Approx(0.71111).epsilon(1e-4));
}

TEST_CASE("one level behaves as M/M/c: mean wait against Erlang C, Little's law") {
  const double lambda = 8, mu = 1;
  const Run r = run(queue_town(lambda, 10, 1 / mu, 0, 1200), 1);
  const LevelSummary& q = r.summary.level[0];
  const double wq = erlang_c(10, lambda / mu) / (10 * mu - lambda);
  CHECK(q.arrivals_per_h == Approx(lambda).epsilon(0.01));
  CHECK(q.wait_mean_h == Approx(wq).epsilon(0.05));
  CHECK(q.time_in_system_mean_h == Approx(wq + 1 / mu).epsilon(0.02));
  CHECK(q.queue_mean == Approx(q.arrivals_per_h * q.wait_mean_h).epsilon(0.01));
  CHECK(q.in_system_mean == Approx(q.arrivals_per_h * q.time_in_system_mean_h).epsilon(0.01));
  // Response time is the wait at the first desk, to the minute and below.
  CHECK(r.summary.response_time_mean_h == Approx(q.wait_mean_h).epsilon(1e-9));
}

TEST_CASE("Little's law over a finite window holds exactly with its measured edge terms") {
  // The areas (integrated between events) against the cases' own times at each level: equal
  // once the cases already there when the window opens, and still there when it closes, are
  // counted (MODEL.md 4.11). Long services in a short window make the edge terms large.
  Scenario sc = queue_town(0.045, 2, 40.0, 0.5, 20);
  sc.run.warmup_days = 5;
  const Run r = run(sc, 1);
  double largest_edge = 0;
  for (int l = 0; l < 3; ++l) {
    const LevelSummary& q = r.summary.level[l];
    REQUIRE(q.arrivals_per_h > 0);
    const double edge = little_edge(q, r.summary.measured_days);
    largest_edge = std::max(largest_edge, std::abs(edge) / q.in_system_mean);
    INFO("level " << l << ": L " << q.in_system_mean << ", edge " << edge);
    CHECK(q.in_system_mean ==
          Approx(q.arrivals_per_h * q.time_in_system_mean_h + edge).epsilon(1e-9));
  }
  CHECK(largest_edge > 0.05);  // so the terms are not small enough to pass without them
}

TEST_CASE("three levels in series follow Jackson's arrival rates") {
  const double lambda = 6, p = 0.4;
  const Run r = run(queue_town(lambda, 8, 1.0, p, 800), 1);
  CHECK(r.summary.level[0].arrivals_per_h == Approx(lambda).epsilon(0.02));
  CHECK(r.summary.level[1].arrivals_per_h == Approx(lambda * p).epsilon(0.03));
  CHECK(r.summary.level[2].arrivals_per_h == Approx(lambda * p * p).epsilon(0.05));
  for (int l = 0; l < 3; ++l) {
    const LevelSummary& q = r.summary.level[l];
    CHECK(q.queue_mean == Approx(q.arrivals_per_h * q.wait_mean_h).epsilon(0.02));
  }
}

TEST_CASE("the event heap pops in order, also after its items are restored") {
  struct Item {
    double t;
    std::uint64_t seq;
    bool operator<(const Item& o) const { return t != o.t ? t < o.t : seq < o.seq; }
  };
  QuadHeap<Item> h;
  std::set<std::pair<double, std::uint64_t>> ref;
  std::uint64_t seq = 0;
  Stream s(7, Purpose::CityLayout, 0, 0);
  std::size_t popped = 0;
  auto pop = [&] {
    REQUIRE(!ref.empty());
    CHECK(h.top().t == ref.begin()->first);
    CHECK(h.top().seq == ref.begin()->second);
    ref.erase(ref.begin());
    h.pop();
    ++popped;
  };
  for (int round = 0; round < 3000; ++round) {
    const int pushes = static_cast<int>(s.below(4));
    for (int k = 0; k < pushes; ++k) {
      const Item x{double(s.below(50)), seq++};
      h.push(x);
      ref.insert({x.t, x.seq});
    }
    if (round % 500 == 499) {  // as a checkpoint would: items in any order, then restored
      std::reverse(h.items().begin(), h.items().end());
      h.restore();
    }
    if (!h.empty() && s.below(2) == 0) pop();
    CHECK(h.size() == ref.size());
  }
  while (!h.empty()) pop();
  CHECK(popped == seq);
}
