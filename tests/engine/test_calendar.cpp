#include <catch2/catch.hpp>

#include "engine/calendar.hpp"
#include "engine/desk.hpp"

using namespace govsim;

namespace {
// Day index of a date in a calendar that starts on 2024-01-01.
std::int64_t day_of(int y, int m, int d) {
  return days_from_civil(CivilDate{y, m, d}) - days_from_civil(CivilDate{2024, 1, 1});
}
}  // namespace

TEST_CASE("dates, weekdays and parsing") {
  CHECK(days_from_civil(CivilDate{1970, 1, 1}) == 0);
  const CivilDate back = civil_from_days(days_from_civil(CivilDate{2025, 2, 28}) + 1);
  CHECK((back.month == 3 && back.day == 1));
  CHECK(iso_weekday(days_from_civil(CivilDate{2025, 1, 1})) == 3);   // a Wednesday
  CHECK(iso_weekday(days_from_civil(CivilDate{2026, 2, 14})) == 6);  // a Saturday
  CivilDate c;
  CHECK(parse_iso_date("2024-02-29", c));
  CHECK_FALSE(parse_iso_date("2025-02-29", c));
  CHECK_FALSE(parse_iso_date("2025-1-01", c));
  CHECK(iso_date(CivilDate{2025, 1, 28}) == "2025-01-28");
  std::vector<std::int64_t> days;
  CHECK(parse_date_list("2025-01-28..2025-01-30, 2025-05-01", days).empty());
  CHECK(days.size() == 4);
  CHECK_FALSE(parse_date_list("2025-01-30..2025-01-28", days).empty());
  CHECK(parse_date_list("New Year", days).find("not a date") != std::string::npos);
}

TEST_CASE("the notices' holidays are days off and make-up days are working days") {
  const Calendar cal(CivilDate{2024, 1, 1}, 3 * 366, true, {}, {});
  // 2024: Spring Festival 10-17 February off, Sunday 4 and 18 February worked.
  CHECK(cal.kind(day_of(2024, 2, 12)) == DayKind::Holiday);  // a Monday
  CHECK(cal.kind(day_of(2024, 2, 4)) == DayKind::MakeupWorkday);
  CHECK(cal.working(day_of(2024, 2, 18)));
  // 2025: 28 January - 4 February off, Sunday 26 January and Saturday 8 February worked;
  // National Day 1-8 October; an ordinary Saturday off, an ordinary Tuesday on.
  for (int d = 28; d <= 31; ++d) CHECK_FALSE(cal.working(day_of(2025, 1, d)));
  CHECK_FALSE(cal.working(day_of(2025, 2, 4)));
  CHECK(cal.kind(day_of(2025, 1, 26)) == DayKind::MakeupWorkday);
  CHECK(cal.working(day_of(2025, 2, 8)));
  CHECK(cal.kind(day_of(2025, 10, 8)) == DayKind::Holiday);
  CHECK(cal.working(day_of(2025, 10, 11)));  // a Saturday, made up
  CHECK(cal.kind(day_of(2025, 3, 8)) == DayKind::Weekend);
  CHECK(cal.kind(day_of(2025, 3, 11)) == DayKind::Workday);
  // 2026: 15-23 February off; Saturday 14 and 28 February worked.
  CHECK_FALSE(cal.working(day_of(2026, 2, 23)));
  CHECK(cal.working(day_of(2026, 2, 14)));
  CHECK(cal.working(day_of(2026, 2, 28)));
  // Past the laid-out days the same rules hold.
  CHECK(cal.kind(day_of(2026, 10, 10)) == DayKind::MakeupWorkday);
  CHECK(cal.uncovered_years(2 * 365).empty());
}

TEST_CASE("a scenario's own days override the table; uncovered years have weekends only") {
  std::vector<std::int64_t> extra;
  REQUIRE(parse_date_list("2025-01-26", extra).empty());  // made a holiday again
  std::vector<std::int64_t> work;
  REQUIRE(parse_date_list("2025-03-08", work).empty());  // a Saturday worked
  const Calendar cal(CivilDate{2024, 1, 1}, 800, true, extra, work);
  CHECK(cal.kind(day_of(2025, 1, 26)) == DayKind::Holiday);
  CHECK(cal.kind(day_of(2025, 3, 8)) == DayKind::MakeupWorkday);
  const Calendar plain(CivilDate{2027, 1, 1}, 365, true, {}, {});
  CHECK(plain.uncovered_years(365) == std::vector<int>{2027});
  CHECK(plain.working(0));  // 2027-01-01, a Friday: no notice, so a working day
  const Calendar none(CivilDate{2025, 1, 1}, 365, false, {}, {});
  CHECK(none.working(days_from_civil(CivilDate{2025, 1, 28}) -
                     days_from_civil(CivilDate{2025, 1, 1})));
}

