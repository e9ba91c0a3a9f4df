#include "engine/calendar.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace govsim {

namespace {
constexpr std::int64_t kDaysPer400Years = 146097;
constexpr std::int64_t kEpochShift = 719468;  // days from 0000-03-01 to 1970-01-01
constexpr int kFirstMonthOfYear = 3;          // the algorithm's years start in March
}  // namespace

std::int64_t days_from_civil(const CivilDate& date) {
  const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t m = date.month;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * kDaysPer400Years + doe - kEpochShift;
}

CivilDate civil_from_days(std::int64_t z) {
  z += kEpochShift;
  const std::int64_t era = (z >= 0 ? z : z - kDaysPer400Years + 1) / kDaysPer400Years;
  const std::int64_t doe = z - era * kDaysPer400Years;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + kFirstMonthOfYear : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return CivilDate{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

bool parse_iso_date(const std::string& text, CivilDate& out) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const CivilDate c{y, m, d};
  const CivilDate back = civil_from_days(days_from_civil(c));
  if (back.year != y || back.month != m || back.day != d) return false;  // e.g. 2025-02-30
  out = c;
  return true;
}

std::string iso_date(const CivilDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

namespace {
std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}
}  // namespace

std::string parse_date_list(const std::string& text, std::vector<std::int64_t>& out) {
  constexpr std::int64_t kLongestRange = 366;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t comma = std::min(text.find(',', pos), text.size());
    const std::string item = trim(text.substr(pos, comma - pos));
    pos = comma + 1;
    if (item.empty()) {
      if (comma == text.size()) break;
      continue;
    }
    const std::size_t dots = item.find("..");
    CivilDate a, b;
    if (dots == std::string::npos) {
      if (!parse_iso_date(item, a))
        return "'" + item + "' is not a date: write YYYY-MM-DD, or a range YYYY-MM-DD..YYYY-MM-DD";
      out.push_back(days_from_civil(a));
      continue;
    }
    if (!parse_iso_date(trim(item.substr(0, dots)), a) ||
        !parse_iso_date(trim(item.substr(dots + 2)), b))
      return "'" + item + "' is not a range of dates: write YYYY-MM-DD..YYYY-MM-DD";
    const std::int64_t d0 = days_from_civil(a), d1 = days_from_civil(b);
    if (d1 < d0 || d1 - d0 >= kLongestRange)
      return "'" + item + "' is not a range of dates in order, at most a year long";
    for (std::int64_t d = d0; d <= d1; ++d) out.push_back(d);
  }
  return "";
}

// The State Council's notices on public holidays (部分节假日安排的通知), as published: the days
// off (holidays with the weekends they join) and the make-up working days (调休上班).
const std::vector<HolidayNotice>& holiday_notices() {
  static const std::vector<HolidayNotice> notices = {
      {2024,
       "2024-01-01, 2024-02-10..2024-02-17, 2024-04-04..2024-04-06, 2024-05-01..2024-05-05, "
       "2024-06-10, 2024-09-15..2024-09-17, 2024-10-01..2024-10-07",
       "2024-02-04, 2024-02-18, 2024-04-07, 2024-04-28, 2024-05-11, 2024-09-14, 2024-09-29, "
       "2024-10-12",
       "国办发明电〔2023〕7号, 2023-10-25 (People's Daily 2023-10-26, p. 6)"},
      {2025,
       "2025-01-01, 2025-01-28..2025-02-04, 2025-04-04..2025-04-06, 2025-05-01..2025-05-05, "
       "2025-05-31..2025-06-02, 2025-10-01..2025-10-08",
       "2025-01-26, 2025-02-08, 2025-04-27, 2025-09-28, 2025-10-11",
       "国办发明电〔2024〕12号, 2024-11-12 (Xinhua)"},
      {2026,
       "2026-01-01..2026-01-03, 2026-02-15..2026-02-23, 2026-04-04..2026-04-06, "
       "2026-05-01..2026-05-05, 2026-06-19..2026-06-21, 2026-09-25..2026-09-27, "
       "2026-10-01..2026-10-07",
       "2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09, 2026-09-20, 2026-10-10",
       "State Council General Office notice on the 2026 holidays, 2025-11-04 (Xinhua)"},
  };
  return notices;
}

bool notice_covers(int year) {
  const auto& n = holiday_notices();
  return std::any_of(n.begin(), n.end(), [year](const HolidayNotice& h) { return h.year == year; });
}

