#include "experiments/record_stats.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string_view>

#include "engine/calendar.hpp"
#include "engine/numeric.hpp"
#include "engine/units.hpp"
#include "experiments/stats.hpp"
#include "model/case.hpp"
#include "model/streams.hpp"

namespace govsim {
namespace {

constexpr LocalMinutes kWholeMinutesPerHour = 60;
constexpr LocalMinutes kWholeHoursPerDay = 24;
constexpr LocalMinutes kMinutesPerDay = kWholeHoursPerDay * kWholeMinutesPerHour;
constexpr int kHoursOfWeek = 168;
constexpr int kMonths = 12;
constexpr int kFirstDayOff = 6;  // ISO weekday: Saturday (and Sunday, 7)
constexpr double kMedian = 0.5, kP90 = 0.9;
constexpr double kIntervalLow = 0.025, kIntervalHigh = 0.975;
// A survival estimate this close above a quantile's level has reached it (rounding of products).
constexpr double kSurvivalSlack = 1e-12;
// Time coordinate of the bootstrap's Sampling streams (model/streams.hpp); the other users of
// Sampling streams take 0, 1, 2^30 and 2^31.
constexpr std::uint64_t kRecordBootstrapTime = 0xC0000000;
// Hand-off reasons that send a case back or across rather than up (docs/RECORDS.md).
constexpr std::array<std::string_view, 3> kReferralReasons{"refer", "bounce", "reassign"};

enum RowFlag : std::uint8_t {
  kHanded = 1u << 0,
  kEscalated = 1u << 1,
  kReferred = 1u << 2,
  kDropped = 1u << 3,
  kOpen = 1u << 4,  // not closed by `to`: its duration is censored there
  kRepeat = 1u << 5,
};

// What the statistics need of one record received in the window, with the censoring at `to`
// applied (a later time counts as not yet happened).
struct Row {
  std::int32_t day = 0;           // index into Prepared::days
  std::int32_t handoffs = 0;      // hand-offs by `to`
  std::int32_t channel = 0;       // index into Prepared::channels
  std::int32_t grid = 0;          // index into Prepared::grids
  std::int16_t hour_of_week = 0;  // 0 = Monday 00:00-01:00
  std::int8_t domain = 0;
  std::int8_t tier = -1;
  std::int8_t last_level = -1;  // the level of the last hand-off by `to` (-1 none, or unknown)
  std::uint8_t flags = 0;
  double satisfaction = kNaN;  // of a case closed by `to` that gives one
  LocalMinutes response = -1;  // minutes to the first response by `to`; -1 for none
  LocalMinutes duration = 0;   // minutes to closure, or to `to` when open (censored)
  LocalMinutes last_stay = 0;  // minutes from the last hand-off to closure (or to `to`)
};

// A local day the window touches: the share of it inside the window, its kind and its month.
struct WindowDay {
  double exposure = 0;
  bool off = false;
  int month = 1;
};

struct Prepared {
  std::vector<Row> rows;
  std::vector<WindowDay> days;
  std::vector<std::uint32_t> by_duration;  // rows sorted by duration
  std::vector<std::uint32_t> by_response;  // rows with a response, sorted by it
  std::vector<std::string> channels, grids;
  RecordWindow window;
};

LocalMinutes floor_div(LocalMinutes a, LocalMinutes b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

double ratio(double part, double whole) { return whole > 0 ? part / whole : kNaN; }

int level_rank(const std::string& level) {
  for (std::size_t k = 0; k < kLevelNames.size(); ++k)
    if (level == kLevelNames[k]) return static_cast<int>(k);
  return -1;
}

bool is_referral(const std::string& reason) {
  return std::find(kReferralReasons.begin(), kReferralReasons.end(), reason) !=
         kReferralReasons.end();
}

// Hand-offs by `to`: how many, whether one moved the case up a level or back or across, and
// where and when the last went. `end` is the closure, or `to` for an open case.
void read_handoffs(const CaseRecord& r, LocalMinutes to, LocalMinutes end, Row& row) {
  int previous = -1;  // the first desk's level is not in the records
  for (const Handoff& h : r.handoffs) {
    if (h.at > to) continue;
    const int rank = level_rank(h.level);
    const bool up = previous >= 0 && rank >= 0 ? rank > previous : h.reason == "escalate";
    ++row.handoffs;
    row.flags |= kHanded;
    if (up) row.flags |= kEscalated;
    if (is_referral(h.reason)) row.flags |= kReferred;
    row.last_level = static_cast<std::int8_t>(rank);
    row.last_stay = end - h.at;
    previous = rank;
  }
}

std::vector<WindowDay> window_days(const RecordWindow& w, LocalMinutes first_day) {
  std::vector<WindowDay> days;
  for (LocalMinutes d = first_day; d * kMinutesPerDay < w.to; ++d) {
    const LocalMinutes begin = std::max(w.from, d * kMinutesPerDay);
    const LocalMinutes end = std::min(w.to, (d + 1) * kMinutesPerDay);
    WindowDay day;
    day.exposure = double(end - begin) / double(kMinutesPerDay);
    day.off = w.day_off ? w.day_off(d * kMinutesPerDay) : iso_weekday(d) >= kFirstDayOff;
    day.month = civil_from_days(d).month;
    days.push_back(day);
  }
  return days;
}

std::int32_t intern(const std::string& name, std::map<std::string, std::int32_t>& ids,
                    std::vector<std::string>& names) {
  const auto [it, added] = ids.try_emplace(name, static_cast<std::int32_t>(names.size()));
  if (added) names.push_back(name);
  return it->second;
}

void check_record(const CaseRecord& r) {
  if (r.domain < 0 || r.domain >= kDomains || r.tier < -1 || r.tier >= kTiers)
    throw std::invalid_argument("record_stats: the record of line " + std::to_string(r.line) +
                                " has no domain or tier of the model's");
}

Row make_row(const CaseRecord& r, const RecordWindow& w, LocalMinutes first_day) {
  check_record(r);
  Row row;
  const LocalMinutes day = floor_div(r.received, kMinutesPerDay);
  row.day = static_cast<std::int32_t>(day - first_day);
  row.hour_of_week =
      static_cast<std::int16_t>((iso_weekday(day) - 1) * kWholeHoursPerDay +
                                (r.received - day * kMinutesPerDay) / kWholeMinutesPerHour);
  row.domain = static_cast<std::int8_t>(r.domain);
  row.tier = static_cast<std::int8_t>(r.tier);
  if (r.first_response && *r.first_response <= w.to) row.response = *r.first_response - r.received;
  const bool closed = r.closed && *r.closed <= w.to;
  const LocalMinutes end = closed ? *r.closed : w.to;
  row.duration = end - r.received;
  if (!closed) row.flags |= kOpen;
  if (closed && r.outcome == "dropped") row.flags |= kDropped;
  if (closed && r.satisfaction) row.satisfaction = *r.satisfaction;
  if (!r.repeat_of.empty()) row.flags |= kRepeat;
  read_handoffs(r, w.to, end, row);
  return row;
}

std::vector<std::uint32_t> sorted_rows(const std::vector<Row>& rows, LocalMinutes Row::*time) {
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < rows.size(); ++i)
    if (rows[i].*time >= 0) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return rows[a].*time != rows[b].*time ? rows[a].*time < rows[b].*time : a < b;
  });
  return order;
}

