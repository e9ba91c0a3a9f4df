#include "experiments/seek.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "engine/errors.hpp"
#include "experiments/columns.hpp"

namespace govsim::batch {
namespace {

struct Line {
  std::size_t base = 0;  // design of the line's first point
  std::size_t length = 0;
  std::size_t feasible = 0;  // bisection bracket, as offsets along the line
  std::size_t infeasible = 0;
  bool bisecting = false;
  std::optional<std::size_t> candidate;  // offset
  std::optional<std::size_t> neighbour;  // offset of the infeasible point next to it
  bool whole = false;                    // every point of the line is feasible
};

}  // namespace

Target parse_target(const std::string& text, const std::string& option) {
  const std::size_t at = text.find_first_of("<>");
  const std::string hint = option == "--budget" ? " (e.g. --budget 'cost_total_cny_year<=2e7')"
                                                : " (e.g. --target 'response_time_p90_h<=24')";
  if (at == std::string::npos || at == 0) {
    throw InputError(option + " " + text + ": expected OUTCOME<=VALUE or OUTCOME>=VALUE" + hint);
  }
  Target t;
  t.text = text;
  t.at_most = text[at] == '<';
  std::size_t value_at = at + 1;
  if (value_at < text.size() && text[value_at] == '=') ++value_at;
  std::string name = text.substr(0, at);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  t.column = outcome_column(name, option);
  std::string value = text.substr(value_at);
  while (!value.empty() && value.front() == ' ') value.erase(0, 1);
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), t.bound);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size() ||
      !std::isfinite(t.bound)) {
    throw InputError(option + " " + text + ": '" + value + "' is not a number" + hint);
  }
  return t;
}

namespace {

// The points evaluated so far, and the bisection of every line of the grid (the last key) for the
// boundary of feasibility, shared by both searches.
class LineSearch {
 public:
  LineSearch(const std::vector<std::size_t>& shape, const Target& target, double confidence,
             const EvaluatePoints& evaluate)
      : target_(target), confidence_(confidence), evaluate_(evaluate) {
    const std::size_t length = shape.back();
    std::size_t lines_count = 1;
    for (std::size_t k = 0; k + 1 < shape.size(); ++k) lines_count *= shape[k];
    lines.resize(lines_count);
    for (std::size_t l = 0; l < lines_count; ++l) {
      lines[l].base = l * length;
      lines[l].length = length;
    }
  }

  SeekResult result;
  std::vector<Line> lines;

  void run_round(const std::vector<std::size_t>& wanted) {
    std::vector<std::size_t> fresh;
    for (const std::size_t d : wanted) {
      if (!step_of_.count(d) && std::find(fresh.begin(), fresh.end(), d) == fresh.end()) {
        fresh.push_back(d);
      }
    }
    if (fresh.empty()) return;
    ++round_;
    const std::vector<PointEstimate> estimates = evaluate_(fresh);
    for (std::size_t i = 0; i < fresh.size(); ++i) {
      SeekStep s;
      s.design = fresh[i];
      s.round = round_;
      s.estimate = estimates[i];
      s.bound = target_.at_most ? estimates[i].target.upper_bound(confidence_)
                                : estimates[i].target.lower_bound(confidence_);
      s.feasible = !std::isnan(s.bound) &&
                   (target_.at_most ? s.bound <= target_.bound : s.bound >= target_.bound);
      step_of_[s.design] = result.steps.size();
      result.steps.push_back(s);
    }
  }

  std::size_t index(const Line& line, std::size_t offset) const {
    return step_of_.at(line.base + offset);
  }
  const SeekStep& step(const Line& line, std::size_t offset) const {
    return result.steps[index(line, offset)];
  }

