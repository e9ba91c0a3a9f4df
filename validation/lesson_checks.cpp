#include "validation/lesson_checks.hpp"

#include <cmath>
#include <iomanip>
#include <sstream>

#include "engine/errors.hpp"
#include "engine/executor.hpp"
#include "experiments/columns.hpp"
#include "experiments/names.hpp"
#include "sim/simulation.hpp"

namespace govsim::validation {
namespace {

std::size_t series_column(const LessonCheck& check) {
  const std::vector<batch::Column>& columns = batch::series_columns();
  std::vector<std::string> names;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == check.outcome) return i;
    names.push_back(columns[i].name);
  }
  throw InputError(check.outcome_where.at(
      "outcome: '" + check.outcome + "' is not a column of the daily series" +
      batch::did_you_mean(check.outcome, names) + " (the columns of timeseries.csv)"));
}

std::vector<DayMetrics> run_one(Scenario scenario, std::int64_t replication) {
  scenario.run.seed += static_cast<std::uint64_t>(replication);
  SerialExecutor ex;
  Simulation sim(scenario, ex);
  while (!sim.done()) sim.step();
  return sim.series();
}

// The mean of a column over a window's days, pooled over the replications; blank days left out.
double window_mean(const std::vector<std::vector<DayMetrics>>& reps, std::size_t column,
                   const LessonWindow& w) {
  double sum = 0;
  std::int64_t n = 0;
  for (const std::vector<DayMetrics>& series : reps) {
    for (std::int64_t d = w.first; d <= w.last && d < std::int64_t(series.size()); ++d) {
      const double x = batch::cells_of(series[static_cast<std::size_t>(d)])[column].number();
      if (std::isnan(x)) continue;
      sum += x;
      ++n;
    }
  }
  return n > 0 ? sum / double(n) : kNaN;
}

// Four significant digits, as govsim validate prints its figures.
std::string fmt(double x) {
  std::ostringstream out;
  out << std::setprecision(4) << x;
  return out.str();
}

}  // namespace

LessonRuns run_lesson(const Lesson& lesson) {
  bool needs_b = false;
  for (const LessonCheck& c : lesson.checks.expect) {
    series_column(c);  // a wrong outcome fails before anything runs
    needs_b = needs_b || c.b.design == 'B' ||
              (c.measure != LessonCheck::Measure::BMean && c.a.design == 'B');
  }
  LessonRuns runs;
  for (std::int64_t r = 0; r < lesson.checks.replications; ++r) {
    runs.a.push_back(run_one(lesson.checks.run, r));
    if (needs_b) runs.b.push_back(run_one(lesson.checks.compare_run, r));
  }
  return runs;
}

std::vector<LessonCheckResult> evaluate_lesson(const Lesson& lesson, const LessonRuns& runs) {
  std::vector<LessonCheckResult> out;
  for (const LessonCheck& c : lesson.checks.expect) {
    const std::size_t column = series_column(c);
    auto mean = [&](const LessonWindow& w) {
      return window_mean(w.design == 'A' ? runs.a : runs.b, column, w);
    };
    LessonCheckResult r;
    r.check = &c;
    r.b = mean(c.b);
    switch (c.measure) {
      case LessonCheck::Measure::BMean:
        r.measured = r.b;
        break;
      case LessonCheck::Measure::BOverA:
        r.a = mean(c.a);
        r.measured = r.b / r.a;
        break;
      case LessonCheck::Measure::BMinusA:
        r.a = mean(c.a);
        r.measured = r.b - r.a;
        break;
    }
    r.holds = std::isfinite(r.measured) && r.measured >= c.at_least && r.measured <= c.at_most;
    out.push_back(r);
  }
  return out;
}

std::string describe(const LessonCheckResult& r) {
  const LessonCheck& c = *r.check;
  static const char* const kMeasure[] = {"b", "b/a", "b-a"};
  std::string text = c.says + ": " + c.outcome + " " + kMeasure[static_cast<int>(c.measure)] +
                     " = " + fmt(r.measured);
  if (c.measure != LessonCheck::Measure::BMean) text += " (a " + fmt(r.a) + ", b " + fmt(r.b) + ")";
  text += ", wanted";
  if (std::isfinite(c.at_least)) text += " at least " + fmt(c.at_least);
  if (std::isfinite(c.at_least) && std::isfinite(c.at_most)) text += " and";
  if (std::isfinite(c.at_most)) text += " at most " + fmt(c.at_most);
  return text + (r.holds ? ": holds" : ": DOES NOT HOLD");
}

}  // namespace govsim::validation