Prepared prepare(const std::vector<CaseRecord>& records, const RecordWindow& w) {
  Prepared p;
  p.window = w;
  if (w.to <= w.from) return p;
  const LocalMinutes first_day = floor_div(w.from, kMinutesPerDay);
  p.days = window_days(w, first_day);
  std::map<std::string, std::int32_t> channel_ids, grid_ids;
  for (const CaseRecord& r : records) {
    if (r.received < w.from || r.received >= w.to) continue;
    Row row = make_row(r, w, first_day);
    row.channel = intern(r.channel, channel_ids, p.channels);
    row.grid = intern(r.grid, grid_ids, p.grids);
    p.rows.push_back(row);
  }
  p.by_duration = sorted_rows(p.rows, &Row::duration);
  p.by_response = sorted_rows(p.rows, &Row::response);
  return p;
}

// Quantiles 0.5 and 0.9 (hours) of the Kaplan-Meier estimate over `order` (rows sorted by
// `time`), with the rows `censored` says are censored at their time: the first time at which
// the estimated survival is at most 1 - q (NaN if it never gets there). With nothing censored,
// the empirical quantile (the ceil(q n)-th smallest), as MinuteHistogram gives it.
template <class Censored>
std::array<double, 2> survival_quantiles(const Prepared& p, const std::vector<double>& weight,
                                         const std::vector<std::uint32_t>& order,
                                         LocalMinutes Row::*time, Censored censored) {
  constexpr std::array<double, 2> kQuantiles{kMedian, kP90};
  std::array<double, 2> out{kNaN, kNaN};
  double at_risk = 0;
  for (std::uint32_t i : order) at_risk += weight[std::size_t(p.rows[i].day)];
  double survival = 1;
  for (std::size_t i = 0; i < order.size();) {
    const LocalMinutes t = p.rows[order[i]].*time;
    double events = 0, leaving = 0;
    for (; i < order.size() && p.rows[order[i]].*time == t; ++i) {
      const Row& row = p.rows[order[i]];
      const double w = weight[std::size_t(row.day)];
      leaving += w;
      if (!censored(row)) events += w;
    }
    if (events > 0) survival *= 1 - events / at_risk;
    at_risk -= leaving;
    for (std::size_t k = 0; k < kQuantiles.size(); ++k)
      if (std::isnan(out[k]) && survival <= 1 - kQuantiles[k] + kSurvivalSlack)
        out[k] = double(t) / kMinutesPerHour;
  }
  return out;
}

