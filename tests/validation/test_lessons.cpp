// Each shipped lesson's text against its run: the lesson's `checks:` (what its text claims) are
// measured on its scenario as the GUI runs it, with the student's changes, and must hold. A
// lesson whose text stops matching the model fails here. `ctest -R lessons -V` prints the
// measured values.
#include <catch2/catch.hpp>
#include <iostream>

#include "engine/errors.hpp"
#include "scenarios/lesson.hpp"
#include "validation/lesson_checks.hpp"

using namespace govsim;

namespace {

void check_lesson(const std::string& name) {
  const Lesson lesson = load_lesson(name);
  REQUIRE(!lesson.checks.expect.empty());
  const validation::LessonRuns runs = validation::run_lesson(lesson);
  for (const validation::LessonCheckResult& r : validation::evaluate_lesson(lesson, runs)) {
    std::cout << name << ": " << validation::describe(r) << "\n";
    INFO(validation::describe(r));
    CHECK(r.holds);
  }
}

}  // namespace

TEST_CASE("every shipped lesson has checks, and this file tests each of them") {
  std::vector<std::string> names;
  for (const ShippedLesson& l : shipped_lessons()) names.push_back(l.name);
  CHECK(names == std::vector<std::string>{"city-centre", "fragmented-vs-grid", "halve-grid-workers",
                                          "mediators", "multi-branch", "platform-switch"});
  for (const std::string& name : names) {
    INFO(name);
    CHECK(!load_lesson(name).checks.expect.empty());
  }
}

TEST_CASE("lesson platform-switch: its text matches its run") { check_lesson("platform-switch"); }

TEST_CASE("lesson halve-grid-workers: its text matches its run") {
  check_lesson("halve-grid-workers");
}

TEST_CASE("lesson mediators: its text matches its run") { check_lesson("mediators"); }

TEST_CASE("lesson fragmented-vs-grid: its text matches its run") {
  check_lesson("fragmented-vs-grid");
}

TEST_CASE("lesson city-centre: its text matches its run") { check_lesson("city-centre"); }

TEST_CASE("lesson multi-branch: its text matches its run") { check_lesson("multi-branch"); }

TEST_CASE("a lesson check of an outcome that is not a daily column points into the lesson") {
  const Lesson lesson = load_lesson(std::string(GOVSIM_SOURCE_DIR) +
                                    "/tests/scenarios/lessons/check-bad-outcome.yaml");
  try {
    validation::run_lesson(lesson);
    FAIL("no error");
  } catch (const InputError& e) {
    const std::string what = e.what();
    INFO(what);
    CHECK(what.find("check-bad-outcome.yaml:10:") != std::string::npos);
    CHECK(what.find("'backlgo' is not a column of the daily series") != std::string::npos);
    CHECK(what.find("did you mean 'backlog'?") != std::string::npos);
  }
}
