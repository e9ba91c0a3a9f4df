// The values of the last few days: a trailing window kept as one sorted run per day, so that
// adding a day costs at most sorting that day's values (nothing when they come sorted) and a
// quantile costs a few binary searches per day, never a sort or a selection over the whole window.
// A quantile is the k-th smallest value, so the results do not depend on the order in which the
// days' values were gathered.
#pragma once

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/numeric.hpp"
#include "engine/radix_sort.hpp"

namespace govsim {

// Merges runs in ascending order into one, in `out` (`scratch`: memory for the work): pairs of
// runs pass after pass, each value moving about log2(runs) times. At least 4 096 values in at
// least 16 runs (the megacity's day: about 7 000 responses in 201) are sorted by their bits
// instead if all are non-negative numbers (engine/radix_sort.hpp), in half the time; fewer (the
// 1 M city's 700 in 21) merge faster than the radix sort's passes (up to six) over its 2 048
// buckets. The thresholds lie between those two measured cases. Either way the result is the one
// ascending order of the values.
inline void merge_sorted_runs(const std::vector<const std::vector<double>*>& runs,
                              std::vector<double>& out, std::vector<double>& scratch) {
  out.clear();
  std::vector<std::size_t> ends;  // where each run ends in `out`
  for (const std::vector<double>* r : runs) {
    assert(std::is_sorted(r->begin(), r->end()));
    out.insert(out.end(), r->begin(), r->end());
    ends.push_back(out.size());
  }
  constexpr std::size_t kRadixMinValues = 4096, kRadixMinRuns = 16;
  if (out.size() >= kRadixMinValues && runs.size() >= kRadixMinRuns &&
      radix_sort_non_negative(out, scratch))
    return;
  while (ends.size() > 1) {
    scratch.resize(out.size());
    std::vector<std::size_t> merged;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < ends.size(); i += 2) {
      const std::size_t middle = ends[i];
      const std::size_t end = i + 1 < ends.size() ? ends[i + 1] : middle;
      const auto at = [&](std::size_t k) { return out.begin() + static_cast<std::ptrdiff_t>(k); };
      std::merge(at(begin), at(middle), at(middle), at(end),
                 scratch.begin() + static_cast<std::ptrdiff_t>(begin));
      merged.push_back(end);
      begin = end;
    }
    std::swap(out, scratch);
    ends = std::move(merged);
  }
}

struct DayWindow {
  // The window's values, oldest day first, each day sorted, after the first `dropped`: values of
  // days already out of the window, removed once they are at least as many as the values in it,
  // so that dropping a day does not move the whole window every day.
  std::vector<double> values;
  std::vector<std::uint64_t> day_sizes;  // values each day in the window added, oldest first
  std::size_t dropped = 0;

  // How many values are in the window, and where they start.
  std::size_t size() const { return values.size() - dropped; }
  const double* data() const { return values.data() + dropped; }
  // The window's values, oldest day first (a copy, for checkpoints and tests).
  std::vector<double> window() const {
    return std::vector<double>(values.begin() + static_cast<std::ptrdiff_t>(dropped), values.end());
  }

  // Adds a day's values and drops the days older than the last `days` (at least one is kept).
  void add_day(const std::vector<double>& today, std::size_t days) {
    const auto from = static_cast<std::ptrdiff_t>(values.size());
    values.insert(values.end(), today.begin(), today.end());
    std::sort(values.begin() + from, values.end());
    close_day(today.size(), days);
  }
  // The same for values already in ascending order (the day's run is used as it is).
  void add_sorted_day(const std::vector<double>& today, std::size_t days) {
    assert(std::is_sorted(today.begin(), today.end()));
    values.insert(values.end(), today.begin(), today.end());
    close_day(today.size(), days);
  }

  // Sorts each day's run: a window read from a checkpoint written before the runs were kept
  // sorted answers the same as one built here.
  void sort_days() {
    std::size_t from = dropped;
    for (std::uint64_t n : day_sizes) {
      std::sort(values.begin() + static_cast<std::ptrdiff_t>(from),
                values.begin() + static_cast<std::ptrdiff_t>(from + n));
      from += n;
    }
  }