// Sums over the rows, each weighted by its day's multiplicity.
struct Tally {
  double cases = 0;
  std::array<double, kDomains> by_domain{}, off_by_domain{}, work_by_domain{};
  std::array<double, kHoursOfWeek> by_hour{};
  std::array<double, kMonths> by_month{};
  double responded = 0, response_sum_min = 0;
  double handed = 0, escalated = 0, referred = 0, dropped = 0, open = 0, repeat = 0;
  double handoffs = 0;
  double rated = 0, satisfaction_sum = 0;
  std::vector<double> by_channel;
  std::vector<std::array<double, kDomains>> by_grid_domain;
  CensoredSample closure;
  std::array<CensoredSample, kTiers> closure_by_tier;
  std::array<CensoredSample, kLevels> closure_by_level;

  void add_flags(const Row& row, double w) {
    handed += row.flags & kHanded ? w : 0;
    escalated += row.flags & kEscalated ? w : 0;
    referred += row.flags & kReferred ? w : 0;
    dropped += row.flags & kDropped ? w : 0;
    open += row.flags & kOpen ? w : 0;
    repeat += row.flags & kRepeat ? w : 0;
  }
  static void add_time(CensoredSample& s, LocalMinutes minutes, bool censored, double w) {
    const double h = double(minutes) / kMinutesPerHour;
    censored ? s.add_censored(h, w) : s.add_closed(h, w);
  }
  void add_durations(const Row& row, double w) {
    const bool censored = row.flags & kOpen;
    add_time(closure, row.duration, censored, w);
    if (row.tier >= 0) add_time(closure_by_tier[std::size_t(row.tier)], row.duration, censored, w);
    if (row.last_level >= 0)
      add_time(closure_by_level[std::size_t(row.last_level)], row.last_stay, censored, w);
  }
  void add(const Row& row, const WindowDay& day, double w) {
    const auto d = std::size_t(row.domain);
    cases += w;
    by_domain[d] += w;
    (day.off ? off_by_domain : work_by_domain)[d] += w;
    by_hour[std::size_t(row.hour_of_week)] += w;
    by_month[std::size_t(day.month - 1)] += w;
    if (row.response >= 0) responded += w, response_sum_min += w * double(row.response);
    add_flags(row, w);
    handoffs += w * row.handoffs;
    if (!std::isnan(row.satisfaction)) rated += w, satisfaction_sum += w * row.satisfaction;
    by_channel[std::size_t(row.channel)] += w;
    by_grid_domain[std::size_t(row.grid)][d] += w;
    add_durations(row, w);
  }
};