Calendar::Calendar(const CivilDate& start, std::int64_t days, bool use_table,
                   const std::vector<std::int64_t>& extra_holidays,
                   const std::vector<std::int64_t>& extra_workdays)
    : epoch_day_(days_from_civil(start)), use_table_(use_table) {
  if (use_table_)
    for (const HolidayNotice& n : holiday_notices()) {
      parse_date_list(n.holidays, holidays_);
      parse_date_list(n.workdays, workdays_);
    }
  // The scenario's own days override the table's: a day it lists as a holiday is no longer a
  // make-up working day, and the other way round.
  const auto drop = [](std::vector<std::int64_t>& from, const std::vector<std::int64_t>& these) {
    from.erase(std::remove_if(from.begin(), from.end(),
                              [&](std::int64_t d) {
                                return std::find(these.begin(), these.end(), d) != these.end();
                              }),
               from.end());
  };
  drop(workdays_, extra_holidays);
  drop(holidays_, extra_workdays);
  holidays_.insert(holidays_.end(), extra_holidays.begin(), extra_holidays.end());
  workdays_.insert(workdays_.end(), extra_workdays.begin(), extra_workdays.end());
  for (auto* v : {&holidays_, &workdays_}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  const auto n = static_cast<std::size_t>(std::max<std::int64_t>(days, 0));
  kinds_.resize(n);
  off_.resize(n);
  off_rank_.resize(n);
  std::uint32_t before = 0;
  for (std::size_t d = 0; d < n; ++d) {
    kinds_[d] = compute(static_cast<std::int64_t>(d));
    off_[d] = is_working(kinds_[d]) ? 0 : 1;
    off_rank_[d] = before;
    before += off_[d];
  }
}

DayKind Calendar::compute(std::int64_t day) const {
  const std::int64_t z = epoch_day_ + day;
  if (std::binary_search(workdays_.begin(), workdays_.end(), z)) return DayKind::MakeupWorkday;
  if (std::binary_search(holidays_.begin(), holidays_.end(), z)) return DayKind::Holiday;
  return iso_weekday(z) >= 6 ? DayKind::Weekend : DayKind::Workday;
}

DayKind Calendar::kind(std::int64_t day) const {
  if (day >= 0 && static_cast<std::size_t>(day) < kinds_.size())
    return kinds_[static_cast<std::size_t>(day)];
  return compute(day);
}

std::int64_t Calendar::date_number(std::int64_t day) const {
  constexpr std::int64_t kYear = 10000, kMonth = 100;
  const CivilDate c = date(day);
  return std::int64_t{c.year} * kYear + std::int64_t{c.month} * kMonth + c.day;
}

double Calendar::add_working_days(double t_h, std::int64_t n) const {
  constexpr double kDay = 24.0;
  const double day0 = std::floor(t_h / kDay);
  auto d = static_cast<std::int64_t>(day0);
  for (std::int64_t left = n; left > 0;)
    if (working(++d)) --left;
  return t_h + double(d - static_cast<std::int64_t>(day0)) * kDay;
}

std::vector<int> Calendar::uncovered_years(std::int64_t days) const {
  std::vector<int> out;
  const int y0 = date(0).year, y1 = date(std::max<std::int64_t>(days - 1, 0)).year;
  for (int y = y0; y <= y1; ++y)
    if (!use_table_ || !notice_covers(y)) out.push_back(y);
  return out;
}

std::vector<Calendar::Break> Calendar::spring_festivals(std::int64_t from, std::int64_t to) const {
  constexpr int kLastMonth = 2;  // the festival falls in January or February
  std::vector<Break> out;
  std::int64_t best_len = 0, best_start = 0;
  int best_year = 0;
  const auto flush = [&] {
    if (best_len >= 3) {  // a long break, not a weekend
      std::int64_t before = best_start - 1, after = best_start + best_len;
      while (!working(before)) --before;
      while (!working(after)) ++after;
      out.push_back(Break{best_start, before, after});
    }
    best_len = 0;
  };
  for (std::int64_t d = from; d < to;) {
    if (working(d)) {
      ++d;
      continue;
    }
    std::int64_t e = d;
    while (!working(e)) ++e;
    const CivilDate c = date(d);
    if (c.month <= kLastMonth) {
      if (c.year != best_year) flush();
      best_year = c.year;
      if (e - d > best_len) {
        best_len = e - d;
        best_start = d;
      }
    }
    d = e;
  }
  flush();
  return out;
}

}  // namespace govsim
