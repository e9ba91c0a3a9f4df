#include "engine/desk.hpp"

#include <algorithm>
#include <cmath>

#include "engine/units.hpp"

namespace govsim {

double Desk::work_until_shifts(double t, double work_h, std::uint32_t rota) const {
  constexpr int kMaxShifts = 100000;  // a guard: no work is longer than this many shifts
  for (int shifts = 0; shifts < kMaxShifts; ++shifts) {
    const double day0 = kDayLength * std::floor(t / kDayLength);
    double start = day0 + shift_start_h;
    if (start > t) start -= kDayLength;  // the shift that began most recently
    if (works_on(static_cast<std::int64_t>(std::floor(start / kDayLength)), rota)) {
      const double end = start + shift_len_h;
      const double left = end - t;
      if (left > 0 && work_h <= left) return t + work_h;
      if (left > 0) work_h -= left;
    }
    t = start + kDayLength;
  }
  return t;
}

}  // namespace govsim
