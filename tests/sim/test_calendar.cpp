// The working calendar (MODEL.md 7.22): office-hours desks close on weekends and holidays, a
// 24-hour hotline intake does not; the rhythms of arrivals keep the year's mean rate; the
// calendar keeps runs deterministic and resumable.
#include <catch2/catch.hpp>
#include <numeric>

#include "engine/calendar.hpp"
#include "sim/rhythms.hpp"
#include "sim_fixtures.hpp"

using namespace govsim;
using namespace govsim::testing;

namespace {

double weekday_mean(const double (&v)[kWeekdays]) { return (v[0] + v[1] + v[2] + v[3] + v[4]) / 5; }
double weekend_mean(const double (&v)[kWeekdays]) { return (v[5] + v[6]) / 2; }

// The small town in a fragmented design (every report registered at the street office's intake
// desk), a working year from 2025-01-01.
Scenario working_year(double platform, bool calendar) {
  Scenario sc = small_town(240);
  sc.run.warmup_days = 30;
  sc.governance.structure = Structure::Fragmented;
  sc.governance.platform.level = platform;
  sc.calendar.on = calendar;
  return sc;
}

}  // namespace

TEST_CASE("weekends lengthen waits at office-hours desks but not at a 24-hour platform intake") {
  // Office hours: an intake desk without a platform, and every desk behind it.
  const RunSummary office = run(working_year(0.0, true), 2).summary;
  // The same city where the platform makes the intake a 24-hour hotline (paired: same seed).
  const RunSummary hotline = run(working_year(0.9, true), 2).summary;
  // The calendar off: every desk works every day.
  const RunSummary every_day = run(working_year(0.0, false), 2).summary;
  const double office_ratio =
      weekend_mean(office.intake_wait_by_weekday_h) / weekday_mean(office.intake_wait_by_weekday_h);
  const double hotline_ratio = weekend_mean(hotline.intake_wait_by_weekday_h) /
                               weekday_mean(hotline.intake_wait_by_weekday_h);
  const double flat_ratio = weekend_mean(every_day.intake_wait_by_weekday_h) /
                            weekday_mean(every_day.intake_wait_by_weekday_h);
  INFO("intake wait, weekend / weekday: office " << office_ratio << ", hotline " << hotline_ratio
                                                 << ", every day " << flat_ratio);
  CHECK(office_ratio > 1.5);
  // Not longer at the weekend (shorter, if anything: fewer needs are brought on a day off).
  CHECK(hotline_ratio < 1.25);
  CHECK(office_ratio > 2 * hotline_ratio);
  CHECK(flat_ratio < 1.25);
  // The response (the first handler behind the intake, at office hours) lengthens either way.
  const double resp_office = weekend_mean(office.response_time_by_weekday_h) /
                             weekday_mean(office.response_time_by_weekday_h);
  const double resp_flat = weekend_mean(every_day.response_time_by_weekday_h) /
                           weekday_mean(every_day.response_time_by_weekday_h);
  INFO("response, weekend / weekday: office " << resp_office << ", every day " << resp_flat);
  CHECK(resp_office > resp_flat + 0.2);
}

TEST_CASE("a handler on duty on a day off arrives on that day, not on another's duty day") {
  // Several grids share a branch whose workers cover the days off by a rota (half of them each
  // day). A worker who goes to the place on a Saturday arrives within minutes; before, the
  // arrival was timed on the first worker's rota, which could put it days later.
  auto branch = [](bool travel) {
    Scenario sc = small_town(150);
    sc.run.warmup_days = 30;
    sc.governance.grids_per_branch = 3;
    sc.governance.staffing.grid_workers_per_grid = 2;
    sc.calendar.on = true;
    sc.calendar.grid_worker_offday_share = 0.5;
    sc.model.space.travel = travel;
    return sc;
  };
  const RunSummary walk = run(branch(true), 2).summary, fly = run(branch(false), 2).summary;
  const double sat_walk = walk.response_time_by_weekday_h[5],
               sat_fly = fly.response_time_by_weekday_h[5];
  INFO("Saturday reports' mean response: " << sat_walk << " h with travel, " << sat_fly
                                           << " h without");
  CHECK(sat_walk - sat_fly < 2.0);
}

