#include "output/key_table.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "model/params.hpp"
#include "output/csv_writer.hpp"

namespace govsim {
namespace {

class KeyVisitor {
 public:
  KeyVisitor(std::vector<KeyRow>& rows, std::string prefix)
      : rows_(rows), prefix_(std::move(prefix)) {}

  void number(const char* key, double& x, double lo, double hi, const FieldDoc& doc) {
    add(key, "number", format_csv_number(x), range(format_csv_number(lo), format_csv_number(hi)),
        doc);
    set_numbers(x, lo, hi);
  }
  template <class Int>
  void integer(const char* key, Int& x, std::int64_t lo, std::int64_t hi, const FieldDoc& doc) {
    add(key, "integer", format_csv_number(x), range(format_csv_number(lo), format_csv_number(hi)),
        doc);
    set_numbers(double(x), double(lo), double(hi));
  }
  void flag(const char* key, bool& x, const FieldDoc& doc) {
    add(key, "bool", x ? "true" : "false", "true, false", doc);
  }
  template <class Enum, std::size_t N>
  void choice(const char* key, Enum& x, const std::array<const char*, N>& names,
              const FieldDoc& doc) {
    std::string choices;
    for (const char* name : names) choices += (choices.empty() ? "" : ", ") + std::string(name);
    const auto index = static_cast<std::size_t>(x);
    add(key, "choice", index < N ? names[index] : "?", choices, doc);
  }
  void text(const char* key, std::string& x, const FieldDoc& doc) {
    add(key, "text", x.empty() ? "\"\"" : x, "", doc);
  }
  template <class Group>
  void group(const char* key, Group& g, const char* doc) {
    rows_.push_back({prefix_ + key, "group", "", "", "", doc, ""});
    KeyVisitor inner(rows_, prefix_ + key + ".");
    describe(inner, g);
  }

 private:
  static std::string range(const std::string& lo, const std::string& hi) {
    return "[" + lo + ", " + hi + "]";
  }
  void add(const char* key, const char* type, std::string value, std::string choices,
           const FieldDoc& doc) {
    rows_.push_back(
        {prefix_ + key, type, std::move(value), std::move(choices), doc.unit, doc.doc, doc.source});
  }

  void set_numbers(double value, double lo, double hi) {
    rows_.back().value = value;
    rows_.back().lo = lo;
    rows_.back().hi = hi;
  }

  std::vector<KeyRow>& rows_;
  std::string prefix_;
};

std::string pad(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

std::string markdown_cell(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::vector<KeyRow> scenario_keys() { return scenario_keys(Scenario{}); }

std::vector<KeyRow> scenario_keys(const Scenario& scenario) {
  std::vector<KeyRow> rows;
  KeyVisitor visitor(rows, "");
  Scenario copy = scenario;  // the describe lists take their values by reference
  describe(visitor, copy);
  return rows;
}

std::string keys_text(const std::vector<KeyRow>& rows) {
  std::size_t key_w = 3, type_w = 4, default_w = 7, range_w = 5;
  for (const KeyRow& r : rows) {
    if (r.type == "group") continue;
    key_w = std::max(key_w, r.key.size());
    type_w = std::max(type_w, r.type.size());
    default_w = std::max(default_w, r.default_value.size());
    range_w = std::max(range_w, r.range.size());
  }
  auto line = [&](const std::string& key, const std::string& type, const std::string& def,
                  const std::string& range, const std::string& unit) {
    std::string s = pad(key, key_w) + "  " + pad(type, type_w) + "  " + pad(def, default_w) + "  " +
                    pad(range, range_w) + "  " + unit;
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s + '\n';
  };
  std::string out = line("KEY", "TYPE", "DEFAULT", "RANGE", "UNIT");
  for (const KeyRow& r : rows) {
    if (r.type == "group") {
      out += '\n' + r.key + ".*  " + r.doc + '\n';
      continue;
    }
    out += line(r.key, r.type, r.default_value, r.range, r.unit);
    const bool sourced = !r.source.empty() && r.source != "-";
    out += "    " + r.doc + (sourced ? "  [" + r.source + "]" : "") + '\n';
  }
  return out;
}

std::string keys_markdown(const std::vector<KeyRow>& rows) {
  std::string out =
      "| Key | Type | Default | Range | Unit | Meaning | Source |\n"
      "|---|---|---|---|---|---|---|\n";
  for (const KeyRow& r : rows) {
    if (r.type == "group") {
      out += "| **`" + r.key + "`** | group | | | | " + markdown_cell(r.doc) + " | |\n";
      continue;
    }
    out += "| `" + r.key + "` | " + r.type + " | " + markdown_cell(r.default_value) + " | " +
           markdown_cell(r.range) + " | " + markdown_cell(r.unit) + " | " + markdown_cell(r.doc) +
           " | " + markdown_cell(r.source) + " |\n";
  }
  return out;
}

}  // namespace govsim
