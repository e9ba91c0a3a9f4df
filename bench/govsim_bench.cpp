// govsim-bench: the performance suite behind `make bench`. Each case runs in a child process so
// that its peak memory is its own; the parent prints a table, checks the figures against the
// targets and writes them to a JSON file so that runs can be compared.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "bench/repeats.hpp"
#include "engine/executor.hpp"
#include "engine/uninit_vector.hpp"
#include "engine/version.hpp"
#include "scenarios/loader.hpp"
#include "sim/simulation.hpp"
#include "validation/mmc_reference.hpp"

namespace {

using govsim::Scenario;
using Json = nlohmann::json;

struct Case {
  std::string name;
  std::string scenario;  // shipped name or path
  int threads;
  std::vector<std::string> overrides;
};

// A file of the source tree, wherever the suite is started: from the working directory, else
// from the folders above the executable (build/bench/govsim-bench sits two below the root).
std::string source_file(const std::string& relative) {
  namespace fs = std::filesystem;
  std::error_code ignored;
  if (fs::is_regular_file(relative, ignored)) return relative;
  std::error_code error;
  fs::path dir = fs::read_symlink("/proc/self/exe", error).parent_path();
  for (int up = 0; up < 4 && !error && !dir.empty(); ++up, dir = dir.parent_path())
    if (fs::is_regular_file(dir / relative, ignored)) return (dir / relative).string();
  return relative;  // the loader then says it is missing, in the case's error row
}

// Wraps the engine's executor and adds up the wall time spent inside its data-parallel loops,
// those with at least two items per thread (grids, streets, units). The rest of a run is its
// serial part, which bounds the speed-up more threads can give (Amdahl): the set-up's serial
// steps, the serial phases and the serial parts of the others, and loops of a few tasks (the
// metrics phase's two), which cannot keep more threads busy however many there are.
class TimedExecutor final : public govsim::Executor {
 public:
  explicit TimedExecutor(govsim::Executor& inner) : inner_(inner) {}
  int concurrency() const override { return inner_.concurrency(); }
  void parallel_for(std::size_t n, const RangeBody& body) override {
    const auto t0 = std::chrono::steady_clock::now();
    inner_.parallel_for(n, body);
    if (n >= 2 * static_cast<std::size_t>(concurrency()))
      seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  double seconds() const { return seconds_; }

 private:
  govsim::Executor& inner_;
  double seconds_ = 0;
};

// How many of the executor's threads run at once: a loop of one item per thread in which each
// item waits, up to two seconds, until every thread holds one. Fewer than the executor's
// concurrency means a case would not get the threads it is measured with (a process forked after
// its parent had started TBB's workers has none of them).
int threads_ready(govsim::Executor& ex) {
  const int n = ex.concurrency();
  if (n <= 1) return n;
  std::mutex m;
  std::vector<std::thread::id> ids;
  std::atomic<int> ready{0};
  ex.parallel_for(static_cast<std::size_t>(n), [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      {
        const std::lock_guard<std::mutex> lock(m);
        if (std::find(ids.begin(), ids.end(), std::this_thread::get_id()) == ids.end())
          ids.push_back(std::this_thread::get_id());
        ready.store(static_cast<int>(ids.size()));
      }
      const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
      while (ready.load() < n && std::chrono::steady_clock::now() < until)
        std::this_thread::yield();
    }
  });
  return ready.load();
}

// Runs one case in this process and returns its figures.
Json run_case(const Case& c) {
  const Scenario sc = govsim::load_scenario(c.scenario, c.overrides);
  auto tbb = govsim::make_tbb_executor(c.threads);
  const int ready = threads_ready(*tbb);  // before the clock starts
  TimedExecutor ex(*tbb);
  const auto t0 = std::chrono::steady_clock::now();
  govsim::Simulation sim(sc, ex);
  const auto t1 = std::chrono::steady_clock::now();
  while (!sim.done()) sim.step();
  const auto t2 = std::chrono::steady_clock::now();
  const govsim::RunSummary s = sim.summary();
  const double init = std::chrono::duration<double>(t1 - t0).count();
  const double run = std::chrono::duration<double>(t2 - t1).count();
  std::int64_t handled = 0;  // cases that reached a first response
  for (const govsim::DayMetrics& d : sim.series()) handled += d.first_responses;
  Json j;
  j["name"] = c.name;
  j["scenario"] = c.scenario;
  j["threads"] = c.threads;
  j["residents"] = s.residents;
  j["days"] = s.days;
  j["init_s"] = init;
  j["run_s"] = run;
  j["wall_s"] = init + run;
  j["parallel_s"] = ex.seconds();
  j["threads_ready"] = ready;
  j["serial_s"] = init + run - ex.seconds();
  j["serial_fraction"] = (init + run - ex.seconds()) / (init + run);
  j["resident_days_per_s"] = double(s.residents) * double(s.days) / run;
  j["cases_handled"] = handled;
  j["cases_per_s"] = double(handled) / run;
  j["state_hash"] = s.state_hash;
  if (sc.model.mode == govsim::ModelMode::Queue) j["wait_mean_h"] = s.level[0].wait_mean_h;
  const govsim::PhaseProfile p = sim.profile();
  for (std::size_t i = 0; i < p.names.size(); ++i) j["phases_s"][p.names[i]] = p.seconds[i];
  for (std::size_t i = 0; i < p.setup_names.size(); ++i)
    j["setup_s"][p.setup_names[i]] = p.setup_seconds[i];
  const double resident_days = double(s.residents) * double(s.days);
  if (j["phases_s"].contains("residents"))
    j["ns_per_resident_day"] = j["phases_s"]["residents"].get<double>() * 1e9 / resident_days;
  if (j["phases_s"].contains("cases") && handled > 0)
    j["ns_per_case"] = j["phases_s"]["cases"].get<double>() * 1e9 / double(handled);
  return j;
}

// The bandwidth bound of the residents phase on this machine: a STREAM-like kernel with the same
// access pattern (five float arrays, each element read and written once a day, grids of 1 000 in
// parallel on the same executor) and almost no arithmetic. The best of several days, in ns per
// resident-day.
Json bandwidth_bound(std::uint64_t residents, int threads) {
  constexpr std::uint64_t kGrid = 1000;
  constexpr int kColumns = 5, kDays = 12;
  auto ex = govsim::make_tbb_executor(threads);
  const std::uint64_t grids = (residents + kGrid - 1) / kGrid;
  // Allocated as the model's arrays are (unset, huge pages from 2 MiB), first touched in parallel.
  std::vector<govsim::UninitVector<float>> col(kColumns);
  for (auto& c : col) c.resize(residents);
  auto each_grid = [&](auto&& body) {
    ex->parallel_for(grids, [&](std::size_t b, std::size_t e) {
      for (std::size_t g = b; g < e; ++g) {
        const std::uint64_t first = g * kGrid, last = std::min(residents, first + kGrid);
        body(first, last);
      }
    });
  };
  each_grid([&](std::uint64_t first, std::uint64_t last) {  // first touch, as the model's set-up
    for (int k = 0; k < kColumns; ++k) std::fill(&col[k][first], &col[k][last], 0.5f);
  });
  volatile float keep_v = 0.999f, add_v = 0.0005f;  // not known to the compiler
  const float keep = keep_v, add = add_v;
  double best = 1e30;
  for (int day = 0; day < kDays; ++day) {
    const auto t0 = std::chrono::steady_clock::now();
    each_grid([&](std::uint64_t first, std::uint64_t last) {
      for (int k = 0; k < kColumns; ++k) {
        float* __restrict x = col[k].data();
        for (std::uint64_t i = first; i < last; ++i) x[i] = x[i] * keep + add;
      }
    });
    best = std::min(best,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  double check = 0;
  for (int k = 0; k < kColumns && residents > 0; ++k) check += col[k][residents / 2];
  const double bytes = double(residents) * kColumns * 2 * sizeof(float);
  return {{"residents", residents},
          {"threads", threads},
          {"ns_per_resident_day", best * 1e9 / double(residents)},
          {"gb_per_s", bytes / best / 1e9},
          {"checksum", check}};
}

// Forks, runs `work` in the child and reads the figures it returns, with the child's peak RSS
// (ru_maxrss, KiB). Everything that starts threads runs in a child: a process forked after its
// parent started TBB's workers gets none of them, and would run "2 threads" on one.
Json in_child(const std::function<Json()>& work, double& peak_rss_kib) {
  int fd[2];
  if (pipe(fd) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    close(fd[0]);
    std::string out;
    try {
      out = work().dump();
    } catch (const std::exception& e) {
      out = Json{{"error", e.what()}}.dump();
    }
    const char* p = out.data();
    std::size_t left = out.size();
    while (left > 0) {
      const ssize_t n = write(fd[1], p, left);
      if (n <= 0) break;
      p += n;
      left -= static_cast<std::size_t>(n);
    }
    close(fd[1]);
    _exit(0);
  }
  close(fd[1]);
  std::string text;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd[0], buf, sizeof buf)) > 0) text.append(buf, static_cast<std::size_t>(n));
  close(fd[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  peak_rss_kib = double(usage.ru_maxrss);
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (text.empty() || j.is_discarded() || !j.is_object())
    j = Json{{"error", WIFSIGNALED(status)
                           ? "the case crashed (signal " + std::to_string(WTERMSIG(status)) + ")"
                           : std::string("the case ended without its figures")}};
  return j;
}

// Runs the case in a child process: its figures and its own peak RSS.
Json run_isolated(const Case& c) {
  double rss_kib = 0;
  Json j = in_child([&] { return run_case(c); }, rss_kib);
  // An error row names its case too, so that the table and results.json say which one failed.
  if (!j.contains("name")) j["name"] = c.name;
  if (!j.contains("threads")) j["threads"] = c.threads;
  j["peak_rss_mb"] = rss_kib / 1024.0;  // ru_maxrss is in KiB on Linux
  if (j.contains("residents"))
    j["bytes_per_resident"] = rss_kib * 1024.0 / j["residents"].get<double>();
  return j;
}

void print_row(const Json& j) {
  if (j.contains("error")) {
    std::printf("%-22s %2d  error: %s\n", j["name"].get<std::string>().c_str(),
                j["threads"].get<int>(), j["error"].get<std::string>().c_str());
    return;
  }
  auto num = [&](const char* key) { return j.contains(key) ? j[key].get<double>() : 0.0; };
  std::printf("%-22s %2d  %7.2f s  %6.2f  %7.0f  %8.1f  %6.1f  %6.1f %%  ",
              j["name"].get<std::string>().c_str(), j["threads"].get<int>(), num("wall_s"),
              num("ns_per_resident_day"), num("ns_per_case"), num("peak_rss_mb"),
              num("bytes_per_resident"), 100.0 * num("serial_fraction"));
  for (auto& [k, v] : j["phases_s"].items())
    if (v.get<double>() >= 0.005) std::printf("%s %.2f  ", k.c_str(), v.get<double>());
  std::printf("| set-up %.2f", num("init_s"));
  if (j.contains("setup_s"))
    for (auto& [k, v] : j["setup_s"].items())
      if (v.get<double>() >= 0.005) std::printf("  %s %.2f", k.c_str(), v.get<double>());
  if (j.contains("threads_ready") && num("threads_ready") < num("threads"))
    std::printf("  (only %.0f of %d threads could run)", num("threads_ready"),
                j["threads"].get<int>());
  if (num("errors") > 0)
    std::printf("  (%.0f of %.0f rounds failed)", num("errors"), num("errors") + num("rounds"));
  std::printf("\n");
}

// The case of that name and thread count, if it ran without an error.
const Json* find_case(const Json& results, const std::string& name, int threads) {
  for (const Json& j : results["cases"])
    if (j["name"] == name && j["threads"] == threads && !j.contains("error")) return &j;
  return nullptr;
}

// The bandwidth bound at the sizes of the large cases run, on 2 threads, into results.
void add_bandwidth_bounds(Json& results) {
  bool header = false;
  for (const char* name : {"large-city-1m", "megacity-10m"}) {
    const Json* c = find_case(results, name, 2);
    if (!c) continue;
    if (!header)
      std::printf("\n%-44s %10s %10s %14s\n", "bandwidth bound (5 floats read+written)", "ns/r-d",
                  "GB/s", "residents x");
    header = true;
    double rss_kib = 0;
    Json bound = in_child(
        [&] { return bandwidth_bound((*c)["residents"].get<std::uint64_t>(), 2); }, rss_kib);
    if (bound.contains("error")) {
      std::printf("%-44s error: %s\n", name, bound["error"].get<std::string>().c_str());
      continue;
    }
    const double times =
        (*c)["ns_per_resident_day"].get<double>() / bound["ns_per_resident_day"].get<double>();
    bound["name"] = name;
    bound["residents_phase_x_bound"] = times;
    std::printf("%-44s %10.3f %10.1f %14.2f\n", name, bound["ns_per_resident_day"].get<double>(),
                bound["gb_per_s"].get<double>(), times);
    results["bandwidth"].push_back(bound);
  }
}

// A yardstick for the queue core on this machine: the bare M/M/c of validation/mmc_reference.hpp,
// which draws the same arrivals and handling times as the engine's queue case and keeps nothing
// else, run on the case's scenario (its rate, handlers, mean handling time, days and seed). Timed
// as the engine's case is: one run in a fresh process, from the first day to the last.
Json queue_reference(const Case& c) {
  const Scenario sc = govsim::load_scenario(c.scenario, c.overrides);
  const govsim::ModelConfig& m = sc.model;
  Json j = {{"name", c.name}, {"threads", c.threads}};  // runs on one, named as its case
  if (m.mode != govsim::ModelMode::Queue || m.queue_escalate_p != 0 || m.queue_handlers < 1 ||
      m.effort_dist != govsim::ServiceDist::Exponential || sc.calendar.on || !sc.changes.empty()) {
    j["error"] =
        "the reference is one level of exponential handling in queue mode, with neither the "
        "working calendar nor policy changes";
    return j;
  }
  const auto t0 = std::chrono::steady_clock::now();
  const govsim::MmcReference ref = govsim::run_mmc_reference(
      sc.run.seed, m.queue_arrivals_per_h, static_cast<int>(m.queue_handlers),
      m.effort_median_h.small, sc.run.days, sc.run.warmup_days);
  const double run = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  j["cases_handled"] = ref.served;
  j["run_s"] = run;
  j["cases_per_s"] = double(ref.served) / run;
  j["wait_mean_h"] = ref.wait_mean_h();
  return j;
}

// The yardstick of each queue case that ran, in a child of its own (as every case), into results,
// with the engine's cases per second as a share of it and whether the two waited alike (they
// draw the same numbers, so their mean waits are equal to the last bit).
void add_queue_reference(const std::vector<Case>& cases, Json& results) {
  bool header = false;
  for (const Case& c : cases) {
    const Json* engine = find_case(results, c.name, c.threads);
    if (c.name.rfind("queue-", 0) != 0 || !engine) continue;
    if (!header)
      std::printf("\n%-44s %12s %18s  %s\n", "bare M/M/c, the same draws (reference)", "cases/s",
                  "engine / reference", "same waits");
    header = true;
    double rss_kib = 0;
    Json ref = in_child([&] { return queue_reference(c); }, rss_kib);
    ref["name"] = c.name;  // a crashed child's row has neither
    ref["threads"] = c.threads;
    if (ref.contains("error")) {
      std::printf("%-44s error: %s\n", c.name.c_str(), ref["error"].get<std::string>().c_str());
    } else {
      ref["engine_x_reference"] =
          (*engine)["cases_per_s"].get<double>() / ref["cases_per_s"].get<double>();
      ref["same_waits"] =
          (*engine).contains("wait_mean_h") && (*engine)["wait_mean_h"] == ref["wait_mean_h"];
      std::printf("%-44s %12.4g %18.2f  %s\n", c.name.c_str(), ref["cases_per_s"].get<double>(),
                  ref["engine_x_reference"].get<double>(), ref["same_waits"] ? "yes" : "NO");
    }
    results["queue_reference"].push_back(ref);
  }
}

using Target = govsim::bench::Measured;

// The targets the figures of one round are checked against, for the cases that ran.
std::vector<Target> targets_of(Json& results) {
  std::vector<Target> targets;
  const Json* b1 = find_case(results, "baseline-100k", 1);
  const Json* b2 = find_case(results, "baseline-100k", 2);
  const Json* l1 = find_case(results, "large-city-1m", 1);
  const Json* l2 = find_case(results, "large-city-1m", 2);
  const Json* q = find_case(results, "queue-mmc-c10-rho0.8", 1);
  const Json* m1 = find_case(results, "megacity-10m", 1);
  const Json* m = find_case(results, "megacity-10m", 2);
  auto ratio = [](const Json* a, const Json* b) {
    return (*a)["wall_s"].get<double>() / (*b)["wall_s"].get<double>();
  };
  // With people, space and the working calendar on (the shipped scenarios' setting): 1 M residents
  // in 3 s, 10 M in 40 s and 1 GB. The halved times are half of this machine's figures before the
  // vectorised resident step and the parallel set-up (docs/PERFORMANCE.md): 2.38 s and 23.9 s.
  if (l2) {
    targets.push_back({"1 M residents, 365 days, 2 threads (s)", (*l2)["wall_s"], 3, true});
    targets.push_back({"1 M, 2 threads: half of 2.38 s before (s)", (*l2)["wall_s"], 1.19, true});
  }
  if (m) {
    targets.push_back({"10 M residents, 365 days (s)", (*m)["wall_s"], 40, true});
    targets.push_back({"10 M, 2 threads: half of 23.9 s before (s)", (*m)["wall_s"], 11.95, true});
    targets.push_back({"10 M peak RSS (MB)", (*m)["peak_rss_mb"], 1000, true});
    targets.push_back({"10 M bytes per resident", (*m)["bytes_per_resident"], 150, true});
    targets.push_back({"10 M serial fraction, 2 threads", (*m)["serial_fraction"], 0.05, true});
  }
  if (b2)
    targets.push_back({"baseline 100 k, 365 days, 2 threads (s)", (*b2)["wall_s"], 0.6, true});
  if (l2 && b2) targets.push_back({"growth time(1 M) / time(100 k)", ratio(l2, b2), 11, true});
  if (l1 && l2) targets.push_back({"speed-up 1 -> 2 threads, 1 M", ratio(l1, l2), 1.9, false});
  if (m1 && m) targets.push_back({"speed-up 1 -> 2 threads, 10 M", ratio(m1, m), 1.9, false});
  if (b1 && b2) results["speedup_baseline"] = ratio(b1, b2);
  for (const Json& bound : results["bandwidth"])
    targets.push_back({"residents phase / bandwidth bound, " + bound["name"].get<std::string>(),
                       bound["residents_phase_x_bound"], 2.5, true});
  if (q)
    targets.push_back({"queue core, cases handled per second", (*q)["cases_per_s"], 8e6, false});
  return targets;
}

// Each target's median over the rounds (its only value after one round), with the range.
void print_targets(const std::vector<govsim::bench::Summary>& targets, int rounds, Json& results) {
  if (rounds > 1)
    std::printf("\n%-52s %12s %12s  %-5s %s\n", "target (median of the rounds)", "measured",
                "limit", "", "range");
  else
    std::printf("\n%-52s %12s %12s  %s\n", "target", "measured", "limit", "");
  for (const govsim::bench::Summary& t : targets) {
    std::printf("%-52s %12.4g %s%10.4g  %-7s", t.what.c_str(), t.median,
                t.at_most ? "<=" : ">=", t.limit, t.met() ? "met" : "NOT MET");
    if (rounds > 1) std::printf("  %.4g - %.4g (%d)", t.min, t.max, t.rounds);
    std::printf("\n");
    results["targets"].push_back({{"what", t.what},
                                  {"measured", t.median},
                                  {"min", t.min},
                                  {"max", t.max},
                                  {"rounds", t.rounds},
                                  {"limit", t.limit},
                                  {"met", t.met()}});
  }
}

// Whether two rows are of the same case: the same name and thread count (bandwidth rows too).
bool same_case(const Json& a, const Json& b) {
  return a["name"] == b["name"] && a.value("threads", 0) == b.value("threads", 0);
}

// Rows of the rounds with the same name (and thread count, if they have one) as median rows, in
// the order in which they first appear in any round (a row missing from a round, as a bandwidth
// row when its case failed there, is the median of the others).
Json median_rows(const std::vector<Json>& rounds, const char* list) {
  std::vector<std::vector<Json>> groups;
  for (const Json& round : rounds)
    for (const Json& row : round[list]) {
      auto it = std::find_if(groups.begin(), groups.end(),
                             [&](const std::vector<Json>& g) { return same_case(g.front(), row); });
      if (it == groups.end())
        groups.push_back({row});
      else
        it->push_back(row);
    }
  Json out = Json::array();
  for (const std::vector<Json>& rows : groups) {
    Json median = govsim::bench::median_row(rows);
    if (median.value("hash_differs", false))
      std::printf("warning: %s on %d threads ended in different states between rounds\n",
                  rows.front()["name"].get<std::string>().c_str(),
                  rows.front().value("threads", 0));
    out.push_back(std::move(median));
  }
  return out;
}

// The suite; usage mistakes exit 2.
int run(int argc, char** argv) {
  CLI::App app{"govsim-bench: the performance suite"};
  std::string out = "bench/results.json";
  bool quick = false;
  std::string only;
  std::int64_t days = 0;
  app.add_option("--out", out, "where to write the figures (JSON)");
  app.add_flag("--quick", quick, "leave out the 10-million-resident megacity");
  app.add_option("--only", only, "run only the cases whose name contains this text");
  app.add_option("--days", days, "days to simulate in every case (default: the scenario's)");
  int repeat = 1;
  app.add_option("--repeat", repeat,
                 "rounds of the whole suite, one after the other; the figures and targets are "
                 "the medians over the rounds")
      ->check(CLI::Range(1, 100));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // As govsim itself: a usage mistake exits with 2, not CLI11's own codes (105, 109, ...).
    return app.exit(e) == 0 ? 0 : 2;
  }

  std::vector<Case> cases = {
      {"baseline-100k", "baseline", 1, {}},
      {"baseline-100k", "baseline", 2, {}},
      {"large-city-1m", "large-city", 1, {}},
      {"large-city-1m", "large-city", 2, {}},
      {"queue-mmc-c10-rho0.8", source_file("scenarios/validation/mmc-c10-rho080.yaml"), 1, {}},
  };
  if (!quick) {
    cases.push_back({"megacity-10m", "megacity", 1, {}});
    cases.push_back({"megacity-10m", "megacity", 2, {}});
  }
  if (!only.empty())
    std::erase_if(cases, [&](const Case& c) { return c.name.find(only) == std::string::npos; });
  if (days > 0)
    for (Case& c : cases) c.overrides.push_back("run.days=" + std::to_string(days));

  std::printf("govsim %s (%s), %u hardware threads\n", govsim::kVersion, govsim::git_revision(),
              std::thread::hardware_concurrency());
  std::printf("%-22s %2s  %9s  %6s  %7s  %8s  %6s  %8s  %s\n", "case", "t", "wall", "ns/r-d",
              "ns/case", "RSS MB", "B/res", "serial", "phases (s) | set-up (s)");
  // The rounds alternate the cases (a, b, c, a, b, c, ...), so that a slow spell of the machine
  // falls on several cases rather than on every round of one.
  std::vector<Json> rounds;
  std::vector<std::vector<Target>> measured;
  for (int r = 1; r <= repeat; ++r) {
    if (repeat > 1) std::printf("%sround %d of %d\n", r > 1 ? "\n" : "", r, repeat);
    Json round;
    round["cases"] = Json::array();
    round["bandwidth"] = Json::array();
    for (const Case& c : cases) {
      const Json j = run_isolated(c);
      print_row(j);
      round["cases"].push_back(j);
    }
    add_bandwidth_bounds(round);
    round["queue_reference"] = Json::array();
    add_queue_reference(cases, round);
    measured.push_back(targets_of(round));
    rounds.push_back(std::move(round));
  }
  Json results;
  results["govsim_version"] = govsim::kVersion;
  results["git_revision"] = govsim::git_revision();
  results["repeat"] = repeat;
  results["cases"] = median_rows(rounds, "cases");
  results["bandwidth"] = median_rows(rounds, "bandwidth");
  results["queue_reference"] = median_rows(rounds, "queue_reference");
  if (repeat > 1) {
    std::printf("\nmedian of %d rounds\n", repeat);
    for (const Json& j : results["cases"]) print_row(j);
    results["rounds"] = rounds;
  }
  print_targets(govsim::bench::summarise(measured), repeat, results);
  std::error_code dir_error;
  const std::filesystem::path out_path(out);
  if (out_path.has_parent_path())
    std::filesystem::create_directories(out_path.parent_path(), dir_error);
  std::ofstream f(out);
  f << results.dump(2) << "\n";
  f.close();
  if (!f) {
    std::fprintf(stderr, "govsim-bench: cannot write %s\n", out.c_str());
    return 1;
  }
  std::printf("\nwrote %s\n", out.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {  // a pipe or a fork that failed: the machine's, not yours
    std::fprintf(stderr, "govsim-bench: internal error: %s\n", e.what());
    return 1;
  }
}