  // Both ends of every line, then one midpoint per line per round, all lines together, until
  // each line's feasible point next to its boundary is known (Line::candidate, the cheaper end
  // when the whole line is feasible; none when no end is).
  void bisect() {
    std::vector<std::size_t> ends;
    for (const Line& line : lines) {
      ends.push_back(line.base);
      ends.push_back(line.base + line.length - 1);
    }
    run_round(ends);
    for (Line& line : lines) {
      const std::size_t last = line.length - 1;
      const bool first_ok = step(line, 0).feasible;
      const bool last_ok = step(line, last).feasible;
      if (first_ok && last_ok) {
        // The boundary lies outside the range: the cheaper end is the answer on this line.
        const bool first_cheaper =
            !(step(line, last).estimate.cost.mean < step(line, 0).estimate.cost.mean);
        line.candidate = first_cheaper ? 0 : last;
        line.whole = true;
      } else if (first_ok != last_ok) {
        line.bisecting = true;
        line.feasible = first_ok ? 0 : last;
        line.infeasible = first_ok ? last : 0;
      }
    }
    while (true) {
      std::vector<std::size_t> mids;
      for (Line& line : lines) {
        if (!line.bisecting) continue;
        const std::size_t lo = std::min(line.feasible, line.infeasible);
        const std::size_t hi = std::max(line.feasible, line.infeasible);
        if (hi - lo <= 1) {
          line.bisecting = false;
          line.candidate = line.feasible;
          line.neighbour = line.infeasible;
          continue;
        }
        mids.push_back(line.base + (lo + hi) / 2);
      }
      if (mids.empty()) break;
      run_round(mids);
      for (Line& line : lines) {
        if (!line.bisecting) continue;
        const std::size_t lo = std::min(line.feasible, line.infeasible);
        const std::size_t hi = std::max(line.feasible, line.infeasible);
        const std::size_t mid = (lo + hi) / 2;
        (step(line, mid).feasible ? line.feasible : line.infeasible) = mid;
      }
    }
  }

 private:
  const Target& target_;
  double confidence_;
  const EvaluatePoints& evaluate_;
  std::map<std::size_t, std::size_t> step_of_;  // design -> index into result.steps
  int round_ = 0;
};

}  // namespace

SeekResult seek_cheapest(const std::vector<std::size_t>& shape, const Target& target,
                         double confidence, const EvaluatePoints& evaluate) {
  if (shape.empty()) return {};
  LineSearch search(shape, target, confidence, evaluate);
  search.bisect();
  SeekResult& result = search.result;
  for (const Line& line : search.lines) {
    if (!line.candidate) continue;
    const std::size_t index = search.index(line, *line.candidate);
    if (!result.answer ||
        result.steps[index].estimate.cost.mean < result.steps[*result.answer].estimate.cost.mean) {
      result.answer = index;
      result.next_cheaper.reset();
      if (line.neighbour) result.next_cheaper = search.index(line, *line.neighbour);
    }
  }
  return std::move(result);
}

SeekResult seek_within_budget(const std::vector<std::size_t>& shape, const Target& budget,
                              double confidence, bool maximize, const EvaluatePoints& evaluate) {
  if (shape.empty()) return {};
  LineSearch search(shape, budget, confidence, evaluate);
  search.bisect();
  // Every point on the feasible side of each line's boundary: the objective need not be
  // monotone along the line, so each is evaluated, in one round.
  std::vector<std::size_t> within;
  for (const Line& line : search.lines) {
    if (!line.candidate) continue;
    std::size_t lo = 0, hi = line.length - 1;
    if (!line.whole) {
      const bool rising = *line.candidate < *line.neighbour;  // feasible below the boundary
      lo = rising ? 0 : *line.candidate;
      hi = rising ? *line.candidate : line.length - 1;
    }
    for (std::size_t o = lo; o <= hi; ++o) within.push_back(line.base + o);
  }
  search.run_round(within);
  SeekResult& result = search.result;
  const auto better = [&](std::size_t a, std::size_t b) {
    const double x = result.steps[a].estimate.cost.mean;
    const double y = result.steps[b].estimate.cost.mean;
    return maximize ? x > y : x < y;
  };
  for (std::size_t i = 0; i < result.steps.size(); ++i) {
    const SeekStep& s = result.steps[i];
    if (!s.feasible || std::isnan(s.estimate.cost.mean)) continue;
    if (!result.answer || better(i, *result.answer)) {
      result.runner_up = result.answer;
      result.answer = i;
    } else if (!result.runner_up || better(i, *result.runner_up)) {
      result.runner_up = i;
    }
  }
  return std::move(result);
}

}  // namespace govsim::batch
