// Exact-to-the-minute histogram of durations, for whole-run percentiles without keeping every
// value. Durations beyond the last bin are counted in it.
#pragma once

#include <cstdint>
#include <vector>

namespace govsim {

class MinuteHistogram {
 public:
  void add(double hours);
  double quantile(double q) const;  // hours; NaN when empty
  // Share of durations of at least `hours` (exact when hours is a whole number of minutes).
  double share_at_least(double hours) const;
  std::int64_t count() const { return count_; }
  bool valid() const { return bins_.empty() || bins_.size() == kBins; }
  template <class IO, class H>
  static void fields(IO& io, H& h) {
    io.vec(h.bins_);
    io.pod(h.count_);
  }

 private:
  static constexpr std::size_t kBins = 60 * 24 * 400;  // minutes of 400 days
  std::vector<std::uint32_t> bins_;
  std::int64_t count_ = 0;
};

}  // namespace govsim
