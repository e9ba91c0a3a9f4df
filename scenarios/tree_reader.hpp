// Reads a Tree into the parameter structs by walking their `describe` lists: the lists are the
// schema, so a key, range or choice added to model/params.hpp is validated here with no edit.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/errors.hpp"
#include "engine/input_text.hpp"
#include "model/params.hpp"
#include "scenarios/yaml_tree.hpp"

namespace govsim {

// Value readers: each throws InputError at the node, naming `name` (the key path), with what
// would have been valid.
double read_number(const Tree& node, const std::string& name, double lo, double hi);
std::int64_t read_whole(const Tree& node, const std::string& name, std::int64_t lo,
                        std::int64_t hi);
bool read_flag(const Tree& node, const std::string& name);
std::size_t read_choice(const Tree& node, const std::string& name,
                        const std::vector<std::string>& names);
std::string read_text(const Tree& node, const std::string& name);

// Throws at the first key of `map` not in `known`, suggesting the nearest known key.
void check_keys(const Tree& map, const std::vector<std::string>& known, const std::string& path);

// Collects the keys a struct's `describe` lists, at one level.
struct KeyLister {
  std::vector<std::string> keys;

  void number(const char* key, double&, double, double, const FieldDoc&) { keys.emplace_back(key); }
  template <class Int>
  void integer(const char* key, Int&, std::int64_t, std::int64_t, const FieldDoc&) {
    keys.emplace_back(key);
  }
  void flag(const char* key, bool&, const FieldDoc&) { keys.emplace_back(key); }
  template <class E, std::size_t N>
  void choice(const char* key, E&, const std::array<const char*, N>&, const FieldDoc&) {
    keys.emplace_back(key);
  }
  void text(const char* key, std::string&, const FieldDoc&) { keys.emplace_back(key); }
  template <class S>
  void group(const char* key, S&, const char*) {
    keys.emplace_back(key);
  }
};

template <class S>
std::vector<std::string> keys_of() {
  S scratch{};
  KeyLister lister;
  describe(lister, scratch);
  return lister.keys;
}

template <class S>
void read_struct(const Tree& node, S& out, const std::string& path,
                 const std::vector<std::string>& extra_keys = {});

// The visitor handed to `describe`: reads the keys present in one map, leaves the others as they
// are. Reading a partial map over filled-in structs is how overrides and changes apply.
class TreeReader {
 public:
  TreeReader(const Tree& map, const std::string& path) : map_(map), path_(path) {}

  void number(const char* key, double& value, double lo, double hi, const FieldDoc&) {
    if (const Tree* node = map_.find(key)) value = read_number(*node, name(*node, key), lo, hi);
  }
  template <class Int>
  void integer(const char* key, Int& value, std::int64_t lo, std::int64_t hi, const FieldDoc&) {
    if (const Tree* node = map_.find(key)) {
      value = static_cast<Int>(read_whole(*node, name(*node, key), lo, hi));
    }
  }
  void flag(const char* key, bool& value, const FieldDoc&) {
    if (const Tree* node = map_.find(key)) value = read_flag(*node, name(*node, key));
  }
  template <class E, std::size_t N>
  void choice(const char* key, E& value, const std::array<const char*, N>& names, const FieldDoc&) {
    if (const Tree* node = map_.find(key)) {
      const std::vector<std::string> list(names.begin(), names.end());
      value = static_cast<E>(read_choice(*node, name(*node, key), list));
    }
  }
  void text(const char* key, std::string& value, const FieldDoc&) {
    if (const Tree* node = map_.find(key)) value = read_text(*node, name(*node, key));
  }
  template <class S>
  void group(const char* key, S& sub, const char*) {
    if (const Tree* node = map_.find(key)) read_struct(*node, sub, join_key(path_, key));
  }

 private:
  std::string name(const Tree& node, const char* key) const {
    return node.label.empty() ? join_key(path_, key) : node.label;
  }

  const Tree& map_;
  const std::string& path_;
};

template <class S>
void read_struct(const Tree& node, S& out, const std::string& path,
                 const std::vector<std::string>& extra_keys) {
  if (node.kind == Tree::Kind::Null) return;  // `platform:` with nothing under it
  std::vector<std::string> known = keys_of<S>();
  if (node.kind != Tree::Kind::Map) {
    throw InputError(node.where.at(path + ": expected a map of settings (" + quoted_list(known) +
                                   "), got " + node.describe_value()));
  }
  known.insert(known.end(), extra_keys.begin(), extra_keys.end());
  check_keys(node, known, path);
  TreeReader reader(node, path);
  describe(reader, out);
}

// Checks that a dotted key path names one value of the scenario schema. Returns "" when it does,
// else the problem ("unknown key; did you mean 'platform'?").
std::string check_value_path(const std::vector<std::string>& path);

}  // namespace govsim
