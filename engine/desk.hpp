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
  bool carried = false;    // busy with work no event of this desk will report the end of
  std::uint32_t rota = 0;  // place in the desk's duty rota for its days off (its slot index)
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

  // What the desk's clock says at t, for all its handlers at once: whether a shift is under way,
  // and whether the day it started on is one every handler works or, if not, the duty rota's
  // window that day (the terms of works_on that do not depend on the handler).
  struct ShiftNow {
    bool on_shift = true;
    bool everyone = true;
    double from = 0, on = 0, n = 1;
  };

  double shift_start_h;  // hour of the day the shift starts
  double shift_len_h;    // 24 or more: on shift around the clock
  double work_rate;      // share of working time that goes to the items
  std::vector<DeskSlot> slots;
  Heap<DeskEntry> queue;
  std::int64_t waiting = 0;  // entries still waiting (the queue also holds stale ones)
  double wake_at = kInf;     // when a wake-up is scheduled
  // Days off (a working calendar): off_days[d] != 0 means the desk is closed on day d, which is
  // its off_rank[d]-th day off; days past the list are working days. On its k-th day off the
  // desk's duty rota puts floor((k + 1) s n) - floor(k s n) of its n handlers on duty (s =
  // offday_share), the next ones in slot order after those of the day before, so each handler
  // works a share s of the days off and a lone handler works one in 1/s of them. The pointers
  // are not checkpointed: the owner points them at its calendar (nullptr: open every day).
  const std::uint8_t* off_days = nullptr;
  const std::uint32_t* off_rank = nullptr;
  std::size_t off_len = 0;
  double offday_share = 0;
  bool calendar_days = false;  // the owner attaches a calendar's days off (checkpointed)

  // The hot ones are defined below, in this header, so that they inline into the dispatch loop.
  bool around_the_clock() const { return shift_len_h >= kDayLength; }
  bool has_days_off() const { return off_days != nullptr; }
  // Whether the handler at place `rota` of the rota works the shift that starts on day `day`.
  bool works_on(std::int64_t day, std::uint32_t rota) const {
    ShiftNow c;
    rota_of_day(day, c);
    return on_rota(c, rota);
  }
  // Sets c.everyone, or the rota's window, for the shift that starts on `day`.
  void rota_of_day(std::int64_t day, ShiftNow& c) const {
    c.everyone = off_days == nullptr || day < 0 || static_cast<std::size_t>(day) >= off_len ||
                 off_days[static_cast<std::size_t>(day)] == 0;
    if (c.everyone) return;
    c.n = double(std::max<std::size_t>(slots.size(), 1));
    const double k = double(off_rank[static_cast<std::size_t>(day)]);
    const double first = std::floor(k * offday_share * c.n);
    c.on = std::floor((k + 1) * offday_share * c.n) - first;
    c.from = std::fmod(first, c.n);  // the first on duty today, in slot order
  }
  ShiftNow shift_now(double t) const;
  // Whether the handler at place `rota` works the shift under way at the clock `c`.
  static bool on_rota(const ShiftNow& c, std::uint32_t rota) {
    return c.everyone || std::fmod(double(rota) - c.from + c.n, c.n) < c.on;
  }
  // Whether a handler can start at t: on duty, free and on shift.
  bool available(const DeskSlot& s, double t) const;
  // The start of the first shift after t (whoever works it).
  double next_shift_start(double t) const {
    const double start = kDayLength * std::floor(t / kDayLength) + shift_start_h;
    return start <= t ? start + kDayLength : start;
  }
  // Earliest time from t at which the handler could start (kInf if off duty).
  double next_available(const DeskSlot& s, double t) const;
  // Completion time of `work_h` hours of work started at t (inside a shift), counting only
  // working hours.
  // `rota`: the handler's place in the duty rota (DeskSlot::rota), whose days off count.
  double work_until(double t, double work_h, std::uint32_t rota) const {
    if (around_the_clock() && !has_days_off()) return t + work_h;  // no clock arithmetic
    return work_until_shifts(t, work_h, rota);
  }
  // Index of the first slot from `from` on that can start at t, or slots.size().
  std::size_t first_available(double t, std::size_t from) const;
  // When the desk must wake up to serve its waiting items, if no finishing handler will: the
  // earliest start of an idle handler off shift, or of one carried over (kInf if none).
  double next_wake(double t) const;
  // work_until for a desk with shifts or days off (desk.cpp).
  double work_until_shifts(double t, double work_h, std::uint32_t rota) const;

  template <class IO, class D>
  static void fields(IO& io, D& d) {
    io.pod(d.shift_start_h);
    io.pod(d.shift_len_h);
    io.pod(d.work_rate);
    io.vec(d.slots);
    io.vec(d.queue.items());
    io.pod(d.waiting);
    io.pod(d.wake_at);
    io.flag(d.calendar_days);
    io.pod(d.offday_share);
  }
};

