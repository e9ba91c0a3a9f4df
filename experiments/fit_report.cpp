#include "experiments/fit_report.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "engine/errors.hpp"
#include "engine/executor.hpp"
#include "engine/histogram.hpp"
#include "engine/i18n.hpp"
#include "engine/input_text.hpp"
#include "engine/rng.hpp"
#include "experiments/report_html.hpp"
#include "experiments/svg_chart.hpp"
#include "experiments/synth_records.hpp"
#include "model/case.hpp"
#include "model/streams.hpp"
#include "scenarios/loader.hpp"

namespace govsim::batch {
namespace {

using i18n::tr;

constexpr LocalMinutes kMinutesPerWeek = 7 * 1440;
constexpr double kMinutesPerHour = 60;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kLowQuantile = 0.025, kHighQuantile = 0.975;
constexpr double kZ95 = 1.959963984540054;  // two-sided 95 % normal quantile
// Quantile points of the distribution charts and QQ plots.
constexpr int kQuantilePoints = 49;

std::string esc(const std::string& s) { return escape_html(s); }
std::string num(double x) { return std::isfinite(x) ? format_rounded(x) : "-"; }

// The q-quantile of values (sorted in place), linear between order statistics; NaN if empty.
double quantile_of(std::vector<double>& v, double q) {
  if (v.empty()) return kNaN;
  std::sort(v.begin(), v.end());
  const double at = q * double(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(at));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (at - double(lo)) * (v[hi] - v[lo]);
}

struct Hours {
  MinuteHistogram response, closure;  // hours, exact to the minute
};

// Response and closure hours of the records received in [from, to) (closures before `to`).
Hours hours_of(const std::vector<CaseRecord>& records, LocalMinutes from, LocalMinutes to) {
  Hours h;
  for (const CaseRecord& r : records) {
    if (r.received < from || r.received >= to) continue;
    if (r.first_response && *r.first_response < to)
      h.response.add(double(*r.first_response - r.received) / kMinutesPerHour);
    if (r.closed && *r.closed < to) h.closure.add(double(*r.closed - r.received) / kMinutesPerHour);
  }
  return h;
}

std::vector<double> weekly_counts(const std::vector<CaseRecord>& records, LocalMinutes from,
                                  std::size_t weeks) {
  std::vector<double> out(weeks, 0);
  for (const CaseRecord& r : records) {
    if (r.received < from) continue;
    const auto w = static_cast<std::size_t>((r.received - from) / kMinutesPerWeek);
    if (w < weeks) out[w] += 1;
  }
  return out;
}

// The fitted keys drawn for one forecast replicate: the identified keys jointly from their
// covariance (normal on the searched scale, a Cholesky factor of the sandwich's correlations and
// the keys' standard errors), the keys the records do not identify uniformly over their searched
// range; all within the searched range.
class KeyDraws {
 public:
  explicit KeyDraws(const CalibrationResult& fit) : fit_(fit) {
    const auto n = static_cast<Eigen::Index>(fit.values.size());
    Eigen::MatrixXd c = Eigen::MatrixXd::Zero(n, n);
    for (Eigen::Index a = 0; a < n; ++a)
      for (Eigen::Index b = 0; b < n; ++b)
        if (identified(a) && identified(b) && fit.covariance.size() == std::size_t(n * n))
          c(a, b) = fit.covariance[static_cast<std::size_t>(a * n + b)];
    // A tiny ridge keeps the factor defined when two keys are (nearly) collinear.
    c += kRidge * Eigen::MatrixXd::Identity(n, n);
    factor_ = c.llt().matrixL();
  }

