#include "output/json_writer.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "output/csv_writer.hpp"

namespace govsim {
namespace {

Json number_or_null(double x) { return std::isnan(x) ? Json(nullptr) : Json(x); }

class ScenarioVisitor {
 public:
  explicit ScenarioVisitor(Json& out) : out_(out) {}

  void number(const char* key, double& x, double, double, const FieldDoc&) {
    out_[key] = number_or_null(x);
  }
  template <class Int>
  void integer(const char* key, Int& x, std::int64_t, std::int64_t, const FieldDoc&) {
    out_[key] = x;
  }
  void flag(const char* key, bool& x, const FieldDoc&) { out_[key] = x; }
  template <class Enum, std::size_t N>
  void choice(const char* key, Enum& x, const std::array<const char*, N>& names, const FieldDoc&) {
    const auto index = static_cast<std::size_t>(x);
    out_[key] = index < N ? names[index] : "?";
  }
  void text(const char* key, std::string& x, const FieldDoc&) { out_[key] = x; }
  template <class Group>
  void group(const char* key, Group& g, const char*) {
    Json& sub = out_[key] = Json::object();
    ScenarioVisitor visitor(sub);
    describe(visitor, g);
  }

 private:
  Json& out_;
};

std::string grid_record_line(const GridRecord& g) {
  // Unit separators cannot occur in names read from a CSV table, so fields cannot run together.
  std::string line = g.street + '\x1f' + g.community + '\x1f' + g.name;
  for (const std::int64_t x : {g.population, g.households, static_cast<std::int64_t>(g.housing)}) {
    line += '\x1f' + format_csv_number(x);
  }
  for (const double x : {g.elderly_share, g.migrant_share, g.area_km2, g.x, g.y}) {
    line += '\x1f' + format_csv_number(x);
  }
  return line + '\n';
}

// Invalid UTF-8 in a user's text must not turn a finished run into an internal error.
constexpr auto kReplaceBadUtf8 = nlohmann::json::error_handler_t::replace;

}  // namespace

Json governance_to_json(const GovernanceConfig& governance) {
  Json out = Json::object();
  GovernanceConfig copy = governance;  // describe visits mutable fields; this visitor only reads
  ScenarioVisitor visitor(out);
  describe(visitor, copy);
  return out;
}

Json scenario_to_json(const Scenario& scenario) {
  Json out = Json::object();
  Scenario copy = scenario;
  ScenarioVisitor visitor(out);
  describe(visitor, copy);
  Json changes = Json::array();
  for (const PolicyChange& change : scenario.changes) {
    Json c = Json::object();
    c["day"] = change.day;
    c["summary"] = change.summary;
    c["governance"] = governance_to_json(change.governance);
    changes.push_back(std::move(c));
  }
  out["changes"] = std::move(changes);
  return out;
}

namespace json_detail {
void RowVisitor::col(const char* name, std::uint64_t x) {
  out_[name] = std::strcmp(name, "state_hash") == 0 ? Json(hex16(x)) : Json(x);
}
void RowVisitor::col(const char* name, double x) { out_[name] = number_or_null(x); }
}  // namespace json_detail

Json summary_to_json(const RunSummary& summary) { return row_to_json(summary); }

std::uint64_t scenario_hash(const Scenario& scenario) {
  Json resolved = scenario_to_json(scenario);
  resolved.erase("name");
  resolved.erase("description");
  const nlohmann::json sorted =
      nlohmann::json::parse(resolved.dump(-1, ' ', false, kReplaceBadUtf8));
  std::uint64_t hash = fnv1a64(sorted.dump(-1, ' ', false, kReplaceBadUtf8));
  for (const GridRecord& g : scenario.grid_table) hash = fnv1a64(grid_record_line(g), hash);
  return hash;
}

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

std::string hex16(std::uint64_t value) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value));
  return buf;
}

std::string to_file_text(const Json& json) {
  return json.dump(2, ' ', false, kReplaceBadUtf8) + '\n';
}

}  // namespace govsim
