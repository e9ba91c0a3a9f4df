// The statistics of case records that calibrate compares: hand-made records with known answers,
// the censored lognormal fit, the day bootstrap, and the round trip through synth.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>

#include "../sim/sim_fixtures.hpp"
#include "engine/executor.hpp"
#include "engine/units.hpp"
#include "experiments/censored_lognormal.hpp"
#include "experiments/record_stats.hpp"
#include "experiments/synth_records.hpp"
#include "model/case.hpp"
#include "model/streams.hpp"
#include "sim/simulation.hpp"

using namespace govsim;

namespace {

constexpr LocalMinutes kHour = 60;
constexpr LocalMinutes kDay = 24 * kHour;
constexpr int kDispute = 0, kAdministrative = 1;

// Monday 2025-03-03, midnight.
LocalMinutes monday() { return *local_midnight(2025, 3, 3); }

CaseRecord record(LocalMinutes received, int domain = kDispute) {
  CaseRecord r;
  r.received = received;
  r.domain = domain;
  r.category = kDomainNames[std::size_t(domain)];
  r.closed = received + kHour;
  r.outcome = "resolved";
  return r;
}

RecordWindow week() {
  RecordWindow w;
  w.from = monday();
  w.to = monday() + 7 * kDay;
  return w;
}

double value_of(const std::vector<std::pair<std::string, double>>& values,
                const std::string& name) {
  for (const auto& [n, v] : values)
    if (n == name) return v;
  return NAN;
}

// `days` days of dispute records from `from`: a Poisson number a day (mean `rate`), at uniform
// times, small or big, each taking a lognormal time (median 20 h, sigma 1) to close; those that
// would close after the end are left open.
std::vector<CaseRecord> poisson_records(LocalMinutes from, int days, double rate,
                                        std::uint64_t seed) {
  std::vector<CaseRecord> out;
  const LocalMinutes end = from + days * kDay;
  for (int d = 0; d < days; ++d) {
    Stream s(seed, Purpose::Sampling, std::uint64_t(d), 7);
    const std::uint32_t n = s.poisson(rate);
    for (std::uint32_t i = 0; i < n; ++i) {
      CaseRecord r = record(from + d * kDay + LocalMinutes(s.below(std::uint32_t(kDay))));
      r.tier = int(s.below(2));
      const LocalMinutes closed = r.received + LocalMinutes(s.lognormal(20, 1.0) * 60);
      r.closed = closed;
      if (closed >= end) r.closed.reset(), r.outcome = "open";
      out.push_back(r);
    }
  }
  return out;
}

auto parallel_for_of(Executor& ex) {
  return [&ex](std::size_t n, const std::function<void(std::size_t, std::size_t)>& body) {
    ex.parallel_for(n, body);
  };
}

}  // namespace

