// Exact-to-the-minute histogram of durations, for whole-run percentiles without keeping every
// value. Durations beyond the last bin are counted in it. The bins grow as far as the longest
// duration added (doubling), so a run whose durations are hours holds a few kilobytes, not the
// 2.3 MB of all 400 days' minutes, and touches no more memory than it counts in.
#pragma once

#include <cstdint>
#include <vector>

namespace govsim {

class MinuteHistogram {
 public:
  void add(double hours);
  // add() of each value in turn, the same bins and the same growth. A day's values fall on bins
  // far apart in a histogram of months of minutes: their bins are asked of the memory together,
  // so that the cache misses overlap instead of coming one after another.
  void add_all(const std::vector<double>& hours);
  double quantile(double q) const;  // hours; NaN when empty
  // Share of durations of at least `hours` (exact when hours is a whole number of minutes).
  double share_at_least(double hours) const;
  std::int64_t count() const { return count_; }
  std::size_t bins_held() const { return bins_.size(); }  // minutes' bins in memory
  bool valid() const { return bins_.size() <= kBins; }
  friend bool operator==(const MinuteHistogram&, const MinuteHistogram&) = default;
  template <class IO, class H>
  static void fields(IO& io, H& h) {
    io.vec(h.bins_);
    io.pod(h.count_);
  }

 private:
  void grow(std::size_t i);                            // makes bin i exist
  static std::size_t bin_of(double hours);             // the minute's bin
  static constexpr std::size_t kFirstBins = 60 * 24;   // a day's minutes
  static constexpr std::size_t kBins = 60 * 24 * 400;  // minutes of 400 days
  std::vector<std::uint32_t> bins_;
  std::int64_t count_ = 0;
};

}  // namespace govsim
