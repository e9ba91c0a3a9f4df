// Classroom lessons: a scenario plus the text that guides a student through it. A lesson is a small
// YAML file (scenarios/lessons/*.yaml ship inside the binary):
//
//   title: Switching on a platform         # one line, for the menu
//   scenario: classroom-town               # a shipped name, or a .yaml path beside the lesson
//   set: {run.days: 180}                   # optional: keys to override, as with --set
//   changes:                               # optional: replaces the scenario's own changes
//     - {day: 90, set: {platform.level: 0.8}}
//   compare: modern                        # optional: a second design, shown side by side
//   intro: ...                             # what the scenario is
//   try: ...                               # what to do
//   look_for: ...                          # what to watch
//   question: ...                          # one question to answer
//
// Loading a lesson resolves and validates its scenario, so a lesson that loads will run.
#pragma once

#include <string>
#include <vector>

#include "model/params.hpp"

namespace govsim {

struct Lesson {
  std::string name;    // file stem: what load_lesson takes for a shipped lesson
  std::string source;  // the file, or "<built-in:lessons/NAME.yaml>"
  std::string title;
  std::string scenario;  // as written in the lesson
  std::string compare;   // as written; "" when the lesson runs one design
  std::string intro, try_this, look_for, question;
  std::vector<std::string> overrides;  // "key=value", from `set`
  Scenario resolved;                   // the scenario with `set` and `changes` applied
  Scenario compare_resolved;           // the second design (same city and run), when compare
};

// name_or_path: a .yaml file if it exists (or contains '/' or ends in .yaml), else the name of a
// shipped lesson. Throws InputError "file:line:column: key: problem".
Lesson load_lesson(const std::string& name_or_path);

struct ShippedLesson {
  std::string name;
  std::string title;
};

std::vector<ShippedLesson> shipped_lessons();  // sorted by name

}  // namespace govsim
