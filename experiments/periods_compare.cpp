#include "experiments/periods_compare.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/errors.hpp"
#include "engine/input_text.hpp"
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

PeriodSelection parse_period_selection(const std::string& text, const std::string& option) {
  PeriodSelection out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string item = text.substr(start, comma - start);
    const std::optional<double> k = parse_finite(trim(item));
    if (!k || *k < 1 || *k != std::floor(*k) || *k > 1e6)
      throw InputError(option + ": '" + item +
                       "' is not a period; give period numbers from 1, as compare prints them, "
                       "separated by commas (e.g. 1,3: period 3 against period 1)");
    const auto index = static_cast<std::size_t>(*k - 1);
    if (std::find(out.begin(), out.end(), index) != out.end())
      throw InputError(option + ": period " + item + " is named twice");
    out.push_back(index);
    start = comma + 1;
  }
  if (out.size() < 2)
    throw InputError(option + ": name at least two periods (the first is the reference), e.g. 1,2");
  return out;
}

std::optional<PeriodComparison> compare_periods(const Store& store, std::size_t design,
                                                const PeriodSelection& selection,
                                                std::string* missing) {
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
  PeriodSelection shown = selection;
  if (shown.empty())
    for (std::size_t k = 0; k < periods; ++k) shown.push_back(k);
  for (const std::size_t k : shown)
    if (k >= periods) {
      if (missing)
        *missing = "period " + std::to_string(k + 1) + " does not exist: the runs have " +
                   std::to_string(periods) + " periods";
      return std::nullopt;
    }
  PeriodComparison c;
  c.design = design;
  const std::size_t first = column_of("first_day"), last = column_of("last_day");
  for (const std::size_t k : shown) {
    for (const auto& r : runs) {
      if (k >= r.size()) continue;
      c.periods.push_back("period " + std::to_string(k + 1) + ", days " +
                          std::to_string(r[k][first].as_integer()) + "-" +
                          std::to_string(r[k][last].as_integer()));
      break;
    }
  }
  const auto at = [](const std::vector<CellRow>& r, std::size_t k, std::size_t col) {
    return k < r.size() ? r[k][col].number() : kNaN;
  };
  for (const char* metric : kPeriodMetrics) {
    const std::size_t col = column_of(metric);
    PeriodRow row;
    row.metric = metric;
    std::vector<double> base;
    for (const auto& r : runs) base.push_back(at(r, shown[0], col));
    for (const std::size_t k : shown) {
      std::vector<double> v;
      for (const auto& r : runs) v.push_back(at(r, k, col));
      row.means.push_back(estimate(v));
      row.paired.push_back(paired_difference(v, base));
    }
    c.rows.push_back(std::move(row));
  }
  return c;
}

std::string format_periods(const PeriodComparison& c, const std::string& label) {
  std::string out = "\nbefore and after, " + label + ": each period against " + c.periods.front() +
                    ", run by run (paired)\n";
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
