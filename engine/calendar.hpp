// A working calendar: dates, weekdays, and which days are working days under China's public
// holidays and make-up working days (调休). Generic date logic plus the State Council's yearly
// notices as data (engine/calendar.cpp); a scenario may add its own holidays and working days.
//
// Days are counted from a start date (day 0); dates are proleptic Gregorian.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace govsim {

struct CivilDate {
  int year = 2025;
  int month = 1;  // 1-12
  int day = 1;    // 1-31
};

// Days since 1970-01-01 and back (H. Hinnant's algorithms).
std::int64_t days_from_civil(const CivilDate& d);
CivilDate civil_from_days(std::int64_t z);
// ISO weekday of a day since 1970-01-01: 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday).
inline int iso_weekday(std::int64_t z) { return static_cast<int>(((z % 7) + 7 + 3) % 7) + 1; }
// Parses YYYY-MM-DD (a real date); false if it is not one.
bool parse_iso_date(const std::string& text, CivilDate& out);
std::string iso_date(const CivilDate& d);
// Parses a list of dates and ranges, "2025-01-28..2025-02-04, 2025-05-01", into days since
// 1970-01-01, appended to out. "" on success, else what is wrong with which item.
std::string parse_date_list(const std::string& text, std::vector<std::int64_t>& out);

enum class DayKind : std::uint8_t { Workday, Weekend, Holiday, MakeupWorkday };
inline bool is_working(DayKind k) { return k == DayKind::Workday || k == DayKind::MakeupWorkday; }

// The years the compiled-in table of State Council notices covers, and each notice's source.
struct HolidayNotice {
  int year;
  const char* holidays;  // dates and ranges, as parse_date_list reads them
  const char* workdays;  // make-up working days
  const char* source;
};
const std::vector<HolidayNotice>& holiday_notices();
bool notice_covers(int year);

class Calendar {
 public:
  // days: how many days to lay out in advance (later days are worked out when asked).
  // use_table: the State Council notices; extra holidays and working days override them.
  Calendar(const CivilDate& start, std::int64_t days, bool use_table,
           const std::vector<std::int64_t>& extra_holidays,
           const std::vector<std::int64_t>& extra_workdays);

  DayKind kind(std::int64_t day) const;
  bool working(std::int64_t day) const { return is_working(kind(day)); }
  int weekday(std::int64_t day) const { return iso_weekday(epoch_day_ + day); }  // 1 = Monday
  CivilDate date(std::int64_t day) const { return civil_from_days(epoch_day_ + day); }
  // The date as a number, YYYYMMDD.
  std::int64_t date_number(std::int64_t day) const;
  // 1 for each laid-out day that is not a working day (for desks that keep office days).
  const std::vector<std::uint8_t>& off_days() const { return off_; }
  // For each laid-out day, how many days off came before it: day d is the k-th day off (from 0)
  // when off_days()[d] and off_ranks()[d] == k (a desk's duty rota turns on it).
  const std::vector<std::uint32_t>& off_ranks() const { return off_rank_; }
  // The same clock time `n` working days after the day of time t (hours since day 0): the
  // deadline of a matter given n working days.
  double add_working_days(double t_h, std::int64_t n) const;
  // Years from the start to day `days` that the notices do not cover (weekends only there).
  std::vector<int> uncovered_years(std::int64_t days) const;
  // The Spring Festival breaks that begin in days [from, to): the longest run of three or more
  // non-working days in January or February of each year, with the last working day before it
  // and the first working day after it.
  struct Break {
    std::int64_t first_off;
    std::int64_t last_before;
    std::int64_t first_after;
  };
  std::vector<Break> spring_festivals(std::int64_t from, std::int64_t to) const;

 private:
  DayKind compute(std::int64_t day) const;
  std::int64_t epoch_day_;
  bool use_table_;
  std::vector<std::int64_t> holidays_, workdays_;  // sorted, days since 1970-01-01
  std::vector<std::uint8_t> off_;
  std::vector<std::uint32_t> off_rank_;
  std::vector<DayKind> kinds_;
};

}  // namespace govsim