  std::vector<std::pair<std::string, double>> operator()(std::uint64_t seed,
                                                         std::uint64_t rep) const {
    const auto n = static_cast<Eigen::Index>(fit_.values.size());
    Eigen::VectorXd z(n);
    for (Eigen::Index j = 0; j < n; ++j)
      z(j) = Stream(seed, Purpose::Sampling, rep, static_cast<std::uint64_t>(j)).normal();
    const Eigen::VectorXd shift = factor_ * z;
    std::vector<std::pair<std::string, double>> out;
    for (Eigen::Index j = 0; j < n; ++j) {
      const FittedValue& f = fit_.values[static_cast<std::size_t>(j)];
      const FitParameter& p = f.parameter;
      const double lo = p.log_scale ? std::log(p.low) : p.low;
      const double hi = p.log_scale ? std::log(p.high) : p.high;
      double x = p.log_scale ? std::log(f.value) : f.value;
      if (identified(j)) {
        x += shift(j);
      } else {
        x = lo +
            (hi - lo) *
                Stream(seed, Purpose::Sampling, rep, kUniformSlot + std::uint64_t(j)).uniform();
      }
      x = std::clamp(x, lo, hi);
      out.emplace_back(p.key, p.log_scale ? std::exp(x) : x);
    }
    return out;
  }