TEST_CASE("record_stats: rates, day-off rhythm and hour of the week", "[records]") {
  const LocalMinutes mon = monday();
  std::vector<CaseRecord> rs = {
      record(mon + 8 * kHour + 30),                               // Monday 08:30
      record(mon + 8 * kHour + 45),                               // Monday 08:45
      record(mon + kDay + 10 * kHour),                            // Tuesday 10:00
      record(mon + 5 * kDay + 9 * kHour + 15),                    // Saturday 09:15
      record(mon + 2 * kDay + 23 * kHour + 59, kAdministrative),  // Wednesday 23:59
      record(mon - 1),                                            // before the window
      record(mon + 7 * kDay),                                     // at its end: outside
  };
  RecordWindow w = week();
  w.residents = 10000;
  const RecordStats s = record_stats(rs, w);
  CHECK(s.from == w.from);
  CHECK(s.to == w.to);
  CHECK(s.days == 7);
  CHECK(s.cases == 5);
  CHECK(s.per_day[kDispute] == Approx(4.0 / 7));
  CHECK(s.per_day[kAdministrative] == Approx(1.0 / 7));
  CHECK(s.per_day[2] == 0);
  CHECK(s.per_10k_year[kDispute] == Approx(4.0 / 7 * 365));
  // Weekend: 1 dispute in 2 days; working days: 3 in 5.
  CHECK(s.day_off_ratio[kDispute] == Approx((1.0 / 2) / (3.0 / 5)));
  CHECK(s.day_off_ratio[kAdministrative] == 0);
  CHECK(std::isnan(s.day_off_ratio[2]));  // no cases on working days: no ratio
  CHECK(s.hour_of_week[8] == Approx(2.0 / 5));
  CHECK(s.hour_of_week[24 + 10] == Approx(1.0 / 5));
  CHECK(s.hour_of_week[5 * 24 + 9] == Approx(1.0 / 5));
  CHECK(s.hour_of_week[2 * 24 + 23] == Approx(1.0 / 5));
  double total = 0;
  for (double h : s.hour_of_week) total += h;
  CHECK(total == Approx(1));
  // March only.
  CHECK(s.per_day_by_month[2] == Approx(5.0 / 7));
  CHECK(std::isnan(s.per_day_by_month[1]));
  // The calendar's own days off: Tuesday a holiday as well.
  w.day_off = [&](LocalMinutes midnight) {
    const LocalMinutes d = (midnight - mon) / kDay;
    return d == 1 || d >= 5;
  };
  const RecordStats h = record_stats(rs, w);
  CHECK(h.day_off_ratio[kDispute] == Approx((2.0 / 3) / (2.0 / 4)));
  // Without residents there is no rate per resident.
  CHECK(std::isnan(record_stats(rs, week()).per_10k_year[kDispute]));
}

TEST_CASE("record_stats: a record without a domain is refused, an empty window is empty",
          "[records]") {
  CaseRecord bad = record(monday() + kHour);
  bad.domain = -1;
  bad.line = 7;
  CHECK_THROWS_WITH(record_stats({bad}, week()), Catch::Contains("line 7"));
  const RecordStats none = record_stats({record(monday() + kHour)}, RecordWindow{});
  CHECK(none.cases == 0);
  CHECK(std::isnan(none.per_day[kDispute]));
  CHECK(std::isnan(none.closure.mu));
}

TEST_CASE("record_stats: cases per day of each month, part days counted in part", "[records]") {
  // 2025-02-26 12:00 to 2025-03-03: 2.5 days of February, 2 of March.
  RecordWindow w;
  w.from = *local_midnight(2025, 2, 26) + 12 * kHour;
  w.to = *local_midnight(2025, 3, 3);
  std::vector<CaseRecord> rs;
  for (int i = 0; i < 5; ++i) rs.push_back(record(*local_midnight(2025, 2, 27) + i));
  for (int i = 0; i < 8; ++i) rs.push_back(record(*local_midnight(2025, 3, 2) + i));
  const RecordStats s = record_stats(rs, w);
  CHECK(s.days == Approx(4.5));
  CHECK(s.per_day_by_month[1] == Approx(5 / 2.5));
  CHECK(s.per_day_by_month[2] == Approx(8 / 2.0));
  CHECK(std::isnan(s.per_day_by_month[0]));
  const auto values = stat_values(s);
  CHECK(value_of(values, "per_day_by_month.2") == Approx(2));
  CHECK(std::isnan(value_of(values, "per_day_by_month.1")));  // left out
}

TEST_CASE("record_stats: first-response quantiles and mean, later responses not yet", "[records]") {
  const LocalMinutes mon = monday();
  std::vector<CaseRecord> rs;
  for (LocalMinutes m : {40, 10, 60, 30, 20}) {
    CaseRecord r = record(mon + kDay);
    r.first_response = r.received + m;
    rs.push_back(r);
  }
  CaseRecord late = record(mon + 7 * kDay - 10);  // answered after the window's end
  late.first_response = late.received + 30;
  late.closed.reset();
  late.outcome = "open";
  rs.push_back(late);
  rs.push_back(record(mon + 2 * kDay));  // never answered
  const RecordStats s = record_stats(rs, week());
  CHECK(s.responded == 5);
  CHECK(s.response_p50_h == Approx(30.0 / 60));  // the 3rd of 5
  CHECK(s.response_p90_h == Approx(60.0 / 60));  // the 5th of 5
  CHECK(s.response_mean_h == Approx(32.0 / 60));
}