inline Desk::ShiftNow Desk::shift_now(double t) const {
  ShiftNow c;
  if (around_the_clock() && !has_days_off()) return c;
  const double h = t - kDayLength * std::floor(t / kDayLength);
  double into = h - shift_start_h;
  if (into < 0) into += kDayLength;
  c.on_shift = around_the_clock() || !(into >= shift_len_h);  // as available() always read it
  if (!c.on_shift || !has_days_off()) return c;
  // The day the shift under way started on.
  rota_of_day(static_cast<std::int64_t>(std::floor((t - into) / kDayLength)), c);
  return c;
}

inline bool Desk::available(const DeskSlot& s, double t) const {
  if (!s.on_duty || s.free_at > t) return false;
  const ShiftNow c = shift_now(t);
  return c.on_shift && on_rota(c, s.rota);
}

inline double Desk::next_available(const DeskSlot& s, double t) const {
  if (!s.on_duty) return kInf;
  const double from = std::max(t, s.free_at);
  if (available(DeskSlot{s.agent, 0.0, true, false, s.rota}, from)) return from;
  double start = next_shift_start(from);
  if (has_days_off())  // the next shift on a day this handler works
    for (std::size_t guard = 0; guard <= off_len; ++guard) {
      if (works_on(static_cast<std::int64_t>(std::floor(start / kDayLength)), s.rota)) break;
      start += kDayLength;
    }
  return start;
}

inline std::size_t Desk::first_available(double t, std::size_t from) const {
  const std::size_t n = slots.size();
  std::size_t i = from;
  if (around_the_clock() && !has_days_off()) {  // no clock arithmetic
    while (i < n && !(slots[i].on_duty && slots[i].free_at <= t)) ++i;
    return i;
  }
  const ShiftNow c = shift_now(t);  // the clock once, not once a handler
  if (!c.on_shift) return std::max(from, n);
  while (i < n && !(slots[i].on_duty && slots[i].free_at <= t && on_rota(c, slots[i].rota))) ++i;
  return i;
}

inline double Desk::next_wake(double t) const {
  // Busy handlers wake the desk when they finish, except those carried over from before.
  // Around the clock, an idle handler on duty would already have taken an item, so only the
  // carried-over ones can matter.
  double next = kInf;
  if (around_the_clock() && !has_days_off()) {
    for (const DeskSlot& s : slots)
      if (s.carried) next = std::min(next, next_available(s, t));
    return next;
  }
  // An idle handler can start at t itself if the shift under way is one of theirs (and t is not
  // before the run, as next_available asks), else not before the next shift's start after t
  // (next_available's first candidate); once the earliest so far is no later than that, the
  // idle handlers' own searches cannot lower it, so only those carried over are still looked
  // at. The same minimum as searching for every handler.
  const ShiftNow c = shift_now(t);
  const double next_shift = next_shift_start(t);
  for (const DeskSlot& s : slots) {
    if (s.carried) {
      next = std::min(next, next_available(s, t));
    } else if (s.free_at <= t && s.on_duty) {
      if (!(0.0 > t) && c.on_shift && on_rota(c, s.rota))
        next = std::min(next, t);
      else if (next > next_shift)
        next = std::min(next, next_available(s, t));
    }
  }
  return next;
}

}  // namespace govsim