 private:
  static constexpr double kRidge = 1e-12;
  static constexpr std::uint64_t kUniformSlot = 1u << 20;  // the uniform draws' own streams
  bool identified(Eigen::Index j) const {
    const FittedValue& f = fit_.values[static_cast<std::size_t>(j)];
    return f.identified && std::isfinite(f.se) && f.se > 0;
  }
  const CalibrationResult& fit_;
  Eigen::MatrixXd factor_;
};

struct Replicate {
  std::vector<double> weekly;
  double quantities[4] = {kNaN, kNaN, kNaN, kNaN};
};

const char* const kQuantityNames[4] = {"response_p50_h", "response_p90_h", "closure_p50_h",
                                       "closure_p90_h"};

void fill_quantities(const Hours& h, double (&q)[4]) {
  q[0] = h.response.quantile(0.5);
  q[1] = h.response.quantile(0.9);
  q[2] = h.closure.quantile(0.5);
  q[3] = h.closure.quantile(0.9);
}

Forecast summarise(std::string label, const std::vector<Replicate>& reps,
                   const std::vector<double>& observed_weekly, const double (&observed)[4]) {
  Forecast f;
  f.label = std::move(label);
  const std::size_t weeks = observed_weekly.size();
  for (std::size_t w = 0; w < weeks; ++w) {
    std::vector<double> v;
    for (const Replicate& r : reps) v.push_back(r.weekly[w]);
    double sum = 0;
    for (double x : v) sum += x;
    f.weekly_mean.push_back(sum / double(v.size()));
    f.weekly_low.push_back(quantile_of(v, kLowQuantile));
    f.weekly_high.push_back(quantile_of(v, kHighQuantile));
    if (observed_weekly[w] >= f.weekly_low.back() && observed_weekly[w] <= f.weekly_high.back())
      ++f.weeks_covered;
  }
  for (int k = 0; k < 4; ++k) {
    std::vector<double> v;
    for (const Replicate& r : reps)
      if (std::isfinite(r.quantities[k])) v.push_back(r.quantities[k]);
    double sum = 0;
    for (double x : v) sum += x;
    f.quantities.push_back({kQuantityNames[k], observed[k],
                            v.empty() ? kNaN : sum / double(v.size()), quantile_of(v, kLowQuantile),
                            quantile_of(v, kHighQuantile)});
  }
  return f;
}

}  // namespace

HoldoutForecast holdout_forecast(const std::vector<CaseRecord>& records,
                                 const CalibrateOptions& options, const CalibrationResult& fit,
                                 LocalMinutes end, const std::vector<std::string>& change,
                                 int replications) {
  for (const std::string& c : change)
    if (c.rfind("governance.", 0) != 0 || c.find('=') == std::string::npos)
      throw InputError("--holdout-change: '" + c +
                       "' is not governance.KEY=VALUE (a design change the holdout's forecast "
                       "switches on; `govsim keys` lists the governance keys)");
  HoldoutForecast h;
  h.on = true;
  h.from = options.to;
  h.to = end;
  h.replications = replications;
  const auto weeks = static_cast<std::size_t>((end - h.from) / kMinutesPerWeek);
  h.weekly_observed = weekly_counts(records, h.from, weeks);
  double observed[4];
  fill_quantities(hours_of(records, h.from, end), observed);
  CalibrateOptions whole = options;
  whole.to = end;
  const KeyDraws draw(fit);
  const LocalMinutes start = simulation_start(options);
  for (int variant = 0; variant < (change.empty() ? 1 : 2); ++variant) {
    std::vector<Replicate> reps(static_cast<std::size_t>(replications));
    auto executor = make_tbb_executor(options.jobs);
    executor->parallel_for(reps.size(), [&](std::size_t b, std::size_t e) {
      for (std::size_t r = b; r < e; ++r) {
        const auto values = draw(options.seed, r);
        Scenario s = window_scenario(whole, values);
        if (variant == 1) {
          std::vector<std::string> overrides = whole.overrides;
          for (const auto& [key, value] : values)
            overrides.push_back(key + "=" + format_rounded(value));
          overrides.insert(overrides.end(), change.begin(), change.end());
          const Scenario changed = load_scenario(whole.scenario, overrides);
          std::string summary;
          for (const std::string& c : change) summary += (summary.empty() ? "" : ", ") + c;
          s.changes.push_back({simulation_day(options, h.from), changed.governance, summary});
          std::stable_sort(
              s.changes.begin(), s.changes.end(),
              [](const PolicyChange& a, const PolicyChange& c) { return a.day < c.day; });
        }
        s.run.seed = options.seed + 1000 + r;  // not the fit's seeds: an honest forecast
        SerialExecutor serial;
        const std::vector<CaseRecord> sim = synthesize_records(s, serial, start);
        reps[r].weekly = weekly_counts(sim, h.from, weeks);
        fill_quantities(hours_of(sim, h.from, end), reps[r].quantities);
      }
    });
    std::string label = tr("the fitted model");
    if (variant == 1) {
      label += std::string(" ") + tr("with") + " ";
      for (std::size_t i = 0; i < change.size(); ++i) label += (i ? ", " : "") + change[i];
    }
    h.forecasts.push_back(summarise(label, reps, h.weekly_observed, observed));
  }
  return h;
}

std::string holdout_text(const HoldoutForecast& h) {
  std::string out;
  char line[512];
  for (const Forecast& f : h.forecasts) {
    std::snprintf(line, sizeof line,
                  "holdout: %s: %d of %zu weeks' volumes inside the 95 %% prediction interval\n",
                  f.label.c_str(), f.weeks_covered, h.weekly_observed.size());
    out += line;
    for (const auto& q : f.quantities) {
      std::snprintf(line, sizeof line, "  %-16s observed %8s, forecast %8s (95 %% %s to %s)%s\n",
                    q.name.c_str(), num(q.observed).c_str(), num(q.mean).c_str(),
                    num(q.low).c_str(), num(q.high).c_str(),
                    q.observed >= q.low && q.observed <= q.high ? "" : "  outside");
      out += line;
    }
  }
  return out;
}

namespace {

std::string values_table(const CalibrationResult& r) {
  // xgettext:no-c-format
  const std::string interval = tr("95% interval");
  std::string html = "<table><tr><th>" + esc(tr("key")) + "</th><th>" + esc(tr("was")) +
                     "</th><th>" + esc(tr("fitted")) + "</th><th>" + esc(interval) + "</th><th>" +
                     esc(tr("method")) + "</th><th>" + esc(tr("identified")) + "</th></tr>\n";
  for (const FittedValue& f : r.values) {
    html += "<tr><td>" + esc(f.parameter.key) + "</td><td class=\"num\">" + num(f.parameter.start) +
            "</td><td class=\"num\">" + num(f.value) + "</td><td class=\"num\">" + num(f.low) +
            " – " + num(f.high) + "</td><td>" +
            esc(f.parameter.stage == FitStage::Ratio
                    ? std::string(tr("ratio step on")) + " " + f.parameter.statistic
                    : std::string(tr("simulated method of moments"))) +
            "</td><td>" +
            (f.identified ? "<span class=\"ok\">" + esc(tr("yes")) + "</span>"
                          : "<span class=\"no\">" + esc(tr("no")) + "</span>: " + esc(f.note)) +
            "</td></tr>\n";
  }
  return html + "</table>\n";
}

std::string moments_table(const CalibrationResult& r) {
  std::string html = "<table><tr><th>" + esc(tr("statistic")) + "</th><th>" + esc(tr("observed")) +
                     "</th><th>" + esc(tr("bootstrap sd")) + "</th><th>" + esc(tr("simulated")) +
                     "</th><th>" + esc(tr("difference in sd")) + "</th></tr>\n";
  for (const Moment& m : r.moments) {
    const double z = m.sd > 0 ? (m.simulated - m.observed) / m.sd : kNaN;
    html += "<tr><td>" + esc(m.name) + "</td><td class=\"num\">" + num(m.observed) +
            "</td><td class=\"num\">" + num(m.sd) + "</td><td class=\"num\">" + num(m.simulated) +
            "</td><td class=\"num" + (std::abs(z) > 2 ? " no" : "") + "\">" + num(z) +
            "</td></tr>\n";
  }
  return html + "</table>\n";
}

// Observed and simulated quantiles of hours, as a distribution chart and a QQ plot.
std::string distribution_charts(const std::string& id, const std::string& what,
                                const MinuteHistogram& observed, const MinuteHistogram& simulated) {
  LineChart cdf{id + "-cdf", what, tr("hours"), tr("share of cases"), {}, {}, {}, "", {}, 0.0, 1.0};
  LineSeries o{tr("observed"), palette_color(0), {}, {}, {}, {}};
  LineSeries s{tr("simulated"), palette_color(1), {}, {}, {}, {}};
  LineChart qq{id + "-qq",
               what + " (QQ)",
               tr("observed quantile (h)"),
               tr("simulated quantile (h)"),
               {},
               {},
               {},
               "",
               {},
               0.0,
               {}};
  LineSeries q{tr("quantiles"), palette_color(0), {}, {}, {}, {}};
  LineSeries diagonal{tr("equal"), "#b00020", {}, {}, {}, {}};
  for (int i = 1; i <= kQuantilePoints; ++i) {
    const double p = double(i) / (kQuantilePoints + 1);
    const double a = observed.quantile(p), b = simulated.quantile(p);
    if (std::isfinite(a)) {
      o.x.push_back(a);
      o.y.push_back(p);
    }
    if (std::isfinite(b)) {
      s.x.push_back(b);
      s.y.push_back(p);
    }
    if (std::isfinite(a) && std::isfinite(b)) {
      q.x.push_back(a);
      q.y.push_back(b);
      diagonal.x.push_back(a);
      diagonal.y.push_back(a);
    }
  }
  cdf.series = {o, s};
  qq.series = {q, diagonal};
  return "<div class=\"multiples\">" + render(cdf) + render(qq) + "</div>\n";
}

std::string week_profile_chart(const RecordStats& observed, const RecordStats& simulated) {
  LineChart c{"week",
              tr("Arrivals by hour of the week"),
              tr("hour of the week (0 = Monday 0:00)"),
              tr("share of cases"),
              {},
              {},
              {},
              "",
              {},
              0.0,
              {}};
  LineSeries o{tr("observed"), palette_color(0), {}, {}, {}, {}};
  LineSeries s{tr("simulated"), palette_color(1), {}, {}, {}, {}};
  for (std::size_t h = 0; h < observed.hour_of_week.size(); ++h) {
    o.x.push_back(double(h));
    o.y.push_back(observed.hour_of_week[h]);
    s.x.push_back(double(h));
    s.y.push_back(simulated.hour_of_week[h]);
  }
  c.series = {o, s};
  return render(c);
}

std::string grid_chart(const RecordStats& observed, const RecordStats& simulated) {
  Scatter c{"grids", tr("Cases a day per grid"), tr("observed"), tr("simulated"), tr("grid"), {}};
  double i = 0;
  for (const auto& [grid, rate] : observed.per_day_by_grid) {
    const auto it = simulated.per_day_by_grid.find(grid);
    if (it == simulated.per_day_by_grid.end()) continue;
    c.points.push_back({rate, it->second, i++, grid + ": " + num(rate) + " / " + num(it->second)});
  }
  if (c.points.empty())
    return "<p class=\"small\">" +
           esc(tr("The records' grid names do not match the scenario's grids; no per-grid "
                  "comparison.")) +
           "</p>\n";
  return render(c);
}

// What the records show directly, each figure with its 95 % interval from the day-block bootstrap
// (the same resamples that weigh the statistics), then the channel mix and the rates by grid and
// domain with normal-approximation intervals (binomial for a share, Poisson for a count).
std::string direct_section(const CalibrationResult& r) {
  std::string html = "<h2>" + esc(tr("Direct estimates from the records")) + "</h2>\n<p>" +
                     // xgettext:no-c-format
                     esc(tr("Each figure as the records give it, with its 95% interval from the "
                            "bootstrap of week-long blocks of days.")) +
                     "</p>\n<div class=\"scroll\"><table><tr><th>" + esc(tr("statistic")) +
                     "</th><th>" + esc(tr("estimate")) + "</th><th>" +
                     // xgettext:no-c-format
                     esc(tr("95% interval")) + "</th></tr>\n";
  for (const BootstrapInterval& b : r.bootstrap.intervals)
    html += "<tr><td>" + esc(b.name) + "</td><td class=\"num\">" + num(b.estimate) +
            "</td><td class=\"num\">" + num(b.low) + " – " + num(b.high) + "</td></tr>\n";
  html += "</table></div>\n";
  const double n = double(std::max<std::int64_t>(r.observed.cases, 1));
  html += "<h3>" + esc(tr("Channel mix")) + "</h3>\n<table><tr><th>" + esc(tr("channel")) +
          "</th><th>" + esc(tr("share of cases")) + "</th><th>" +
          // xgettext:no-c-format
          esc(tr("95% interval")) + "</th></tr>\n";
  for (const auto& [channel, share] : r.observed.channel_share) {
    const double half = kZ95 * std::sqrt(share * (1 - share) / n);
    html += "<tr><td>" + esc(channel.empty() ? std::string(tr("(not given)")) : channel) +
            "</td><td class=\"num\">" + num(share) + "</td><td class=\"num\">" +
            num(std::max(0.0, share - half)) + " – " + num(std::min(1.0, share + half)) +
            "</td></tr>\n";
  }
  html += "</table>\n<h3>" + esc(tr("Cases a day by grid and domain")) +
          "</h3>\n<div class=\"scroll\"><table><tr><th>" + esc(tr("grid")) + "</th>";
  for (const char* d : kDomainNames) html += "<th>" + esc(tr(d)) + "</th>";
  html += "</tr>\n";
  const double days = std::max(r.observed.days, 1.0);
  for (const auto& [grid, rates] : r.observed.per_day_by_grid_domain) {
    html += "<tr><td>" + esc(grid.empty() ? std::string(tr("(not given)")) : grid) + "</td>";
    for (const double rate : rates) {
      const double count = rate * days, half = kZ95 * std::sqrt(count) / days;
      html += "<td class=\"num\">" + num(rate) + " <span class=\"small\">(" +
              num(std::max(0.0, rate - half)) + " – " + num(rate + half) + ")</span></td>";
    }
    html += "</tr>\n";
  }
  return html + "</table></div>\n";
}

std::string holdout_section(const HoldoutForecast& h) {
  std::string html = "<h2>" + esc(tr("Out-of-sample check")) + "</h2>\n<p>" +
                     // xgettext:no-c-format
                     esc(tr("Fitted on the records before the holdout date; the forecasts of the "
                            "records after it, with 95% prediction intervals (simulated "
                            "districts on other seeds, the identified keys drawn from their "
                            "intervals), against what happened.")) +
                     "</p>\n";
  LineChart c{"holdout",  tr("Cases a week after the holdout date"),
              tr("week"), tr("cases"),
              {},         {},
              {},         "",
              {},         0.0,
              {}};
  LineSeries o{tr("observed"), "#222", {}, {}, {}, {}};
  for (std::size_t w = 0; w < h.weekly_observed.size(); ++w) {
    o.x.push_back(double(w + 1));
    o.y.push_back(h.weekly_observed[w]);
  }
  for (std::size_t i = 0; i < h.forecasts.size(); ++i) {
    const Forecast& f = h.forecasts[i];
    LineSeries s{f.label, palette_color(i + 1), o.x, f.weekly_mean, f.weekly_low, f.weekly_high};
    c.series.push_back(s);
  }
  c.series.push_back(o);
  html += render(c);
  html += "<table><tr><th>" + esc(tr("forecast")) + "</th><th>" + esc(tr("statistic")) +
          "</th><th>" + esc(tr("observed")) + "</th><th>" + esc(tr("forecast")) + "</th><th>" +
          // xgettext:no-c-format
          esc(tr("95% prediction interval")) + "</th></tr>\n";
  for (const Forecast& f : h.forecasts) {
    html += "<tr><td>" + esc(f.label) + "</td><td>" + esc(tr("weeks inside the interval")) +
            "</td><td class=\"num\" colspan=\"3\">" + std::to_string(f.weeks_covered) + " / " +
            std::to_string(h.weekly_observed.size()) + "</td></tr>\n";
    for (const auto& q : f.quantities) {
      const bool inside = q.observed >= q.low && q.observed <= q.high;
      html += "<tr><td></td><td>" + esc(q.name) + "</td><td class=\"num\">" + num(q.observed) +
              "</td><td class=\"num\">" + num(q.mean) + "</td><td class=\"num" +
              (inside ? "" : " no") + "\">" + num(q.low) + " – " + num(q.high) + "</td></tr>\n";
    }
  }
  return html + "</table>\n";
}

// "2025-07-02 to 2026-07-01" as "2025-07-02 – 2026-07-01", in any language.
std::string window_dates(std::string text) {
  const std::string to = " to ";
  if (const std::size_t at = text.find(to); at != std::string::npos)
    text.replace(at, to.size(), " – ");
  return text;
}

}  // namespace

std::string fit_report_html(const FitReport& report) {
  const CalibrationResult& r = *report.result;
  const std::string title = std::string(tr("govsim calibrate")) + ": " + report.records_name;
  std::string html = report_page_head(title);
  char lede[512];
  std::snprintf(lede, sizeof lede,
                tr("%lld cases received %s; %d simulated districts per evaluation, %d "
                   "evaluations; weighted distance %s at the scenario's values, %s fitted."),
                static_cast<long long>(r.observed.cases), window_dates(r.window_text).c_str(),
                r.replications, r.evaluations, num(r.distance_start).c_str(),
                num(r.distance).c_str());
  html += "<h1>" + esc(title) + "</h1><p class=\"lede\">" + esc(lede) + "</p>\n";
  html += "<h2>" + esc(tr("Fitted keys")) + "</h2>\n" + values_table(r);
  html += "<h2>" + esc(tr("Statistics observed and simulated")) + "</h2>\n" + moments_table(r);
  html += direct_section(r);
  const Hours observed = hours_of(*report.records, r.observed.from, r.observed.to);
  const Hours simulated = hours_of(r.simulated_records, r.observed.from, r.observed.to);
  html += "<h2>" + esc(tr("Distributions")) + "</h2>\n";
  html += distribution_charts("response", tr("Hours to first response"), observed.response,
                              simulated.response);
  html += distribution_charts("closure", tr("Hours to closure (closed cases)"), observed.closure,
                              simulated.closure);
  html += week_profile_chart(r.observed, r.simulated);
  html += grid_chart(r.observed, r.simulated);
  if (report.holdout.on) html += holdout_section(report.holdout);
  return html + "</body></html>\n";
}

}  // namespace govsim::batch
