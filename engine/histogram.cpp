#include "engine/histogram.hpp"

#include <algorithm>
#include <cmath>

#include "engine/numeric.hpp"
#include "engine/units.hpp"

namespace govsim {

void MinuteHistogram::grow(std::size_t i) {
  bins_.resize(std::min(kBins, std::max({i + 1, 2 * bins_.size(), kFirstBins})), 0);
}

std::size_t MinuteHistogram::bin_of(double hours) {
  const double m = std::floor(std::max(0.0, hours) * kMinutesPerHour);
  return m >= double(kBins - 1) ? kBins - 1 : static_cast<std::size_t>(m);
}

void MinuteHistogram::add(double hours) {
  const std::size_t i = bin_of(hours);
  if (i >= bins_.size()) grow(i);
  ++bins_[i];
  ++count_;
}

void MinuteHistogram::add_all(const std::vector<double>& hours) {
  constexpr std::size_t kChunk = 64;  // bins asked for at once
  std::size_t at[kChunk];
  for (std::size_t from = 0; from < hours.size(); from += kChunk) {
    const std::size_t n = std::min(kChunk, hours.size() - from);
    for (std::size_t k = 0; k < n; ++k) {
      at[k] = bin_of(hours[from + k]);
      if (at[k] >= bins_.size()) grow(at[k]);  // as add() grows, value by value
    }
    for (std::size_t k = 0; k < n; ++k) __builtin_prefetch(bins_.data() + at[k], 1);
    for (std::size_t k = 0; k < n; ++k) ++bins_[at[k]];
    count_ += static_cast<std::int64_t>(n);
  }
}

double MinuteHistogram::share_at_least(double hours) const {
  if (count_ == 0) return kNaN;
  const auto from = static_cast<std::size_t>(std::max(0.0, std::round(hours * kMinutesPerHour)));
  std::int64_t n = 0;
  for (std::size_t i = std::min(from, bins_.size()); i < bins_.size(); ++i) n += bins_[i];
  return double(n) / double(count_);
}

double MinuteHistogram::quantile(double q) const {
  if (count_ == 0) return kNaN;
  const auto target = static_cast<std::int64_t>(std::ceil(q * double(count_)));
  std::int64_t seen = 0;
  for (std::size_t i = 0; i < bins_.size(); ++i) {
    seen += bins_[i];
    if (seen >= std::max<std::int64_t>(1, target)) return (double(i) + 0.5) / kMinutesPerHour;
  }
  return double(kBins) / kMinutesPerHour;  // only when the bins add up to less than count()
}

}  // namespace govsim
