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
const std::vector<std::string> kKeys = {"title", "scenario", "set",      "changes", "compare",
                                        "intro", "try",      "look_for", "question"};

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

std::string required_text(const Tree& root, const char* key) {
  const Tree* node = root.find(key);
  if (!node) {
    throw InputError(root.where.at(std::string("missing '") + key +
                                   "'; a lesson needs: title, scenario, intro, try, look_for, "
                                   "question"));
  }
  std::string text(trim(read_text(*node, key)));
  if (text.empty()) throw InputError(node->where.at(std::string(key) + ": is empty"));
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
  lesson.title = required_text(root, "title");
  lesson.scenario = required_text(root, "scenario");
  lesson.intro = required_text(root, "intro");
  lesson.try_this = required_text(root, "try");
  lesson.look_for = required_text(root, "look_for");
  lesson.question = required_text(root, "question");
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
  return lesson;
}

std::vector<ShippedLesson> shipped_lessons() {
  std::vector<ShippedLesson> list;
  for (const std::string& name : shipped_lesson_names()) {
    const EmbeddedFile* file = find_shipped_lesson(name);
    const Tree root = parse_yaml(file->text, "<built-in:" + std::string(file->path) + ">");
    const Tree* title = root.find("title");
    list.push_back({name, title ? read_text(*title, "title") : name});
  }
  return list;
}

}  // namespace govsim
