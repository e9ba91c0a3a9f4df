// A lesson's claims tested against its run: each check of a lesson's `checks:` list
// (scenarios/lesson.hpp) measured on the lesson's scenario, run as the GUI runs it (same days,
// seed and changes, plus the changes the student is asked to make), over the lesson's
// replications (seeds seed, seed + 1, ...). A window's value is the mean of the outcome over
// its days and replications, blank days left out.
#pragma once

#include <vector>

#include "scenarios/lesson.hpp"
#include "sim/metrics.hpp"

namespace govsim::validation {

struct LessonCheckResult {
  const LessonCheck* check = nullptr;
  double a = kNaN, b = kNaN;  // window means (a unused for b_mean)
  double measured = kNaN;     // b, b / a or b - a
  bool holds = false;
};

// The daily series of each replication of each design the checks need.
struct LessonRuns {
  std::vector<std::vector<DayMetrics>> a, b;
};

// Runs the lesson's checked scenario(s). Throws InputError, located in the lesson, for an
// outcome that is not a column of the daily series.
LessonRuns run_lesson(const Lesson& lesson);

std::vector<LessonCheckResult> evaluate_lesson(const Lesson& lesson, const LessonRuns& runs);

// "says: measured 0.52 (a 13.1, b 6.8), wanted at most 0.8: holds"
std::string describe(const LessonCheckResult& r);

}  // namespace govsim::validation
