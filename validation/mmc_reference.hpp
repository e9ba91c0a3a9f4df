// A bare M/M/c simulator that draws the engine's random numbers: the day's Poisson arrivals from
// the stream of the queue mode's arrivals, each case's handling time from the case's own stream
// of its first attempt, under the ids the engine gives the cases of the first grid. It keeps
// nothing but the handlers' free times, the waiting line and one heap of service ends, and
// records only the waits.
//
// Two uses. Its queueing logic is a second implementation of what the engine's queue mode does
// at one level (sim/queue_behaviour.cpp: one desk, c handlers around the clock, no escalation), so
// the tests compare the engine's mean wait with it to the last bits instead of with Erlang C to a
// few per cent. The random numbers, case ids and stream keys are the engine's own (that is what
// makes the waits equal), so the comparison checks the desks, queues and event order, and only
// the Erlang C check guards the draws. And it is a yardstick for the queue core's speed: what the
// same arrivals and draws cost with no case record, no books and no other phase, which
// `govsim-bench` measures after the engine's queue case. A yardstick, not a floor: it computes
// each draw where it is needed and waits on it.
//
// The engine serves the cases waiting at a desk by deadline, then id. In queue mode without the
// working calendar (calendar.on: false) and without policy changes, a case's deadline is its
// report time plus a fixed span, so that order is first come first served, which is the order
// here; with the calendar on, deadlines count working days and a case reported on a Saturday can
// overtake one from the Friday night before, and a policy change restarts every wait. Neither is
// modelled here.
#pragma once

#include <cassert>
#include <cstdint>
#include <deque>
#include <functional>
#include <queue>
#include <vector>

#include "engine/numeric.hpp"
#include "engine/rng.hpp"
#include "engine/units.hpp"
#include "model/case.hpp"
#include "model/streams.hpp"

namespace govsim {

struct MmcReference {
  std::int64_t arrivals = 0;  // cases that arose over the whole run
  std::int64_t served = 0;    // cases whose service started over the whole run
  std::int64_t measured = 0;  // of those, started on a measured day (after the warm-up)
  double wait_sum_h = 0;      // their waits, added day by day as the engine's books add them
  // NaN with no measured service, as the engine's summary.
  double wait_mean_h() const { return measured > 0 ? wait_sum_h / double(measured) : kNaN; }
};

// `seed`: the run's seed; arrivals per hour, handlers (at least one), mean handling hours (above
// 0); `days` simulated, of which the first `warmup_days` are not measured. The cases arise at
// grid 0, the first grid of the first street office, where the engine's queue mode puts them.
inline MmcReference run_mmc_reference(std::uint64_t seed, double arrivals_per_h, int handlers,
                                      double mean_service_h, std::int64_t days,
                                      std::int64_t warmup_days) {
  assert(handlers >= 1 && mean_service_h > 0 && arrivals_per_h >= 0);
  struct End {  // a service that ends at t
    double t;
    std::uint64_t order;  // the order the ends were scheduled in, for equal times
    bool operator>(const End& o) const { return t != o.t ? t > o.t : order > o.order; }
  };
  struct Waiting {
    std::uint64_t id;
    double since;
  };
  MmcReference out;
  std::vector<double> free_at(static_cast<std::size_t>(handlers), 0.0);
  std::priority_queue<End, std::vector<End>, std::greater<>> ends;
  std::deque<Waiting> line;    // first come first served
  std::vector<Waiting> today;  // the day's arrivals, in time order
  std::uint64_t order = 0;
  double day_wait = 0;
  std::int64_t day_served = 0;
  // The lowest handler free at t, or free_at.size() if none.
  auto lowest_free = [&](double t) {
    std::size_t slot = 0;
    while (slot < free_at.size() && free_at[slot] > t) ++slot;
    return slot;
  };
  auto start = [&](const Waiting& w, std::size_t slot, double t) {
    Stream r(seed, Purpose::CaseHandle, w.id, 0);  // the first attempt's draws
    const double end = t + r.exponential(mean_service_h);
    free_at[slot] = end;
    ends.push(End{end, order++});
    day_wait += t - w.since;
    ++day_served;
  };
  // The waiting cases, first in line first, go to the lowest free handlers while there are any
  // (after an end, the handler just freed; after an arrival, whoever is free if nobody waits).
  auto dispatch = [&](double t) {
    while (!line.empty()) {
      const std::size_t slot = lowest_free(t);
      if (slot == free_at.size()) return;
      start(line.front(), slot, t);
      line.pop_front();
    }
  };
  for (std::int64_t day = 0; day < days; ++day) {
    const double day_end = double(day + 1) * kHoursPerDay;
    today.clear();
    Stream arrivals(seed, Purpose::QueueArrival, 0, static_cast<std::uint64_t>(day));
    double t = double(day) * kHoursPerDay;
    for (std::uint32_t seq = 0; seq < kMaxCasesPerGridDay; ++seq) {
      t += arrivals.exponential(1.0 / arrivals_per_h);
      if (t >= day_end) break;
      today.push_back(Waiting{make_case_id(0, static_cast<std::uint32_t>(day), seq), t});
    }
    out.arrivals += static_cast<std::int64_t>(today.size());
    day_wait = 0;
    day_served = 0;
    std::size_t next = 0;
    for (;;) {
      const bool end_first = !ends.empty() && ends.top().t < day_end &&
                             (next == today.size() || ends.top().t < today[next].since);
      if (end_first) {
        const double at = ends.top().t;
        ends.pop();
        dispatch(at);
      } else if (next < today.size()) {
        const Waiting& w = today[next++];
        line.push_back(w);
        dispatch(w.since);
      } else {
        break;
      }
    }
    out.served += day_served;
    if (day >= warmup_days) {
      out.measured += day_served;
      out.wait_sum_h += day_wait;
    }
  }
  return out;
}

}  // namespace govsim
