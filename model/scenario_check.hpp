// The checks a scenario passes when the loader reads it, for a scenario that comes from elsewhere
// (a checkpoint): every field in its schema range, every grid of a city table within its
// columns' ranges, and cross_check. A checkpoint's bytes are as untrusted as a YAML file.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <type_traits>

#include "engine/input_text.hpp"
#include "engine/schema.hpp"
#include "model/params.hpp"

namespace govsim {

// Walks a parameter struct's `describe` list; `problem` names the first field out of its range.
struct RangeCheck {
  std::string path;  // "run." while inside the group run
  std::string problem;

  void number(const char* key, double& x, double lo, double hi, const FieldDoc&) {
    if (problem.empty() && !(std::isfinite(x) && x >= lo && x <= hi))
      problem = path + key + ": " + format_number(x) + " is out of range [" + format_number(lo) +
                ", " + format_number(hi) + "]";
  }
  template <class T>
  void integer(const char* key, T& x, long long lo, long long hi, const FieldDoc&) {
    bool inside = true;
    if constexpr (std::is_signed_v<T>)
      inside = static_cast<long long>(x) >= lo && static_cast<long long>(x) <= hi;
    else
      inside = (lo <= 0 || x >= static_cast<unsigned long long>(lo)) &&
               x <= static_cast<unsigned long long>(hi);
    if (problem.empty() && !inside)
      problem = path + key + ": " + std::to_string(x) + " is out of range [" + std::to_string(lo) +
                ", " + std::to_string(hi) + "]";
  }
  void flag(const char*, bool&, const FieldDoc&) {}
  template <class E, class N>
  void choice(const char* key, E& x, const N& names, const FieldDoc&) {
    if (problem.empty() && static_cast<std::size_t>(x) >= names.size())
      problem = path + key + ": choice " + std::to_string(static_cast<std::size_t>(x)) +
                " does not exist";
  }
  void text(const char*, std::string&, const FieldDoc&) {}
  template <class S>
  void group(const char* key, S& s, const char*) {
    const std::size_t length = path.size();
    path += std::string(key) + ".";
    describe(*this, s);
    path.resize(length);
  }
};

// "" when every field of `config` (a struct with a describe list) is in its range, else the
// first that is not, as "prefix.key: value is out of range [lo, hi]".
template <class S>
std::string check_ranges(const S& config, const std::string& prefix) {
  S copy = config;  // describe lists take their struct by reference
  RangeCheck check{prefix, ""};
  describe(check, copy);
  return check.problem;
}

// "" when `s` would pass the loader: ranges, the city table's grids and cross_check.
std::string check_scenario(const Scenario& s);

}  // namespace govsim
