// Test helpers over scenarios/scenario_fields.hpp: the keys in which two scenarios differ.
#pragma once

#include <set>
#include <string>

#include "scenarios/scenario_fields.hpp"

namespace govsim::test {

using govsim::flatten;

// Keys whose values differ between two scenarios.
inline std::set<std::string> differing_keys(const Scenario& a, const Scenario& b) {
  const auto fa = flatten(a);
  const auto fb = flatten(b);
  std::set<std::string> keys;
  for (const auto& [key, value] : fa) {
    if (fb.at(key) != value) keys.insert(key);
  }
  return keys;
}

}  // namespace govsim::test
