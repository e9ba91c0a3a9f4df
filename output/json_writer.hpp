// JSON from the describe lists: the fully resolved scenario (every key, in schema order, plus the
// policy changes) and the run summary. NaN ("no data") becomes null.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "model/params.hpp"
#include "sim/metrics.hpp"

namespace govsim {

using Json = nlohmann::ordered_json;  // keeps schema order, so files read like the docs

// Every key of the scenario, including `changes` with each change's day, summary and full
// governance block. Leaves out `source` (a path on the user's machine) and the rows of a city
// table (covered by scenario_hash instead).
Json scenario_to_json(const Scenario& scenario);
Json governance_to_json(const GovernanceConfig& governance);

// RunSummary columns; state_hash as 16 hex digits, since JSON readers keep only 53 bits of a
// number.
Json summary_to_json(const RunSummary& summary);

// FNV-1a 64 of everything that shapes the results: the resolved scenario with keys sorted (so
// reordering the schema does not change it), minus name and description, plus the city table.
std::uint64_t scenario_hash(const Scenario& scenario);

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash = 14695981039346656037ULL);
std::string hex16(std::uint64_t value);  // "0123456789abcdef"

// One row of a describe list (RunSummary, PeriodMetrics, GridMetrics) as a JSON object; NaN
// becomes null and a hash 16 hex digits.
namespace json_detail {
class RowVisitor {
 public:
  explicit RowVisitor(Json& out) : out_(out) {}
  void col(const char* name, std::int64_t x) { out_[name] = x; }
  void col(const char* name, std::uint64_t x);
  void col(const char* name, double x);
  void col(const char* name, const std::string& x) { out_[name] = x; }

 private:
  Json& out_;
};
}  // namespace json_detail

template <class Row>
Json row_to_json(const Row& row) {
  Json out = Json::object();
  json_detail::RowVisitor visitor(out);
  describe(visitor, row);
  return out;
}

// Pretty text for files: two-space indent and a final newline.
std::string to_file_text(const Json& json);

}  // namespace govsim