// The exposure of the window's days (in days, each weighted): all, days off, working days, and
// per month.
struct Exposure {
  double all = 0, off = 0, work = 0;
  std::array<double, kMonths> by_month{};
};

Exposure exposure(const Prepared& p, const std::vector<double>& weight) {
  Exposure e;
  for (std::size_t d = 0; d < p.days.size(); ++d) {
    const double x = p.days[d].exposure * weight[d];
    e.all += x;
    (p.days[d].off ? e.off : e.work) += x;
    e.by_month[std::size_t(p.days[d].month - 1)] += x;
  }
  return e;
}

void fill_rates(const Tally& t, const Exposure& e, const RecordWindow& w, RecordStats& s) {
  for (std::size_t d = 0; d < std::size_t(kDomains); ++d) {
    s.per_day[d] = ratio(t.by_domain[d], e.all);
    // Without residents there is no rate per resident.
    s.per_10k_year[d] =
        w.residents > 0 ? s.per_day[d] * kDaysPerYear / w.residents * kPerTenThousand : kNaN;
    s.day_off_ratio[d] =
        ratio(ratio(t.off_by_domain[d], e.off), ratio(t.work_by_domain[d], e.work));
  }
  for (std::size_t h = 0; h < std::size_t(kHoursOfWeek); ++h)
    s.hour_of_week[h] = ratio(t.by_hour[h], t.cases);
  for (std::size_t m = 0; m < std::size_t(kMonths); ++m)
    s.per_day_by_month[m] = ratio(t.by_month[m], e.by_month[m]);
}

void fill_shares(const Tally& t, RecordStats& s) {
  s.handed_share = ratio(t.handed, t.cases);
  s.escalated_share = ratio(t.escalated, t.cases);
  s.referred_share = ratio(t.referred, t.cases);
  s.dropped_share = ratio(t.dropped, t.cases);
  s.open_share = ratio(t.open, t.cases);
  s.repeat_share = ratio(t.repeat, t.cases);
  s.handoffs_per_case = ratio(t.handoffs, t.cases);
  s.satisfaction_mean = ratio(t.satisfaction_sum, t.rated);
}

void fill_tables(const Prepared& p, const Tally& t, const Exposure& e, RecordStats& s) {
  for (std::size_t c = 0; c < p.channels.size(); ++c)
    s.channel_share[p.channels[c]] = ratio(t.by_channel[c], t.cases);
  for (std::size_t g = 0; g < p.grids.size(); ++g) {
    std::array<double, kDomains>& rates = s.per_day_by_grid_domain[p.grids[g]];
    double all = 0;
    for (std::size_t d = 0; d < std::size_t(kDomains); ++d) {
      rates[d] = ratio(t.by_grid_domain[g][d], e.all);
      all += t.by_grid_domain[g][d];
    }
    s.per_day_by_grid[p.grids[g]] = ratio(all, e.all);
  }
}

void fill_times(const Prepared& p, const std::vector<double>& weight, const Tally& t,
                RecordStats& s) {
  const auto response = survival_quantiles(p, weight, p.by_response, &Row::response,
                                           [](const Row&) { return false; });
  s.response_p50_h = response[0];
  s.response_p90_h = response[1];
  s.response_mean_h = ratio(t.response_sum_min / kMinutesPerHour, t.responded);
  s.responded = std::llround(t.responded);
  const auto closure = survival_quantiles(p, weight, p.by_duration, &Row::duration,
                                          [](const Row& r) { return (r.flags & kOpen) != 0; });
  s.closure_p50_h = closure[0];
  s.closure_p90_h = closure[1];
  s.closure = t.closure.fit();
  for (std::size_t k = 0; k < std::size_t(kTiers); ++k)
    s.closure_by_tier[k] = t.closure_by_tier[k].fit();
  for (std::size_t l = 0; l < std::size_t(kLevels); ++l)
    s.closure_by_level[l] = t.closure_by_level[l].fit();
}

