#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "engine/event_queue.hpp"
#include "engine/numeric.hpp"

using namespace govsim;

namespace {

struct Ev {
  double t;
  std::uint64_t seq;
  int tag;
  bool operator<(const Ev& o) const { return t != o.t ? t < o.t : seq < o.seq; }
};

}  // namespace

TEST_CASE("events run in time order, ties in the order they were scheduled") {
  EventQueue<Ev> q(1.0);
  q.push({3.0, 0, 1});
  q.push_timer({1.0, 0, 2});
  q.push({1.0, 0, 3});  // same time as the timer, scheduled after it
  q.push_timer({0.5, 0, 4});
  q.push_timer({9.0, 0, 5});  // not due this run
  std::vector<int> order;
  q.run_until(5.0, [&](const Ev& e) {
    order.push_back(e.tag);
    if (e.tag == 4) q.push({2.0, 0, 6});  // an event may schedule more
  });
  CHECK(order == std::vector<int>{4, 2, 3, 6, 1});
  // The timer not yet due went to the heap and runs in a later run.
  order.clear();
  q.run_until(10.0, [&](const Ev& e) { order.push_back(e.tag); });
  CHECK(order == std::vector<int>{5});
}

TEST_CASE("the pending events restore into the same order") {
  EventQueue<Ev> a(1.0);
  for (int i = 0; i < 20; ++i) a.push({double((i * 7) % 5), 0, i});
  a.push_timer({1.0, 0, 99});
  EventQueue<Ev> b(1.0);
  b.restore(a.pending(), a.seq());
  std::vector<int> from_a, from_b;
  a.run_until(100, [&](const Ev& e) { from_a.push_back(e.tag); });
  b.run_until(100, [&](const Ev& e) { from_b.push_back(e.tag); });
  CHECK(from_a == from_b);
  CHECK(from_a.size() == 21);
}

namespace {
// Every event scheduled, as ((t, scheduling order), tag).
using Scheduled = std::vector<std::pair<std::pair<double, int>, int>>;

// The tags in the order the events must run. A reference cannot know which pushes happened when
// without replaying; but every event is scheduled no earlier than the one that scheduled it, so
// the order by (t, scheduling order) of all events is the order they must run in.
std::vector<int> order_by_time(Scheduled ref) {
  std::sort(ref.begin(), ref.end());
  std::vector<int> tags;
  for (const auto& r : ref) tags.push_back(r.second);
  return tags;
}

// Runs a random script of pushes, timers and runs on `q` (whose counter starts where it is) and
// returns the tags in the order they ran. The reference is the order by (time, scheduling order).
std::vector<int> random_script(EventQueue<Ev>& q, std::uint64_t seed, std::vector<int>& expected) {
  std::mt19937_64 rng(seed);
  Scheduled ref;
  std::vector<int> ran;
  int scheduled = 0, tag = 0;
  double now = 0;
  auto time = [&](double from) {  // on a coarse grid, so that many events tie
    return from + double(rng() % 40) * 0.25;
  };
  for (int round = 0; round < 60; ++round) {
    const int timers = int(rng() % 20);
    for (int i = 0; i < timers; ++i) {  // admitted before the run, as a unit admits its cases
      const double t = time(now);
      q.push_timer({t, 0, tag});
      ref.push_back({{t, scheduled++}, tag++});
    }
    const double end = now + 3.0;
    q.run_until(end, [&](const Ev& e) {
      ran.push_back(e.tag);
      if (rng() % 3 != 0) {  // an event schedules more, some at its own time
        const double t = rng() % 4 == 0 ? e.t : time(e.t);
        q.push({t, 0, tag});
        ref.push_back({{t, scheduled++}, tag++});
      }
    });
    now = end;
  }
  q.run_until(1e9, [&](const Ev& e) { ran.push_back(e.tag); });
  expected = order_by_time(ref);
  return ran;
}
}  // namespace

TEST_CASE("events run by (time, scheduling order) through timers, runs and many ties") {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    EventQueue<Ev> q(1.0);
    std::vector<int> expected;
    const std::vector<int> ran = random_script(q, seed, expected);
    REQUIRE(ran.size() == expected.size());
    CHECK(ran == expected);
  }
}

namespace {

// An event whose sequence number shares its word with other fields, as the handling unit's does.
struct NarrowEv {
  static constexpr int kSeqBits = 56;
  double t;
  std::uint64_t seq : kSeqBits;
  std::uint64_t tag : 8;
  bool operator<(const NarrowEv& o) const { return t != o.t ? t < o.t : seq < o.seq; }
};

}  // namespace

TEST_CASE("events with a narrow sequence number run in the same order as wide ones") {
  static_assert(EventQueue<NarrowEv>::max_seq() == (std::uint64_t{1} << 56) - 1);
  static_assert(EventQueue<Ev>::max_seq() == ~std::uint64_t{0});
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 20; ++trial) {
    EventQueue<Ev> wide(1.0);
    EventQueue<NarrowEv> narrow(1.0);
    // Near the top of the narrow counter's range, which a checkpoint may carry.
    const std::uint64_t start = EventQueue<NarrowEv>::max_seq() - 1000;
    wide.restore({}, start);
    narrow.restore({}, start);
    std::vector<int> a, b;
    for (int round = 0; round < 10; ++round) {
      for (int i = 0; i < 40; ++i) {
        const double t = double(round) + double(rng() % 4) * 0.25;  // many ties
        const int tag = round * 40 + i;
        if (rng() % 2) {
          wide.push({t, 0, tag});
          narrow.push({t, 0, static_cast<std::uint8_t>(tag % 256)});
        } else {
          wide.push_timer({t, 0, tag});
          narrow.push_timer({t, 0, static_cast<std::uint8_t>(tag % 256)});
        }
      }
      wide.run_until(double(round) + 0.6, [&](const Ev& e) { a.push_back(e.tag % 256); });
      narrow.run_until(double(round) + 0.6,
                       [&](const NarrowEv& e) { b.push_back(static_cast<int>(e.tag)); });
    }
    REQUIRE(a.size() > 100);
    REQUIRE(a == b);
    CHECK(narrow.seq() == start + 400);
  }
}

