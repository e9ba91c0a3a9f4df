#include "scenarios/loader.hpp"

#include <filesystem>

#include "engine/errors.hpp"
#include "engine/input_text.hpp"
#include "scenarios/changes.hpp"
#include "scenarios/sources.hpp"
#include "scenarios/tree_reader.hpp"
#include "scenarios/yaml_tree.hpp"

namespace govsim {
namespace {

// "--set path.to.key=value": the path is checked against the schema here, because a misspelt
// key on the command line would otherwise add a key no file wrote.
void apply_override(Tree& root, const std::string& text) {
  const Where where{std::make_shared<const std::string>(kCommandLine), 0, 0};
  const std::size_t equals = text.find('=');
  const std::string key(trim(std::string_view(text).substr(0, equals)));
  if (equals == std::string::npos || key.empty()) {
    throw InputError(
        where.at("--set " + text + ": expected key=value, e.g. governance.platform.level=0.8"));
  }
  const std::string label = "--set " + key;
  const std::vector<std::string> path = split_key_path(key);
  const std::string problem = path.empty() ? "not a key path" : check_value_path(path);
  if (!problem.empty()) throw InputError(where.at(label + ": " + problem));
  set_path(root, path, parse_yaml_value(std::string_view(text).substr(equals + 1), where, label));
}

// cross_check names a key path first; point at the line that set it, or at its nearest parent.
Where where_of(const std::string& message, const Tree& root, const std::vector<Where>& change_days,
               const ScenarioSource& source) {
  const std::string key = message.substr(0, message.find_first_of(": "));
  if (key.starts_with("changes[")) {
    const std::size_t index = std::stoul(key.substr(8));
    if (index < change_days.size()) return change_days[index];
  }
  Where best{std::make_shared<const std::string>(source.label), 0, 0};
  const Tree* node = &root;
  for (const std::string& segment : split_key_path(key)) {
    const TreeEntry* e = node->kind == Tree::Kind::Map ? node->entry(segment) : nullptr;
    if (!e) break;
    best = e->value.kind == Tree::Kind::Scalar ? e->value.where : e->where;
    node = &e->value;
  }
  return best;
}

// `description:` as one text or as {en, zh} (scenarios/local_text.hpp); the schema's field holds
// the English, which the manifest and the sweeps use.
LocalText take_description(Tree& root) {
  TreeEntry* entry = root.kind == Tree::Kind::Map ? root.entry("description") : nullptr;
  if (!entry) return {};
  LocalText text = read_local_text(entry->value, "description");
  if (entry->value.kind == Tree::Kind::Map) {
    Tree english;
    english.kind = Tree::Kind::Scalar;
    english.text = text.en;
    english.where = entry->value.where;
    entry->value = std::move(english);
  }
  return text;
}

Scenario load(const ScenarioSource& source, const std::vector<std::string>& overrides) {
  Tree root = load_merged(source);
  take_description(root);
  for (const std::string& text : overrides) apply_override(root, text);

  Scenario s;
  read_struct(root, s, "", {"changes", "extends"});
  if (s.name.empty()) {
    s.name = source.builtin.empty() ? std::filesystem::path(source.label).stem().string()
                                    : source.builtin;
  }
  s.source = source.label;

  std::vector<Where> change_days;
  if (const Tree* list = root.find("changes")) {
    ReadChanges changes = read_changes(*list, s.governance);
    s.changes = std::move(changes.changes);
    change_days = std::move(changes.day_where);
  }
  if (!s.city.table.empty()) {
    const Tree& table = *root.find("city")->find("table");
    s.grid_table = read_table_near(table.where, s.city.table,
                                   table.label.empty() ? "city.table" : table.label);
  }
  if (const std::string problem = cross_check(s); !problem.empty()) {
    throw InputError(where_of(problem, root, change_days, source).at(problem));
  }
  return s;
}

}  // namespace

Scenario load_scenario(const std::string& name_or_path, const std::vector<std::string>& overrides) {
  return load(resolve_scenario(name_or_path), overrides);
}

Scenario load_builtin_default(const std::vector<std::string>& overrides) {
  return load(builtin_source("baseline"), overrides);
}

std::optional<std::int64_t> warmup_to_fit(std::int64_t warmup_days, std::int64_t days) {
  if (days < 1 || warmup_days < days) return std::nullopt;
  return days / 10;
}

std::vector<ShippedScenario> shipped_scenarios() {
  std::vector<ShippedScenario> list;
  for (const std::string& name : shipped_names()) {
    Tree tree = parse_yaml(shipped_text(name), builtin_source(name).label);
    const LocalText description = take_description(tree);
    list.push_back({name, first_sentence(description), description});
  }
  return list;
}

LocalText scenario_description(const Scenario& scenario) {
  std::string reference = scenario.source;
  constexpr std::string_view builtin = "<built-in:";
  if (reference.starts_with(builtin) && reference.ends_with('>'))
    reference = reference.substr(builtin.size(), reference.size() - builtin.size() - 1);
  try {
    Tree root = load_merged(resolve_scenario(reference));
    // The file may have changed since, or the description come from elsewhere (a lesson's
    // compare design keeps its city's source): only the file's own description is translated.
    if (LocalText text = take_description(root); text.en == scenario.description) return text;
  } catch (const InputError&) {
  }
  return {scenario.description, ""};
}

std::string shipped_scenario_text(const std::string& name) {
  if (!is_shipped(name)) {
    throw InputError("unknown scenario '" + name + "'" +
                     suggestion(shipped_name_of(name), shipped_names(), "scenarios"));
  }
  return std::string(shipped_text(shipped_name_of(name)));
}

}  // namespace govsim
