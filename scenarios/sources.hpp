// Where scenario documents come from (a file, or a scenario shipped inside the binary), and how an
// `extends` chain is followed and merged.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/params.hpp"
#include "scenarios/yaml_tree.hpp"

namespace govsim {

struct ScenarioSource {
  std::string label;     // the path, or "<built-in:NAME>"; names the file in every message
  std::string builtin;   // the shipped name, or "" for a file
  std::string identity;  // the same file reached by two spellings has one identity
};

// Names of the shipped scenarios, sorted; "baseline.yaml" and "baseline" are the same name.
std::vector<std::string> shipped_names();
std::string shipped_name_of(std::string_view name_or_file);  // strips ".yaml" / ".yml"
bool is_shipped(std::string_view name_or_file);
std::string_view shipped_text(const std::string& name);  // "" when unknown

ScenarioSource file_source(const std::string& path);
ScenarioSource builtin_source(const std::string& name);
// A file path if it exists (or looks like one), else a shipped name. Throws InputError.
ScenarioSource resolve_scenario(const std::string& name_or_path);

// Parses `source` and everything it extends into one tree: maps merge key by key, the child
// winning, and lists (`changes`) are replaced whole. `extends` is removed, and so are the
// parents' `name` and `description`, which describe the parent, not this scenario.
Tree load_merged(const ScenarioSource& source);

// Reads the city table named by `table`, relative to the file that named it (`where`); a
// shipped scenario reads the tables shipped with it.
std::vector<GridRecord> read_table_near(const Where& where, const std::string& table,
                                        const std::string& key);

}  // namespace govsim
