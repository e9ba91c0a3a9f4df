// The classroom's files and the knobs' help: answers saved with the student's name, lesson, seed
// and day; the knobs saved as a scenario that loads back as the same design; every governance
// knob's help text translated.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/i18n.hpp"
#include "scenarios/lesson.hpp"
#include "scenarios/loader.hpp"
#include "scenarios/scenario_fields.hpp"
#include "scenarios/yaml_tree.hpp"
#include "viz/classroom.hpp"
#include "viz/display_check.hpp"
#include "viz/knob_help.hpp"

using namespace govsim;
using namespace govsim::viz;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(GOVSIM_BINARY_DIR) / "tests" / "viz" / "classroom";
  fs::create_directories(dir);
  const fs::path path = dir / name;
  fs::remove(path);
  return path;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Collects the help texts the knob editor shows for the governance block.
class HelpTexts {
 public:
  std::set<std::string> texts;
  void number(const char*, double&, double, double, const FieldDoc& d) { add(d); }
  template <class Int>
  void integer(const char*, Int&, std::int64_t, std::int64_t, const FieldDoc& d) {
    add(d);
  }
  void flag(const char*, bool&, const FieldDoc& d) { add(d); }
  template <class E, std::size_t N>
  void choice(const char*, E&, const std::array<const char*, N>&, const FieldDoc& d) {
    add(d);
  }
  void text(const char*, std::string&, const FieldDoc& d) { add(d); }
  template <class S>
  void group(const char*, S& sub, const char* title) {
    texts.insert(title);
    describe(*this, sub);
  }

 private:
  void add(const FieldDoc& d) {
    texts.insert(d.doc);
    if (d.unit[0]) texts.insert(d.unit);
  }
};

}  // namespace

TEST_CASE("answers are appended as YAML items with the student, lesson, seed and day") {
  const fs::path path = scratch("answers.yaml");
  Answer a{"张三",
           "platform-switch",
           "第90天启用数字平台",
           "为什么信任没有上升？",
           7,
           150,
           "响应快了，但案件\n没有办好。\"引号\"",
           "2026-12-05T20:10:00Z"};
  REQUIRE(append_answer(path.string(), a).empty());
  a.student = "Li Si";
  a.answer = "second";
  REQUIRE(append_answer(path.string(), a).empty());
  // The file is a YAML list; read here as the value of one key.
  std::string text = "answers:\n";
  std::istringstream lines(read_all(path));
  for (std::string line; std::getline(lines, line);) text += "  " + line + "\n";
  const Tree file = parse_yaml(text, path.string());
  const Tree& root = *file.find("answers");
  REQUIRE(root.kind == Tree::Kind::List);
  REQUIRE(root.items.size() == 2);
  const Tree& first = root.items[0];
  CHECK(first.find("student")->text == "张三");
  CHECK(first.find("lesson")->text == "platform-switch");
  CHECK(first.find("seed")->text == "7");
  CHECK(first.find("day")->text == "150");
  CHECK(first.find("answer")->text == "响应快了，但案件\n没有办好。\"引号\"");
  CHECK(root.items[1].find("student")->text == "Li Si");
}

TEST_CASE("the knobs saved as a scenario load back as the same design, from day 0") {
  for (const std::string name : {"classroom-town", "chinese-district"}) {
    INFO(name);
    const Scenario loaded = load_scenario(name, {"run.seed=5"});
    Scenario edited = loaded;
    edited.governance.platform.level = 0.35;
    edited.governance.staffing.grid_workers_per_grid = 0.5;
    edited.governance.leadership = 0.9;
    edited.changes.clear();
    edited.name = name + "-saved";
    edited.description = "saved: \"quoted\" text";
    const std::string extends = extends_reference(loaded);
    CHECK(extends == name);
    const std::string text = scenario_yaml(edited, load_scenario(extends), extends, "a test");
    INFO(text);
    const fs::path path = scratch(name + "-saved.yaml");
    REQUIRE(write_text_file(path.string(), text).empty());
    const Scenario back = load_scenario(path.string());
    CHECK(back.changes.empty());
    CHECK(back.name == edited.name);
    CHECK(back.description == edited.description);
    CHECK(flatten(back) == flatten(edited));
    CHECK(back.grid_table.size() == loaded.grid_table.size());
    // Only the keys that differ are written.
    CHECK(text.find("governance:\n  leadership: 0.9\n  platform:\n    level: 0.35\n") !=
          std::string::npos);
    CHECK(text.find("run:\n  seed: 5") != std::string::npos);
    CHECK(text.find("legal_clarity") == std::string::npos);
  }
}

TEST_CASE("a scenario from a file is extended by its absolute path") {
  const fs::path path = scratch("mine.yaml");
  REQUIRE(write_text_file(path.string(), "extends: baseline\nrun: {days: 60}\n").empty());
  const Scenario loaded = load_scenario(path.string());
  CHECK(extends_reference(loaded) == fs::absolute(path).lexically_normal().generic_string());
  Scenario edited = loaded;
  edited.governance.legal_clarity = 0.6;
  const fs::path saved = scratch("mine-saved.yaml");
  REQUIRE(write_text_file(saved.string(),
                          scenario_yaml(edited, loaded, extends_reference(loaded), "a test"))
              .empty());
  CHECK(flatten(load_scenario(saved.string())) == flatten(edited));
}

TEST_CASE("every governance knob's help text is listed for the catalogue and translated") {
  HelpTexts help;
  GovernanceConfig g;
  describe(help, g);
  REQUIRE(help.texts.size() > 40);
  std::set<std::string> listed;
  for (const char* text : knob_help_texts()) listed.insert(text);
  for (const std::string& text : help.texts) {
    INFO("knob help text: \"" << text
                              << "\" (add it to viz/knob_help.cpp, then run "
                                 "scripts/update-po.sh and translate it)");
    CHECK(listed.count(text) == 1);
    const bool words =
        std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isalpha(c) != 0; });
    if (words) CHECK(std::string(i18n::tr_in(i18n::Language::Zh, text.c_str())) != text);
  }
}

TEST_CASE("the scale follows the screen's DPI, from 120 dpi up") {
  CHECK(scale_for_dpi(0) == 1.0f);   // unknown
  CHECK(scale_for_dpi(96) == 1.0f);  // an ordinary screen, Xvfb
  CHECK(scale_for_dpi(110) == 1.0f);
  CHECK(scale_for_dpi(144) == 1.5f);
  CHECK(scale_for_dpi(192) == 2.0f);  // 2560x1440 on a 15-inch laptop
  CHECK(scale_for_dpi(1000) == 4.0f);
}