TEST_CASE("record_stats: Kaplan-Meier closure quantiles with cases open at the end", "[records]") {
  const RecordWindow w = week();
  std::vector<CaseRecord> rs;
  for (LocalMinutes h : {1, 2, 4, 5, 6}) {
    CaseRecord r = record(w.from + kDay);
    r.closed = r.received + h * kHour;
    rs.push_back(r);
  }
  // Received 3 h before the end and closed 5 h after it: open at the end, censored at 3 h.
  CaseRecord open = record(w.to - 3 * kHour);
  open.closed = w.to + 5 * kHour;
  rs.push_back(open);
  const RecordStats s = record_stats(rs, w);
  // S(1) = 5/6, S(2) = 4/6, censored at 3, S(4) = 4/6 * 2/3 = 0.444, S(5) = 0.222, S(6) = 0.
  CHECK(s.closure_p50_h == Approx(4));
  CHECK(s.closure_p90_h == Approx(6));
  CHECK(s.open_share == Approx(1.0 / 6));
  CHECK(s.closure.closed == 5);
  CHECK(s.closure.censored == 1);
  // The estimate never falls to 0.1 when the longest cases are still open.
  std::vector<CaseRecord> two = {rs[0], rs[1], open, open};
  const RecordStats t = record_stats(two, w);
  CHECK(t.closure_p50_h == Approx(2));  // S(1) = 3/4, S(2) = 2/4
  CHECK(std::isnan(t.closure_p90_h));
  // Six open at 3 h: S(2) = 9/11, then 3 at risk, S(4) = 6/11, S(5) = 3/11. The closed times
  // alone have the median 4 h; the open ones push it to 5 h.
  for (int i = 0; i < 5; ++i) rs.push_back(open);
  CHECK(record_stats(rs, w).closure_p50_h == Approx(5));
}

