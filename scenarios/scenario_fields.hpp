// Flattens a Scenario into "key.path" -> value text through its describe lists (numbers in the
// shortest text that reads back as the same double), without listing the fields: to compare two
// scenarios field by field, or to write the keys in which one differs from another.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>

#include "engine/input_text.hpp"
#include "model/params.hpp"

namespace govsim {

class FieldFlattener {
 public:
  explicit FieldFlattener(std::map<std::string, std::string>& out, std::string prefix = "")
      : out_(out), prefix_(std::move(prefix)) {}

  void number(const char* key, double& v, double, double, const FieldDoc&) {
    put(key, format_number(v));
  }
  template <class Int>
  void integer(const char* key, Int& v, std::int64_t, std::int64_t, const FieldDoc&) {
    put(key, std::to_string(v));
  }
  void flag(const char* key, bool& v, const FieldDoc&) { put(key, v ? "true" : "false"); }
  template <class E, std::size_t N>
  void choice(const char* key, E& v, const std::array<const char*, N>& names, const FieldDoc&) {
    put(key, names[static_cast<std::size_t>(v)]);
  }
  void text(const char* key, std::string& v, const FieldDoc&) { put(key, v); }
  template <class S>
  void group(const char* key, S& sub, const char*) {
    FieldFlattener inner(out_, prefix_ + key + ".");
    describe(inner, sub);
  }

 private:
  void put(const char* key, std::string value) { out_[prefix_ + key] = std::move(value); }
  std::map<std::string, std::string>& out_;
  std::string prefix_;
};

inline std::map<std::string, std::string> flatten(Scenario s) {
  std::map<std::string, std::string> fields;
  FieldFlattener flattener(fields);
  describe(flattener, s);
  return fields;
}

}  // namespace govsim