  // For each q of `qs` (ascending), the k-th smallest value in the window, k = ceil(q n)
  // (nearest rank), into `out`; NaN when the window holds fewer than `min_count` values (or
  // none).
  template <std::size_t N>
  void quantiles(const std::array<double, N>& qs, std::array<double, N>& out,
                 std::size_t min_count) const {
    out.fill(kNaN);
    const std::size_t n = size();
    if (n == 0 || n < min_count) return;
    std::size_t from = 0;
    for (std::size_t i = 0; i < N; ++i) {
      const auto rank = static_cast<std::size_t>(std::ceil(qs[i] * double(n)));
      const std::size_t k = std::max(from, std::clamp<std::size_t>(rank, 1, n) - 1);
      out[i] = smallest(k);
      from = k;
    }
  }

  double quantile(double q, std::size_t min_count) const {
    std::array<double, 1> out{};
    quantiles(std::array<double, 1>{q}, out, min_count);
    return out[0];
  }

  // The k-th smallest value (from 0; NaN unless k < size()) of the union of the days'
  // sorted runs.
  // Each round takes the middle of the run with the most candidates left as the pivot and
  // counts, by binary search in every run, the values below and up to it; then either the pivot
  // is the answer or every run keeps only the side the answer is on. The largest run at least
  // halves each round.
  double smallest(std::size_t k) const {
    if (k >= size()) return kNaN;  // no such value
    struct Run {
      const double* lo;
      const double* hi;
    };
    std::vector<Run> runs;
    runs.reserve(day_sizes.size());
    const double* p = data();
    for (std::uint64_t m : day_sizes) {
      if (m > 0) runs.push_back({p, p + m});
      p += m;
    }
    std::vector<const double*> below(runs.size()), upto(runs.size());
    for (;;) {
      const Run* widest = &runs[0];
      for (const Run& r : runs)
        if (r.hi - r.lo > widest->hi - widest->lo) widest = &r;
      const double pivot = widest->lo[(widest->hi - widest->lo) / 2];
      std::size_t less = 0, not_greater = 0;
      for (std::size_t j = 0; j < runs.size(); ++j) {
        below[j] = std::lower_bound(runs[j].lo, runs[j].hi, pivot);
        upto[j] = std::upper_bound(below[j], runs[j].hi, pivot);
        less += static_cast<std::size_t>(below[j] - runs[j].lo);
        not_greater += static_cast<std::size_t>(upto[j] - runs[j].lo);
      }
      if (k < less) {
        for (std::size_t j = 0; j < runs.size(); ++j) runs[j].hi = below[j];
      } else if (k < not_greater) {
        return pivot;
      } else {
        k -= not_greater;
        for (std::size_t j = 0; j < runs.size(); ++j) runs[j].lo = upto[j];
      }
    }
  }

  // Whether the days' sizes add up to the values held and every value is a number (a
  // checkpoint's window is checked).
  bool consistent() const {
    if (dropped > values.size() ||
        !std::all_of(values.begin(), values.end(), [](double v) { return !std::isnan(v); }))
      return false;
    std::uint64_t n = 0;
    for (std::uint64_t k : day_sizes) {
      if (k > size() - n) return false;
      n += k;
    }
    return n == size();
  }

  template <class IO, class T>
  static void fields(IO& io, T& w) {
    if constexpr (std::is_const_v<T>) {  // saved: the values in the window
      io.vec(w.window());
    } else {  // restored: nothing dropped
      io.vec(w.values);
      w.dropped = 0;
    }
    io.vec(w.day_sizes);
  }

 private:
  // The rest of adding a day of n values.
  void close_day(std::size_t n, std::size_t days) {
    day_sizes.push_back(n);
    std::size_t drop_days = 0, drop_values = 0;
    while (day_sizes.size() - drop_days > std::max<std::size_t>(1, days))
      drop_values += day_sizes[drop_days++];
    if (drop_days == 0) return;
    day_sizes.erase(day_sizes.begin(), day_sizes.begin() + static_cast<std::ptrdiff_t>(drop_days));
    dropped += drop_values;
    // Moving the window frees at least as many values as it moves, so the moves over a run are
    // no more than the values added.
    if (dropped < size()) return;
    values.erase(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(dropped));
    dropped = 0;
  }
};

}  // namespace govsim
