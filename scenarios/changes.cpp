#include "scenarios/changes.hpp"

#include <algorithm>

#include "scenarios/tree_reader.hpp"

namespace govsim {
namespace {

const Tree& required(const Tree& item, const char* key, const std::string& path) {
  const Tree* node = item.find(key);
  if (!node) throw InputError(item.where.at(path + ": missing '" + key + "'"));
  return *node;
}

// "platform.level=0.8, legal_clarity=0.85": the keys as set, for charts and the manifest.
void summarise(const Tree& map, const std::string& prefix, std::string& out) {
  for (const TreeEntry& e : map.entries) {
    const std::string key = join_key(prefix, e.key);
    if (e.value.kind == Tree::Kind::Map) {
      summarise(e.value, key, out);
    } else {
      out += (out.empty() ? "" : ", ") + key + "=" + e.value.text;
    }
  }
}

}  // namespace

ReadChanges read_changes(const Tree& list, const GovernanceConfig& base) {
  if (list.kind == Tree::Kind::Null) return {};
  if (list.kind != Tree::Kind::List) {
    throw InputError(list.where.at("changes: expected a list of {day: N, set: {...}}, got " +
                                   list.describe_value()));
  }
  struct Item {
    std::string path;
    std::int64_t day;
    const Tree* node;
  };
  std::vector<Item> items;
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    const Tree& item = list.items[i];
    const std::string path = "changes[" + std::to_string(i) + "]";
    if (item.kind != Tree::Kind::Map) {
      throw InputError(
          item.where.at(path + ": expected {day: N, set: {...}}, got " + item.describe_value()));
    }
    check_keys(item, {"day", "set"}, path);
    const std::int64_t day = read_whole(required(item, "day", path), path + ".day", 1, 36500);
    items.push_back(Item{path, day, &item});
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& a, const Item& b) { return a.day < b.day; });

  ReadChanges result;
  GovernanceConfig in_force = base;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    const Tree& day = *item.node->find("day");
    if (i > 0 && item.day == items[i - 1].day) {
      throw InputError(day.where.at(item.path + ".day: day " + std::to_string(item.day) +
                                    " already has a change (line " +
                                    std::to_string(items[i - 1].node->find("day")->where.line) +
                                    "); put both settings in one `set`"));
    }
    Tree set = required(*item.node, "set", item.path);
    expand_dotted_keys(set, item.path + ".set");
    if (set.kind != Tree::Kind::Map || set.entries.empty()) {
      throw InputError(set.where.at(item.path +
                                    ".set: expected governance settings to change, "
                                    "e.g. {platform.level: 0.8}, got " +
                                    set.describe_value()));
    }
    read_struct(set, in_force, item.path + ".set");
    PolicyChange change;
    change.day = item.day;
    change.governance = in_force;
    summarise(set, "", change.summary);
    result.changes.push_back(std::move(change));
    result.day_where.push_back(day.where);
  }
  return result;
}

}  // namespace govsim
