#include <catch2/catch.hpp>
#include <vector>

#include "engine/event_queue.hpp"

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
  EventQueue<Ev> q;
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
  EventQueue<Ev> a;
  for (int i = 0; i < 20; ++i) a.push({double((i * 7) % 5), 0, i});
  a.push_timer({1.0, 0, 99});
  EventQueue<Ev> b;
  b.restore(a.pending(), a.seq());
  std::vector<int> from_a, from_b;
  a.run_until(100, [&](const Ev& e) { from_a.push_back(e.tag); });
  b.run_until(100, [&](const Ev& e) { from_b.push_back(e.tag); });
  CHECK(from_a == from_b);
  CHECK(from_a.size() == 21);
}
