// An experiment plan: designs (a scenario plus overrides) times replications, and the run specs
// it expands to. Replication i of every design runs with the same seed, base_seed + i, so the
// designs meet the same residents, the same cases and the same per-agent random streams (common
// random numbers); their differences are then differences of design, not of luck.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/params.hpp"
#include "output/json_writer.hpp"

namespace govsim::batch {

struct Design {
  std::string label;
  std::string scenario;                // path or shipped name; "" = the built-in baseline
  std::vector<std::string> overrides;  // key=value of this design, after the common ones
  std::vector<std::pair<std::string, std::string>> params;  // varied keys and their values
};

struct Plan {
  std::string kind;                           // compare, sweep, seek or sensitivity
  std::vector<std::string> common_overrides;  // --set values that every design gets
  std::uint64_t base_seed = 1;                // replication i runs with seed base_seed + i
  std::vector<std::string> vary_keys;         // sweep and seek: the keys that differ
  std::string method;                         // sweep: factorial or lhs; sensitivity: morris, oat
  std::vector<Design> designs;
  Json analysis;  // sensitivity: its design (factors, points, steps); null for the others
};

struct RunSpec {
  std::size_t design = 0;
  std::int64_t replication = 0;
  std::uint64_t seed = 0;
  std::string key;  // a stable digest: the same plan gives the same keys in every process
};

// --shard K/N: job K (1..N) of N takes every N-th run of the plan, counted from K.
struct Shard {
  int index = 1;
  int count = 1;
  bool owns(std::size_t position) const {
    return static_cast<int>(position % static_cast<std::size_t>(count)) == index - 1;
  }
  bool whole() const { return count == 1; }
  std::string text() const { return std::to_string(index) + "/" + std::to_string(count); }
};
Shard parse_shard(const std::string& text);  // throws InputError

inline constexpr std::int64_t kMaxReplications = 100000;

class Experiment {
 public:
  // Loads and validates every design, so that a bad key stops the experiment before any run.
  explicit Experiment(Plan plan);

  const Plan& plan() const { return plan_; }
  std::size_t size() const { return plan_.designs.size(); }
  const Design& design(std::size_t d) const { return plan_.designs[d]; }
  const Scenario& scenario(std::size_t d) const { return scenarios_[d]; }
  std::uint64_t design_hash(std::size_t d) const { return hashes_[d]; }

  // What the results store keeps to recognise the same experiment on --resume and merge.
  Json plan_json() const;
  std::string params_json(std::size_t d) const;

  RunSpec spec(std::size_t design, std::int64_t replication) const;
  // Replications [first, first + count) of the given designs, replication by replication, so
  // that a partial batch (killed, or one shard) holds whole replications early.
  std::vector<RunSpec> specs(const std::vector<std::size_t>& designs, std::int64_t first,
                             std::int64_t count) const;
  std::vector<RunSpec> all_specs(std::int64_t replications) const;

  Scenario run_scenario(const RunSpec& spec) const;
  // The overrides that make `govsim run SCENARIO --set ...` repeat this run exactly.
  std::vector<std::string> run_overrides(const RunSpec& spec) const;

 private:
  Plan plan_;
  std::vector<Scenario> scenarios_;
  std::vector<std::uint64_t> hashes_;
};

void check_replications(std::int64_t replications, const std::string& option);
void check_seed(std::uint64_t base_seed, std::int64_t replications);

}  // namespace govsim::batch
