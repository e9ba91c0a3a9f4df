// The four files of a run: one summary for summary.json, the manifest's state hash and the caller.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "engine/executor.hpp"
#include "output/json_writer.hpp"
#include "output/run_files.hpp"
#include "tests/sim/sim_fixtures.hpp"

using namespace govsim;

namespace {

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("a run's files and its caller share one summary, computed once") {
  const Scenario sc = testing::small_town(40);
  auto executor = make_tbb_executor(1);
  Simulation sim(sc, *executor);
  while (!sim.done()) sim.step();
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("govsim-test-run-files-" +
       std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  RunRecord record;
  const RunSummary returned = write_run_files(dir, sim, record, std::chrono::steady_clock::now());
  CHECK(returned.state_hash == sim.state_hash());
  CHECK(record.state_hash == sim.state_hash());
  CHECK(read_text(dir / "summary.json") == summary_json_text(sim));
  CHECK(read_text(dir / "summary.json") == summary_json_text(sim, returned));
  const Json manifest = Json::parse(read_text(dir / "manifest.json"));
  CHECK(manifest["state_hash"] == hex16(sim.state_hash()));
  std::filesystem::remove_all(dir);
}
