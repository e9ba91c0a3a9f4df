#include "viz/colour_scale.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace govsim::viz {
namespace {

constexpr std::array<Rgb, 7> kRdYlBu{{{215, 48, 39},
                                      {252, 141, 89},
                                      {254, 224, 144},
                                      {255, 255, 191},
                                      {224, 243, 248},
                                      {145, 191, 219},
                                      {69, 117, 180}}};

std::uint8_t mix(std::uint8_t a, std::uint8_t b, float t) {
  return static_cast<std::uint8_t>(std::lround(float(a) + (float(b) - float(a)) * t));
}

}  // namespace

float ColourScale::position(float v) const {
  if (!(hi > lo)) return 0.5f;
  return std::clamp((v - lo) / (hi - lo), 0.0f, 1.0f);
}

Rgb ColourScale::colour(float value) const {
  if (std::isnan(value)) return kNoData;
  const float t = position(value);
  const float u = (higher_is_better ? t : 1.0f - t) * float(kRdYlBu.size() - 1);
  const auto i = std::min(static_cast<std::size_t>(u), kRdYlBu.size() - 2);
  const float f = u - float(i);
  const Rgb a = kRdYlBu[i], b = kRdYlBu[i + 1];
  return {mix(a.r, b.r, f), mix(a.g, b.g, f), mix(a.b, b.b, f)};
}

double nice_step(double span, int ticks) {
  if (!(span > 0)) return 1;
  const double raw = span / std::max(1, ticks);
  const double p = std::pow(10.0, std::floor(std::log10(raw)));
  const double m = raw / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

ColourScale fit_scale(const std::vector<const std::vector<float>*>& values, bool higher_is_better,
                      bool share, bool count) {
  std::vector<float> all;
  for (const auto* list : values)
    for (float v : *list)
      if (!std::isnan(v)) all.push_back(v);
  ColourScale s;
  s.higher_is_better = higher_is_better;
  if (all.empty()) return s;
  // The 2nd and 98th percentiles, so that one extreme grid does not wash out the rest.
  const auto at = [&](double q) {
    const auto k = static_cast<std::size_t>(std::lround(q * double(all.size() - 1)));
    std::nth_element(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k), all.end());
    return double(all[k]);
  };
  double lo = at(0.02), hi = at(0.98);
  if (hi - lo < 1e-6) {
    const double pad = std::max(std::fabs(hi) * 0.1, share ? 0.05 : 1.0);
    lo -= pad;
    hi += pad;
  }
  const double step = nice_step(hi - lo, 5);
  lo = std::floor(lo / step) * step;
  hi = std::ceil(hi / step) * step;
  if (share) lo = std::max(lo, 0.0), hi = std::min(hi, 1.0);
  if (count) lo = std::max(lo, 0.0);
  s.lo = static_cast<float>(lo);
  s.hi = static_cast<float>(hi);
  return s;
}

}  // namespace govsim::viz
