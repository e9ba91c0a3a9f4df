// A scenario document as a plain tree whose every node remembers the file, line and column it
// came from. yaml-cpp marks carry no file name, and a merged `extends` chain mixes files, so the
// loader converts each file into this tree first and merges trees, never yaml-cpp nodes.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace govsim {

// The file name of values given with --set.
inline constexpr std::string_view kCommandLine = "<command line>";

struct Where {
  std::shared_ptr<const std::string> file;
  int line = 0;  // 1-based; 0 when unknown, e.g. a value from the command line
  int column = 0;

  std::string file_name() const { return file ? *file : std::string(); }
  // "file:line:column: message"
  std::string at(const std::string& message) const;
};

struct TreeEntry;

struct Tree {
  enum class Kind { Null, Scalar, Map, List };
  Kind kind = Kind::Null;
  std::string text;                // Scalar: the text as written, without quotes
  std::vector<TreeEntry> entries;  // Map, in written order
  std::vector<Tree> items;         // List
  Where where;
  std::string label;  // names the value in messages instead of its key path ("--set a.b")

  const TreeEntry* entry(std::string_view key) const;
  TreeEntry* entry(std::string_view key);
  const Tree* find(std::string_view key) const;
  void remove(std::string_view key);
  // "'high'", "a map", "a list" or "nothing", for "expected ..., got ..." messages.
  std::string describe_value() const;
};

struct TreeEntry {
  std::string key;
  Where where;  // of the key
  Tree value;
};

// Parses one YAML document. An empty document gives an empty map. Throws InputError on syntax
// errors, repeated keys, non-text keys and documents beyond the caps in
// sim/limits.hpp (size, depth, number of values).
Tree parse_yaml(std::string_view text, const std::string& file);

// Reads one value given on the command line as YAML would ("0.8", "grid", "'a b'"). Only single
// values: a map or list is an InputError at `where`, named by `label`.
Tree parse_yaml_value(std::string_view text, const Where& where, const std::string& label);

// Reads and parses a file, refusing files over the size limit before reading them.
Tree read_yaml_file(const std::string& path);

// Merges `over` onto `base`: maps key by key (recursively), anything else is replaced. An empty
// value does not wipe out a map, since `platform:` with nothing under it changes nothing.
void merge_over(Tree& base, Tree over);

// Puts `value` at the key path, creating maps on the way (and replacing non-maps).
void set_path(Tree& root, const std::vector<std::string>& path, Tree value);

// Rewrites keys like `platform.level` into nested maps, so both spellings mean the same; a key
// given in both spellings is an error. `prefix` is the key path of `map`, for messages.
void expand_dotted_keys(Tree& map, const std::string& prefix);

std::vector<std::string> split_key_path(std::string_view path);
std::string join_key(const std::string& parent, const std::string& key);

}  // namespace govsim
