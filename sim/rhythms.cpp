#include "sim/rhythms.hpp"

#include <algorithm>

namespace govsim {
namespace {

constexpr int kJuly = 7;

// The multiplier before normalisation.
std::array<double, kDomains> raw_rhythm(const Calendar& cal, const RhythmConfig& r,
                                        double other_share,
                                        const std::vector<Calendar::Break>& festivals,
                                        std::int64_t day) {
  std::array<double, kDomains> f{};
  const bool working = cal.working(day);
  for (int d = 0; d < kDomains; ++d) f[static_cast<std::size_t>(d)] = working ? 1.0 : r.day_off[d];
  const CivilDate date = cal.date(day);
  for (const Calendar::Break& b : festivals)
    if (day < b.first_off && day >= b.first_off - r.pre_festival_days)
      f[static_cast<std::size_t>(Domain::Dispute)] *=
          1.0 + other_share * (r.pre_festival_other_disputes - 1.0);
  if (date.month == kJuly) f[static_cast<std::size_t>(Domain::Environment)] *= r.july_environment;
  const std::int64_t onset = days_from_civil(
      CivilDate{date.year, static_cast<int>(r.heating_month), static_cast<int>(r.heating_day)});
  const std::int64_t z = days_from_civil(date);
  if (z >= onset && z < onset + r.heating_days)
    f[static_cast<std::size_t>(Domain::Livelihood)] *= r.heating_livelihood;
  return f;
}

}  // namespace

std::vector<std::array<double, kDomains>> arrival_rhythm(const Calendar& cal, const RhythmConfig& r,
                                                         double other_share, std::int64_t days) {
  std::vector<std::array<double, kDomains>> out(static_cast<std::size_t>(days));
  if (days <= 0) return out;
  const std::int64_t z0 = days_from_civil(cal.date(0));
  // Whole calendar years around the run, so that every year's mean is exactly 1.
  const int y0 = cal.date(0).year, y1 = cal.date(days - 1).year;
  const std::int64_t from = days_from_civil(CivilDate{y0, 1, 1}) - z0;
  const std::int64_t to = days_from_civil(CivilDate{y1 + 1, 1, 1}) - z0;
  const std::vector<Calendar::Break> festivals = cal.spring_festivals(from, to);
  for (int y = y0; y <= y1; ++y) {
    const std::int64_t a = days_from_civil(CivilDate{y, 1, 1}) - z0;
    const std::int64_t b = days_from_civil(CivilDate{y + 1, 1, 1}) - z0;
    std::array<double, kDomains> sum{};
    for (std::int64_t day = a; day < b; ++day) {
      const auto f = raw_rhythm(cal, r, other_share, festivals, day);
      for (std::size_t d = 0; d < sum.size(); ++d) sum[d] += f[d];
    }
    for (std::int64_t day = std::max<std::int64_t>(a, 0); day < std::min(b, days); ++day) {
      auto f = raw_rhythm(cal, r, other_share, festivals, day);
      for (std::size_t d = 0; d < f.size(); ++d)
        f[d] = sum[d] > 0 ? f[d] * double(b - a) / sum[d] : 1.0;
      out[static_cast<std::size_t>(day)] = f;
    }
  }
  return out;
}

}  // namespace govsim
