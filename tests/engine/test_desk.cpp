#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include "engine/desk.hpp"

using namespace govsim;

TEST_CASE("work counts only the hours of the shift") {
  Desk d{8.5, 8.0, 1.0, {}, {}, 0, kInf};  // 08:30 to 16:30
  CHECK(d.work_until(9.0, 2.0, 0) == Approx(11.0));
  // 3 h started at 15:00: 1.5 h today, 1.5 h from 08:30 tomorrow.
  CHECK(d.work_until(15.0, 3.0, 0) == Approx(24.0 + 10.0));
  Desk always{0.0, 24.0, 1.0, {}, {}, 0, kInf};
  CHECK(always.work_until(23.0, 5.0, 0) == Approx(28.0));
}

TEST_CASE("a handler is available on duty, free and on shift") {
  Desk d{8.5, 8.0, 1.0, {}, {}, 0, kInf};
  const DeskSlot idle{1, 0.0, true};
  CHECK(d.available(idle, 9.0));
  CHECK_FALSE(d.available(idle, 17.0));
  CHECK_FALSE(d.available(DeskSlot{1, 0.0, false}, 9.0));
  CHECK_FALSE(d.available(DeskSlot{1, 10.0, true}, 9.0));
  CHECK(d.next_available(idle, 17.0) == Approx(24.0 + 8.5));
  CHECK(d.next_available(DeskSlot{1, 0.0, false}, 9.0) == kInf);
}

TEST_CASE("the first available handler and the desk's wake-up") {
  Desk d{8.5, 8.0, 1.0, {}, {}, 0, kInf};
  d.slots = {DeskSlot{1, 12.0, true}, DeskSlot{2, 0.0, false}, DeskSlot{3, 0.0, true}};
  CHECK(d.first_available(9.0, 0) == 2);
  CHECK(d.first_available(9.0, 3) == 3);  // none from there on
  // At night only the idle handler needs a wake-up: tomorrow at 08:30.
  CHECK(d.next_wake(20.0) == Approx(24.0 + 8.5));
  // A handler carried over from an earlier design wakes the desk when it is free.
  d.slots[0].carried = true;
  d.slots[2].on_duty = false;
  CHECK(d.next_wake(9.0) == Approx(12.0));
}

namespace {
// The desk's rules written out handler by handler, as they were before the clock was read once
// for all handlers: the reference the desk's faster searches must match exactly.
bool ref_works_on(const Desk& d, std::int64_t day, std::uint32_t rota) {
  if (d.off_days == nullptr || day < 0 || static_cast<std::size_t>(day) >= d.off_len ||
      d.off_days[static_cast<std::size_t>(day)] == 0)
    return true;
  const double n = double(std::max<std::size_t>(d.slots.size(), 1));
  const double k = double(d.off_rank[static_cast<std::size_t>(day)]);
  const double first = std::floor(k * d.offday_share * n);
  const double on = std::floor((k + 1) * d.offday_share * n) - first;
  const double from = std::fmod(first, n);
  return std::fmod(double(rota) - from + n, n) < on;
}
bool ref_available(const Desk& d, const DeskSlot& s, double t) {
  if (!s.on_duty || s.free_at > t) return false;
  if (d.around_the_clock() && !d.has_days_off()) return true;
  const double h = t - 24.0 * std::floor(t / 24.0);
  double into = h - d.shift_start_h;
  if (into < 0) into += 24.0;
  if (!d.around_the_clock() && into >= d.shift_len_h) return false;
  if (!d.has_days_off()) return true;
  return ref_works_on(d, static_cast<std::int64_t>(std::floor((t - into) / 24.0)), s.rota);
}
double ref_next_available(const Desk& d, const DeskSlot& s, double t) {
  if (!s.on_duty) return kInf;
  const double from = std::max(t, s.free_at);
  if (ref_available(d, DeskSlot{s.agent, 0.0, true, false, s.rota}, from)) return from;
  double start = 24.0 * std::floor(from / 24.0) + d.shift_start_h;
  if (start <= from) start += 24.0;
  if (d.has_days_off())
    for (std::size_t guard = 0; guard <= d.off_len; ++guard) {
      if (ref_works_on(d, static_cast<std::int64_t>(std::floor(start / 24.0)), s.rota)) break;
      start += 24.0;
    }
  return start;
}
bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }
}  // namespace