TEST_CASE("working-day deadlines skip weekends and holidays") {
  const Calendar cal(CivilDate{2025, 1, 1}, 400, true, {}, {});
  const std::int64_t fri =
      days_from_civil(CivilDate{2025, 3, 7}) - days_from_civil(CivilDate{2025, 1, 1});
  // Friday 10:00 + 3 working days = Wednesday 10:00.
  CHECK(cal.add_working_days(double(fri) * 24 + 10, 3) == Approx(double(fri + 5) * 24 + 10));
  // Monday 27 January + 3 working days: 28 January - 4 February are off, 5, 6, 7 February on.
  const std::int64_t mon =
      days_from_civil(CivilDate{2025, 1, 27}) - days_from_civil(CivilDate{2025, 1, 1});
  CHECK(cal.add_working_days(double(mon) * 24 + 9, 3) == Approx(double(mon + 11) * 24 + 9));
  const auto breaks = cal.spring_festivals(0, 365);
  REQUIRE(breaks.size() == 1);
  CHECK(breaks[0].first_off == mon + 1);
  CHECK(breaks[0].last_before == mon);
  CHECK(breaks[0].first_after == mon + 9);  // Wednesday 5 February
}

TEST_CASE("a desk with days off: a rota of its handlers works them") {
  // Days 0-4 working, 5 and 6 off (a weekend), then working again; days 12 and 13 off too.
  const std::vector<std::uint8_t> off{0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0};
  std::vector<std::uint32_t> rank(off.size());
  for (std::size_t d = 1; d < off.size(); ++d) rank[d] = rank[d - 1] + off[d - 1];
  Desk d{8.5, 8.0, 1.0, {}, {}, 0, kInf};
  d.off_days = off.data();
  d.off_rank = rank.data();
  d.off_len = off.size();
  d.offday_share = 0.5;  // one of two each day off, in turn
  const DeskSlot first{1, 0.0, true, false, 0};
  const DeskSlot second{2, 0.0, true, false, 1};
  d.slots = {first, second};
  const double sat9 = 5 * 24 + 9.0, sun9 = 6 * 24 + 9.0;
  CHECK(d.available(first, sat9));
  CHECK_FALSE(d.available(second, sat9));
  CHECK_FALSE(d.available(first, sun9));
  CHECK(d.available(second, sun9));
  CHECK(d.available(first, 12 * 24 + 9.0));  // the rota goes on the next weekend
  CHECK(d.available(second, 13 * 24 + 9.0));
  CHECK(d.next_available(second, sat9) == Approx(6 * 24 + 8.5));
  // Friday at 15:00, 3 h: 1.5 h on Friday, the rest on the next day this handler works.
  const double fri15 = 4 * 24 + 15.0;
  CHECK(d.work_until(fri15, 3.0, 0) == Approx(5 * 24 + 10.0));
  CHECK(d.work_until(fri15, 3.0, 1) == Approx(6 * 24 + 10.0));
  // With no duty at all, nobody works a day off: the desk wakes on Monday.
  d.offday_share = 0;
  CHECK_FALSE(d.available(first, sat9));
  CHECK(d.work_until(fri15, 3.0, 0) == Approx(7 * 24 + 10.0));
  d.slots = {first};
  CHECK(d.next_wake(sat9) == Approx(7 * 24 + 8.5));
  // A lone handler at a share of 0.3 works one day off in 1/0.3: the 4th (k = 3) and the 7th.
  Desk lone{8.5, 8.0, 1.0, {first}, {}, 0, kInf};
  const std::vector<std::uint8_t> all_off(10, 1);
  std::vector<std::uint32_t> ranks(10);
  for (std::uint32_t k = 0; k < 10; ++k) ranks[k] = k;
  lone.off_days = all_off.data();
  lone.off_rank = ranks.data();
  lone.off_len = all_off.size();
  lone.offday_share = 0.3;
  std::vector<int> worked;
  for (int day = 0; day < 10; ++day)
    if (lone.works_on(day, 0)) worked.push_back(day);
  CHECK(worked == std::vector<int>{3, 6, 9});
  // A desk around the clock with days off keeps them too.
  Desk always{0.0, 24.0, 1.0, {}, {}, 0, kInf};
  always.off_days = off.data();
  always.off_rank = rank.data();
  always.off_len = off.size();
  CHECK_FALSE(always.available(first, sat9));
  CHECK(always.work_until(4 * 24 + 23.0, 2.0, 0) == Approx(7 * 24 + 1.0));
}
