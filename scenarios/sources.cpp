#include "scenarios/sources.hpp"

#include <algorithm>
#include <filesystem>

#include "engine/errors.hpp"
#include "engine/file_kind.hpp"
#include "engine/input_text.hpp"
#include "model/limits.hpp"
#include "scenarios/city_table.hpp"
#include "scenarios/embedded.hpp"
#include "scenarios/geojson_city.hpp"

namespace govsim {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kBuiltinPrefix = "<built-in:";

bool ends_with(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

bool is_builtin_label(std::string_view label) { return label.starts_with(kBuiltinPrefix); }

std::string builtin_name_of_label(std::string_view label) {
  label.remove_prefix(kBuiltinPrefix.size());
  label.remove_suffix(1);
  return std::string(label);
}

Tree parse_source(const ScenarioSource& source) {
  if (source.builtin.empty()) {
    Tree tree = read_yaml_file(source.label);
    // An empty file would silently run the built-in baseline: say what to write instead.
    if (tree.kind == Tree::Kind::Map && tree.entries.empty())
      throw InputError(located(source.label, 0, 0,
                               "the scenario file sets nothing (it is empty, or only comments); to "
                               "run the built-in "
                               "baseline write 'extends: baseline', or give no scenario at all"));
    return tree;
  }
  return parse_yaml(shipped_text(source.builtin), source.label);
}

std::string chain_text(const std::vector<ScenarioSource>& chain, const ScenarioSource& next) {
  std::string text;
  for (const ScenarioSource& s : chain) text += s.label + " -> ";
  return text + next.label;
}

// Resolves `extends: text` written in `from`: beside `from` on disk, else a shipped scenario.
ScenarioSource resolve_extends(const ScenarioSource& from, const Tree& node) {
  if (node.kind != Tree::Kind::Scalar || trim(node.text).empty()) {
    throw InputError(node.where.at("extends: expected the scenario file to start from, got " +
                                   node.describe_value()));
  }
  const std::string text(trim(node.text));
  const bool plain_name = text.find('/') == std::string::npos;
  if (!from.builtin.empty()) {
    if (plain_name && is_shipped(text)) return builtin_source(shipped_name_of(text));
    throw InputError(
        node.where.at("extends: no shipped scenario '" + text + "'" +
                      suggestion(shipped_name_of(text), shipped_names(), "scenarios")));
  }
  const fs::path path = fs::path(text).is_absolute()
                            ? fs::path(text)
                            : (fs::path(from.label).parent_path() / text).lexically_normal();
  std::error_code error;
  if (fs::is_regular_file(path, error)) return file_source(path.generic_string());
  if (plain_name && is_shipped(text)) return builtin_source(shipped_name_of(text));
  throw InputError(node.where.at("extends: cannot find '" + path.generic_string() +
                                 "' (no such file, and no shipped scenario of that name)"));
}

Tree load_chain(const ScenarioSource& source, std::vector<ScenarioSource>& chain) {
  Tree tree = parse_source(source);
  chain.push_back(source);
  const Tree* extends = tree.find("extends");
  if (!extends) return tree;

  const ScenarioSource parent = resolve_extends(source, *extends);
  const bool cycle = std::any_of(chain.begin(), chain.end(), [&](const ScenarioSource& s) {
    return s.identity == parent.identity;
  });
  if (cycle) throw InputError(extends->where.at("extends: cycle: " + chain_text(chain, parent)));
  if (chain.size() >= static_cast<std::size_t>(limits::kExtendsFiles)) {
    throw InputError(extends->where.at("extends: more than " +
                                       std::to_string(limits::kExtendsFiles) +
                                       " files deep: " + chain_text(chain, parent)));
  }
  Tree merged = load_chain(parent, chain);
  merged.remove("name");
  merged.remove("description");
  tree.remove("extends");
  merge_over(merged, std::move(tree));
  return merged;
}

}  // namespace

std::vector<std::string> shipped_names() {
  std::vector<std::string> names;
  for (const EmbeddedFile& file : embedded_files()) {
    if (file.path.find('/') == std::string_view::npos && ends_with(file.path, ".yaml")) {
      names.push_back(shipped_name_of(file.path));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string shipped_name_of(std::string_view name_or_file) {
  if (name_or_file.starts_with("./")) name_or_file.remove_prefix(2);
  for (std::string_view extension : {".yaml", ".yml"}) {
    if (ends_with(name_or_file, extension)) name_or_file.remove_suffix(extension.size());
  }
  return std::string(name_or_file);
}

bool is_shipped(std::string_view name_or_file) {
  return !shipped_text(shipped_name_of(name_or_file)).empty();
}

std::string_view shipped_text(const std::string& name) {
  if (name.empty() || name.find('/') != std::string::npos) return {};
  const EmbeddedFile* file = find_embedded(name + ".yaml");
  return file ? file->text : std::string_view();
}

ScenarioSource file_source(const std::string& path) {
  std::error_code error;
  const fs::path canonical = fs::weakly_canonical(path, error);
  return ScenarioSource{path, "", error ? path : canonical.generic_string()};
}

ScenarioSource builtin_source(const std::string& name) {
  const std::string label = std::string(kBuiltinPrefix) + name + ">";
  return ScenarioSource{label, name, label};
}

ScenarioSource resolve_scenario(const std::string& name_or_path) {
  std::error_code error;
  if (fs::exists(name_or_path, error)) {
    if (const PathKind kind = path_kind(name_or_path); kind.kind != FileKind::Regular) {
      throw InputError(
          located(name_or_path, 0, 0,
                  "not a file (it is " + kind.words + "); expected a scenario (.yaml) file"));
    }
    return file_source(name_or_path);
  }
  const bool plain_name = name_or_path.find('/') == std::string::npos;
  if (!plain_name || ends_with(name_or_path, ".yaml") || ends_with(name_or_path, ".yml")) {
    std::string hint;
    if (plain_name && is_shipped(name_or_path)) {
      hint = "; for the shipped scenario, write '" + shipped_name_of(name_or_path) + "'";
    }
    throw InputError(located(name_or_path, 0, 0, "no such file" + hint));
  }
  if (!is_shipped(name_or_path)) {
    throw InputError("unknown scenario '" + name_or_path + "'" +
                     suggestion(name_or_path, shipped_names(), "scenarios") +
                     " (or give the path of a .yaml file)");
  }
  return builtin_source(name_or_path);
}

Tree load_merged(const ScenarioSource& source) {
  std::vector<ScenarioSource> chain;
  return load_chain(source, chain);
}

std::vector<GridRecord> read_table_near(const Where& where, const std::string& table,
                                        const std::string& key) {
  const std::string file = where.file_name();
  if (is_builtin_label(file)) {
    const std::string path = fs::path(table).lexically_normal().generic_string();
    const EmbeddedFile* embedded = fs::path(table).is_absolute() ? nullptr : find_embedded(path);
    if (!embedded) {
      throw InputError(where.at(key + ": no table '" + table + "' ships with scenario '" +
                                builtin_name_of_label(file) + "'"));
    }
    const std::string label = "<built-in:" + path + ">";
    if (is_geojson_name(path)) return parse_geojson_city(embedded->text, label);
    return parse_city_table(embedded->text, label);
  }
  // A table named on the command line is relative to the working directory.
  const fs::path base = file == kCommandLine ? fs::path() : fs::path(file).parent_path();
  const fs::path path =
      fs::path(table).is_absolute() ? fs::path(table) : (base / table).lexically_normal();
  if (const PathKind kind = path_kind(path.string()); kind.kind != FileKind::Regular) {
    throw InputError(where.at(key + ": cannot open '" + path.generic_string() + "' (" + kind.words +
                              (kind.kind == FileKind::Missing ? "" : ", not a regular file") +
                              ")"));
  }
  if (is_geojson_name(table)) return read_geojson_city(path.generic_string());
  return read_city_table(path.generic_string());
}

}  // namespace govsim