TEST_CASE("the desk's searches match the handler-by-handler rules on random desks and times") {
  std::mt19937_64 rng(11);
  auto uniform = [&](double a, double b) {
    return std::uniform_real_distribution<double>(a, b)(rng);
  };
  auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
  // A calendar of 60 days, weekends and a holiday week off, ranked as a calendar ranks them.
  std::vector<std::uint8_t> off(60, 0);
  std::vector<std::uint32_t> rank(60, 0);
  std::uint32_t k = 0;
  for (std::size_t day = 0; day < off.size(); ++day)
    if (day % 7 >= 5 || (day >= 30 && day < 37)) off[day] = 1, rank[day] = k++;
  int mismatches = 0, desks_with_days_off = 0, skips = 0, before_run = 0;
  for (int trial = 0; trial < 600; ++trial) {
    const int shape = int(rng() % 4);  // office hours, odd hours, around the clock, over 24 h
    const double len = shape == 0   ? std::floor(uniform(1, 14))
                       : shape == 1 ? uniform(0.5, 20)
                       : shape == 2 ? 24.0
                                    : uniform(24, 40);
    Desk d{chance(0.5) ? std::floor(uniform(0, 24) * 4) / 4 : uniform(0, 24),
           len,
           1.0,
           {},
           {},
           0,
           kInf};
    const bool days_off = chance(0.7);
    if (days_off) {
      d.off_days = off.data(), d.off_rank = rank.data(), d.off_len = off.size();
      const int share = int(rng() % 5);
      d.offday_share = share == 0 ? 0.0 : share == 1 ? 1.0 : uniform(0.05, 1.0);
      ++desks_with_days_off;
    }
    const std::size_t handlers = rng() % 13;  // none at all, sometimes
    for (std::size_t i = 0; i < handlers; ++i) {
      // A rota place past the handlers, sometimes (a desk whose handlers went).
      const auto rota = static_cast<std::uint32_t>(chance(0.1) ? handlers + rng() % 5 : i);
      DeskSlot s{i, 0.0, chance(0.85), chance(0.15), rota};
      s.free_at = chance(0.5) ? uniform(-48.0, 24.0 * 50) : 0.0;
      d.slots.push_back(s);
    }
    for (int q = 0; q < 50; ++q) {
      // Times on the quarter hour as well, so that shift edges are hit exactly; some before the
      // run; the end of time on desks without days off (with days off it has no day).
      double t =
          chance(0.5) ? std::floor(uniform(-48.0, 24.0 * 70) * 4) / 4 : uniform(-48.0, 24.0 * 70);
      if (!days_off && chance(0.02)) t = kInf;
      before_run += t < 0;
      for (const DeskSlot& s : d.slots) {
        mismatches += d.available(s, t) != ref_available(d, s, t);
        mismatches += !same_bits(d.next_available(s, t), ref_next_available(d, s, t));
      }
      for (std::size_t from = 0; from <= d.slots.size() + 2; ++from) {
        std::size_t ref = from;
        while (ref < d.slots.size() && !ref_available(d, d.slots[ref], t)) ++ref;
        mismatches += d.first_available(t, from) != ref;
      }
      const bool always_open = d.around_the_clock() && !d.has_days_off();
      double ref_wake = kInf;
      std::vector<double> idle;
      for (const DeskSlot& s : d.slots)
        if (always_open ? s.carried : (s.free_at <= t || s.carried)) {
          const double at = ref_next_available(d, s, t);
          ref_wake = std::min(ref_wake, at);
          if (!s.carried && at < kInf) idle.push_back(at);
        }
      mismatches += !same_bits(d.next_wake(t), ref_wake);
      // The shortcut has something to skip: idle handlers whose next starts differ.
      if (!always_open && idle.size() >= 2 &&
          *std::max_element(idle.begin(), idle.end()) > *std::min_element(idle.begin(), idle.end()))
        ++skips;
    }
  }
  CHECK(mismatches == 0);
  CHECK(desks_with_days_off > 300);  // the test reaches what it means to
  CHECK(skips > 500);
  CHECK(before_run > 500);
}
