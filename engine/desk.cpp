#include "engine/desk.hpp"

#include <algorithm>
#include <cmath>

#include "engine/units.hpp"

namespace govsim {

bool Desk::around_the_clock() const { return shift_len_h >= kHoursPerDay; }

bool Desk::available(const DeskSlot& s, double t) const {
  if (!s.on_duty || s.free_at > t) return false;
  if (around_the_clock()) return true;
  const double h = t - kHoursPerDay * std::floor(t / kHoursPerDay);
  double into = h - shift_start_h;
  if (into < 0) into += kHoursPerDay;
  return into < shift_len_h;
}

double Desk::next_available(const DeskSlot& s, double t) const {
  if (!s.on_duty) return kInf;
  const double from = std::max(t, s.free_at);
  if (available(DeskSlot{s.agent, 0.0, true}, from)) return from;
  const double day0 = kHoursPerDay * std::floor(from / kHoursPerDay);
  double start = day0 + shift_start_h;
  if (start <= from) start += kHoursPerDay;
  return start;
}

double Desk::work_until(double t, double work_h) const {
  if (around_the_clock()) return t + work_h;
  constexpr int kMaxShifts = 100000;  // a guard: no work is longer than this many shifts
  for (int shifts = 0; shifts < kMaxShifts; ++shifts) {
    const double day0 = kHoursPerDay * std::floor(t / kHoursPerDay);
    double start = day0 + shift_start_h;
    if (start > t) start -= kHoursPerDay;  // the shift that began most recently
    const double end = start + shift_len_h;
    const double left = end - t;
    if (left > 0 && work_h <= left) return t + work_h;
    if (left > 0) work_h -= left;
    t = start + kHoursPerDay;
  }
  return t;
}

std::size_t Desk::first_available(double t, std::size_t from) const {
  const std::size_t n = slots.size();
  std::size_t i = from;
  if (around_the_clock())  // no clock arithmetic
    while (i < n && !(slots[i].on_duty && slots[i].free_at <= t)) ++i;
  else
    while (i < n && !available(slots[i], t)) ++i;
  return i;
}

double Desk::next_wake(double t) const {
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
