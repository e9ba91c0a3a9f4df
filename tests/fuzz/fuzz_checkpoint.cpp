// Fuzz target: restoring a checkpoint, then a few days of the restored simulation.
//
// The input is a checkpoint's payload (the bytes between its length and its digest). The target
// puts the header and a freshly computed digest around it, so that a mutated payload gets past
// the digest and into the field readers and the checks after them: a forged checkpoint, not a
// damaged one. Whatever restore accepts must then step without a crash.
//
// Seeds: with GOVSIM_FUZZ_CHECKPOINT_SEEDS=DIR the target writes the payloads of a few small
// runs (a change of design mid-run, the bare queueing network) into DIR and exits; seeds.sh
// does this.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "engine/checkpoint_io.hpp"
#include "engine/executor.hpp"
#include "engine/version.hpp"
#include "scenarios/loader.hpp"
#include "sim/simulation.hpp"
#include "tests/fuzz/fuzz_common.hpp"

namespace {

constexpr std::int64_t kMaxResidents = 20'000;  // keeps one input well under a second
constexpr std::int64_t kMaxGrids = 2'000;
constexpr int kDaysToStep = 3;
// The two minute histograms are dense (2 x 2.3 MB) once a case has closed, and a mutation there
// tells nothing: seeds are taken before that, under the fuzzing length limit (run.sh).
constexpr std::size_t kMaxSeedBytes = 120'000;

std::string header_of(std::size_t payload_size) {
  govsim::CheckpointWriter head;
  head.bytes().append(govsim::kCheckpointMagic, sizeof govsim::kCheckpointMagic);
  head.pod(govsim::kCheckpointFormat);
  head.str(govsim::kVersion);
  head.pod(static_cast<std::uint64_t>(payload_size));
  return std::move(head.bytes());
}

// The payload of a checkpoint file written by Simulation::checkpoint.
std::string payload_of(const std::string& file) {
  const std::size_t head = header_of(0).size();
  return file.substr(head, file.size() - head - sizeof(std::uint64_t));
}

// Small enough to step under the sanitizers: the scenario's own sizes, read first.
bool small_enough(const std::string& payload) {
  govsim::Scenario s;
  govsim::CheckpointReader r(payload.data(), payload.size(), "fuzz");
  r.config(s);
  return s.city.residents <= kMaxResidents && s.city.grids <= kMaxGrids;
}

void write_seeds(const std::string& dir) {
  std::filesystem::create_directories(dir);
  const std::vector<std::string> small = {"city.residents=2000", "city.grids=20",
                                          "city.communities=4", "city.streets=1",
                                          "run.warmup_days=5"};
  struct Seed {
    const char* scenario;
    std::vector<std::string> overrides;
    int days;
  };
  const std::vector<Seed> seeds = {{"classroom-town", {"run.days=100"}, 30},
                                   {"modern", {"run.days=30"}, 10},
                                   {"grid-volunteers", {"run.days=30"}, 10},
                                   {"grid-mediators", {"run.days=30"}, 10},
                                   {"fragmented", {"run.days=30"}, 10}};
  auto executor = govsim::make_tbb_executor(1);
  int n = 0;
  for (const Seed& seed : seeds) {
    std::vector<std::string> overrides = small;
    overrides.insert(overrides.end(), seed.overrides.begin(), seed.overrides.end());
    govsim::Simulation sim(govsim::load_scenario(seed.scenario, overrides), *executor);
    std::string last = payload_of(sim.checkpoint());
    for (int d = 0; d < seed.days; ++d) {
      sim.step();
      std::string next = payload_of(sim.checkpoint());
      if (next.size() > kMaxSeedBytes) break;
      last = std::move(next);
    }
    std::ofstream(dir + "/seed-" + std::to_string(++n), std::ios::binary) << last;
  }
  const char* mmc = "scenarios/validation/mmc-c4-rho050.yaml";
  if (std::filesystem::exists(mmc)) {
    govsim::Simulation sim(govsim::load_scenario(mmc, {"run.days=20", "run.warmup_days=5"}),
                           *executor);
    std::ofstream(dir + "/seed-queue", std::ios::binary) << payload_of(sim.checkpoint());
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (const char* dir = std::getenv("GOVSIM_FUZZ_CHECKPOINT_SEEDS")) {
    write_seeds(dir);
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string payload(reinterpret_cast<const char*>(data), size);
  static const auto executor = govsim::make_tbb_executor(1);
  govsim::fuzz::expect_input_error_only([&] {
    if (!small_enough(payload)) return;
    std::string file = header_of(payload.size()) + payload;
    const std::uint64_t digest = govsim::checkpoint_digest(payload.data(), payload.size());
    file.append(reinterpret_cast<const char*>(&digest), sizeof digest);
    auto sim = govsim::Simulation::restore(file, "fuzz.bin", *executor);
    for (int d = 0; d < kDaysToStep && !sim->done(); ++d) sim->step();
    if (sim->checkpoint().empty()) std::abort();
  });
  return 0;
}
