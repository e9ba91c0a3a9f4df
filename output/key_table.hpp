// The scenario schema as a table, from the describe lists: for `govsim keys` and for the key
// reference in docs/MODEL.md, so the documentation cannot drift from the code.
#pragma once

#include <string>
#include <vector>

namespace govsim {

struct Scenario;

struct KeyRow {
  std::string key;            // dotted path, e.g. "governance.routing.small"
  std::string type;           // number, integer, bool, choice, text; "group" for a block of keys
  std::string default_value;  // of a default-constructed Scenario
  std::string range;          // "[lo, hi]", or the choices
  std::string unit;
  std::string doc;
  std::string source;
  // Numeric keys (number, integer): the value and the valid range as numbers.
  double value = 0, lo = 0, hi = 0;
};

// Every key and group of a Scenario, in schema order, with a default-constructed scenario's
// values, or with the given scenario's.
std::vector<KeyRow> scenario_keys();
std::vector<KeyRow> scenario_keys(const Scenario& scenario);

std::string keys_text(const std::vector<KeyRow>& rows);      // aligned, for a terminal
std::string keys_markdown(const std::vector<KeyRow>& rows);  // a GitHub Markdown table

}  // namespace govsim
