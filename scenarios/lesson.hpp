// Classroom lessons: a scenario plus the text that guides a student through it. A lesson is a small
// YAML file (scenarios/lessons/*.yaml ship inside the binary):
//
//   title: Switching on a platform         # one line, for the menu
//   title: {en: Switching on a platform, zh: 第90天启用数字平台}   # or in each language
//                                          # (every text below too; scenarios/local_text.hpp)
//   scenario: classroom-town               # a shipped name, or a .yaml path beside the lesson
//   set: {run.days: 180}                   # optional: keys to override, as with --set
//   changes:                               # optional: replaces the scenario's own changes
//     - {day: 90, set: {platform.level: 0.8}}
//   compare: modern                        # optional: a second design, shown side by side
//   intro: ...                             # what the scenario is
//   try: ...                               # what to do
//   look_for: ...                          # what to watch
//   question: ...                          # one question to answer
//   stop_at_day: 150                       # optional: the GUI pauses on that day, the day the
//                                          # question is about
//   checks:                                # optional: what the text claims, as tests
//     replications: 3                      # seeds seed, seed + 1, ...; window means pooled
//     student_changes:                     # what `try` asks the student to do, made by the
//       - {day: 90, set: {staffing.grid_workers_per_grid: 0.5}}   # checks' run instead
//     expect:
//       - says: response times fall within days of the switch
//         outcome: response_time_p50_h     # a column of timeseries.csv
//         a: {days: [60, 89]}              # design A (the scenario) or B (compare): {design: B}
//         b: {days: [97, 110]}
//         b_over_a: {at_most: 0.8}         # or b_minus_a, or b_mean (then no a); at_least too
//
// Loading a lesson resolves and validates its scenario, so a lesson that loads will run. The
// checks are read here; validation/lesson_checks.* runs them (and names a wrong outcome).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/numeric.hpp"
#include "model/params.hpp"
#include "scenarios/local_text.hpp"
#include "scenarios/yaml_tree.hpp"

namespace govsim {

// Days [first, last] of one design's daily series: 'A' the lesson's scenario, 'B' its compare.
struct LessonWindow {
  char design = 'A';
  std::int64_t first = 0, last = 0;
};

// One claim of a lesson's text: the mean of a daily outcome over window b, against window a.
struct LessonCheck {
  enum class Measure { BMean, BOverA, BMinusA };
  std::string says;     // the words of the lesson this check stands for
  std::string outcome;  // a column of the daily series (timeseries.csv)
  Where outcome_where;  // for a message about the outcome
  Where where;          // the check itself
  Measure measure = Measure::BMean;
  LessonWindow a, b;  // a is unused for BMean
  double at_least = -kInf, at_most = kInf;
};

struct LessonChecks {
  std::int64_t replications = 1;
  Scenario run;          // the lesson's scenario with the student's changes
  Scenario compare_run;  // the compare design with the student's changes (when compare)
  std::vector<LessonCheck> expect;
};

struct Lesson {
  std::string name;    // file stem: what load_lesson takes for a shipped lesson
  std::string source;  // the file, or "<built-in:lessons/NAME.yaml>"
  LocalText title;
  std::string scenario;  // as written in the lesson
  std::string compare;   // as written; "" when the lesson runs one design
  LocalText intro, try_this, look_for, question;
  // The day the question is about: the GUI pauses there (`stop_at_day`; -1 = it does not).
  std::int64_t stop_at_day = -1;
  std::vector<std::string> overrides;  // "key=value", from `set`
  Scenario resolved;                   // the scenario with `set` and `changes` applied
  Scenario compare_resolved;           // the second design (same city and run), when compare
  LessonChecks checks;                 // empty expect when the lesson has no `checks`
};

// name_or_path: a .yaml file if it exists (or contains '/' or ends in .yaml), else the name of a
// shipped lesson. Throws InputError "file:line:column: key: problem".
Lesson load_lesson(const std::string& name_or_path);

struct ShippedLesson {
  std::string name;
  LocalText title;
};

std::vector<ShippedLesson> shipped_lessons();  // sorted by name

}  // namespace govsim
