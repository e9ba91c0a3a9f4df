// Units of time and of the rates reported. Not coefficients: changing one changes what
// a figure means, not what the model does.
#pragma once

namespace govsim {

inline constexpr double kHoursPerDay = 24.0;
inline constexpr double kHoursPerWeek = 7 * kHoursPerDay;
inline constexpr double kMinutesPerHour = 60.0;
inline constexpr double kDaysPerWeek = 7.0;
inline constexpr double kWorkdaysPerWeek = 5.0;  // a working week, Monday to Friday
inline constexpr double kDaysPerYear = 365.0;
inline constexpr double kDaysPerMonth = 30.0;
inline constexpr double kMonthsPerYear = 12.0;
inline constexpr double kPerThousand = 1000.0;      // "per 1 000"
inline constexpr double kPerTenThousand = 1e4;      // "per 10 000"
inline constexpr double kPerHundredThousand = 1e5;  // "per 100 000"

}  // namespace govsim
