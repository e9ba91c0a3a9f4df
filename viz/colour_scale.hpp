// Colours for values on the map: a diverging red-yellow-blue scale (ColorBrewer RdYlBu, readable
// with the common colour-vision deficiencies) in which red always means "worse": high for a
// problem such as the backlog, low for a good such as trust.
#pragma once

#include <cstdint>
#include <vector>

namespace govsim::viz {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
};

inline constexpr Rgb kNoData{96, 100, 108};

struct ColourScale {
  float lo = 0, hi = 1;
  bool higher_is_better = false;

  Rgb colour(float value) const;  // kNoData for NaN
  float position(float v) const;  // 0..1 along the legend, low values left
};

// A scale that spans the values of every list (NaN skipped), widened to round numbers; shares
// stay within [0, 1] and counts start at 0.
ColourScale fit_scale(const std::vector<const std::vector<float>*>& values, bool higher_is_better,
                      bool share, bool count);

// Round step near `span / ticks` (1, 2 or 5 times a power of ten).
double nice_step(double span, int ticks);

}  // namespace govsim::viz
