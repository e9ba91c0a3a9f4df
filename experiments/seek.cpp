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
};

}  // namespace

Target parse_target(const std::string& text) {
  const std::size_t at = text.find_first_of("<>");
  const std::string hint = " (e.g. --target 'response_time_p90_h<=24')";
  if (at == std::string::npos || at == 0) {
    throw InputError("--target " + text + ": expected OUTCOME<=VALUE or OUTCOME>=VALUE" + hint);
  }
  Target t;
  t.text = text;
  t.at_most = text[at] == '<';
  std::size_t value_at = at + 1;
  if (value_at < text.size() && text[value_at] == '=') ++value_at;
  std::string name = text.substr(0, at);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  t.column = outcome_column(name, "--target");
  std::string value = text.substr(value_at);
  while (!value.empty() && value.front() == ' ') value.erase(0, 1);
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), t.bound);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size() ||
      !std::isfinite(t.bound)) {
    throw InputError("--target " + text + ": '" + value + "' is not a number" + hint);
  }
  return t;
}

SeekResult seek_cheapest(const std::vector<std::size_t>& shape, const Target& target,
                         double confidence, const EvaluatePoints& evaluate) {
  SeekResult result;
  if (shape.empty()) return result;
  const std::size_t length = shape.back();
  std::size_t lines_count = 1;
  for (std::size_t k = 0; k + 1 < shape.size(); ++k) lines_count *= shape[k];
  std::vector<Line> lines(lines_count);
  for (std::size_t l = 0; l < lines_count; ++l) {
    lines[l].base = l * length;
    lines[l].length = length;
  }

  std::map<std::size_t, std::size_t> step_of;  // design -> index into result.steps
  int round = 0;
  const auto run_round = [&](const std::vector<std::size_t>& wanted) {
    std::vector<std::size_t> fresh;
    for (const std::size_t d : wanted) {
      if (!step_of.count(d) && std::find(fresh.begin(), fresh.end(), d) == fresh.end()) {
        fresh.push_back(d);
      }
    }
    if (fresh.empty()) return;
    ++round;
    const std::vector<PointEstimate> estimates = evaluate(fresh);
    for (std::size_t i = 0; i < fresh.size(); ++i) {
      SeekStep s;
      s.design = fresh[i];
      s.round = round;
      s.estimate = estimates[i];
      s.bound = target.at_most ? estimates[i].target.upper_bound(confidence)
                               : estimates[i].target.lower_bound(confidence);
      s.feasible = !std::isnan(s.bound) &&
                   (target.at_most ? s.bound <= target.bound : s.bound >= target.bound);
      step_of[s.design] = result.steps.size();
      result.steps.push_back(s);
    }
  };
  const auto step = [&](const Line& line, std::size_t offset) -> const SeekStep& {
    return result.steps[step_of.at(line.base + offset)];
  };

  // Round 1: both ends of every line.
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
    } else if (first_ok != last_ok) {
      line.bisecting = true;
      line.feasible = first_ok ? 0 : last;
      line.infeasible = first_ok ? last : 0;
    }
  }

  // Then bisection, one midpoint per line per round, all lines together.
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

  for (const Line& line : lines) {
    if (!line.candidate) continue;
    const std::size_t index = step_of.at(line.base + *line.candidate);
    if (!result.answer ||
        result.steps[index].estimate.cost.mean < result.steps[*result.answer].estimate.cost.mean) {
      result.answer = index;
      result.next_cheaper.reset();
      if (line.neighbour) result.next_cheaper = step_of.at(line.base + *line.neighbour);
    }
  }
  return result;
}

}  // namespace govsim::batch
