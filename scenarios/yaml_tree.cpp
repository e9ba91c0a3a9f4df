#include "scenarios/yaml_tree.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>
#include <unordered_map>

#include "engine/errors.hpp"
#include "engine/input_text.hpp"
#include "model/limits.hpp"
#include "scenarios/bounded_file.hpp"
#include "scenarios/utf8.hpp"

namespace govsim {

std::string Where::at(const std::string& message) const {
  return located(file_name(), line, column, message);
}

const TreeEntry* Tree::entry(std::string_view key) const {
  for (const TreeEntry& e : entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

TreeEntry* Tree::entry(std::string_view key) {
  for (TreeEntry& e : entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

const Tree* Tree::find(std::string_view key) const {
  const TreeEntry* e = entry(key);
  return e ? &e->value : nullptr;
}

void Tree::remove(std::string_view key) {
  std::erase_if(entries, [&](const TreeEntry& e) { return e.key == key; });
}

std::string Tree::describe_value() const {
  switch (kind) {
    case Kind::Null:
      return "nothing";
    case Kind::Map:
      return "a map";
    case Kind::List:
      return "a list";
    case Kind::Scalar:
      break;
  }
  return quoted_for_message(text);
}

namespace {

std::string too_large() {
  const std::string cap = std::to_string(limits::mebibytes(limits::kScenarioBytes)) + " MiB";
  return "larger than " + cap + "; scenario files are limited to " + cap;
}

// Counts a document's keys, values, lists and maps as yaml-cpp's parser reads them, building
// nothing: yaml-cpp spends tens of microseconds and hundreds of bytes on each node it builds, so a
// file of half a million one-character values would take seconds and hundreds of MB before the
// Converter below could count them. An alias counts once here; the Converter counts each use.
// Thrown by the document probe past limits::kScenarioValues nodes, before any node is built.
struct TooManyValues {
  YAML::Mark mark;
};

// Converts yaml-cpp nodes, counting every node visited: an alias is visited once per use, so an
// alias bomb stops at the node limit instead of filling memory.
class Converter {
 public:
  explicit Converter(const std::string& file) : file_(std::make_shared<const std::string>(file)) {}

  // `path` is the key path of `node`, for messages about repeated keys.
  Tree convert(const YAML::Node& node, const Where& fallback, int depth, const std::string& path) {
    Tree tree;
    // An empty value is best shown at its key: yaml-cpp marks it where the next token starts.
    tree.where = node.IsNull() ? fallback : where(node.Mark(), fallback);
    if (++nodes_ > limits::kScenarioValues) {
      throw InputError(tree.where.at("more than " + std::to_string(limits::kScenarioValues) +
                                     " values (anchors and aliases counted once per use)"));
    }
    if (depth > limits::kScenarioDepth) {
      throw InputError(tree.where.at("nested more than " + std::to_string(limits::kScenarioDepth) +
                                     " levels deep"));
    }
    switch (node.Type()) {
      case YAML::NodeType::Scalar:
        tree.kind = Tree::Kind::Scalar;
        tree.text = node.Scalar();
        break;
      case YAML::NodeType::Sequence:
        tree.kind = Tree::Kind::List;
        for (const YAML::Node& item : node) {
          const std::string item_path = path + "[" + std::to_string(tree.items.size()) + "]";
          tree.items.push_back(convert(item, tree.where, depth + 1, item_path));
        }
        break;
      case YAML::NodeType::Map:
        tree.kind = Tree::Kind::Map;
        convert_map(node, tree, depth, path);
        break;
      default:
        break;
    }
    return tree;
  }

 private:
  Where where(const YAML::Mark& mark, const Where& fallback) const {
    if (mark.line < 0) return fallback;  // yaml-cpp leaves empty values without a mark
    return Where{file_, mark.line + 1, mark.column + 1};
  }

  void convert_map(const YAML::Node& node, Tree& tree, int depth, const std::string& path) {
    std::unordered_map<std::string, int> first_line;
    for (auto it = node.begin(); it != node.end(); ++it) {
      const Where key_where = where(it->first.Mark(), tree.where);
      if (!it->first.IsScalar()) {
        throw InputError(key_where.at("a key must be a plain name, not " +
                                      std::string(it->first.IsNull() ? "empty" : "a map or list")));
      }
      const std::string key = it->first.Scalar();
      const std::string key_path = join_key(path, key);
      const auto [previous, fresh] = first_line.emplace(key, key_where.line);
      if (!fresh) {
        throw InputError(key_where.at(key_path + ": key given twice (first on line " +
                                      std::to_string(previous->second) + ")"));
      }
      tree.entries.push_back(
          TreeEntry{key, key_where, convert(it->second, key_where, depth + 1, key_path)});
    }
  }

  std::shared_ptr<const std::string> file_;
  std::size_t nodes_ = 0;
};

// Where each document of a stream starts, and where its first node is, without building nodes.
class DocumentProbe : public YAML::EventHandler {
 public:
  struct Document {
    YAML::Mark start, node;
  };
  std::vector<Document> documents;

  void OnDocumentStart(const YAML::Mark& mark) override {
    documents.push_back({mark, mark});
    node_seen_ = false;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { first_node(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { first_node(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    first_node(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    first_node(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    first_node(mark);
  }
  void OnMapEnd() override {}

 private:
  void first_node(const YAML::Mark& mark) {
    // Every node passes here: count them, so that a file of a million tiny values is refused
    // on the event stream, before yaml-cpp builds a node for each.
    if (++values_ > limits::kScenarioValues) throw TooManyValues{mark};
    if (node_seen_ || documents.empty()) return;
    node_seen_ = true;
    documents.back().node = mark;
  }
  bool node_seen_ = false;
  std::size_t values_ = 0;
};

// A scenario is one document. yaml-cpp's LoadAll would be the obvious way to see a second one,
// but yaml-cpp 0.7 never gets past a stray flow indicator at the top level ("!x,", ",", jbeder/
// yaml-cpp#1040): every further call returns another empty document at the same place, and
// LoadAll collects them until memory runs out. So the stream is walked here, at most three
// documents deep, and a parser that stops moving is a syntax error at the place it is stuck.
void check_one_document(std::string_view text, const std::string& file) {
  std::istringstream stream{std::string(text)};
  YAML::Parser parser(stream);
  DocumentProbe probe;
  while (probe.documents.size() < 3 && parser.HandleNextDocument(probe)) {
    const std::size_t n = probe.documents.size();
    if (n >= 2 && probe.documents[n - 1].start.pos == probe.documents[n - 2].start.pos) {
      const YAML::Mark& stuck = probe.documents[n - 1].start;
      const std::size_t at = static_cast<std::size_t>(std::max(0, stuck.pos));
      const std::string what =
          at < text.size() ? "unexpected " + quoted_for_message(text.substr(at, 1)) : "unexpected";
      throw InputError(located(file, stuck.line + 1, stuck.column + 1,
                               "YAML syntax error: " + what + " outside a [list] or {map}"));
    }
  }
  if (probe.documents.size() > 1) {
    const YAML::Mark& mark = probe.documents[1].node;
    throw InputError(located(file, mark.line + 1, mark.column + 1,
                             "a second YAML document ('---'); a scenario is one document"));
  }
}

}  // namespace

namespace {

// yaml-cpp stops reading a line at a NUL byte and goes on after it, which turns "run" into "un",
// and it passes any bytes through as text: a scenario is UTF-8 text, so both are refused where
// they are.
void check_text(std::string_view text, const std::string& file) {
  const std::size_t nul = text.find('\0');
  const std::size_t bad = std::min(nul, first_invalid_utf8(text));
  if (bad == std::string_view::npos) return;
  const std::string_view before = text.substr(0, bad);
  const auto line = static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1;
  const std::size_t line_start = before.rfind('\n');
  const auto column =
      static_cast<int>(bad - (line_start == std::string_view::npos ? 0 : line_start + 1)) + 1;
  throw InputError(located(file, line, column,
                           bad == nul ? "a NUL byte; a scenario file is text (is this a binary "
                                        "file?)"
                                      : "not UTF-8 text; scenario files are UTF-8"));
}

}  // namespace

Tree parse_yaml(std::string_view text, const std::string& file) {
  if (text.size() > limits::kScenarioBytes) {
    throw InputError(located(file, 0, 0, too_large()));
  }
  check_text(text, file);
  YAML::Node document;
  try {
    check_one_document(text, file);
    document = YAML::Load(std::string(text));
  } catch (const TooManyValues& e) {
    throw InputError(located(file, e.mark.line + 1, e.mark.column + 1,
                             "more than " + std::to_string(limits::kScenarioValues) +
                                 " keys and values; a scenario file holds at most " +
                                 std::to_string(limits::kScenarioValues)));
  } catch (const YAML::DeepRecursion& e) {  // its own message only says "bad file"
    throw InputError(
        located(file, e.mark.line + 1, e.mark.column + 1,
                "nested more than " + std::to_string(limits::kScenarioDepth) + " levels deep"));
  } catch (const YAML::Exception& e) {
    throw InputError(
        located(file, e.mark.line + 1, e.mark.column + 1, "YAML syntax error: " + e.msg));
  }
  const Where top{std::make_shared<const std::string>(file), 1, 1};
  if (!document || document.IsNull()) {
    Tree empty;
    empty.kind = Tree::Kind::Map;
    empty.where = top;
    return empty;
  }
  Tree root = Converter(file).convert(document, top, 1, "");
  if (root.kind != Tree::Kind::Map) {
    throw InputError(
        root.where.at("expected a map of settings (name:, run:, city:, ...) at the "
                      "top of the file, got " +
                      root.describe_value()));
  }
  return root;
}

Tree parse_yaml_value(std::string_view text, const Where& where, const std::string& label) {
  if (text.find('\0') != std::string_view::npos ||
      first_invalid_utf8(text) != std::string_view::npos)
    throw InputError(where.at(label + ": the value is not UTF-8 text"));
  YAML::Node node;
  try {
    node = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    throw InputError(
        where.at(label + ": cannot read the value '" + std::string(text) + "': " + e.msg));
  }
  Tree value;
  value.where = where;
  value.label = label;
  if (node.IsScalar()) {
    value.kind = Tree::Kind::Scalar;
    value.text = node.Scalar();
  } else if (!node.IsNull()) {
    throw InputError(where.at(label + ": expected a single value, got " +
                              (node.IsMap() ? "a map" : "a list") + "; set one key at a time"));
  }
  return value;
}

Tree read_yaml_file(const std::string& path) {
  const std::string text = read_bounded_file(path, limits::kScenarioBytes,
                                             {"no such file", too_large(), "cannot open the file"});
  return parse_yaml(text, path);
}

void merge_over(Tree& base, Tree over) {
  if (base.kind == Tree::Kind::Map && over.kind == Tree::Kind::Null) return;
  if (base.kind != Tree::Kind::Map || over.kind != Tree::Kind::Map) {
    base = std::move(over);
    return;
  }
  for (TreeEntry& e : over.entries) {
    if (TreeEntry* mine = base.entry(e.key)) {
      mine->where = e.where;
      merge_over(mine->value, std::move(e.value));
    } else {
      base.entries.push_back(std::move(e));
    }
  }
}

void set_path(Tree& root, const std::vector<std::string>& path, Tree value) {
  Tree* node = &root;
  for (const std::string& key : path) {
    if (node->kind != Tree::Kind::Map) {
      node->kind = Tree::Kind::Map;
      node->entries.clear();
    }
    TreeEntry* e = node->entry(key);
    if (!e) {
      node->entries.push_back(TreeEntry{key, value.where, Tree{}});
      e = &node->entries.back();
      e->value.where = value.where;
    }
    node = &e->value;
  }
  *node = std::move(value);
}

namespace {

// Joins `platform: {level: 1}` and `platform.sensor_coverage: 1`, but refuses a key given by
// both spellings: neither can silently win.
void merge_disjoint(Tree& base, Tree over, const std::string& key, const Where& where,
                    const Where& first) {
  if (base.kind != Tree::Kind::Map || over.kind != Tree::Kind::Map) {
    throw InputError(
        where.at(key + ": key given twice (first on line " + std::to_string(first.line) + ")"));
  }
  for (TreeEntry& e : over.entries) {
    if (TreeEntry* same = base.entry(e.key)) {
      merge_disjoint(same->value, std::move(e.value), join_key(key, e.key), e.where, same->where);
    } else {
      base.entries.push_back(std::move(e));
    }
  }
}

}  // namespace

void expand_dotted_keys(Tree& map, const std::string& prefix) {
  if (map.kind != Tree::Kind::Map) return;
  Tree expanded;
  expanded.kind = Tree::Kind::Map;
  expanded.where = map.where;
  for (TreeEntry& e : map.entries) {
    const std::string name = join_key(prefix, e.key);
    expand_dotted_keys(e.value, name);
    const std::vector<std::string> path = split_key_path(e.key);
    if (path.empty()) throw InputError(e.where.at(name + ": not a valid key path"));
    // Each part is one level of nesting, which the depth limit must still bound: a key of
    // thousands of dots would otherwise build a tree too deep to walk or even destroy.
    if (path.size() > static_cast<std::size_t>(limits::kScenarioDepth)) {
      throw InputError(e.where.at(join_key(prefix, quoted_for_message(e.key)) + ": more than " +
                                  std::to_string(limits::kScenarioDepth) +
                                  " parts in one key path"));
    }
    Tree* node = &expanded;
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
      TreeEntry* inner = node->entry(path[i]);
      if (!inner) {
        Tree group;
        group.kind = Tree::Kind::Map;
        group.where = e.where;
        node->entries.push_back(TreeEntry{path[i], e.where, std::move(group)});
        inner = &node->entries.back();
      } else if (inner->value.kind != Tree::Kind::Map) {
        throw InputError(e.where.at(name + ": '" + path[i] + "' is already given a value"));
      }
      node = &inner->value;
    }
    if (TreeEntry* same = node->entry(path.back())) {
      merge_disjoint(same->value, std::move(e.value), name, e.where, same->where);
    } else {
      node->entries.push_back(TreeEntry{path.back(), e.where, std::move(e.value)});
    }
  }
  map = std::move(expanded);
}

std::vector<std::string> split_key_path(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    const std::string_view part =
        path.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (part.empty()) return {};
    parts.emplace_back(part);
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

std::string join_key(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

}  // namespace govsim
