#include "experiments/report_html.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <map>
#include <set>

#include "engine/i18n.hpp"
#include "experiments/comparison.hpp"
#include "experiments/names.hpp"
#include "experiments/periods_compare.hpp"
#include "experiments/sensitivity.hpp"
#include "experiments/svg_chart.hpp"
#include "output/atomic_file.hpp"
#include "scenarios/loader.hpp"

namespace govsim::batch {
namespace {

using i18n::tr;

constexpr std::size_t kMaxSeriesDesigns = 12;
constexpr std::size_t kMaxBarDesigns = 40;
constexpr std::size_t kMaxRunRows = 1000;

const char* kStyle = R"(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;margin:0 auto;max-width:1120px;padding:0 20px 60px}
h1{font-size:26px;margin:24px 0 4px}h2{font-size:20px;margin:34px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.lede{color:#555;margin:0 0 10px}nav a{margin-right:14px}
table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{border:1px solid #ddd;padding:3px 7px;vertical-align:top}
th{background:#f4f4f4;text-align:left}td.num{text-align:right;white-space:nowrap}
.diff{color:#666;font-size:12px}.sig{color:#333;font-weight:600}
.better{color:#1a7f37;font-weight:600}.worse{color:#b00020;font-weight:600}
.answer{background:#eef6ee;border:1px solid #9c9;padding:10px 14px;border-radius:6px}
.none{background:#fbeeee;border:1px solid #d99;padding:10px 14px;border-radius:6px}
.scroll{overflow-x:auto}pre{background:#f7f7f7;padding:10px;overflow-x:auto;font-size:12px}
svg.chart{display:block;margin:10px 0 18px;max-width:100%;height:auto;font:11px system-ui,sans-serif}
svg .chart-title{font-size:13px;font-weight:600}svg .axis-label{font-size:12px;fill:#444}
svg .grid{stroke:#e6e6e6}svg .axis{stroke:#888}svg .band{opacity:.18;stroke:none}
svg .line{fill:none;stroke-width:1.8}svg .whisker{stroke:#222;stroke-width:1.2;fill:none}
svg .reference{stroke:#b00020;stroke-dasharray:6 4;stroke-width:1.5}
svg .marker{stroke:#555;stroke-dasharray:3 3;stroke-width:1.2}svg .marker-label{font-size:11px;fill:#333}
.multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:4px}
.ok{color:#1a7f37}.no{color:#b00020}.small{font-size:12px;color:#666}
)";

std::string esc(const std::string& s) { return escape_html(s); }

}  // namespace

std::string report_page_head(const std::string& title) {
  return "<!DOCTYPE html>\n<html lang=\"" + std::string(i18n::html_lang(i18n::language())) +
         "\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>" +
         esc(title) + "</title><style>" + kStyle + "</style></head><body>\n";
}

namespace {

std::optional<double> as_number(const std::string& text) {
  double x = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return x;
}

// A number of the seek record; null (NaN when it was written) reads back as NaN.
double number_of(const Json& value) { return value.is_number() ? value.get<double>() : kNaN; }

// A mean and its half-width from a record, rounded to the interval: "5264373 ± 115501".
std::string interval_text(const Json& mean, const Json& half_width) {
  Estimate e;
  e.n = 2;
  e.mean = number_of(mean);
  e.half_width = number_of(half_width);
  return format_estimate(e, decimals_for({e}));
}

// A bound with the digits of its interval.
std::string bound_text(const Json& bound, const Json& half_width) {
  Estimate e;
  e.n = 2;
  e.mean = number_of(bound);
  e.half_width = number_of(half_width);
  const std::string both = format_estimate(e, decimals_for({e}));
  return both.substr(0, both.find(" ±"));
}

struct ReportData {
  Json plan;
  std::string kind;
  std::vector<std::string> labels;
  std::vector<std::map<std::string, std::string>> params;  // per design
  std::vector<std::string> vary_keys;
  std::vector<RunRow> runs;
  std::map<std::string, CellRow> summaries;
  ResultGrid grid{{}};
  // The first design is the reference of the differences: a compare's first design, a sweep's
  // --baseline, or the first point of a factorial grid; a Latin hypercube's first random
  // sample is none.
  bool has_reference = true;
  bool has_baseline = false;  // a sweep's --baseline: design 0 varies no key
};

ReportData gather(const Store& store) {
  ReportData d;
  d.plan = store.plan();
  d.kind = d.plan.value("kind", std::string("?"));
  for (const auto& design : d.plan["designs"]) {
    d.labels.push_back(design.value("label", std::string("?")));
    std::map<std::string, std::string> p;
    for (const auto& [k, v] : design["params"].items()) p[k] = v.get<std::string>();
    d.params.push_back(std::move(p));
  }
  for (const auto& k : d.plan["vary_keys"]) d.vary_keys.push_back(k.get<std::string>());
  d.has_baseline = !d.vary_keys.empty() && !d.params.empty() && d.params[0].empty();
  d.has_reference =
      d.has_baseline || !(d.kind == "sweep" && d.plan.value("method", std::string()) == "lhs");
  d.runs = store.runs();
  d.summaries = store.summaries();
  d.grid = ResultGrid(d.labels);
  for (const RunRow& r : d.runs) {
    const auto it = d.summaries.find(r.key);
    if (r.status == "done" && it != d.summaries.end() && r.design >= 0 &&
        static_cast<std::size_t>(r.design) < d.labels.size()) {
      d.grid.add(static_cast<std::size_t>(r.design), r.replication, it->second);
    }
  }
  return d;
}

std::vector<std::size_t> designs_with_runs(const ReportData& d) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < d.labels.size(); ++i) {
    if (d.grid.runs(i) > 0) out.push_back(i);
  }
  return out;
}

// What each design that is a shipped scenario is, in the report's language: the first sentence
// of its description ("modern: The paper's full modern design").
std::string design_notes(const ReportData& d, const std::vector<std::size_t>& designs) {
  static const std::vector<ShippedScenario> shipped = shipped_scenarios();
  std::string out;
  for (const std::size_t i : designs) {
    const auto it = std::find_if(shipped.begin(), shipped.end(),
                                 [&](const ShippedScenario& s) { return s.name == d.labels[i]; });
    if (it == shipped.end()) continue;
    out += std::string(out.empty() ? "" : "<br>") + "<b>" + esc(it->name) +
           "</b>: " + esc(it->title.shown());
  }
  return out.empty() ? "" : "<p class=\"small\" id=\"design-notes\">" + out + "</p>";
}

std::string comparison_table(const ReportData& d, const std::vector<std::size_t>& designs,
                             const std::vector<std::size_t>& outcomes) {
  std::string out = "<div class=\"scroll\"><table id=\"comparison-table\"><tr><th>" +
                    esc(tr("design")) + "</th><th>" + esc(tr("runs")) + "</th>";
  for (const std::size_t c : outcomes) {
    out += "<th>" + esc(outcome_label(summary_columns()[c].name)) + "</th>";
  }
  out += "</tr>";
  std::vector<OutcomeComparison> comparisons;
  for (const std::size_t c : outcomes) comparisons.push_back(compare_outcome(d.grid, c));
  for (const std::size_t i : designs) {
    out += "<tr><td>" + esc(d.labels[i]) + "</td><td class=\"num\">" +
           std::to_string(d.grid.runs(i)) + "</td>";
    for (const OutcomeComparison& c : comparisons) {
      const int decimals = decimals_for(c.means);
      const int diff_decimals =
          decimals_for(std::vector<Estimate>(c.paired.begin() + 1, c.paired.end()));
      out += "<td class=\"num\">" + esc(format_estimate(c.means[i], decimals));
      if (i > 0 && c.paired[i].n > 0 && d.has_reference) {
        const bool sig = c.paired[i].significant();
        // Which way is better is the outcome's; a significant Δ says which it went, in words.
        const int better = sig ? outcome_direction(summary_columns()[c.column].name) *
                                     (c.paired[i].mean > 0 ? 1 : -1)
                               : 0;
        const std::string cls = better > 0 ? " better" : better < 0 ? " worse" : sig ? " sig" : "";
        const std::string words = better > 0   ? std::string(" ") + tr("better")
                                  : better < 0 ? std::string(" ") + tr("worse")
                                               : "";
        out += "<br><span class=\"diff" + cls + "\">Δ " +
               esc(format_estimate(c.paired[i], diff_decimals)) + (sig ? " *" : "") + esc(words) +
               "</span>";
      }
      out += "</td>";
    }
    out += "</tr>";
  }
  if (!d.has_reference) {
    return out + "</table></div><p class=\"small\">" +
           // xgettext:no-c-format
           esc(tr("Mean ± half-width of the 95% confidence interval (Student's t over "
                  "replications). No differences: the points of a Latin hypercube are random "
                  "samples, none of them a reference; run the sweep with --baseline for one.")) +
           "</p>";
  }
  out += "</table></div><p class=\"small\">" +
         // xgettext:no-c-format
         esc(tr("Mean ± half-width of the 95% confidence interval (Student's t over "
                "replications). Δ: paired difference from")) +
         " <b>" + esc(d.labels.empty() ? "" : d.labels[0]) + "</b>" +
         esc(tr(", replication by replication (common random numbers); * the interval excludes "
                "0.")) +
         " " +
         esc(tr("Green: better, red: worse, by each outcome's good direction (costs are better "
                "lower); black: neither way is better.")) +
         "</p>" + design_notes(d, designs);
  return out;
}

std::string bar_charts(const ReportData& d, const std::vector<std::size_t>& designs,
                       const std::vector<std::size_t>& outcomes) {
  std::string out;
  for (const std::size_t c : outcomes) {
    const OutcomeComparison cmp = compare_outcome(d.grid, c);
    BarChart chart;
    const std::string name = summary_columns()[c].name;
    chart.id = "bars-" + name;
    // xgettext:no-c-format
    chart.title = outcome_label(name) + tr(": mean and 95% CI per design");
    chart.value_label = outcome_label(name);
    for (const std::size_t i : designs) {
      const Estimate& e = cmp.means[i];
      Bar b;
      b.label = d.labels[i];
      b.value = e.mean;
      b.lo = std::isfinite(e.half_width) ? e.low() : kNaN;
      b.hi = std::isfinite(e.half_width) ? e.high() : kNaN;
      b.color = palette_color(i);
      b.note = std::to_string(e.n) + " runs";
      if (i > 0 && cmp.paired[i].n > 0) {
        b.note += "; difference from " + d.labels[0] + " " +
                  format_estimate(cmp.paired[i], decimals_for({cmp.paired[i]})) +
                  (cmp.paired[i].significant() ? " (significant)" : "");
      }
      chart.bars.push_back(b);
    }
    out += render(chart);
  }
  return out;
}

// Up to four lines share one chart; more become small multiples: each design in a chart of its own
// beside the first design (in grey), all on the same y axis, so that none hides another.
std::string many_lines(const LineChart& chart) {
  constexpr std::size_t kMaxLines = 4;
  if (chart.series.size() <= kMaxLines) return render(chart);
  // The extremes of every line and band (bands within the physical bounds): the shared axis.
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  const auto take = [&](double y) {
    if (!std::isfinite(y)) return;
    if (chart.y_floor) y = std::max(y, *chart.y_floor);
    if (chart.y_ceiling) y = std::min(y, *chart.y_ceiling);
    lo = std::min(lo, y);
    hi = std::max(hi, y);
  };
  for (const LineSeries& s : chart.series) {
    for (const double y : s.y) take(y);
    for (const double y : s.lo) take(y);
    for (const double y : s.hi) take(y);
  }
  std::string out = "<div class=\"multiples\" id=\"" + esc(chart.id) + "\">";
  for (std::size_t k = 1; k < chart.series.size(); ++k) {
    LineChart one = chart;
    one.id = chart.id + "-" + std::to_string(k);
    one.title = chart.series[k].name;
    LineSeries first = chart.series[0];
    first.color = "#9a9a9a";
    first.lo.clear();
    first.hi.clear();
    one.series = {first, chart.series[k]};
    one.reference.reset();
    if (std::isfinite(lo)) {
      // Invisible points at the shared extremes give every panel the same axis.
      LineSeries frame;
      frame.name = "";
      frame.color = "none";
      frame.x = {chart.series[0].x.empty() ? 0 : chart.series[0].x.front()};
      frame.y = {lo};
      one.series.push_back(frame);
      frame.y = {hi};
      one.series.push_back(frame);
    }
    out += render(one);
  }
  return "<p class=\"small\">" + esc(chart.title) + "</p>" + out + "</div>";
}

// Daily values binned (mean of the finite days in each bin), then mean and interval over the
// replications of a design, bin by bin.
std::string series_charts(const Store& store, const ReportData& d,
                          const std::vector<std::size_t>& designs) {
  struct Metric {
    const char* column;
    const char* label;
    double ceiling;  // the physical bounds are 0 and this
  };
  constexpr double kNone = std::numeric_limits<double>::infinity();
  const std::vector<Metric> metrics = {{"response_time_p90_h", N_("response time p90 (h)"), kNone},
                                       {"backlog", N_("backlog (open reported cases)"), kNone},
                                       {"trust_mean", N_("trust (0-1)"), 1},
                                       {"gain_mean", N_("sense of gain (0-1)"), 1}};
  const std::vector<Column>& columns = series_columns();
  // runs[design] -> each run's series
  std::vector<std::vector<std::vector<CellRow>>> per_design(d.labels.size());
  std::int64_t days = 0;
  for (const RunRow& r : d.runs) {
    if (r.status != "done") continue;
    const auto design = static_cast<std::size_t>(r.design);
    if (std::find(designs.begin(), designs.end(), design) == designs.end()) continue;
    std::vector<CellRow> s = store.series(r.key);
    if (s.empty()) continue;
    days = std::max(days, static_cast<std::int64_t>(s.size()));
    per_design[design].push_back(std::move(s));
  }
  // The days a policy change took effect in any run shown (day 0 is the start, not a change).
  std::set<std::int64_t> changes;
  std::size_t change_col = 0;
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == "policy_change") change_col = i;
  for (const auto& runs : per_design)
    for (const std::vector<CellRow>& run : runs)
      for (const CellRow& day : run)
        if (day[change_col].as_integer() != 0 && day[0].as_integer() > 0)
          changes.insert(day[0].as_integer());
  if (days == 0)
    return "<p>" + esc(tr("No daily series stored (the runs were made with --no-series).")) +
           "</p>";
  const std::int64_t bin = days > 42 ? 7 : 1;
  const std::int64_t bins = (days + bin - 1) / bin;
  std::string out;
  for (const Metric& m : metrics) {
    std::size_t col = columns.size();
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].name == m.column) col = i;
    }
    if (col == columns.size()) continue;
    LineChart chart;
    chart.id = std::string("series-") + m.column;
    chart.title = std::string(tr(m.label)) + tr(bin > 1 ? N_(", weekly means") : N_(", daily")) +
                  // xgettext:no-c-format
                  tr(": mean and 95% band over replications");
    chart.x_label = tr("day");
    chart.y_label = tr(m.label);
    chart.y_floor = 0;
    if (std::isfinite(m.ceiling)) chart.y_ceiling = m.ceiling;
    for (const std::int64_t day : changes) {
      char label[64];
      std::snprintf(label, sizeof label, tr("policy change, day %lld"),
                    static_cast<long long>(day));
      chart.markers.emplace_back(static_cast<double>(day), label);
    }
    for (std::size_t k = 0; k < designs.size(); ++k) {
      const std::size_t design = designs[k];
      LineSeries s;
      s.name = d.labels[design];
      s.color = palette_color(k);
      for (std::int64_t b = 0; b < bins; ++b) {
        std::vector<double> per_run;
        for (const std::vector<CellRow>& run : per_design[design]) {
          double sum = 0;
          int n = 0;
          for (std::int64_t day = b * bin; day < std::min(days, (b + 1) * bin); ++day) {
            if (static_cast<std::size_t>(day) >= run.size()) break;
            const double v = run[static_cast<std::size_t>(day)][col].number();
            if (std::isfinite(v)) {
              sum += v;
              ++n;
            }
          }
          per_run.push_back(n > 0 ? sum / n : kNaN);
        }
        const Estimate e = estimate(per_run);
        s.x.push_back(static_cast<double>(b * bin) + static_cast<double>(bin + 1) / 2);
        s.y.push_back(e.mean);
        s.lo.push_back(std::isfinite(e.half_width) ? e.low() : kNaN);
        s.hi.push_back(std::isfinite(e.half_width) ? e.high() : kNaN);
      }
      chart.series.push_back(std::move(s));
    }
    out += many_lines(chart);
  }
  return out;
}

// A seek's cells that meet its target (or are within its budget), and its answer: with two keys
// each cell of the heat map is one design.
void mark_seek_cells(const ReportData& d, const Json& seek, Heatmap& chart,
                     std::set<std::pair<std::size_t, std::size_t>>& meets,
                     std::optional<std::pair<std::size_t, std::size_t>>& answer) {
  const auto index = [](const std::vector<std::string>& levels, const std::string& v) {
    return static_cast<std::size_t>(std::find(levels.begin(), levels.end(), v) - levels.begin());
  };
  const auto value = [&](std::size_t design, const std::string& key) {
    const auto it = d.params[design].find(key);
    return it == d.params[design].end() ? std::string() : it->second;
  };
  const auto cell_of = [&](std::size_t i) {
    return std::make_pair(index(chart.x_values, value(i, d.vary_keys[0])),
                          index(chart.y_values, value(i, d.vary_keys[1])));
  };
  const Json& steps = seek["steps"];
  for (const Json& st : steps)
    if (st["feasible"].get<bool>()) meets.insert(cell_of(st["design"].get<std::size_t>()));
  if (!seek["answer"].is_null())
    answer = cell_of(steps[seek["answer"].get<std::size_t>()]["design"].get<std::size_t>());
  const bool budget = seek.value("mode", std::string("target")) == "budget";
  chart.meets_label = (budget ? "within " : "meets ") + seek["target"].get<std::string>() +
                      " (of the points evaluated)";
}

// Levels of a key, in order of first appearance (ascending for stepped ranges).
std::vector<std::string> levels_of(const ReportData& d, const std::string& key) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < d.labels.size(); ++i) {
    if (d.params[i].empty()) continue;  // a --baseline varies no key
    const auto it = d.params[i].find(key);
    const std::string v = it == d.params[i].end() ? std::string() : it->second;
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  const bool numeric = std::all_of(out.begin(), out.end(),
                                   [](const std::string& s) { return as_number(s).has_value(); });
  if (numeric) {
    std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
      return *as_number(a) < *as_number(b);
    });
  }
  return out;
}

std::string surface_chart(const ReportData& d, std::size_t column, const Json* seek) {
  const std::string name = summary_columns()[column].name;
  const std::vector<std::string> short_names = short_key_names(d.vary_keys);
  std::vector<std::size_t> designs = designs_with_runs(d);
  std::erase_if(designs, [&](std::size_t i) { return d.params[i].empty(); });  // a --baseline
  if (designs.empty() || d.vary_keys.empty()) return "";
  const OutcomeComparison cmp = compare_outcome(d.grid, column);
  const auto value = [&](std::size_t design, const std::string& key) {
    const auto it = d.params[design].find(key);
    return it == d.params[design].end() ? std::string() : it->second;
  };
  const auto levels = [&](const std::string& key) { return levels_of(d, key); };
  const std::string title_value = outcome_label(name);
  if (d.vary_keys.size() == 1) {
    const std::vector<std::string> xs = levels(d.vary_keys[0]);
    const bool numeric = std::all_of(xs.begin(), xs.end(),
                                     [](const std::string& s) { return as_number(s).has_value(); });
    LineChart chart;
    chart.id = "surface-" + name;
    chart.title = title_value + " against " + short_names[0] + ": mean and 95% band";
    chart.x_label = d.vary_keys[0];
    chart.y_label = title_value;
    if (!numeric) chart.x_categories = xs;
    LineSeries s;
    s.name = title_value;
    s.color = palette_color(0);
    for (const std::size_t i : designs) {
      const std::string v = value(i, d.vary_keys[0]);
      const double x = numeric
                           ? *as_number(v)
                           : static_cast<double>(std::find(xs.begin(), xs.end(), v) - xs.begin());
      s.x.push_back(x);
    }
    std::vector<std::size_t> order(designs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return s.x[a] < s.x[b]; });
    LineSeries sorted = s;
    sorted.x.clear();
    for (const std::size_t o : order) {
      const Estimate& e = cmp.means[designs[o]];
      sorted.x.push_back(s.x[o]);
      sorted.y.push_back(e.mean);
      sorted.lo.push_back(std::isfinite(e.half_width) ? e.low() : kNaN);
      sorted.hi.push_back(std::isfinite(e.half_width) ? e.high() : kNaN);
    }
    chart.series.push_back(std::move(sorted));
    if (seek && (*seek)["target_column"].get<std::string>() == name) {
      chart.reference = (*seek)["target_bound"].get<double>();
      chart.reference_label = "target " + (*seek)["target"].get<std::string>();
    }
    return render(chart);
  }
  const std::string& kx = d.vary_keys[0];
  const std::string& ky = d.vary_keys[1];
  if (d.plan.value("method", std::string()) == "lhs") {
    Scatter chart;
    chart.id = "surface-" + name;
    chart.title = title_value + " over " + short_names[0] + " and " + short_names[1] +
                  " (Latin hypercube points)";
    chart.x_label = kx;
    chart.y_label = ky;
    chart.value_label = title_value;
    const std::vector<std::string> lx = levels(kx);
    const std::vector<std::string> ly = levels(ky);
    for (const std::size_t i : designs) {
      const auto coordinate = [&](const std::string& key, const std::vector<std::string>& lv) {
        const std::string v = value(i, key);
        if (const auto x = as_number(v)) return *x;
        return static_cast<double>(std::find(lv.begin(), lv.end(), v) - lv.begin());
      };
      chart.points.push_back({coordinate(kx, lx), coordinate(ky, ly), cmp.means[i].mean,
                              d.labels[i] + ": " + format_estimate(cmp.means[i], 4)});
    }
    return render(chart);
  }
  Heatmap chart;
  chart.id = "surface-" + name;
  chart.title = title_value + " over " + short_names[0] + " and " + short_names[1] +
                (d.vary_keys.size() > 2 ? " (mean over the other keys)" : "");
  chart.x_label = kx;
  chart.y_label = short_names[1];  // rotated beside the map: the full key would be cut
  chart.value_label = title_value;
  chart.x_values = levels(kx);
  chart.y_values = levels(ky);
  std::map<std::pair<std::size_t, std::size_t>, std::vector<double>> cells;
  for (const std::size_t i : designs) {
    const auto xi = static_cast<std::size_t>(
        std::find(chart.x_values.begin(), chart.x_values.end(), value(i, kx)) -
        chart.x_values.begin());
    const auto yi = static_cast<std::size_t>(
        std::find(chart.y_values.begin(), chart.y_values.end(), value(i, ky)) -
        chart.y_values.begin());
    if (std::isfinite(cmp.means[i].mean)) cells[{xi, yi}].push_back(cmp.means[i].mean);
  }
  std::set<std::pair<std::size_t, std::size_t>> meets;
  std::optional<std::pair<std::size_t, std::size_t>> answer;
  if (seek && d.vary_keys.size() == 2) mark_seek_cells(d, *seek, chart, meets, answer);
  for (const auto& [at, values] : cells) {
    const Estimate e = estimate(values);
    HeatCell cell{at.first, at.second, e.mean,
                  short_names[0] + "=" + chart.x_values[at.first] + ", " + short_names[1] + "=" +
                      chart.y_values[at.second] + ": " + format_number(e.mean)};
    cell.meets = meets.count(at) > 0;
    cell.answer = answer && *answer == at;
    chart.cells.push_back(std::move(cell));
  }
  return render(chart);
}

// Before and after: for each design whose runs have policy changes, its periods against the first
// period of the same runs.
std::string periods_section(const Store& store, const ReportData& d,
                            const std::vector<std::size_t>& designs) {
  std::string out;
  for (const std::size_t design : designs) {
    const std::optional<PeriodComparison> c = compare_periods(store, design);
    if (!c) continue;
    out += "<h3>" + esc(d.labels[design]) + "</h3><table class=\"periods\"><tr><th></th>";
    for (const std::string& p : c->periods) out += "<th>" + esc(p) + "</th>";
    out += "</tr>";
    for (const PeriodRow& r : c->rows) {
      out += "<tr><td>" + esc(r.metric) + "</td>";
      for (std::size_t k = 0; k < c->periods.size(); ++k) {
        out += "<td class=\"num\">" + esc(format_estimate(r.means[k], decimals_for(r.means)));
        const Estimate& diff = r.paired[k];
        if (k > 0 && diff.n > 0) {
          const bool sig = diff.significant();
          const int better = sig ? outcome_direction(r.metric) * (diff.mean > 0 ? 1 : -1) : 0;
          out += "<br><span class=\"diff" +
                 std::string(better > 0   ? " better"
                             : better < 0 ? " worse"
                             : sig        ? " sig"
                                          : "") +
                 "\">Δ " + esc(format_estimate(diff, decimals_for({diff}))) + (sig ? " *" : "") +
                 (better > 0   ? " " + esc(tr("better"))
                  : better < 0 ? " " + esc(tr("worse"))
                               : std::string()) +
                 "</span>";
        }
        out += "</td>";
      }
      out += "</tr>";
    }
    out += "</table>";
  }
  if (out.empty()) return "";
  return "<section id=\"periods\"><h2>" + esc(tr("Before and after")) + "</h2><p class=\"small\">" +
         esc(tr("Each period between policy changes, over its days after the warm-up; Δ: the "
                "period minus the first period of the same run, run by run.")) +
         "</p>" + out + "</section>";
}

// Who gains and who loses: for each design against the first, a map of the paired difference of
// each grid's outcome (replication by replication, common random numbers), and the spread of
// the grids' means and the mean of the worst tenth of grids, per design.
std::string grids_section(const Store& store, const ReportData& d,
                          const std::vector<std::size_t>& designs) {
  constexpr std::size_t kMaxMaps = 8;
  struct Outcome {
    const char* column;
    const char* label;
  };
  const std::vector<Outcome> outcomes = {{"response_time_mean_h", N_("response time, mean (h)")},
                                         {"trust_mean", N_("trust (0-1)")}};
  const std::vector<Column>& columns = grid_columns();
  const auto column_of = [&](const char* name) {
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (columns[i].name == name) return i;
    return columns.size();
  };
  const std::size_t xcol = column_of("x_km"), ycol = column_of("y_km");
  // per design, per replication: the run's grids
  std::map<std::size_t, std::map<std::int64_t, std::vector<CellRow>>> runs;
  std::vector<GridNames> names;
  for (const RunRow& r : d.runs) {
    if (r.status != "done" || r.design < 0) continue;
    const auto design = static_cast<std::size_t>(r.design);
    if (std::find(designs.begin(), designs.end(), design) == designs.end()) continue;
    std::vector<GridNames> n;
    std::vector<CellRow> g = store.grids(r.key, &n);
    if (g.empty()) continue;
    if (names.empty()) names = n;
    runs[design][r.replication] = std::move(g);
  }
  if (runs.size() < 2 || designs.empty() || !runs.count(designs[0])) return "";
  const std::size_t base = designs[0];
  const std::size_t grids = runs[base].begin()->second.size();
  std::string out = "<section id=\"grids\"><h2>" + esc(tr("Who gains and who loses")) +
                    "</h2><p class=\"small\">" +
                    esc(tr("One square per grid at its place in the city (north up). Colour: the "
                           "paired difference from the first design of the grid's mean over the "
                           "run, replication by replication; green where the grid is better off, "
                           "red where worse. Hover for the grid's names and figures.")) +
                    "</p>";
  // The equity figures: spread across grids and the worst tenth, per design.
  std::string table = "<table id=\"equity-table\"><tr><th>" + esc(tr("design")) + "</th>";
  for (const Outcome& o : outcomes) {
    table += "<th>" + esc(tr(o.label)) + ": " + esc(tr("spread across grids")) + "</th><th>" +
             esc(tr(o.label)) + ": " + esc(tr("worst tenth of grids")) + "</th>";
  }
  table += "</tr>";
  for (const std::size_t design : designs) {
    if (!runs.count(design)) continue;
    table += "<tr><td>" + esc(d.labels[design]) + "</td>";
    for (const Outcome& o : outcomes) {
      const std::size_t col = column_of(o.column);
      const int direction = outcome_direction(o.column);
      std::vector<double> spread, worst;
      for (const auto& [rep, g] : runs[design]) {
        std::vector<double> v;
        for (const CellRow& row : g)
          if (std::isfinite(row[col].number())) v.push_back(row[col].number());
        if (v.empty()) continue;
        std::sort(v.begin(), v.end());
        spread.push_back(v.back() - v.front());
        const std::size_t tenth = std::max<std::size_t>(1, v.size() / 10);
        double sum = 0;
        for (std::size_t i = 0; i < tenth; ++i) sum += direction < 0 ? v[v.size() - 1 - i] : v[i];
        worst.push_back(sum / static_cast<double>(tenth));
      }
      const Estimate a = estimate(spread), b = estimate(worst);
      table += "<td class=\"num\">" + esc(format_estimate(a, decimals_for({a}))) +
               "</td><td class=\"num\">" + esc(format_estimate(b, decimals_for({b}))) + "</td>";
    }
    table += "</tr>";
  }
  out += table + "</table>";
  std::size_t maps = 0;
  for (const std::size_t design : designs) {
    if (design == base || !runs.count(design) || maps++ >= kMaxMaps) continue;
    for (const Outcome& o : outcomes) {
      const std::size_t col = column_of(o.column);
      GridMap map;
      map.id = "map-" + std::to_string(design) + "-" + o.column;
      map.title = std::string(tr(o.label)) + ": " + d.labels[design] + " − " + d.labels[base];
      map.value_label = "Δ " + std::string(tr(o.label));
      map.direction = outcome_direction(o.column) < 0 ? -1 : 1;
      map.better = tr("better");
      map.worse = tr("worse");
      for (std::size_t g = 0; g < grids; ++g) {
        std::vector<double> a, b;
        for (const auto& [rep, rows] : runs[base]) {
          const auto it = runs[design].find(rep);
          if (it == runs[design].end() || g >= rows.size() || g >= it->second.size()) continue;
          a.push_back(it->second[g][col].number());
          b.push_back(rows[g][col].number());
        }
        const Estimate e = paired_difference(a, b);
        MapCell cell;
        cell.x_km = runs[base].begin()->second[g][xcol].number();
        cell.y_km = runs[base].begin()->second[g][ycol].number();
        cell.value = e.mean;
        const GridNames n = g < names.size() ? names[g] : GridNames{};
        cell.tooltip = n.street + " / " + n.community + " / " + n.grid + ": Δ " +
                       format_estimate(e, decimals_for({e}));
        map.cells.push_back(std::move(cell));
      }
      out += render(map);
    }
  }
  return out + "</section>";
}

// The frontier: a chart of cost against each outcome with the shipped designs placed on it, and
// a table of the frontier's designs and their keys.
std::string frontier_section(const ReportData& d, const Json& f) {
  const Json& dims = f["dimensions"];
  std::string out = "<section id=\"frontier\"><h2>" + esc(tr("Frontier")) + "</h2><p>";
  std::size_t on = 0;
  for (const Json& p : f["points"]) on += p["on_frontier"].get<bool>() ? 1 : 0;
  char lede[512];
  std::snprintf(lede, sizeof lede,
                tr("%zu of %zu designs are on the frontier: no other design has a lower %s and a "
                   "better outcome at once (by the means; the paired 95%% intervals tell which "
                   "places are clear). Every design had %lld replications; designs in doubt up to "
                   "%lld."),
                on, f["points"].size(), dims[0]["column"].get<std::string>().c_str(),
                static_cast<long long>(f["replications"].get<std::int64_t>()),
                static_cast<long long>(f["max_replications"].get<std::int64_t>()));
  out += esc(lede) + "</p>";
  const auto mark = [&](const Json& p, int kind, std::size_t k) {
    FrontierMark m;
    m.x = number_of(p["means"][0]["mean"]);
    m.x_half = number_of(p["means"][0]["half_width"]);
    m.y = number_of(p["means"][k]["mean"]);
    m.y_half = number_of(p["means"][k]["half_width"]);
    m.kind = kind;
    m.label = p["label"].get<std::string>();
    m.tooltip = m.label + ": " + format_number(m.x) + ", " + format_number(m.y) + " (" +
                std::to_string(p["replications"].get<std::int64_t>()) + " replications)";
    return m;
  };
  for (std::size_t k = 1; k < dims.size(); ++k) {
    FrontierChart chart;
    const std::string xname = dims[0]["column"].get<std::string>();
    const std::string yname = dims[k]["column"].get<std::string>();
    chart.id = "frontier-" + yname;
    chart.title = outcome_label(yname) + " " + tr("against") + " " + outcome_label(xname);
    chart.x_label = outcome_label(xname);
    chart.y_label = outcome_label(yname) + (dims[k]["direction"].get<int>() > 0
                                                ? std::string(" ") + tr("(higher is better)")
                                                : std::string(" ") + tr("(lower is better)"));
    // xgettext:no-c-format
    chart.on_frontier = tr("on the frontier (95% CI band and whiskers)");
    chart.dominated = tr("dominated");
    chart.placed = tr("placed for reference");
    for (const Json& p : f["points"]) chart.marks.push_back(mark(p, p["on_frontier"] ? 1 : 0, k));
    for (const Json& p : f["placed"]) chart.marks.push_back(mark(p, 2, k));
    out += render(chart);
  }
  // The table: the frontier's designs in order of cost, with their keys.
  std::vector<const Json*> front;
  for (const Json& p : f["points"])
    if (p["on_frontier"].get<bool>()) front.push_back(&p);
  std::sort(front.begin(), front.end(), [](const Json* a, const Json* b) {
    return number_of((*a)["means"][0]["mean"]) < number_of((*b)["means"][0]["mean"]);
  });
  // Short key names in the headings (the full key as a tooltip), in a box that scrolls: a table
  // of four long keys must not widen the page.
  const std::vector<std::string> short_names = short_key_names(d.vary_keys);
  out += "<div class=\"scroll\"><table id=\"frontier-table\"><tr>";
  for (std::size_t k = 0; k < d.vary_keys.size(); ++k)
    out += "<th title=\"" + esc(d.vary_keys[k]) + "\">" + esc(short_names[k]) + "</th>";
  for (const Json& dim : dims)
    out += "<th>" + esc(outcome_label(dim["column"].get<std::string>())) + " (95% CI)</th>";
  out += "<th>" + esc(tr("replications")) + "</th><th>" + esc(tr("clear")) + "</th></tr>";
  const auto cells = [&](const Json& p) {
    std::string row;
    for (std::size_t k = 0; k < dims.size(); ++k) {
      Estimate e;
      e.n = p["means"][k]["n"].get<std::int64_t>();
      e.mean = number_of(p["means"][k]["mean"]);
      e.half_width = number_of(p["means"][k]["half_width"]);
      row += "<td class=\"num\">" + esc(format_estimate(e, decimals_for({e}))) + "</td>";
    }
    return row + "<td class=\"num\">" + std::to_string(p["replications"].get<std::int64_t>()) +
           "</td>";
  };
  for (const Json* p : front) {
    out += "<tr>";
    for (const std::string& k : d.vary_keys)
      out += "<td>" + esc((*p)["params"].value(k, std::string())) + "</td>";
    out += cells(*p) + "<td class=\"" + ((*p)["settled"].get<bool>() ? "ok\">" : "no\">") +
           esc((*p)["settled"].get<bool>() ? tr("yes") : tr("not yet")) + "</td></tr>";
  }
  out += "</table></div>";
  if (!f["placed"].empty()) {
    out += "<h3>" + esc(tr("Designs placed for reference")) +
           "</h3><table id=\"placed-table\"><tr><th>" + esc(tr("design")) + "</th>";
    for (const Json& dim : dims)
      out += "<th>" + esc(outcome_label(dim["column"].get<std::string>())) + " (95% CI)</th>";
    out += "<th>" + esc(tr("replications")) + "</th><th>" + esc(tr("clearly beaten by")) +
           "</th></tr>";
    for (const Json& p : f["placed"]) {
      std::string by;
      for (const Json& b : p["clearly_dominated_by"])
        by += (by.empty() ? "" : ", ") + b.get<std::string>();
      out += "<tr><td>" + esc(p["label"].get<std::string>()) + "</td>" + cells(p) + "<td>" +
             esc(by.empty() ? std::string(tr("no design of the grid")) : by) + "</td></tr>";
    }
    out += "</table>";
  }
  return out + "</section>";
}

std::string seek_section(const ReportData& d, const Json& seek) {
  std::string out = "<section id=\"seek\"><h2>Answer</h2>";
  const std::string target = seek["target"].get<std::string>();
  const double confidence = seek["confidence"].get<double>();
  const std::string cost = seek["minimize"].get<std::string>();
  const bool budget = seek.value("mode", "target") == "budget";
  const std::string best = seek.value("maximize", false) ? "greatest " + cost : "least " + cost;
  char conf[32];
  std::snprintf(conf, sizeof conf, "%g%%", confidence * 100);
  if (seek["answer"].is_null()) {
    out += "<div class=\"none\" id=\"seek-answer\">No point of the grid " +
           std::string(budget ? "is within <b>" : "meets <b>") + esc(target) + "</b> with " + conf +
           " confidence.</div>";
  } else {
    const Json& a = seek["steps"][seek["answer"].get<std::size_t>()];
    const std::string what =
        budget
            ? "</b> has the " + esc(best) + " (by its mean) of the settings within the budget <b>"
            : "</b> has the " + esc(best) + " (by its mean) of the settings that meet <b>";
    out += "<div class=\"answer\" id=\"seek-answer\"><b>" + esc(a["label"].get<std::string>()) +
           what + esc(target) + "</b> with " + conf + " confidence (one-sided bound " +
           esc(bound_text(a["bound"], a["target_half_width"])) + ").<br>" +
           esc(seek["target_column"].get<std::string>()) + ": " +
           esc(interval_text(a["target_mean"], a["target_half_width"])) + " (95% CI); " +
           esc(cost) + ": " + esc(interval_text(a["cost_mean"], a["cost_half_width"])) + ".</div>";
  }
  out += "<p>Points evaluated, in order (each with " +
         std::to_string(seek["replications"].get<std::int64_t>()) +
         " paired replications):</p><table id=\"seek-steps\"><tr><th>round</th><th>point</th>"
         "<th>" +
         esc(seek["target_column"].get<std::string>()) +
         " (95% CI)</th><th>one-sided bound</th>"
         "<th>" +
         std::string(budget ? "within budget" : "meets target") + "</th><th>" + esc(cost) +
         " (95% CI)</th></tr>";
  for (const Json& s : seek["steps"]) {
    const bool ok = s["feasible"].get<bool>();
    out += "<tr><td class=\"num\">" + std::to_string(s["round"].get<int>()) + "</td><td>" +
           esc(s["label"].get<std::string>()) + "</td><td class=\"num\">" +
           esc(interval_text(s["target_mean"], s["target_half_width"])) +
           "</td><td class=\"num\">" + esc(bound_text(s["bound"], s["target_half_width"])) +
           "</td><td class=\"" + (ok ? "ok\">yes" : "no\">no") + "</td><td class=\"num\">" +
           esc(interval_text(s["cost_mean"], s["cost_half_width"])) + "</td></tr>";
  }
  (void)d;
  return out + "</table></section>";
}

std::string sensitivity_section(const ReportData& d, const SensitivityDesign& s,
                                const std::vector<std::size_t>& outcomes) {
  const std::vector<std::string> names = factor_labels(s.factors);
  std::string out = "<section id=\"sensitivity\"><h2>Sensitivity</h2><p>";
  if (s.method == "oat") {
    out +=
        "One at a time: each parameter at the low and the high end of its range, the others at "
        "their midpoints (" +
        std::to_string(s.points.size()) +
        " points). mu* is the size of the change from low to high, mu the change with its "
        "sign; the interval comes from the paired replications.";
  } else {
    out += "Morris elementary effects (Campolongo's mu*): " + std::to_string(s.trajectories) +
           " trajectories on a " + std::to_string(s.levels) +
           "-level grid, each moving every "
           "parameter once by " +
           esc(format_number(morris_delta(s.levels), 3)) + " of its range, the most spread of " +
           std::to_string(s.candidates) + " random candidates (" + std::to_string(s.points.size()) +
           " points). An elementary effect is the change of the outcome scaled to the whole "
           "range of the parameter; mu* is the mean of their sizes and ranks the parameters, mu "
           "their mean with sign, sigma their spread (large when the effect depends on the other "
           "parameters). The interval of mu* is a bootstrap over the trajectories.";
  }
  out +=
      "</p><table id=\"sensitivity-factors\"><tr><th>parameter</th><th>low</th><th>high</th>"
      "</tr>";
  for (const Factor& f : s.factors) {
    out += "<tr><td><code>" + esc(f.key) + "</code></td><td class=\"num\">" +
           esc(format_number(f.lo, 6)) + "</td><td class=\"num\">" + esc(format_number(f.hi, 6)) +
           "</td></tr>";
  }
  out += "</table>";
  const bool oat = s.method == "oat";
  for (const std::size_t c : outcomes) {
    const std::string name = summary_columns()[c].name;
    const std::vector<FactorEffect> effects = ranked(effects_on(s, d.grid, c));
    BarChart chart;
    chart.id = "sensitivity-" + name;
    chart.title = outcome_label(name) + ": mu* and 95% CI, ranked";
    chart.value_label = "mu*: change of " + outcome_label(name) + " over the parameter's range";
    std::string table = "<table class=\"sensitivity-table\" id=\"sensitivity-table-" + name +
                        "\"><tr><th>rank</th><th>parameter</th><th>mu*</th><th>95% CI of mu*</th>"
                        "<th>mu</th>" +
                        std::string(oat ? "" : "<th>sigma</th>") + "<th>n</th></tr>";
    int rank = 0;
    for (const FactorEffect& e : effects) {
      Bar b;
      b.label = names[e.factor];
      b.value = e.mu_star;
      b.lo = e.ci_low;
      b.hi = e.ci_high;
      b.color = palette_color(e.factor);
      b.note = "mu " + format_number(e.mu) + (oat ? "" : ", sigma " + format_number(e.sigma)) +
               ", n " + std::to_string(e.n);
      chart.bars.push_back(b);
      const std::string ci = std::isfinite(e.ci_low)
                                 ? format_number(e.ci_low) + " to " + format_number(e.ci_high)
                                 : std::string("n/a");
      table +=
          "<tr><td class=\"num\">" + std::to_string(++rank) + "</td><td><code>" +
          esc(s.factors[e.factor].key) + "</code></td><td class=\"num\">" +
          esc(format_number(e.mu_star)) + "</td><td class=\"num\">" + esc(ci) +
          "</td><td class=\"num\">" + esc(format_number(e.mu)) + "</td>" +
          (oat ? std::string() : "<td class=\"num\">" + esc(format_number(e.sigma)) + "</td>") +
          "<td class=\"num\">" + std::to_string(e.n) + "</td></tr>";
    }
    out += "<h3>" + esc(outcome_label(name)) + "</h3>" + render(chart) + table + "</table>";
  }
  return out + "</section>";
}

std::string runs_table(const ReportData& d) {
  std::string out =
      "<div class=\"scroll\"><table id=\"runs-table\"><tr><th>design</th><th>replication</th>"
      "<th>seed</th><th>status</th><th>wall s</th><th>where</th><th>started (UTC)</th>"
      "<th>state hash</th><th>run key</th></tr>";
  std::size_t shown = 0;
  std::size_t hash_column = summary_columns().size();
  for (std::size_t c = 0; c < summary_columns().size(); ++c) {
    if (summary_columns()[c].kind == CellKind::Hash) hash_column = c;
  }
  for (const RunRow& r : d.runs) {
    if (++shown > kMaxRunRows) break;
    std::string hash;
    const auto it = d.summaries.find(r.key);
    if (it != d.summaries.end() && hash_column < it->second.size() &&
        it->second[hash_column].kind == CellKind::Hash) {
      hash = hex16(it->second[hash_column].as_hash());
    }
    char wall[32];
    std::snprintf(wall, sizeof wall, "%.2f", r.wall_seconds);
    out += "<tr><td>" + esc(r.label) + "</td><td class=\"num\">" +
           std::to_string(r.replication + 1) + "</td><td class=\"num\">" + std::to_string(r.seed) +
           "</td><td>" + esc(r.status) + (r.error.empty() ? "" : ": " + esc(r.error)) +
           "</td><td class=\"num\">" + wall + "</td><td>" + esc(r.host) + "</td><td>" +
           esc(r.started_utc) + "</td><td><code>" + hash + "</code></td><td><code>" + esc(r.key) +
           "</code></td></tr>";
  }
  out += "</table></div>";
  if (d.runs.size() > kMaxRunRows) {
    out += "<p class=\"small\">The first " + std::to_string(kMaxRunRows) + " of " +
           std::to_string(d.runs.size()) + " runs; `govsim export` writes them all.</p>";
  }
  return out;
}

std::string manifest_section(const Store& store, const ReportData& d) {
  std::string out =
      "<section id=\"manifest\"><h2>" + esc(tr("Manifest")) + "</h2><table id=\"manifest-table\">";
  for (const char* key :
       {"govsim", "created_utc", "command", "resumed_by", "shard", "merged_from"}) {
    const std::optional<std::string> v = store.meta(key);
    if (v && !v->empty())
      out += "<tr><th>" + std::string(key) + "</th><td><code>" + esc(*v) + "</code></td></tr>";
  }
  double total = 0;
  for (const RunRow& r : d.runs) total += r.wall_seconds;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f s", total);
  out += "<tr><th>simulated time</th><td>" + std::string(buf) + " of run time in " +
         std::to_string(d.runs.size()) + " runs</td></tr></table>";
  out += "<details><summary>The plan (designs, overrides, seeds)</summary><pre>" +
         esc(d.plan.dump(2)) + "</pre></details>";
  for (const RunRow& r : d.runs) {
    if (r.status != "done") continue;
    Json m = Json::parse(r.manifest, nullptr, false);
    if (m.is_discarded()) continue;
    out += "<details><summary>Manifest of the first run (" + esc(r.label) + ", replication " +
           std::to_string(r.replication + 1) +
           "): version, platform, timings, the resolved scenario</summary><pre>" + esc(m.dump(2)) +
           "</pre></details>";
    break;
  }
  return out + "</section>";
}

}  // namespace

std::string render_report(const Store& store, const ReportOptions& options) {
  const ReportData d = gather(store);
  std::optional<Json> seek;
  if (const auto text = store.meta("seek")) seek = Json::parse(*text);
  std::optional<Json> frontier;
  if (const auto text = store.meta("frontier")) frontier = Json::parse(*text);
  std::optional<SensitivityDesign> sensitivity;
  if (d.kind == "sensitivity" && d.plan.contains("analysis")) {
    sensitivity = design_from_json(d.plan["analysis"]);
  }
  std::vector<std::size_t> outcomes = !options.outcomes.empty() ? options.outcomes
                                      : sensitivity             ? default_sensitivity_outcomes()
                                                                : default_outcomes();
  if (seek) {
    // The target and the cost lead, whatever else is shown.
    std::vector<std::size_t> lead = {
        outcome_column(seek->at("target_column").get<std::string>(), "seek"),
        outcome_column(seek->at("minimize").get<std::string>(), "seek")};
    for (const std::size_t c : outcomes) {
      if (std::find(lead.begin(), lead.end(), c) == lead.end()) lead.push_back(c);
    }
    outcomes = lead;
  }
  const std::vector<std::size_t> designs = designs_with_runs(d);
  const std::size_t surface = options.surface_outcome.empty()
                                  ? outcomes.front()
                                  : outcome_column(options.surface_outcome, "--outcome");
  std::int64_t failed = 0;
  for (const RunRow& r : d.runs) failed += r.status == "done" ? 0 : 1;

  const bool one = d.labels.size() == 1;
  const char* noun = d.kind == "compare" ? (one ? N_("design") : N_("designs"))
                     : d.kind == "seek"  ? (one ? N_("grid point") : N_("grid points"))
                                         : (one ? N_("point") : N_("points"));
  std::string title = "govsim " + d.kind + ": " + std::to_string(d.labels.size()) + " " + tr(noun);
  if (d.kind == "seek") title += ", " + std::to_string(designs.size()) + " evaluated";
  if (sensitivity) title += sensitivity->method == "oat" ? " (one at a time)" : " (Morris)";
  std::string html = report_page_head(title);
  char lede[512];
  std::snprintf(lede, sizeof lede,
                tr("%lld runs%s, up to %lld replications per design; replication i of every "
                   "design used seed %llu + i. Written by %s."),
                static_cast<long long>(d.runs.size()),
                failed ? (" (" + std::to_string(failed) + tr(" failed") + ")").c_str() : "",
                static_cast<long long>(d.grid.max_replications()),
                static_cast<unsigned long long>(d.plan.value("base_seed", std::uint64_t{1})),
                store.meta("govsim").value_or("govsim").c_str());
  html += "<h1>" + esc(title) + "</h1><p class=\"lede\">" + esc(lede) + "</p>\n";
  // A sensitivity experiment's points are a means to the ranking, not designs to compare.
  const bool comparing = !sensitivity;
  html += "<nav>";
  if (seek) html += "<a href=\"#seek\">answer</a>";
  if (frontier) html += "<a href=\"#frontier\">" + esc(tr("frontier")) + "</a>";
  if (sensitivity) html += "<a href=\"#sensitivity\">sensitivity</a>";
  if (comparing)
    html += "<a href=\"#comparison\">" + esc(tr("comparison")) + "</a><a href=\"#summaries\">" +
            esc(tr("summaries")) + "</a>";
  const bool show_series = comparing && !designs.empty() && designs.size() <= kMaxSeriesDesigns;
  if (show_series) html += "<a href=\"#series\">" + esc(tr("over time")) + "</a>";
  if (comparing && !d.vary_keys.empty())
    html += "<a href=\"#surface\">" + esc(tr("response surface")) + "</a>";
  const std::string grids =
      comparing && d.kind == "compare" ? grids_section(store, d, designs) : "";
  if (!grids.empty()) html += "<a href=\"#grids\">" + esc(tr("who gains and who loses")) + "</a>";
  html += "<a href=\"#runs\">" + esc(tr("runs")) + "</a><a href=\"#manifest\">" +
          esc(tr("manifest")) + "</a></nav>\n";
  if (seek) html += seek_section(d, *seek) + "\n";
  if (frontier) html += frontier_section(d, *frontier) + "\n";
  if (sensitivity) html += sensitivity_section(d, *sensitivity, outcomes) + "\n";
  if (comparing) {
    const std::string none = "<p>" + esc(tr("No finished runs yet.")) + "</p>";
    html += "<section id=\"comparison\"><h2>" + esc(tr("Comparison")) + "</h2>" +
            (designs.empty() ? none : comparison_table(d, designs, outcomes)) + "</section>\n";
    html += "<section id=\"summaries\"><h2>" + esc(tr("Summaries")) + "</h2>";
    if (designs.empty()) {
      html += none;
    } else if (designs.size() <= kMaxBarDesigns) {
      html += bar_charts(d, designs, outcomes);
    } else {
      html += "<p>" + std::to_string(designs.size()) +
              " designs are too many for bar charts; see the response surface.</p>";
    }
    html += "</section>\n";
  }
  if (show_series) {
    html += "<section id=\"series\"><h2>" + esc(tr("Over time")) + "</h2>" +
            series_charts(store, d, designs) + "</section>\n";
  }
  html += grids;
  if (comparing) html += periods_section(store, d, designs);
  if (comparing && !d.vary_keys.empty()) {
    html += "<section id=\"surface\"><h2>Response surface</h2>" +
            surface_chart(d, surface, seek ? &*seek : nullptr);
    if (surface != outcomes.front() || outcomes.size() > 1) {
      // A second surface for the cost, when it is a seek: the trade-off is the point.
      if (seek) html += surface_chart(d, outcomes[1], &*seek);
    }
    html += "</section>\n";
  }
  html += "<section id=\"runs\"><h2>" + esc(tr("Runs")) + "</h2>" + runs_table(d) + "</section>\n";
  html += manifest_section(store, d) + "\n</body></html>\n";
  return html;
}

void write_report(const Store& store, const ReportOptions& options, const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  write_file_atomically(path, render_report(store, options));
}

}  // namespace govsim::batch
