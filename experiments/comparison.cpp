#include "experiments/comparison.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace govsim::batch {
namespace {

std::string pad(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string fixed(double x, int decimals) {
  if (std::isnan(x)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  std::string s = buf;
  // "-0.00" says "a tiny negative number" where the table means "zero at this precision".
  if (s.find_first_not_of("-0.") == std::string::npos && s[0] == '-') s.erase(0, 1);
  return s;
}

}  // namespace

std::size_t display_width(const std::string& text) {
  std::size_t n = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

void ResultGrid::add(std::size_t design, std::int64_t replication, const CellRow& summary) {
  auto& row = cells_.at(design);
  const auto r = static_cast<std::size_t>(replication);
  if (row.size() <= r) row.resize(r + 1);
  row[r] = summary;
}

std::vector<double> ResultGrid::values(std::size_t design, std::size_t column) const {
  std::vector<double> out;
  for (const auto& cell : cells_.at(design)) {
    out.push_back(cell && column < cell->size() ? (*cell)[column].number() : kNaN);
  }
  return out;
}

std::int64_t ResultGrid::runs(std::size_t design) const {
  std::int64_t n = 0;
  for (const auto& cell : cells_.at(design)) n += cell ? 1 : 0;
  return n;
}

std::int64_t ResultGrid::max_replications() const {
  std::size_t n = 0;
  for (const auto& row : cells_) n = std::max(n, row.size());
  return static_cast<std::int64_t>(n);
}

OutcomeComparison compare_outcome(const ResultGrid& grid, std::size_t column) {
  OutcomeComparison c;
  c.column = column;
  const std::vector<double> first = grid.values(0, column);
  for (std::size_t d = 0; d < grid.designs(); ++d) {
    const std::vector<double> v = grid.values(d, column);
    c.means.push_back(estimate(v));
    c.paired.push_back(paired_difference(v, first));
    c.unpaired.push_back(welch_difference(v, first));
  }
  return c;
}

int decimals_for(const std::vector<Estimate>& estimates) {
  // Two significant digits of the narrowest interval; without intervals, four of the largest
  // value. More digits than that would be noise printed as if it were knowledge.
  double narrowest = 0;
  double largest = 0;
  for (const Estimate& e : estimates) {
    if (std::isfinite(e.half_width) && !exact_interval(e)) {
      narrowest = narrowest == 0 ? e.half_width : std::min(narrowest, e.half_width);
    }
    if (std::isfinite(e.mean)) largest = std::max(largest, std::fabs(e.mean));
  }
  int decimals = 0;
  if (narrowest > 0) {
    decimals = 1 - static_cast<int>(std::floor(std::log10(narrowest)));
  } else if (largest > 0) {
    decimals = 3 - static_cast<int>(std::floor(std::log10(largest)));
  }
  return std::clamp(decimals, 0, 6);
}

bool exact_interval(const Estimate& e) {
  // Rounding noise of a difference that is the same in every replication (a cost fixed by the
  // design) is no interval: 1e-9 of the mean is far below any digit shown.
  return std::isfinite(e.half_width) && e.half_width <= 1e-9 * std::max(1.0, std::fabs(e.mean));
}

std::string format_estimate(const Estimate& e, int decimals) {
  if (e.n == 0 || std::isnan(e.mean)) return "n/a";
  if (std::isnan(e.half_width)) return fixed(e.mean, decimals) + " (n=1)";
  if (exact_interval(e)) return fixed(e.mean, decimals) + " ± 0";
  return fixed(e.mean, decimals) + " ± " + fixed(e.half_width, decimals);
}

std::string format_comparison(const ResultGrid& grid,
                              const std::vector<OutcomeComparison>& outcomes) {
  std::size_t label_width = 6;
  for (std::size_t d = 0; d < grid.designs(); ++d) {
    label_width = std::max(label_width, display_width(grid.label(d)));
  }
  const std::string& first = grid.label(0);
  std::string out;
  bool any_significant = false;
  for (const OutcomeComparison& c : outcomes) {
    const std::string name = summary_columns()[c.column].name;
    const std::string label = outcome_label(name);
    out += "\n" + label + (label == name ? "" : "  [" + name + "]") + "\n";
    // Means and differences each get the digits their own intervals warrant.
    const int decimals = decimals_for(c.means);
    const int diff_decimals =
        decimals_for(std::vector<Estimate>(c.paired.begin() + 1, c.paired.end()));
    std::vector<std::string> mean_text;
    std::size_t mean_width = std::string("mean ± 95% CI").size();
    for (const Estimate& e : c.means) {
      mean_text.push_back(format_estimate(e, decimals));
      mean_width = std::max(mean_width, display_width(mean_text.back()));
    }
    out += "  " + pad("design", label_width) + "   n  " + pad("mean ± 95% CI", mean_width) +
           "   difference from " + first + " ± 95% CI (paired)\n";
    for (std::size_t d = 0; d < grid.designs(); ++d) {
      char n[16];
      std::snprintf(n, sizeof n, "%4lld", static_cast<long long>(c.means[d].n));
      std::string line =
          "  " + pad(grid.label(d), label_width) + n + "  " + pad(mean_text[d], mean_width);
      if (d > 0) {
        const Estimate& diff = c.paired[d];
        line += "   " + format_estimate(diff, diff_decimals);
        if (diff.significant()) {
          line += " *";
          const int better = outcome_direction(name) * (diff.mean > 0 ? 1 : -1);
          if (better != 0) line += better > 0 ? " better" : " worse";
          any_significant = true;
        }
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
  }
  out +=
      "\n95% confidence intervals from Student's t over replications. Replication i of every "
      "design ran\nwith the same seed (common random numbers), so differences are paired by "
      "replication.\n";
  if (any_significant) out += "* the interval of the difference excludes 0 (significant at 5%).\n";
  return out;
}

std::string format_point_table(const ResultGrid& grid,
                               const std::vector<OutcomeComparison>& outcomes) {
  std::vector<std::vector<std::string>> cells;  // [row][column], row 0 = header
  cells.push_back({"design", "n"});
  for (const OutcomeComparison& c : outcomes) cells[0].push_back(summary_columns()[c.column].name);
  std::vector<int> decimals;
  for (const OutcomeComparison& c : outcomes) decimals.push_back(decimals_for(c.means));
  for (std::size_t d = 0; d < grid.designs(); ++d) {
    std::vector<std::string> row = {grid.label(d), std::to_string(grid.runs(d))};
    for (std::size_t k = 0; k < outcomes.size(); ++k) {
      row.push_back(format_estimate(outcomes[k].means[d], decimals[k]));
    }
    cells.push_back(std::move(row));
  }
  std::vector<std::size_t> widths(cells[0].size(), 0);
  for (const auto& row : cells) {
    for (std::size_t k = 0; k < row.size(); ++k)
      widths[k] = std::max(widths[k], display_width(row[k]));
  }
  std::string out;
  for (const auto& row : cells) {
    std::string line = " ";
    for (std::size_t k = 0; k < row.size(); ++k) {
      const std::size_t pad_left = k == 1 ? widths[k] - display_width(row[k]) : 0;
      line += " " + std::string(pad_left, ' ') + (k == 1 ? row[k] : pad(row[k], widths[k])) + " ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  out += "\nmean ± half-width of the 95% confidence interval over replications (Student's t)\n";
  return out;
}

}  // namespace govsim::batch
