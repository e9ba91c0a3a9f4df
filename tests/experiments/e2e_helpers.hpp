// Running the real govsim binary from the end-to-end tests: exit code and output, or a child
// process to kill part-way. Directories live under the build tree, one per test.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "experiments/store.hpp"
#include "store_fixtures.hpp"

namespace govsim::batch::testing {

// A small city and a short run: about 0.05 s a run, so that a test of many runs stays quick.
inline std::vector<std::string> small_city() {
  return {"--set", "city.residents=20000", "--set", "city.grids=20", "--set", "city.communities=4",
          "--set", "city.streets=2",       "--set", "run.days=60",   "--set", "run.warmup_days=10"};
}

inline std::string fresh_dir(const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::path(GOVSIM_BINARY_DIR) / "tests" / "batch_e2e" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Starts argv[0] with stdout and stderr in files; returns the child's pid.
inline pid_t spawn(const std::vector<std::string>& argv, const std::string& out_path,
                   const std::string& err_path) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(out, 1);
    ::dup2(err, 2);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  return pid;
}

inline int wait_for(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

inline Result run_command(const std::vector<std::string>& argv, const std::string& dir) {
  const std::string out = dir + "/stdout.txt";
  const std::string err = dir + "/stderr.txt";
  Result r;
  r.code = wait_for(spawn(argv, out, err));
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

inline std::vector<std::string> govsim_args(std::vector<std::string> args,
                                            const std::vector<std::string>& more = {}) {
  args.insert(args.begin(), GOVSIM_EXE);
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

inline Result run_govsim(const std::vector<std::string>& args, const std::string& dir,
                         const std::vector<std::string>& more = {}) {
  Result r = run_command(govsim_args(args, more), dir);
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  return r;
}

// Two stores hold the same results: the same runs, and the same summaries and series to the
// bit. Timings, hosts and manifests (which hold timings) may differ.
inline void require_same_results(const std::string& a_path, const std::string& b_path) {
  const Store a(a_path, StoreMode::Read);
  const Store b(b_path, StoreMode::Read);
  const std::vector<RunRow> ra = a.runs();
  const std::vector<RunRow> rb = b.runs();
  REQUIRE(ra.size() == rb.size());
  for (std::size_t i = 0; i < ra.size(); ++i) {
    CHECK(ra[i].key == rb[i].key);
    CHECK(ra[i].design == rb[i].design);
    CHECK(ra[i].label == rb[i].label);
    CHECK(ra[i].replication == rb[i].replication);
    CHECK(ra[i].seed == rb[i].seed);
    CHECK(ra[i].status == rb[i].status);
    CHECK(ra[i].params == rb[i].params);
  }
  const auto sa = a.summaries();
  const auto sb = b.summaries();
  REQUIRE(sa.size() == sb.size());
  for (const auto& [key, cells] : sa) {
    REQUIRE(sb.count(key) == 1);
    CHECK(sb.at(key) == cells);  // bitwise; NaN is stored as NULL in both
    const std::vector<CellRow> da = a.series(key);
    const std::vector<CellRow> db = b.series(key);
    REQUIRE(da.size() == db.size());
    CHECK(da == db);
  }
  CHECK(a.plan() == b.plan());
}

}  // namespace govsim::batch::testing