TEST_CASE("the rhythms keep each year's mean arising rate") {
  const Calendar cal(CivilDate{2025, 1, 1}, 2 * 366, true, {}, {});
  RhythmConfig r;
  r.heating_livelihood = 5;  // every rhythm switched on
  const auto f = arrival_rhythm(cal, r, 0.39, 365);
  for (int d = 0; d < kDomains; ++d) {
    double sum = 0;
    for (const auto& day : f) sum += day[static_cast<std::size_t>(d)];
    INFO("domain " << d);
    CHECK(sum / 365 == Approx(1.0).epsilon(1e-9));
  }
  // The rhythms are there: a Saturday's administrative needs, July's environment, the weeks
  // before the Spring Festival (28 January 2025) for disputes, heating onset for livelihood.
  constexpr auto kAdm = static_cast<std::size_t>(Domain::Administrative);
  CHECK(f[3][kAdm] < 0.5 * f[6][kAdm]);  // Saturday 4 January against Tuesday 7 January
  CHECK(f[190][static_cast<std::size_t>(Domain::Environment)] >
        f[100][static_cast<std::size_t>(Domain::Environment)]);
  CHECK(f[20][static_cast<std::size_t>(Domain::Dispute)] >
        f[100][static_cast<std::size_t>(Domain::Dispute)]);
  CHECK(f[320][static_cast<std::size_t>(Domain::Livelihood)] >
        3 * f[300][static_cast<std::size_t>(Domain::Livelihood)]);
  // In a whole simulated year the number of cases that arise is the same within noise.
  Scenario on = small_town(365), off = small_town(365);
  on.calendar.on = true;
  const Run a = run(on, 2), b = run(off, 2);
  std::int64_t na = 0, nb = 0;
  for (const DayMetrics& d : a.series) na += d.new_cases;
  for (const DayMetrics& d : b.series) nb += d.new_cases;
  INFO("cases a year: calendar on " << na << ", off " << nb);
  CHECK(std::abs(double(na - nb)) < 0.03 * double(nb));
}

TEST_CASE("working-day deadlines: longer in hours, counted on the calendar") {
  Scenario sc = working_year(0.0, true);
  sc.governance.structure = Structure::Grid;
  const RunSummary wd = run(sc, 2).summary;
  sc.governance.deadlines.small_wd = 1;
  sc.governance.deadlines.big_wd = 2;
  sc.governance.deadlines.hard_wd = 3;
  const RunSummary tight = run(sc, 2).summary;
  INFO("overdue share " << wd.overdue_share << " against " << tight.overdue_share);
  CHECK(tight.overdue_share > wd.overdue_share + 0.05);
  CHECK(tight.within_deadline_share < wd.within_deadline_share);
}

TEST_CASE("with the calendar on: the same bits at 1 and 2 threads, and across a resumed holiday") {
  Scenario sc = small_town(60);
  sc.run.warmup_days = 10;
  sc.governance.structure = Structure::Fragmented;
  sc.calendar.on = true;
  const Run one = run(sc, 1), two = run(sc, 2);
  CHECK(one.hash == two.hash);
  REQUIRE(one.series.size() == two.series.size());
  for (std::size_t d = 0; d < one.series.size(); ++d)
    CHECK(same_bits(one.series[d], two.series[d]));
  // The run's first Spring Festival break (28 January - 4 February 2025) is days 27-34; stop in
  // the middle of it and resume.
  CHECK(one.summary.festival_backlog_before >= 0);
  CHECK(one.summary.festival_backlog_after > one.summary.festival_backlog_before);
  auto ex1 = make_tbb_executor(1);
  Simulation first(sc, *ex1);
  for (int d = 0; d < 30; ++d) first.step();
  const std::string bytes = first.checkpoint();
  auto ex2 = make_tbb_executor(2);
  auto resumed = Simulation::restore(bytes, "test.bin", *ex2);
  while (!resumed->done()) resumed->step();
  CHECK(resumed->state_hash() == one.hash);
  for (std::size_t d = 0; d < one.series.size(); ++d)
    CHECK(same_bits(resumed->series()[d], one.series[d]));
  CHECK(resumed->summary().festival_backlog_after == one.summary.festival_backlog_after);
}
