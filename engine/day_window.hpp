// The values of the last few days: a trailing window kept as one buffer per day, so that adding a
// day costs that day's values and a quantile costs the window's, never a sort of the whole run.
// The order of the values never matters (a quantile is the k-th smallest), so the results do not
// depend on how the days' values were gathered.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "engine/numeric.hpp"

namespace govsim {

struct DayWindow {
  std::vector<double> values;            // the window's values, oldest day first
  std::vector<std::uint64_t> day_sizes;  // how many of them each day added, oldest first

  // Adds a day's values and drops the days older than the last `days` (at least one is kept).
  void add_day(const std::vector<double>& today, std::size_t days) {
    values.insert(values.end(), today.begin(), today.end());
    day_sizes.push_back(today.size());
    std::size_t drop_days = 0, drop_values = 0;
    while (day_sizes.size() - drop_days > std::max<std::size_t>(1, days))
      drop_values += day_sizes[drop_days++];
    if (drop_days == 0) return;
    day_sizes.erase(day_sizes.begin(), day_sizes.begin() + static_cast<std::ptrdiff_t>(drop_days));
    values.erase(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(drop_values));
  }

  // For each q of `qs` (ascending), the k-th smallest value in the window, k = ceil(q n)
  // (nearest rank), into `out`; NaN when the window holds fewer than `min_count` values (or
  // none). One copy into `scratch` (reused between calls) serves every q: each selection works
  // on the part above the previous one.
  template <std::size_t N>
  void quantiles(const std::array<double, N>& qs, std::array<double, N>& out, std::size_t min_count,
                 std::vector<double>& scratch) const {
    out.fill(kNaN);
    if (values.empty() || values.size() < min_count) return;
    scratch.assign(values.begin(), values.end());
    std::size_t from = 0;
    for (std::size_t i = 0; i < N; ++i) {
      const auto rank = static_cast<std::size_t>(std::ceil(qs[i] * double(scratch.size())));
      const std::size_t k = std::max(from, std::clamp<std::size_t>(rank, 1, scratch.size()) - 1);
      std::nth_element(scratch.begin() + static_cast<std::ptrdiff_t>(from),
                       scratch.begin() + static_cast<std::ptrdiff_t>(k), scratch.end());
      out[i] = scratch[k];
      from = k;
    }
  }

  double quantile(double q, std::size_t min_count, std::vector<double>& scratch) const {
    std::array<double, 1> out{};
    quantiles(std::array<double, 1>{q}, out, min_count, scratch);
    return out[0];
  }

  // Whether the days' sizes add up to the values held (a checkpoint's window is checked).
  bool consistent() const {
    std::uint64_t n = 0;
    for (std::uint64_t k : day_sizes) {
      if (k > values.size() - n) return false;
      n += k;
    }
    return n == values.size();
  }

  template <class IO, class T>
  static void fields(IO& io, T& w) {
    io.vec(w.values);
    io.vec(w.day_sizes);
  }
};

}  // namespace govsim