namespace {

// A random script over many buckets: events scheduled up to `reach` buckets ahead (past the
// ring), runs that end inside buckets and on their edges, and at times a checkpoint: the queue
// is rebuilt from its pending events. Returns the tags in the order they ran; `expected` gets the
// order by (time, scheduling order).
std::vector<int> bucket_script(double width, double reach, std::uint64_t seed,
                               std::vector<int>& expected) {
  std::mt19937_64 rng(seed);
  EventQueue<Ev> q(width);
  Scheduled ref;
  std::vector<int> ran;
  int scheduled = 0, tag = 0;
  double now = 0;
  auto later = [&](double from) {  // often on a bucket's edge or in the same bucket
    switch (rng() % 4) {
      case 0:
        return from;
      case 1:
        return std::max(from, double(std::int64_t(from / width) + std::int64_t(rng() % 3)) * width);
      default:
        return from + std::uniform_real_distribution<double>(0, reach * width)(rng);
    }
  };
  for (int round = 0; round < 150; ++round) {
    // Now and then many timers beside a bucket's few events, which then join the heap.
    const int timers = rng() % 5 == 0 ? 40 : int(rng() % 12);
    for (int i = 0; i < timers; ++i) {
      const double t = later(now);
      q.push_timer({t, 0, tag});
      ref.push_back({{t, scheduled++}, tag++});
    }
    if (rng() % 10 == 0) {  // a checkpoint: a new queue from the pending events, or this one
      if (rng() % 2 == 0) {
        EventQueue<Ev> restored(width);
        restored.restore(q.pending(), q.seq());
        q = restored;
      } else {
        q.restore(q.pending(), q.seq());
      }
    }
    // Ends inside a bucket, on its edge, several buckets on, or past the whole ring.
    const std::uint64_t how = rng() % 12;
    const double end = how < 4    ? double(std::int64_t(now / width) + 1) * width
                       : how < 11 ? now + double(rng() % 30) * 0.13 * width
                                  : now + (double(EventQueue<Ev>::kRingBuckets) + 10.5) * width;
    q.run_until(end, [&](const Ev& e) {
      REQUIRE(e.t < end);
      ran.push_back(e.tag);
      if (rng() % 2 == 0) {
        const double t = later(e.t);
        q.push({t, 0, tag});
        ref.push_back({{t, scheduled++}, tag++});
      }
    });
    for (const Ev& e : q.pending()) REQUIRE(!(e.t < end));  // nothing due was left behind
    now = std::max(now, end);
  }
  q.run_until(kInf, [&](const Ev& e) { ran.push_back(e.tag); });
  expected = order_by_time(ref);
  return ran;
}

}  // namespace

TEST_CASE("events run in order across buckets, the ring, the far heap and checkpoints") {
  // Widths a double holds exactly and not (0.1: a bucket's edges are rounded products), events
  // from the same bucket to well past the ring's reach.
  for (const double width : {24.0, 1.0, 0.1}) {
    for (const double reach : {0.5, 3.0, 2.0 * double(EventQueue<Ev>::kRingBuckets)}) {
      for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        std::vector<int> expected;
        const std::vector<int> ran = bucket_script(width, reach, seed, expected);
        REQUIRE(ran.size() == expected.size());
        CHECK(ran == expected);
      }
    }
  }
}

TEST_CASE("a run takes exactly the events before its end, whatever the rounding of the edges") {
  constexpr double kWidth = 0.1;
  EventQueue<Ev> q(kWidth);
  // Events on each edge k w (rounded as a product and as a quotient) and one ulp either side.
  int tag = 0;
  for (int k = 0; k < 200; ++k)
    for (const double edge : {double(k) * kWidth, double(k) / 10.0})
      for (const double t : {std::nextafter(edge, 0.0), edge, std::nextafter(edge, kInf)})
        q.push(Ev{t, 0, tag++});
  std::size_t handled = 0;
  for (int k = 1; k <= 200; ++k) {
    for (const double end : {double(k) / 10.0, double(k) * kWidth}) {
      q.run_until(end, [&](const Ev& e) {
        CHECK(e.t < end);
        ++handled;
      });
      for (const Ev& e : q.pending()) CHECK(!(e.t < end));
    }
  }
  q.run_until(kInf, [&](const Ev&) { ++handled; });
  CHECK(handled == std::size_t(tag));
}

TEST_CASE("times before zero and past the last bucket still run in order") {
  EventQueue<Ev> q(24.0);
  q.push({1e300, 0, 1});
  q.push({-5.0, 0, 2});
  q.push({kInf, 0, 3});
  q.push_timer({30.0, 0, 4});
  q.push({1e20, 0, 5});
  std::vector<int> order;
  q.run_until(48.0, [&](const Ev& e) { order.push_back(e.tag); });
  CHECK(order == std::vector<int>{2, 4});
  q.run_until(kInf, [&](const Ev& e) { order.push_back(e.tag); });
  CHECK(order == std::vector<int>{2, 4, 5, 1});  // kInf is never before the end
  CHECK(q.pending().size() == 1);
}
