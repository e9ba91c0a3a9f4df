// manifest.json: everything needed to repeat a run and to tell two runs apart — program version,
// the resolved scenario and its hash, seed, threads, platform, timing and the phase profile.
#pragma once

#include <string>
#include <vector>

#include "output/json_writer.hpp"
#include "sim/simulation.hpp"

namespace govsim {

struct RunRecord {
  const Scenario* scenario = nullptr;
  std::vector<std::string> overrides;  // --set values as given, in order
  int threads_requested = 0;           // <= 0 = every core
  int threads_used = 0;
  std::string start_time_utc;
  double wall_seconds = 0;
  std::int64_t days_run = 0;
  std::uint64_t state_hash = 0;
  PhaseProfile profile;
};

Json make_manifest(const RunRecord& run);

}  // namespace govsim
