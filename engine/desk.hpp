// A desk: handlers who work a daily shift, and a priority queue of the items waiting for them.
// Generic queueing mechanics; what the items are, who the handlers are and how long the work
// takes is the model's business.
//
// Time is in hours since the start of the run; a shift repeats every day.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/event_queue.hpp"
#include "engine/numeric.hpp"
#include "engine/units.hpp"

namespace govsim {

struct DeskSlot {
  std::uint64_t agent;  // who the handler is (the model's index)
  double free_at;       // busy until
  bool on_duty;
  bool carried = false;  // busy with work no event of this desk will report the end of
};

struct DeskEntry {
  std::uint8_t priority;  // 0 first
  double deadline;        // earlier first, within a priority
  std::uint64_t id;       // lower first: a total order
  std::uint32_t slot;     // the model's index of the waiting item
  std::uint32_t epoch;    // the item's epoch when it joined: a later epoch means it left
  bool operator<(const DeskEntry& o) const {  // std::priority_queue pops the largest
    if (priority != o.priority) return priority > o.priority;
    if (deadline != o.deadline) return deadline > o.deadline;
    return id > o.id;
  }
};

struct Desk {
  static constexpr double kDayLength = kHoursPerDay;  // a shift repeats every day

  double shift_start_h;  // hour of the day the shift starts
  double shift_len_h;    // 24 or more: on shift around the clock
  double work_rate;      // share of working time that goes to the items
  std::vector<DeskSlot> slots;
  Heap<DeskEntry> queue;
  std::int64_t waiting = 0;  // entries still waiting (the queue also holds stale ones)
  double wake_at = kInf;     // when a wake-up is scheduled

  // The hot ones are defined below, in this header, so that they inline into the dispatch loop.
  bool around_the_clock() const { return shift_len_h >= kDayLength; }
  // Whether a handler can start at t: on duty, free and on shift.
  bool available(const DeskSlot& s, double t) const;
  // Earliest time from t at which the handler could start (kInf if off duty).
  double next_available(const DeskSlot& s, double t) const;
  // Completion time of `work_h` hours of work started at t (inside a shift), counting only
  // working hours.
  double work_until(double t, double work_h) const;
  // Index of the first slot from `from` on that can start at t, or slots.size().
  std::size_t first_available(double t, std::size_t from) const;
  // When the desk must wake up to serve its waiting items, if no finishing handler will: the
  // earliest start of an idle handler off shift, or of one carried over (kInf if none).
  double next_wake(double t) const;

  template <class IO, class D>
  static void fields(IO& io, D& d) {
    io.pod(d.shift_start_h);
    io.pod(d.shift_len_h);
    io.pod(d.work_rate);
    io.vec(d.slots);
    io.vec(d.queue.items());
    io.pod(d.waiting);
    io.pod(d.wake_at);
  }
};

inline bool Desk::available(const DeskSlot& s, double t) const {
  if (!s.on_duty || s.free_at > t) return false;
  if (around_the_clock()) return true;
  const double h = t - kDayLength * std::floor(t / kDayLength);
  double into = h - shift_start_h;
  if (into < 0) into += kDayLength;
  return into < shift_len_h;
}

inline double Desk::next_available(const DeskSlot& s, double t) const {
  if (!s.on_duty) return kInf;
  const double from = std::max(t, s.free_at);
  if (available(DeskSlot{s.agent, 0.0, true}, from)) return from;
  const double day0 = kDayLength * std::floor(from / kDayLength);
  double start = day0 + shift_start_h;
  if (start <= from) start += kDayLength;
  return start;
}

inline std::size_t Desk::first_available(double t, std::size_t from) const {
  const std::size_t n = slots.size();
  std::size_t i = from;
  if (around_the_clock())  // no clock arithmetic
    while (i < n && !(slots[i].on_duty && slots[i].free_at <= t)) ++i;
  else
    while (i < n && !available(slots[i], t)) ++i;
  return i;
}

inline double Desk::next_wake(double t) const {
  // Busy handlers wake the desk when they finish, except those carried over from before.
  // Around the clock, an idle handler on duty would already have taken an item, so only the
  // carried-over ones can matter.
  const bool always_open = around_the_clock();
  double next = kInf;
  for (const DeskSlot& s : slots)
    if (always_open ? s.carried : (s.free_at <= t || s.carried))
      next = std::min(next, next_available(s, t));
  return next;
}

}  // namespace govsim
