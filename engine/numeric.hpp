// The two special values the engine and the model use: "no data" and "never".
#pragma once

#include <limits>

namespace govsim {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();  // no data
inline constexpr double kInf = std::numeric_limits<double>::infinity();   // never (a time)

}  // namespace govsim
