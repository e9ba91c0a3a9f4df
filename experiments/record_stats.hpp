// What a set of case records shows (docs/RECORDS.md): the statistics `govsim calibrate` fits a
// scenario to. The same function reads a district's records and the model's own (`synth`), so
// observed and simulated figures are computed alike (the same censoring at the export's end, the
// same unreported cases missing from both).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "experiments/censored_lognormal.hpp"  // LognormalFit
#include "scenarios/case_records.hpp"

namespace govsim {

// Which records to read, and what the statistics need to know beyond them.
struct RecordWindow {
  LocalMinutes from = 0;  // received at or after (minutes, the records' local time)
  LocalMinutes to = 0;    // received before; also the moment open cases are censored at
  // Whether a local day (minutes of its midnight) is a day off (weekend or public holiday); from
  // the scenario's calendar. Empty: Saturdays and Sundays.
  std::function<bool(LocalMinutes midnight)> day_off;
  double residents = 0;  // the district's residents (rates per 10 000); 0 = counts per day only
};

struct RecordStats {
  LocalMinutes from = 0, to = 0;
  double days = 0;  // (to - from) in days
  std::int64_t cases = 0;
  // Per domain (kDomainNames order): cases per day, and per 10 000 residents a year (NaN without
  // residents).
  std::array<double, 6> per_day{}, per_10k_year{};
  // Day-off rhythm per domain: mean cases on a day off / mean cases on a working day (NaN when a
  // kind of day is missing from the window, or the working days have no case of the domain).
  std::array<double, 6> day_off_ratio{};
  // Arrivals by hour of the week (0 = Monday 00:00-01:00 ... 167), as shares of all cases.
  std::array<double, 168> hour_of_week{};
  // Cases per calendar month of the window, by the month's number (1-12), per day of that month
  // in the window (NaN for months not in it).
  std::array<double, 12> per_day_by_month{};
  // Hours from receipt to first response (cases with one by `to`): quantiles 0.5 and 0.9 (the
  // ceil(q n)-th smallest, as MinuteHistogram gives them), and the mean.
  double response_p50_h = 0, response_p90_h = 0, response_mean_h = 0;
  std::int64_t responded = 0;
  // Hours from receipt to closure: Kaplan-Meier quantiles 0.5 and 0.9 with open cases censored
  // at `to` (the first time the estimated survival is at most 1 - q; NaN when it never falls that
  // far), and censored lognormal fits, all cases and by tier (small, big, hard; cases without a
  // tier only in `closure`). A case without a closed_at by `to` is open, whatever its outcome.
  double closure_p50_h = 0, closure_p90_h = 0;
  LognormalFit closure;
  std::array<LognormalFit, 3> closure_by_tier{};
  // Handling time by level: hours from a case's last hand-off (by `to`) to its closure, censored
  // at `to`, by the level it was last handed to (grid, community, street, city). Cases never
  // handed on, or last handed to a level of another name, are in none: the first desk's level is
  // not in the records.
  std::array<LognormalFit, 4> closure_by_level{};
  // Shares of all cases: handed on at least once, moved up a level at least once (a hand-off to
  // a higher level than the one before: grid < community < street < city; the first desk's
  // level is not in the records, so the first hand-off counts as a move up when its reason is
  // "escalate", and so does one from or to a level of another name), referred back or across
  // (reason refer, bounce or reassign), dropped (outcome dropped, closed by `to`), still open at
  // `to`, a repeat (repeat_of given), and mean hand-offs per case. Hand-offs after `to` do not
  // count.
  double handed_share = 0, escalated_share = 0, referred_share = 0, dropped_share = 0;
  double open_share = 0, repeat_share = 0, handoffs_per_case = 0;
  // Channel mix: share of cases per channel as written (lower case; "" = not given).
  std::map<std::string, double> channel_share;
  // Cases per day by grid name (grid "" when not given), and by grid and domain.
  std::map<std::string, double> per_day_by_grid;
  std::map<std::string, std::array<double, 6>> per_day_by_grid_domain;
  // Mean satisfaction of the cases closed by `to` that give one (NaN when none do).
  double satisfaction_mean = 0;
};

// The statistics of the records received in [window.from, window.to). Records outside are
// ignored; a time after window.to (a closure or response after the export's end) is treated as
// not yet happened (the case is open at `to`), so an earlier cut of a later export gives the
// figures the earlier export would have given. The records are as read_case_records gives them
// (a domain set); a domain or tier out of range is an std::invalid_argument naming the record's
// line (here and in bootstrap_stats).
RecordStats record_stats(const std::vector<CaseRecord>& records, const RecordWindow& window);

// The scalar statistics as named values, in a fixed order (names such as "per_day.dispute",
// "response_p90_h", "closure.mu", "closure_by_tier.big.sigma", "day_off_ratio.administrative",
// "escalated_share", "per_day_by_month.3", "closure_by_level.street.mu"): the moments
// `calibrate` compares. Leaves out NaN values, per_10k_year (a multiple of per_day), and the
// per-grid, per-hour and channel tables.
std::vector<std::pair<std::string, double>> stat_values(const RecordStats& stats);

// A block bootstrap over days: each replicate draws week-long blocks of consecutive days of the
// window with replacement (circularly; a day's cases stay together, and so do a week's, whose
// backlog carries from day to day) and recomputes the stats.
struct BootstrapInterval {
  std::string name;
  double estimate = 0;       // from the records as they are
  double low = 0, high = 0;  // 2.5 % and 97.5 % percentiles of the replicates
  double sd = 0;             // standard deviation of the replicates (NaN with fewer than 2)
  int replicates = 0;        // replicates in which the statistic was defined (not NaN)
};
struct Bootstrap {
  std::vector<BootstrapInterval> intervals;  // stat_values' order
  // Covariance of the statistics over the replicates (row-major, intervals.size() squared;
  // statistics undefined in a replicate are left out of that replicate's terms).
  std::vector<double> covariance;
};
// B replicates, deterministic for a seed (Philox streams keyed by replicate), the same at any
// thread count; `parallel_for(n, body)` runs body(begin, end) over [0, n) (an executor's).
Bootstrap bootstrap_stats(
    const std::vector<CaseRecord>& records, const RecordWindow& window, int replicates,
    std::uint64_t seed,
    const std::function<void(std::size_t, const std::function<void(std::size_t, std::size_t)>&)>&
        parallel_for);

}  // namespace govsim
