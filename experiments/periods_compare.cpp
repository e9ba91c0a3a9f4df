#include "experiments/periods_compare.hpp"

#include <algorithm>
#include <map>

#include "experiments/columns.hpp"
#include "experiments/comparison.hpp"

namespace govsim::batch {
namespace {

std::string pad(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

const char* const kPeriodMetrics[] = {
    "response_time_mean_h", "response_time_p90_h", "within_deadline_share",
    "backlog_mean",         "trust_end",           "cost_total_cny_year"};

}  // namespace

std::optional<PeriodComparison> compare_periods(const Store& store, std::size_t design) {
  const std::vector<Column>& columns = period_columns();
  const auto column_of = [&](const std::string& name) {
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (columns[i].name == name) return i;
    return columns.size();
  };
  std::vector<std::vector<CellRow>> runs;  // by run: its periods
  for (const RunRow& r : store.runs()) {
    if (r.status != "done" || r.design != static_cast<std::int64_t>(design)) continue;
    std::vector<CellRow> p = store.periods(r.key);
    if (!p.empty()) runs.push_back(std::move(p));
  }
  std::size_t periods = 0;
  for (const auto& r : runs) periods = std::max(periods, r.size());
  if (periods < 2) return std::nullopt;
  PeriodComparison c;
  c.design = design;
  const std::size_t first = column_of("first_day"), last = column_of("last_day");
  for (std::size_t k = 0; k < periods; ++k) {
    for (const auto& r : runs) {
      if (k >= r.size()) continue;
      c.periods.push_back("days " + std::to_string(r[k][first].as_integer()) + "-" +
                          std::to_string(r[k][last].as_integer()));
      break;
    }
  }
  for (const char* metric : kPeriodMetrics) {
    const std::size_t col = column_of(metric);
    PeriodRow row;
    row.metric = metric;
    std::vector<double> base;
    for (const auto& r : runs) base.push_back(r[0][col].number());
    for (std::size_t k = 0; k < periods; ++k) {
      std::vector<double> v;
      for (const auto& r : runs) v.push_back(k < r.size() ? r[k][col].number() : kNaN);
      row.means.push_back(estimate(v));
      row.paired.push_back(paired_difference(v, base));
    }
    c.rows.push_back(std::move(row));
  }
  return c;
}

std::string format_periods(const PeriodComparison& c, const std::string& label) {
  std::string out = "\nbefore and after, " + label + ": each period against the first (" +
                    c.periods.front() + "), run by run (paired)\n";
  std::size_t name_width = 6;
  for (const PeriodRow& r : c.rows) name_width = std::max(name_width, r.metric.size());
  std::vector<std::string> lines(c.rows.size() + 1);
  lines[0] = "  " + pad("", name_width);
  for (std::size_t i = 0; i < c.rows.size(); ++i)
    lines[i + 1] = "  " + pad(c.rows[i].metric, name_width);
  for (std::size_t k = 0; k < c.periods.size(); ++k) {
    std::vector<std::string> cells(c.rows.size() + 1);
    cells[0] = c.periods[k];
    for (std::size_t i = 0; i < c.rows.size(); ++i) {
      const PeriodRow& r = c.rows[i];
      const Estimate& m = r.means[k];
      cells[i + 1] = format_estimate(m, decimals_for(r.means));
      if (k > 0 && r.paired[k].n > 0) {
        const Estimate& d = r.paired[k];
        cells[i + 1] += " (Δ " + format_estimate(d, decimals_for({d}));
        if (d.significant()) {
          const int better = outcome_direction(r.metric) * (d.mean > 0 ? 1 : -1);
          cells[i + 1] += better > 0 ? " * better" : better < 0 ? " * worse" : " *";
        }
        cells[i + 1] += ")";
      }
    }
    std::size_t width = 0;
    for (const std::string& s : cells) width = std::max(width, display_width(s));
    for (std::size_t i = 0; i < cells.size(); ++i) lines[i] += "   " + pad(cells[i], width);
  }
  for (std::string& l : lines) {
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
  }
  return out;
}

}  // namespace govsim::batch
