// The classroom's files: a student's answers (File > Save answers) and the knobs as a scenario
// (File > Save scenario). Plain functions, so the tests need no window.
#pragma once

#include <cstdint>
#include <string>

#include "model/params.hpp"

namespace govsim::viz {

struct Answer {
  std::string student;   // the name the student typed
  std::string lesson;    // the lesson's name (its file stem)
  std::string title;     // the lesson's title, in the language shown
  std::string question;  // the question, in the language shown
  std::uint64_t seed = 1;
  std::int64_t day = 0;
  std::string answer;
  std::string saved_at;  // UTC, "2026-12-05T20:10:00Z"
};

// One YAML list item for `answer`; a file of such items appended one after another is a YAML
// list a teacher can read (or load with any YAML library).
std::string answer_yaml(const Answer& answer);

// Appends answer_yaml(answer) to `path` (creating it). Returns "" or why it could not.
std::string append_answer(const std::string& path, const Answer& answer);

// The text of a scenario file that `govsim run` reads back as `edited` with no changes: it
// `extends` the scenario it was edited from (`extends`: a shipped name or a file path; `parent`:
// that scenario as loaded, without overrides) and sets every key in which `edited` differs from
// it, under a comment line. The parent's `changes:` are cleared (`changes: []`): the saved knobs
// hold from day 0.
std::string scenario_yaml(const Scenario& edited, const Scenario& parent,
                          const std::string& extends, const std::string& comment);

// What `extends:` should name for a loaded scenario: its shipped name, or its file made absolute.
std::string extends_reference(const Scenario& scenario);

// Writes `text` to `path` through a temporary file (an existing file is replaced only when the
// whole text was written). Returns "" or why it could not.
std::string write_text_file(const std::string& path, const std::string& text);

// "2026-12-05T20:10:00Z": now, in UTC.
std::string utc_now();

}  // namespace govsim::viz