TEST_CASE("record_stats: hand-offs, shares, channels and grids", "[records]") {
  const RecordWindow w = week();
  const LocalMinutes t0 = w.from + kDay;
  const auto handoff = [&](LocalMinutes at, const char* level, const char* reason) {
    return Handoff{at, level, reason};
  };
  CaseRecord r1 = record(t0);
  r1.handoffs = {handoff(t0 + 10, "community", "escalate"), handoff(t0 + 20, "street", "")};
  r1.channel = "resident";
  r1.grid = "g1";
  r1.satisfaction = 1.0;
  CaseRecord r2 = record(t0, kAdministrative);
  r2.handoffs = {handoff(t0 + 10, "street", "escalate"), handoff(t0 + 20, "community", "refer")};
  r2.channel = "hotline";
  r2.grid = "g1";
  r2.satisfaction = 0.5;
  CaseRecord r3 = record(t0);
  r3.handoffs = {handoff(t0 + 10, "community", "bounce"), handoff(w.to + 10, "city", "escalate")};
  r3.grid = "g2";
  r3.outcome = "dropped";
  r3.repeat_of = "1";
  CaseRecord r4 = record(t0);
  r4.closed.reset();
  r4.outcome = "open";
  r4.channel = "resident";
  r4.satisfaction = 0.0;  // no closure yet: not counted
  CaseRecord r5 = record(t0);
  r5.handoffs = {handoff(t0 + 10, "grid", "refer"), handoff(t0 + 20, "community", "reassign")};
  r5.channel = "resident";
  r5.grid = "g2";
  const RecordStats s = record_stats({r1, r2, r3, r4, r5}, w);
  CHECK(s.handed_share == Approx(4.0 / 5));
  CHECK(s.escalated_share == Approx(3.0 / 5));  // r1, r2 (first hand-off), r5 (grid to community)
  CHECK(s.referred_share == Approx(3.0 / 5));   // r2, r3, r5
  CHECK(s.dropped_share == Approx(1.0 / 5));
  CHECK(s.open_share == Approx(1.0 / 5));
  CHECK(s.repeat_share == Approx(1.0 / 5));
  CHECK(s.handoffs_per_case == Approx(7.0 / 5));  // r3's second hand-off is after the end
  CHECK(s.satisfaction_mean == Approx(0.75));
  REQUIRE(s.channel_share.size() == 3);
  CHECK(s.channel_share.at("resident") == Approx(3.0 / 5));
  CHECK(s.channel_share.at("hotline") == Approx(1.0 / 5));
  CHECK(s.channel_share.at("") == Approx(1.0 / 5));
  REQUIRE(s.per_day_by_grid.size() == 3);
  CHECK(s.per_day_by_grid.at("g1") == Approx(2.0 / 7));
  CHECK(s.per_day_by_grid.at("g2") == Approx(2.0 / 7));
  CHECK(s.per_day_by_grid.at("") == Approx(1.0 / 7));
  CHECK(s.per_day_by_grid_domain.at("g1")[kDispute] == Approx(1.0 / 7));
  CHECK(s.per_day_by_grid_domain.at("g1")[kAdministrative] == Approx(1.0 / 7));
  CHECK(s.per_day_by_grid_domain.at("g2")[kAdministrative] == 0);
  // Handling time at the level last handed to: street 40 min (r1); community 40, 40 and 50 min
  // (r2, r5; r3, whose later hand-off is after the end); none at grid level or the city.
  constexpr std::size_t kGrid = 0, kCommunity = 1, kStreet = 2, kCity = 3;
  CHECK(s.closure_by_level[kStreet].closed == 1);
  CHECK(s.closure_by_level[kStreet].mu == Approx(std::log(40.0 / 60)));
  CHECK(s.closure_by_level[kCommunity].closed == 3);
  CHECK(s.closure_by_level[kCommunity].median_h() > 40.0 / 60);
  CHECK(s.closure_by_level[kCommunity].median_h() < 50.0 / 60);
  CHECK(s.closure_by_level[kGrid].closed == 0);
  CHECK(s.closure_by_level[kCity].closed == 0);
  const auto values = stat_values(s);
  CHECK(value_of(values, "closure_by_level.street.mu") == Approx(std::log(40.0 / 60)));
  CHECK(std::isnan(value_of(values, "closure_by_level.city.mu")));
  CHECK(value_of(values, "escalated_share") == Approx(3.0 / 5));
  CHECK(value_of(values, "per_day.administrative") == Approx(1.0 / 7));
}

TEST_CASE("censored lognormal: recovers mu and sigma where the closed cases alone would not",
          "[records]") {
  constexpr double kMu = 3.2, kSigma = 0.8;
  constexpr double kZ70 = 0.5244005127;  // 70 % of the times fall below mu + 0.524 sigma
  constexpr double kTolerance = 0.05;    // about 4 standard errors at n = 5 000
  const double cut = std::exp(kMu + kSigma * kZ70);
  std::vector<double> closed, censored, as_if_closed;
  for (std::uint64_t i = 0; i < 5000; ++i) {
    Stream s(42, Purpose::Sampling, i, 0);
    const double t = s.lognormal(std::exp(kMu), kSigma);
    (t < cut ? closed : censored).push_back(std::min(t, cut));
    as_if_closed.push_back(std::min(t, cut));
  }
  CHECK(double(censored.size()) / 5000 == Approx(0.3).margin(0.02));
  const LognormalFit fit = fit_censored_lognormal(closed, censored);
  CHECK(fit.closed == std::int64_t(closed.size()));
  CHECK(fit.censored == std::int64_t(censored.size()));
  CHECK(std::fabs(fit.mu - kMu) < kTolerance);
  CHECK(std::fabs(fit.sigma - kSigma) < kTolerance);
  CHECK(fit.median_h() == Approx(std::exp(fit.mu)));
  // Ignoring the censoring (dropping the open cases, or taking their bound as their time) is off
  // by more than the tolerance.
  const LognormalFit dropped = fit_censored_lognormal(closed, {});
  const LognormalFit bounded = fit_censored_lognormal(as_if_closed, {});
  CHECK(std::fabs(dropped.mu - kMu) > kTolerance);
  CHECK(std::fabs(dropped.sigma - kSigma) > kTolerance);
  CHECK(std::fabs(bounded.mu - kMu) > kTolerance);
  CHECK(std::fabs(bounded.sigma - kSigma) > kTolerance);
}

