#include "scenarios/tree_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

#include "engine/i18n.hpp"

namespace govsim {
namespace {

[[noreturn]] void fail(const Tree& node, const std::string& name, const std::string& problem) {
  throw InputError(node.where.at(name + ": " + problem));
}

std::string range_text(double lo, double hi) {
  return "[" + format_number(lo) + ", " + format_number(hi) + "]";
}
std::string range_text(std::int64_t lo, std::int64_t hi) {
  return "[" + std::to_string(lo) + ", " + std::to_string(hi) + "]";
}

bool all_digits(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whole numbers are read exactly when written as digits (seeds go up to 2^53), and also
// accepted as "1e5" or "100.0", which YAML writers produce.
std::optional<std::int64_t> parse_whole(std::string_view text, bool& too_big) {
  too_big = false;
  if (all_digits(text)) {
    if (text.front() == '+') text.remove_prefix(1);
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc::result_out_of_range) too_big = true;
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
  }
  const std::optional<double> value = parse_finite(text);
  if (!value || std::floor(*value) != *value) return std::nullopt;
  if (std::fabs(*value) >= 9.2e18) {
    too_big = true;
    return std::nullopt;
  }
  return static_cast<std::int64_t>(*value);
}

}  // namespace

double read_number(const Tree& node, const std::string& name, double lo, double hi) {
  const std::string expected = i18n::tr("expected a number in ") + range_text(lo, hi);
  if (node.kind != Tree::Kind::Scalar)
    fail(node, name, expected + i18n::tr(", got ") + node.describe_value());
  const std::optional<double> value = parse_finite(trim(node.text));
  if (!value) fail(node, name, expected + i18n::tr(", got ") + node.describe_value());
  if (*value < lo || *value > hi) {
    fail(node, name, node.text + i18n::tr(" is out of range ") + range_text(lo, hi));
  }
  return *value;
}

std::int64_t read_whole(const Tree& node, const std::string& name, std::int64_t lo,
                        std::int64_t hi) {
  const std::string expected = i18n::tr("expected a whole number in ") + range_text(lo, hi);
  if (node.kind != Tree::Kind::Scalar)
    fail(node, name, expected + i18n::tr(", got ") + node.describe_value());
  bool too_big = false;
  const std::optional<std::int64_t> value = parse_whole(trim(node.text), too_big);
  if (!value && !too_big) fail(node, name, expected + i18n::tr(", got ") + node.describe_value());
  if (too_big || *value < lo || *value > hi) {
    fail(node, name, node.text + i18n::tr(" is out of range ") + range_text(lo, hi));
  }
  return *value;
}

bool read_flag(const Tree& node, const std::string& name) {
  if (node.kind == Tree::Kind::Scalar) {
    std::string word(trim(node.text));
    std::transform(word.begin(), word.end(), word.begin(), [](char c) {
      return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    });
    if (word == "true" || word == "yes" || word == "on") return true;
    if (word == "false" || word == "no" || word == "off") return false;
  }
  fail(node, name, i18n::tr("expected true or false, got ") + node.describe_value());
}

std::size_t read_choice(const Tree& node, const std::string& name,
                        const std::vector<std::string>& names) {
  if (node.kind == Tree::Kind::Scalar) {
    const std::string_view word = trim(node.text);
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == word) return i;
    }
    const std::string nearest = nearest_name(word, names);
    if (!nearest.empty()) {
      fail(node, name,
           i18n::tr("expected one of ") + quoted_list(names) + i18n::tr(", got ") +
               node.describe_value() + suggestion(word, names));
    }
  }
  fail(node, name,
       i18n::tr("expected one of ") + quoted_list(names) + i18n::tr(", got ") +
           node.describe_value());
}

std::string read_text(const Tree& node, const std::string& name) {
  if (node.kind == Tree::Kind::Null) return "";
  if (node.kind != Tree::Kind::Scalar)
    fail(node, name, i18n::tr("expected text, got ") + node.describe_value());
  return node.text;
}

void check_keys(const Tree& map, const std::vector<std::string>& known, const std::string& path) {
  for (const TreeEntry& e : map.entries) {
    if (std::find(known.begin(), known.end(), e.key) == known.end()) {
      throw InputError(
          e.where.at(join_key(path, e.key) + i18n::tr(": unknown key") + suggestion(e.key, known)));
    }
  }
}

namespace {

// Follows a key path down the `describe` lists, one level per probe.
class PathProbe {
 public:
  PathProbe(const std::vector<std::string>& path, std::size_t depth) : path_(path), depth_(depth) {}

  void number(const char* key, double&, double, double, const FieldDoc&) { leaf(key); }
  template <class Int>
  void integer(const char* key, Int&, std::int64_t, std::int64_t, const FieldDoc&) {
    leaf(key);
  }
  void flag(const char* key, bool&, const FieldDoc&) { leaf(key); }
  template <class E, std::size_t N>
  void choice(const char* key, E&, const std::array<const char*, N>&, const FieldDoc&) {
    leaf(key);
  }
  void text(const char* key, std::string&, const FieldDoc&) { leaf(key); }
  template <class S>
  void group(const char* key, S& sub, const char*) {
    keys_.emplace_back(key);
    if (path_[depth_] != key) return;
    found_ = true;
    if (depth_ + 1 == path_.size()) {
      problem_ =
          i18n::tr("is a group of settings; set one of its keys: ") + quoted_list(keys_of<S>());
      return;
    }
    PathProbe inner(path_, depth_ + 1);
    describe(inner, sub);
    problem_ = inner.problem();
  }

  std::string problem() const {
    if (!found_) return i18n::tr("unknown key") + suggestion(path_[depth_], keys_);
    return problem_;
  }

 private:
  void leaf(const char* key) {
    keys_.emplace_back(key);
    if (path_[depth_] != key) return;
    found_ = true;
    if (depth_ + 1 < path_.size())
      problem_ = "'" + path_[depth_] + "' is a value with no keys under it";
  }

  const std::vector<std::string>& path_;
  std::size_t depth_;
  std::vector<std::string> keys_;
  bool found_ = false;
  std::string problem_;
};

}  // namespace

std::string check_value_path(const std::vector<std::string>& path) {
  if (path.empty()) return "empty key path";
  Scenario scratch;
  PathProbe probe(path, 0);
  describe(probe, scratch);
  return probe.problem();
}

}  // namespace govsim