// The statistics with each day of the window counted `weight[day]` times (1 for the records as
// they are; a bootstrap replicate's multiplicities otherwise).
RecordStats compute(const Prepared& p, const std::vector<double>& weight) {
  RecordStats s;
  s.from = p.window.from;
  s.to = p.window.to;
  const Exposure e = exposure(p, weight);
  s.days = e.all;
  Tally t;
  t.by_channel.assign(p.channels.size(), 0);
  t.by_grid_domain.assign(p.grids.size(), {});
  for (const Row& row : p.rows) {
    const double w = weight[std::size_t(row.day)];
    if (w > 0) t.add(row, p.days[std::size_t(row.day)], w);
  }
  s.cases = std::llround(t.cases);
  fill_rates(t, e, p.window, s);
  fill_shares(t, s);
  fill_tables(p, t, e, s);
  fill_times(p, weight, t, s);
  return s;
}

// Every scalar statistic, NaN included, always the same names in the same order.
std::vector<std::pair<std::string, double>> all_values(const RecordStats& s) {
  std::vector<std::pair<std::string, double>> v;
  const auto domain = [](std::size_t d) { return std::string(kDomainNames[d]); };
  for (std::size_t d = 0; d < std::size_t(kDomains); ++d)
    v.emplace_back("per_day." + domain(d), s.per_day[d]);
  for (std::size_t d = 0; d < std::size_t(kDomains); ++d)
    v.emplace_back("day_off_ratio." + domain(d), s.day_off_ratio[d]);
  for (std::size_t m = 0; m < std::size_t(kMonths); ++m)
    v.emplace_back("per_day_by_month." + std::to_string(m + 1), s.per_day_by_month[m]);
  v.emplace_back("response_p50_h", s.response_p50_h);
  v.emplace_back("response_p90_h", s.response_p90_h);
  v.emplace_back("response_mean_h", s.response_mean_h);
  v.emplace_back("closure_p50_h", s.closure_p50_h);
  v.emplace_back("closure_p90_h", s.closure_p90_h);
  const auto fit = [&v](const std::string& name, const LognormalFit& f) {
    v.emplace_back(name + ".mu", f.mu);
    v.emplace_back(name + ".sigma", f.sigma);
  };
  fit("closure", s.closure);
  for (std::size_t k = 0; k < std::size_t(kTiers); ++k)
    fit(std::string("closure_by_tier.") + kTierNames[k], s.closure_by_tier[k]);
  for (std::size_t l = 0; l < std::size_t(kLevels); ++l)
    fit(std::string("closure_by_level.") + kLevelNames[l], s.closure_by_level[l]);
  v.emplace_back("handed_share", s.handed_share);
  v.emplace_back("escalated_share", s.escalated_share);
  v.emplace_back("referred_share", s.referred_share);
  v.emplace_back("dropped_share", s.dropped_share);
  v.emplace_back("open_share", s.open_share);
  v.emplace_back("repeat_share", s.repeat_share);
  v.emplace_back("handoffs_per_case", s.handoffs_per_case);
  v.emplace_back("satisfaction_mean", s.satisfaction_mean);
  return v;
}

// A replicate's multiplicity for each day: a circular block bootstrap of week-long blocks. Blocks
// of kBlockDays consecutive days (wrapping from the window's last day to its first) start on days
// drawn with replacement until the replicate has as many days as the window, the last block cut
// short. Whole weeks keep the weekly rhythm and the days' dependence inside each draw: a backlog
// carries over to the next days, so closure times of neighbouring days move together, and single
// days drawn independently would understate the spread of every statistic of handling times.
// Keyed by the replicate, so the draws do not depend on which thread runs it.
std::vector<double> resampled_days(std::size_t days, std::uint64_t seed, std::size_t replicate) {
  constexpr std::size_t kBlockDays = 7;
  std::vector<double> weight(days, 0);
  Stream s(seed, Purpose::Sampling, replicate, kRecordBootstrapTime);
  for (std::size_t filled = 0; filled < days;) {
    const std::size_t first = s.below(static_cast<std::uint32_t>(days));
    for (std::size_t k = 0; k < kBlockDays && filled < days; ++k, ++filled)
      weight[(first + k) % days] += 1;
  }
  return weight;
}

