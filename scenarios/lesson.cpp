#include "scenarios/lesson.hpp"

#include <algorithm>
#include <filesystem>

#include "engine/errors.hpp"
#include "engine/input_text.hpp"
#include "scenarios/changes.hpp"
#include "scenarios/embedded.hpp"
#include "scenarios/loader.hpp"
#include "scenarios/tree_reader.hpp"
#include "scenarios/yaml_tree.hpp"

namespace govsim {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kLessonDir = "lessons/";
const std::vector<std::string> kKeys = {"title",    "scenario", "set",        "changes",
                                        "compare",  "intro",    "try",        "look_for",
                                        "question", "checks",   "stop_at_day"};

bool looks_like_path(std::string_view text) {
  return text.find('/') != std::string_view::npos || text.ends_with(".yaml") ||
         text.ends_with(".yml");
}

std::string stem_of(const std::string& file) { return fs::path(file).stem().string(); }

const EmbeddedFile* find_shipped_lesson(const std::string& name) {
  if (name.empty() || name.find('/') != std::string::npos) return nullptr;
  return find_embedded(std::string(kLessonDir) + name + ".yaml");
}

std::vector<std::string> shipped_lesson_names() {
  std::vector<std::string> names;
  for (const EmbeddedFile& f : embedded_files()) {
    if (f.path.starts_with(kLessonDir) && f.path.ends_with(".yaml")) {
      names.push_back(stem_of(std::string(f.path)));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string required_text(const Tree& root, const char* key,
                          const std::string& needs =
                              "a lesson needs: title, scenario, intro, "
                              "try, look_for, question",
                          const std::string& path = "") {
  const std::string name = path.empty() ? std::string(key) : path + "." + key;
  const Tree* node = root.find(key);
  if (!node) throw InputError(root.where.at("missing '" + name + "'; " + needs));
  std::string text(trim(read_text(*node, name)));
  if (text.empty()) throw InputError(node->where.at(name + ": is empty"));
  return text;
}

// A text the student reads: one text, or one in each language ({en: ..., zh: ...}).
LocalText required_local_text(const Tree& root, const char* key) {
  const Tree* node = root.find(key);
  if (!node) {
    throw InputError(root.where.at(std::string("missing '") + key +
                                   "'; a lesson needs: title, scenario, intro, try, look_for, "
                                   "question"));
  }
  LocalText text = read_local_text(*node, key);
  if (text.en.empty() || (node->kind == Tree::Kind::Map && node->find("zh") && text.zh.empty()))
    throw InputError(node->where.at(std::string(key) + ": is empty"));
  return text;
}

// `set: {governance.platform.level: 0.8}` (or nested maps) into "key=value" overrides, each key
// checked against the schema here so that the message points into the lesson.
void flatten_set(const Tree& map, const std::string& prefix, std::vector<std::string>& out) {
  if (map.kind != Tree::Kind::Map) {
    throw InputError(map.where.at((prefix.empty() ? std::string("set") : prefix) +
                                  ": expected a map of scenario keys and values, e.g. "
                                  "{governance.platform.level: 0.8}, got " +
                                  map.describe_value()));
  }
  for (const TreeEntry& e : map.entries) {
    const std::string key = join_key(prefix, e.key);
    if (e.value.kind == Tree::Kind::Map) {
      flatten_set(e.value, key, out);
      continue;
    }
    if (e.value.kind != Tree::Kind::Scalar) {
      throw InputError(
          e.where.at("set." + key + ": expected a single value, got " + e.value.describe_value()));
    }
    if (const std::string problem = check_value_path(split_key_path(key)); !problem.empty()) {
      throw InputError(e.where.at("set." + key + ": " + problem));
    }
    out.push_back(key + "=" + e.value.text);
  }
}

// A scenario named in a lesson file: a path is relative to the lesson; a name is shipped.
std::string scenario_reference(const std::string& text, const std::string& lesson_file,
                               bool builtin, const Where& where, const char* key) {
  if (!looks_like_path(text)) return text;
  if (builtin) {
    throw InputError(where.at(std::string(key) +
                              ": a shipped lesson names a shipped scenario, "
                              "not a file ('" +
                              text + "')"));
  }
  const fs::path path = fs::path(text).is_absolute()
                            ? fs::path(text)
                            : (fs::path(lesson_file).parent_path() / text).lexically_normal();
  return path.generic_string();
}

Scenario load_named(const std::string& reference, const std::vector<std::string>& overrides,
                    const Where& where, const char* key) {
  try {
    return load_scenario(reference, overrides);
  } catch (const InputError& e) {
    throw InputError(where.at(std::string(key) + ": " + e.what()));
  }
}

// `{design: B, days: [first, last]}` of a check.
LessonWindow read_window(const Tree& node, const std::string& path, const Lesson& lesson) {
  if (node.kind != Tree::Kind::Map) {
    throw InputError(node.where.at(path +
                                   ": expected {days: [first, last]} (and design: A or B), got " +
                                   node.describe_value()));
  }
  check_keys(node, {"design", "days"}, path);
  LessonWindow w;
  if (const Tree* design = node.find("design")) {
    w.design = read_choice(*design, path + ".design", {"A", "B"}) == 0 ? 'A' : 'B';
    if (w.design == 'B' && lesson.compare.empty()) {
      throw InputError(design->where.at(path + ".design: B is the compare design, and this "
                                               "lesson has no 'compare'"));
    }
  }
  const Tree* days = node.find("days");
  if (!days || days->kind != Tree::Kind::List || days->items.size() != 2) {
    throw InputError((days ? days->where : node.where)
                         .at(path + ".days: expected [first, last], two days of the run"));
  }
  const std::int64_t last_day = lesson.resolved.run.days - 1;
  w.first = read_whole(days->items[0], path + ".days[0]", 0, last_day);
  w.last = read_whole(days->items[1], path + ".days[1]", w.first, last_day);
  return w;
}

// `{at_least: x, at_most: y}`: the band the measure must fall in.
void read_band(const Tree& node, const std::string& path, LessonCheck& check) {
  if (node.kind != Tree::Kind::Map || node.entries.empty()) {
    throw InputError(node.where.at(path + ": expected {at_least: x} or {at_most: y} or both, got " +
                                   node.describe_value()));
  }
  check_keys(node, {"at_least", "at_most"}, path);
  if (const Tree* lo = node.find("at_least"))
    check.at_least = read_number(*lo, path + ".at_least", -1e300, 1e300);
  if (const Tree* hi = node.find("at_most"))
    check.at_most = read_number(*hi, path + ".at_most", -1e300, 1e300);
  if (check.at_least > check.at_most)
    throw InputError(node.where.at(path + ": at_least is above at_most"));
}

LessonCheck read_check(const Tree& node, const std::string& path, const Lesson& lesson) {
  if (node.kind != Tree::Kind::Map) {
    throw InputError(node.where.at(path +
                                   ": expected {says, outcome, a, b, b_over_a | b_minus_a | "
                                   "b_mean}, got " +
                                   node.describe_value()));
  }
  check_keys(node, {"says", "outcome", "a", "b", "b_over_a", "b_minus_a", "b_mean"}, path);
  LessonCheck check;
  check.where = node.where;
  const std::string needs =
      "a check needs: says, outcome, b and one of b_mean, b_over_a, b_minus_a";
  check.says = required_text(node, "says", needs, path);
  check.outcome = required_text(node, "outcome", needs, path);
  check.outcome_where = node.find("outcome")->where;
  const Tree* b = node.find("b");
  if (!b) throw InputError(node.where.at(path + ": missing 'b', the window the claim is about"));
  check.b = read_window(*b, path + ".b", lesson);
  int measures = 0;
  const std::pair<const char*, LessonCheck::Measure> kinds[] = {
      {"b_mean", LessonCheck::Measure::BMean},
      {"b_over_a", LessonCheck::Measure::BOverA},
      {"b_minus_a", LessonCheck::Measure::BMinusA}};
  for (const auto& [key, measure] : kinds) {
    if (const Tree* band = node.find(key)) {
      check.measure = measure;
      read_band(*band, path + "." + key, check);
      ++measures;
    }
  }
  if (measures != 1) {
    throw InputError(node.where.at(path + ": give exactly one of b_mean, b_over_a, b_minus_a"));
  }
  const Tree* a = node.find("a");
  if (check.measure == LessonCheck::Measure::BMean && a) {
    throw InputError(a->where.at(path + ".a: b_mean compares b with a band, not with a window a"));
  }
  if (check.measure != LessonCheck::Measure::BMean) {
    if (!a) throw InputError(node.where.at(path + ": missing 'a', the window b is compared with"));
    check.a = read_window(*a, path + ".a", lesson);
  }
  return check;
}

// `checks:` of a lesson: the runs they need (the student's changes made for them) and the
// claims to test.
LessonChecks read_checks(const Tree& node, const Lesson& lesson) {
  if (node.kind != Tree::Kind::Map) {
    throw InputError(node.where.at(
        "checks: expected {replications, student_changes, expect}, got " + node.describe_value()));
  }
  check_keys(node, {"replications", "student_changes", "expect"}, "checks");
  LessonChecks out;
  if (const Tree* reps = node.find("replications"))
    out.replications = read_whole(*reps, "checks.replications", 1, 100);
  out.run = lesson.resolved;
  out.compare_run = lesson.compare_resolved;
  if (const Tree* student = node.find("student_changes")) {
    for (Scenario* sc : {&out.run, &out.compare_run}) {
      if (sc == &out.compare_run && lesson.compare.empty()) continue;
      const GovernanceConfig& base =
          sc->changes.empty() ? sc->governance : sc->changes.back().governance;
      ReadChanges read = read_changes(*student, base);
      for (std::size_t i = 0; i < read.changes.size(); ++i) {
        if (!sc->changes.empty() && read.changes[i].day <= sc->changes.back().day) {
          throw InputError(read.day_where[i].at(
              "checks.student_changes: a student's change comes after the scenario's own "
              "changes (the last on day " +
              std::to_string(sc->changes.back().day) + ")"));
        }
        sc->changes.push_back(std::move(read.changes[i]));
      }
      if (const std::string problem = cross_check(*sc); !problem.empty())
        throw InputError(student->where.at("checks.student_changes: " + problem));
    }
  }
  const Tree* expect = node.find("expect");
  if (!expect || expect->kind != Tree::Kind::List || expect->items.empty()) {
    throw InputError((expect ? expect->where : node.where)
                         .at("checks.expect: expected a list of claims, each {says, outcome, a, "
                             "b, b_over_a | b_minus_a | b_mean}"));
  }
  for (std::size_t i = 0; i < expect->items.size(); ++i)
    out.expect.push_back(
        read_check(expect->items[i], "checks.expect[" + std::to_string(i) + "]", lesson));
  return out;
}

}  // namespace

Lesson load_lesson(const std::string& name_or_path) {
  Lesson lesson;
  Tree root;
  std::error_code error;
  const bool builtin = !fs::exists(name_or_path, error) && !looks_like_path(name_or_path);
  if (builtin) {
    const EmbeddedFile* file = find_shipped_lesson(name_or_path);
    if (!file) {
      throw InputError("unknown lesson '" + name_or_path + "'" +
                       suggestion(name_or_path, shipped_lesson_names(), "lessons") +
                       " (or give the path of a lesson .yaml file)");
    }
    lesson.name = name_or_path;
    lesson.source = "<built-in:" + std::string(file->path) + ">";
    root = parse_yaml(file->text, lesson.source);
  } else {
    if (!fs::is_regular_file(name_or_path, error)) {
      throw InputError(located(name_or_path, 0, 0, "no such lesson file"));
    }
    lesson.name = stem_of(name_or_path);
    lesson.source = name_or_path;
    root = read_yaml_file(name_or_path);
  }
  if (root.kind != Tree::Kind::Map) {
    throw InputError(
        root.where.at("expected a lesson (a map with title, scenario, intro, try, "
                      "look_for and question), got " +
                      root.describe_value()));
  }
  check_keys(root, kKeys, "");
  lesson.title = required_local_text(root, "title");
  lesson.scenario = required_text(root, "scenario");
  lesson.intro = required_local_text(root, "intro");
  lesson.try_this = required_local_text(root, "try");
  lesson.look_for = required_local_text(root, "look_for");
  lesson.question = required_local_text(root, "question");
  if (const Tree* set = root.find("set"); set && set->kind != Tree::Kind::Null) {
    flatten_set(*set, "", lesson.overrides);
  }

  const Tree& scenario_node = *root.find("scenario");
  lesson.resolved = load_named(
      scenario_reference(lesson.scenario, lesson.source, builtin, scenario_node.where, "scenario"),
      lesson.overrides, scenario_node.where, "scenario");
  if (const Tree* changes = root.find("changes")) {
    ReadChanges read = read_changes(*changes, lesson.resolved.governance);
    lesson.resolved.changes = std::move(read.changes);
    if (const std::string problem = cross_check(lesson.resolved); !problem.empty()) {
      throw InputError(changes->where.at(problem));
    }
  }
  if (const Tree* compare = root.find("compare")) {
    lesson.compare = std::string(trim(read_text(*compare, "compare")));
    const Scenario other = load_named(
        scenario_reference(lesson.compare, lesson.source, builtin, compare->where, "compare"), {},
        compare->where, "compare");
    // The second design runs on the first one's city, run settings and model.
    lesson.compare_resolved = lesson.resolved;
    lesson.compare_resolved.name = other.name;
    lesson.compare_resolved.description = other.description;
    lesson.compare_resolved.governance = other.governance;
    lesson.compare_resolved.changes = other.changes;
    if (const std::string problem = cross_check(lesson.compare_resolved); !problem.empty()) {
      throw InputError(compare->where.at("compare: " + problem));
    }
  }
  if (const Tree* stop = root.find("stop_at_day"))
    lesson.stop_at_day = read_whole(*stop, "stop_at_day", 1, lesson.resolved.run.days);
  if (const Tree* checks = root.find("checks")) lesson.checks = read_checks(*checks, lesson);
  return lesson;
}

std::vector<ShippedLesson> shipped_lessons() {
  std::vector<ShippedLesson> list;
  for (const std::string& name : shipped_lesson_names()) {
    const EmbeddedFile* file = find_shipped_lesson(name);
    const Tree root = parse_yaml(file->text, "<built-in:" + std::string(file->path) + ">");
    const Tree* title = root.find("title");
    list.push_back({name, title ? read_local_text(*title, "title") : LocalText{name, ""}});
  }
  return list;
}

}  // namespace govsim