TEST_CASE("censored lognormal: degenerate samples give an answer, not NaN or a crash",
          "[records]") {
  // Nothing closed: no estimate (the likelihood grows as mu does), said with NaN.
  const LognormalFit none = fit_censored_lognormal({}, {1, 2, 3});
  CHECK(none.closed == 0);
  CHECK(none.censored == 3);
  CHECK(std::isnan(none.mu));
  CHECK(std::isnan(none.sigma));
  const LognormalFit empty = fit_censored_lognormal({}, {});
  CHECK(empty.closed == 0);
  CHECK(std::isnan(empty.mu));
  // One case, or all the same: sigma at its floor, mu the time.
  const LognormalFit one = fit_censored_lognormal({5}, {});
  CHECK(one.mu == Approx(std::log(5.0)));
  CHECK(one.sigma == Approx(1e-3));
  const LognormalFit equal = fit_censored_lognormal({2, 2, 2}, {1});  // censored below: no help
  CHECK(equal.mu == Approx(std::log(2.0)));
  CHECK(equal.sigma == Approx(1e-3));
  // All equal, one still open beyond them: a finite spread.
  const LognormalFit spread = fit_censored_lognormal({2, 2, 2}, {10});
  CHECK(std::isfinite(spread.mu));
  CHECK(spread.sigma > 0.1);
  CHECK(spread.sigma < 10);
  CHECK(spread.mu > std::log(2.0));
  // Closed within the minute: taken as half a minute.
  CHECK(fit_censored_lognormal({0}, {}).mu == Approx(std::log(0.5 / 60)));
  // Uncensored: the sample's own log mean and spread.
  const LognormalFit plain = fit_censored_lognormal({1, std::exp(2.0)}, {});
  CHECK(plain.mu == Approx(1.0));
  CHECK(plain.sigma == Approx(1.0));
}

TEST_CASE("bootstrap: the same bits for a seed, at one thread or two", "[records]") {
  const RecordWindow w{monday(), monday() + 40 * kDay, {}, 0};
  const std::vector<CaseRecord> rs = poisson_records(w.from, 40, 15, 3);
  auto one = make_tbb_executor(1);
  auto two = make_tbb_executor(2);
  const Bootstrap a = bootstrap_stats(rs, w, 64, 11, parallel_for_of(*one));
  const Bootstrap b = bootstrap_stats(rs, w, 64, 11, parallel_for_of(*two));
  const Bootstrap c = bootstrap_stats(rs, w, 64, 12, parallel_for_of(*two));
  REQUIRE(a.intervals.size() == b.intervals.size());
  REQUIRE(a.intervals.size() == stat_values(record_stats(rs, w)).size());
  REQUIRE(a.covariance.size() == a.intervals.size() * a.intervals.size());
  const auto bits = [](const Bootstrap& x) {
    std::vector<double> v;
    for (const BootstrapInterval& i : x.intervals)
      v.insert(v.end(), {i.estimate, i.low, i.high, i.sd, double(i.replicates)});
    v.insert(v.end(), x.covariance.begin(), x.covariance.end());
    return v;
  };
  const std::vector<double> va = bits(a), vb = bits(b), vc = bits(c);
  CHECK(std::memcmp(va.data(), vb.data(), va.size() * sizeof(double)) == 0);
  CHECK(std::memcmp(va.data(), vc.data(), va.size() * sizeof(double)) != 0);  // seed matters
  const BootstrapInterval& rate = a.intervals[0];
  CHECK(rate.name == "per_day.dispute");
  CHECK(rate.replicates == 64);
  CHECK(rate.low < rate.estimate);
  CHECK(rate.estimate < rate.high);
  CHECK(a.covariance[0] == Approx(rate.sd * rate.sd));
}