// The q-quantile of sorted values, interpolated between neighbours.
double sorted_quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return kNaN;
  const double at = q * double(sorted.size() - 1);
  const auto i = static_cast<std::size_t>(at);
  if (i + 1 >= sorted.size()) return sorted.back();
  return sorted[i] + (at - double(i)) * (sorted[i + 1] - sorted[i]);
}

BootstrapInterval interval(const std::string& name, double estimate,
                           const std::vector<std::vector<double>>& replicate_values,
                           std::size_t k) {
  std::vector<double> values;
  for (const std::vector<double>& r : replicate_values)
    if (std::isfinite(r[k])) values.push_back(r[k]);
  BootstrapInterval b;
  b.name = name;
  b.estimate = estimate;
  b.replicates = static_cast<int>(values.size());
  b.sd = batch::estimate(values).sd;
  std::sort(values.begin(), values.end());
  b.low = sorted_quantile(values, kIntervalLow);
  b.high = sorted_quantile(values, kIntervalHigh);
  return b;
}

// Covariance of statistics i and j over the replicates in which both are defined.
double covariance(const std::vector<std::vector<double>>& values, std::size_t i, std::size_t j) {
  double n = 0, mi = 0, mj = 0;
  for (const std::vector<double>& r : values)
    if (std::isfinite(r[i]) && std::isfinite(r[j])) n += 1, mi += r[i], mj += r[j];
  if (n < 2) return kNaN;
  mi /= n;
  mj /= n;
  double sum = 0;
  for (const std::vector<double>& r : values)
    if (std::isfinite(r[i]) && std::isfinite(r[j])) sum += (r[i] - mi) * (r[j] - mj);
  return sum / (n - 1);
}

}  // namespace

RecordStats record_stats(const std::vector<CaseRecord>& records, const RecordWindow& window) {
  const Prepared p = prepare(records, window);
  return compute(p, std::vector<double>(p.days.size(), 1.0));
}

std::vector<std::pair<std::string, double>> stat_values(const RecordStats& stats) {
  std::vector<std::pair<std::string, double>> out;
  for (auto& [name, value] : all_values(stats))
    if (!std::isnan(value)) out.emplace_back(name, value);
  return out;
}

Bootstrap bootstrap_stats(
    const std::vector<CaseRecord>& records, const RecordWindow& window, int replicates,
    std::uint64_t seed,
    const std::function<void(std::size_t, const std::function<void(std::size_t, std::size_t)>&)>&
        parallel_for) {
  const Prepared p = prepare(records, window);
  const auto estimates = all_values(compute(p, std::vector<double>(p.days.size(), 1.0)));
  const auto n = static_cast<std::size_t>(std::max(0, replicates));
  std::vector<std::vector<double>> values(n);
  parallel_for(n, [&](std::size_t begin, std::size_t end) {
    for (std::size_t r = begin; r < end; ++r) {
      const RecordStats s = compute(p, resampled_days(p.days.size(), seed, r));
      for (const auto& [name, value] : all_values(s)) values[r].push_back(value);
    }
  });
  Bootstrap b;
  std::vector<std::size_t> kept;  // the statistics defined in the records as they are
  for (std::size_t k = 0; k < estimates.size(); ++k)
    if (!std::isnan(estimates[k].second)) {
      kept.push_back(k);
      b.intervals.push_back(interval(estimates[k].first, estimates[k].second, values, k));
    }
  b.covariance.assign(kept.size() * kept.size(), kNaN);
  for (std::size_t i = 0; i < kept.size(); ++i)
    for (std::size_t j = 0; j < kept.size(); ++j)
      b.covariance[i * kept.size() + j] = covariance(values, kept[i], kept[j]);
  return b;
}

}  // namespace govsim
