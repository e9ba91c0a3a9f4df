// Classroom lessons: every shipped lesson loads and its scenario resolves; a lesson's own
// `set` and `changes` apply; mistakes point into the lesson file.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "scenarios/lesson.hpp"
#include "scenarios/loader.hpp"

using namespace govsim;
using govsim::test::fixture;
using govsim::test::require_input_error;

TEST_CASE("every shipped lesson loads, with its text and a scenario that resolves") {
  const std::vector<ShippedLesson> lessons = shipped_lessons();
  REQUIRE(lessons.size() >= 3);
  for (const ShippedLesson& entry : lessons) {
    INFO("lesson " << entry.name);
    const Lesson lesson = load_lesson(entry.name);
    CHECK(lesson.name == entry.name);
    CHECK(lesson.title == entry.title);
    CHECK(lesson.source == "<built-in:lessons/" + entry.name + ".yaml>");
    // Every shipped lesson's text is in English and Chinese.
    for (const LocalText* text :
         {&lesson.title, &lesson.intro, &lesson.try_this, &lesson.look_for, &lesson.question})
      CHECK(text->has_every_language());
    CHECK(lesson.question.en.find('?') != std::string::npos);
    CHECK(lesson.question.zh.find("？") != std::string::npos);
    CHECK(lesson.resolved.name == load_scenario(lesson.scenario).name);
    CHECK(lesson.resolved.run.days > 0);
    if (!lesson.compare.empty()) {
      CHECK(lesson.compare_resolved.name == lesson.compare);
      CHECK(lesson.compare_resolved.city.residents == lesson.resolved.city.residents);
      CHECK(lesson.compare_resolved.run.seed == lesson.resolved.run.seed);
    }
  }
}

TEST_CASE("the platform lesson switches the platform on at day 90") {
  const Lesson lesson = load_lesson("platform-switch");
  CHECK(lesson.stop_at_day == 150);  // the day its question is about
  CHECK(load_lesson("mediators").stop_at_day == -1);
  // A language the text gives is shown in it; English stands in for one it does not give.
  CHECK(lesson.title.in(i18n::Language::Zh) == "第90天启用数字平台");
  CHECK(LocalText{"only English", ""}.in(i18n::Language::Zh) == "only English");
  REQUIRE(lesson.resolved.changes.size() == 1);
  CHECK(lesson.resolved.changes[0].day == 90);
  CHECK(lesson.resolved.changes[0].governance.platform.level == 0.8);
}

TEST_CASE("a lesson file applies its set and changes to a scenario beside it") {
  const Lesson lesson = load_lesson(fixture("lessons/beside.yaml"));
  CHECK(lesson.name == "beside");
  CHECK(lesson.overrides ==
        std::vector<std::string>{"run.days=40", "governance.platform.level=0.5"});
  CHECK(lesson.resolved.run.days == 40);
  CHECK(lesson.resolved.governance.platform.level == 0.5);
  CHECK(lesson.resolved.grid_table.size() == 2);
  REQUIRE(lesson.resolved.changes.size() == 1);
  CHECK(lesson.resolved.changes[0].governance.platform.level == 0.9);
}

TEST_CASE("lesson mistakes point into the lesson") {
  require_input_error([] { load_lesson("platfrom-switch"); },
                      {"unknown lesson 'platfrom-switch'; did you mean 'platform-switch'?"});
  require_input_error([] { load_lesson(fixture("lessons/missing-question.yaml")); },
                      {"missing-question.yaml", "missing 'question'"});
  require_input_error([] { load_lesson(fixture("lessons/unknown-key.yaml")); },
                      {"unknown-key.yaml:5:1", "look_fro", "did you mean 'look_for'?"});
  require_input_error([] { load_lesson(fixture("lessons/bad-set.yaml")); },
                      {"bad-set.yaml:4:3", "set.governance.platform.levle", "'level'"});
  require_input_error(
      [] { load_lesson(fixture("lessons/bad-scenario.yaml")); },
      {"bad-scenario.yaml:2:11: scenario: unknown scenario 'modren'", "did you mean 'modern'?"});
  // Texts in several languages: the languages are en and zh, and English is required.
  require_input_error([] { load_lesson(fixture("lessons/bad-language.yaml")); },
                      {"bad-language.yaml:4:", "try.fr: unknown key"});
  require_input_error(
      [] { load_lesson(fixture("lessons/no-english.yaml")); },
      {"no-english.yaml:3:", "intro: a text in several languages needs its English"});
  require_input_error([] { load_lesson(fixture("lessons/stop-late.yaml")); },
                      {"stop-late.yaml:7:", "stop_at_day: 400 is out of range [1, 180]"});
  require_input_error(
      [] { load_scenario(fixture("broken/description-language.yaml")); },
      {"description-language.yaml:4:", "description.zh_TW: unknown key", "valid keys: 'en', 'zh'"});
  require_input_error([] { load_lesson(fixture("lessons/bad-change-day.yaml")); },
                      {"bad-change-day.yaml", "changes[0].day: 500 is outside"});
  require_input_error([] { load_lesson(fixture("lessons/no-such-lesson.yaml")); },
                      {"no-such-lesson.yaml", "no such lesson file"});
}

TEST_CASE("a lesson's checks are read with their windows, bands and the student's changes") {
  const Lesson platform = load_lesson("platform-switch");
  CHECK(platform.checks.replications == 3);
  REQUIRE(!platform.checks.expect.empty());
  const LessonCheck& first = platform.checks.expect[0];
  CHECK(first.outcome == "response_time_mean_h");
  CHECK(first.measure == LessonCheck::Measure::BOverA);
  CHECK(first.a.first == 60);
  CHECK(first.a.last == 89);
  CHECK(first.b.design == 'A');
  CHECK(first.at_most == 0.75);
  CHECK(platform.checks.run.changes.size() == platform.resolved.changes.size());

  const Lesson halve = load_lesson("halve-grid-workers");
  CHECK(halve.resolved.changes.empty());  // the student makes the change in the GUI
  REQUIRE(halve.checks.run.changes.size() == 1);
  CHECK(halve.checks.run.changes[0].day == 90);
  CHECK(halve.checks.run.changes[0].governance.staffing.grid_workers_per_grid == 0.5);
}

TEST_CASE("mistakes in a lesson's checks point into the lesson") {
  require_input_error([] { load_lesson(fixture("lessons/check-no-compare.yaml")); },
                      {"check-no-compare.yaml:12:", "checks.expect[0].b.design", "no 'compare'"});
  require_input_error([] { load_lesson(fixture("lessons/check-two-measures.yaml")); },
                      {"check-two-measures.yaml:9:", "exactly one of b_mean, b_over_a"});
  require_input_error([] { load_lesson(fixture("lessons/check-late-day.yaml")); },
                      {"check-late-day.yaml:12:", "checks.expect[0].b.days[1]", "400"});
  require_input_error([] { load_lesson(fixture("lessons/check-early-student.yaml")); },
                      {"check-early-student.yaml:9:", "after the scenario's own changes"});
  require_input_error([] { load_lesson(fixture("lessons/check-typo.yaml")); },
                      {"check-typo.yaml:12:", "at_mots", "did you mean 'at_most'?"});
}
