#include "experiments/report_html.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "engine/i18n.hpp"
#include "experiments/comparison.hpp"
#include "experiments/names.hpp"
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
.diff{color:#666;font-size:12px}.sig{color:#b00020;font-weight:600}
.answer{background:#eef6ee;border:1px solid #9c9;padding:10px 14px;border-radius:6px}
.none{background:#fbeeee;border:1px solid #d99;padding:10px 14px;border-radius:6px}
.scroll{overflow-x:auto}pre{background:#f7f7f7;padding:10px;overflow-x:auto;font-size:12px}
svg.chart{display:block;margin:10px 0 18px;max-width:100%;height:auto;font:11px system-ui,sans-serif}
svg .chart-title{font-size:13px;font-weight:600}svg .axis-label{font-size:12px;fill:#444}
svg .grid{stroke:#e6e6e6}svg .axis{stroke:#888}svg .band{opacity:.18;stroke:none}
svg .line{fill:none;stroke-width:1.8}svg .whisker{stroke:#222;stroke-width:1.2;fill:none}
svg .reference{stroke:#b00020;stroke-dasharray:6 4;stroke-width:1.5}
.ok{color:#1a7f37}.no{color:#b00020}.small{font-size:12px;color:#666}
)";

std::string esc(const std::string& s) { return escape_html(s); }

std::optional<double> as_number(const std::string& text) {
  double x = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return x;
}

// A number of the seek record; null (NaN when it was written) reads back as NaN.
double number_of(const Json& value) { return value.is_number() ? value.get<double>() : kNaN; }

struct ReportData {
  Json plan;
  std::string kind;
  std::vector<std::string> labels;
  std::vector<std::map<std::string, std::string>> params;  // per design
  std::vector<std::string> vary_keys;
  std::vector<RunRow> runs;
  std::map<std::string, CellRow> summaries;
  ResultGrid grid{{}};
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
      if (i > 0 && c.paired[i].n > 0) {
        const bool sig = c.paired[i].significant();
        out += "<br><span class=\"diff" + std::string(sig ? " sig" : "") + "\">Δ " +
               esc(format_estimate(c.paired[i], diff_decimals)) + (sig ? " *" : "") + "</span>";
      }
      out += "</td>";
    }
    out += "</tr>";
  }
  out += "</table></div><p class=\"small\">" +
         // xgettext:no-c-format
         esc(tr("Mean ± half-width of the 95% confidence interval (Student's t over "
                "replications). Δ: paired difference from")) +
         " <b>" + esc(d.labels.empty() ? "" : d.labels[0]) + "</b>" +
         esc(tr(", replication by replication (common random numbers); * the interval excludes "
                "0.")) +
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

// Daily values binned (mean of the finite days in each bin), then mean and interval over the
// replications of a design, bin by bin.
std::string series_charts(const Store& store, const ReportData& d,
                          const std::vector<std::size_t>& designs) {
  struct Metric {
    const char* column;
    const char* label;
  };
  const std::vector<Metric> metrics = {{"response_time_p90_h", N_("response time p90 (h)")},
                                       {"backlog", N_("backlog (open reported cases)")},
                                       {"trust_mean", N_("trust (0-1)")},
                                       {"gain_mean", N_("sense of gain (0-1)")}};
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
    for (const std::size_t design : designs) {
      LineSeries s;
      s.name = d.labels[design];
      s.color = palette_color(design);
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
    out += render(chart);
  }
  return out;
}

std::string surface_chart(const ReportData& d, std::size_t column, const Json* seek) {
  const std::string name = summary_columns()[column].name;
  const std::vector<std::string> short_names = short_key_names(d.vary_keys);
  std::vector<std::size_t> designs = designs_with_runs(d);
  if (designs.empty() || d.vary_keys.empty()) return "";
  const OutcomeComparison cmp = compare_outcome(d.grid, column);
  const auto value = [&](std::size_t design, const std::string& key) {
    const auto it = d.params[design].find(key);
    return it == d.params[design].end() ? std::string() : it->second;
  };
  // Levels of a key, in order of first appearance (ascending for stepped ranges).
  const auto levels = [&](const std::string& key) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < d.labels.size(); ++i) {
      const std::string v = value(i, key);
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
  };
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
  chart.y_label = ky;
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
  for (const auto& [at, values] : cells) {
    const Estimate e = estimate(values);
    chart.cells.push_back({at.first, at.second, e.mean,
                           short_names[0] + "=" + chart.x_values[at.first] + ", " + short_names[1] +
                               "=" + chart.y_values[at.second] + ": " + format_number(e.mean)});
  }
  return render(chart);
}

std::string seek_section(const ReportData& d, const Json& seek) {
  std::string out = "<section id=\"seek\"><h2>Answer</h2>";
  const std::string target = seek["target"].get<std::string>();
  const double confidence = seek["confidence"].get<double>();
  const std::string cost = seek["minimize"].get<std::string>();
  char conf[32];
  std::snprintf(conf, sizeof conf, "%g%%", confidence * 100);
  if (seek["answer"].is_null()) {
    out += "<div class=\"none\" id=\"seek-answer\">No point of the grid meets <b>" + esc(target) +
           "</b> with " + conf + " confidence.</div>";
  } else {
    const Json& a = seek["steps"][seek["answer"].get<std::size_t>()];
    out += "<div class=\"answer\" id=\"seek-answer\"><b>" + esc(a["label"].get<std::string>()) +
           "</b> is the cheapest setting found that meets <b>" + esc(target) + "</b> with " + conf +
           " confidence (one-sided bound " + esc(format_number(number_of(a["bound"]))) + ").<br>" +
           esc(seek["target_column"].get<std::string>()) + ": " +
           esc(format_number(number_of(a["target_mean"]))) + " ± " +
           esc(format_number(number_of(a["target_half_width"]), 3)) + " (95% CI); " + esc(cost) +
           ": " + esc(format_number(number_of(a["cost_mean"]))) + " ± " +
           esc(format_number(number_of(a["cost_half_width"]), 3)) + ".</div>";
  }
  out += "<p>Points evaluated, in order (each with " +
         std::to_string(seek["replications"].get<std::int64_t>()) +
         " paired replications):</p><table id=\"seek-steps\"><tr><th>round</th><th>point</th>"
         "<th>" +
         esc(seek["target_column"].get<std::string>()) +
         " (95% CI)</th><th>one-sided bound</th>"
         "<th>feasible</th><th>" +
         esc(cost) + " (95% CI)</th></tr>";
  for (const Json& s : seek["steps"]) {
    const bool ok = s["feasible"].get<bool>();
    out += "<tr><td class=\"num\">" + std::to_string(s["round"].get<int>()) + "</td><td>" +
           esc(s["label"].get<std::string>()) + "</td><td class=\"num\">" +
           esc(format_number(number_of(s["target_mean"]))) + " ± " +
           esc(format_number(number_of(s["target_half_width"]), 3)) + "</td><td class=\"num\">" +
           esc(format_number(number_of(s["bound"]))) + "</td><td class=\"" +
           (ok ? "ok\">yes" : "no\">no") + "</td><td class=\"num\">" +
           esc(format_number(number_of(s["cost_mean"]))) + " ± " +
           esc(format_number(number_of(s["cost_half_width"]), 3)) + "</td></tr>";
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
  std::string html = "<!DOCTYPE html>\n<html lang=\"" +
                     std::string(i18n::html_lang(i18n::language())) +
                     "\"><head><meta charset=\"utf-8\">"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                     "<title>" +
                     esc(title) + "</title><style>" + kStyle + "</style></head><body>\n";
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
  if (sensitivity) html += "<a href=\"#sensitivity\">sensitivity</a>";
  if (comparing)
    html += "<a href=\"#comparison\">" + esc(tr("comparison")) + "</a><a href=\"#summaries\">" +
            esc(tr("summaries")) + "</a>";
  const bool show_series = comparing && !designs.empty() && designs.size() <= kMaxSeriesDesigns;
  if (show_series) html += "<a href=\"#series\">" + esc(tr("over time")) + "</a>";
  if (comparing && !d.vary_keys.empty())
    html += "<a href=\"#surface\">" + esc(tr("response surface")) + "</a>";
  html += "<a href=\"#runs\">" + esc(tr("runs")) + "</a><a href=\"#manifest\">" +
          esc(tr("manifest")) + "</a></nav>\n";
  if (seek) html += seek_section(d, *seek) + "\n";
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