TEST_CASE("bootstrap: a daily rate's 95 % interval covers the truth and narrows with days",
          "[records]") {
  constexpr double kRate = 20;
  constexpr int kSets = 50, kReplicates = 200;
  SerialExecutor serial;
  const auto width_and_cover = [&](int days, std::uint64_t seed, bool& covered) {
    const RecordWindow w{monday(), monday() + days * kDay, {}, 0};
    const Bootstrap b = bootstrap_stats(poisson_records(w.from, days, kRate, seed), w, kReplicates,
                                        seed, parallel_for_of(serial));
    const BootstrapInterval& rate = b.intervals.at(0);
    REQUIRE(rate.name == "per_day.dispute");
    covered = rate.low <= kRate && kRate <= rate.high;
    return rate.high - rate.low;
  };
  int covered = 0;
  double width30 = 0, width120 = 0;
  for (int set = 0; set < kSets; ++set) {
    bool c = false;
    width30 += width_and_cover(30, std::uint64_t(100 + set), c);
    covered += c ? 1 : 0;
  }
  CHECK(covered >= 43);
  for (int set = 0; set < 10; ++set) {
    bool c = false;
    width120 += width_and_cover(120, std::uint64_t(500 + set), c) / 10;
  }
  width30 /= kSets;
  // Four times the days: about half the width (1/sqrt(4)).
  CHECK(width120 < 0.65 * width30);
  CHECK(width120 > 0.35 * width30);
}

TEST_CASE("record_stats of synthesised records: the rates the run counted as reported",
          "[records]") {
  const Scenario sc = testing::small_town(60);
  const LocalMinutes start = *local_midnight(2025, 1, 1);
  auto ex = make_tbb_executor(1);
  const std::vector<CaseRecord> records = batch::synthesize_records(sc, *ex, start);
  const RunSummary summary = testing::run(sc, 1).summary;
  // The summary counts the days after the warm-up.
  RecordWindow w;
  w.from = start + sc.run.warmup_days * kDay;
  w.to = start + sc.run.days * kDay;
  w.residents = double(summary.residents);
  const RecordStats s = record_stats(records, w);
  double requests = 0, hazards = 0;
  for (int d = 1; d < kDomains; ++d) requests += s.per_10k_year[std::size_t(d)];
  for (Domain d : {Domain::Environment, Domain::Safety, Domain::Emergency})
    hazards += s.per_10k_year[std::size_t(d)];
  // The same cases: each record is received at its report's minute, floored, so a report after the
  // warm-up's end is on the window's side of it; only rounding of the conversion could move one
  // (the tolerance is far below one case in 60 days).
  constexpr double kSameCases = 1e-9;
  REQUIRE(summary.reported_disputes_per_10k_year > 0);
  CHECK(s.per_10k_year[kDispute] ==
        Approx(summary.reported_disputes_per_10k_year).epsilon(kSameCases));
  CHECK(requests / kMonthsPerYear == Approx(summary.requests_per_10k_month).epsilon(kSameCases));
  CHECK(hazards == Approx(summary.hazards_found_per_10k_year).epsilon(kSameCases));
  // The warm-up's cases are left out: the whole run's records give other rates.
  w.from = start;
  CHECK(record_stats(records, w).cases > s.cases);
}
