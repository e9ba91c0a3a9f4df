// govsim-bench: the performance suite behind `make bench`. Each case runs in a child process so
// that its peak memory is its own; the parent prints a table, checks the figures against the
// targets and writes them to a JSON file so that runs can be compared.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "engine/version.hpp"
#include "scenarios/loader.hpp"
#include "sim/simulation.hpp"

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

// Runs one case in this process and returns its figures.
Json run_case(const Case& c) {
  const Scenario sc = govsim::load_scenario(c.scenario, c.overrides);
  auto ex = govsim::make_tbb_executor(c.threads);
  const auto t0 = std::chrono::steady_clock::now();
  govsim::Simulation sim(sc, *ex);
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
  j["resident_days_per_s"] = double(s.residents) * double(s.days) / run;
  j["cases_handled"] = handled;
  j["cases_per_s"] = double(handled) / run;
  j["state_hash"] = s.state_hash;
  const govsim::PhaseProfile p = sim.profile();
  for (std::size_t i = 0; i < p.names.size(); ++i) j["phases_s"][p.names[i]] = p.seconds[i];
  return j;
}

// Forks, runs the case in the child and reads its figures and peak RSS.
Json run_isolated(const Case& c) {
  int fd[2];
  if (pipe(fd) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    close(fd[0]);
    std::string out;
    try {
      out = run_case(c).dump();
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
  Json j = text.empty() ? Json{{"error", "the case crashed"}} : Json::parse(text);
  // An error row names its case too, so that the table and results.json say which one failed.
  if (!j.contains("name")) j["name"] = c.name;
  if (!j.contains("threads")) j["threads"] = c.threads;
  j["peak_rss_mb"] = double(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
  if (j.contains("residents"))
    j["bytes_per_resident"] = double(usage.ru_maxrss) * 1024.0 / j["residents"].get<double>();
  return j;
}

void print_row(const Json& j) {
  if (j.contains("error")) {
    std::printf("%-22s  error: %s\n", j["name"].get<std::string>().c_str(),
                j["error"].get<std::string>().c_str());
    return;
  }
  std::printf("%-22s %2d  %8.2f s  %10.3g res-days/s  %8.1f MB  %6.1f B/res  ",
              j["name"].get<std::string>().c_str(), j["threads"].get<int>(),
              j["wall_s"].get<double>(), j["resident_days_per_s"].get<double>(),
              j["peak_rss_mb"].get<double>(), j["bytes_per_resident"].get<double>());
  for (auto& [k, v] : j["phases_s"].items()) std::printf("%s %.2f  ", k.c_str(), v.get<double>());
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"govsim-bench: the performance suite"};
  std::string out = "bench/results.json";
  bool quick = false;
  std::string only;
  std::int64_t days = 0;
  app.add_option("--out", out, "where to write the figures (JSON)");
  app.add_flag("--quick", quick, "leave out the 10-million-resident megacity");
  app.add_option("--only", only, "run only the cases whose name contains this text");
  app.add_option("--days", days, "days to simulate in every case (default: the scenario's)");
  CLI11_PARSE(app, argc, argv);

  std::vector<Case> cases = {
      {"baseline-100k", "baseline", 1, {}},
      {"baseline-100k", "baseline", 2, {}},
      {"large-city-1m", "large-city", 1, {}},
      {"large-city-1m", "large-city", 2, {}},
      {"queue-mmc-c10-rho0.8", source_file("scenarios/validation/mmc-c10-rho080.yaml"), 1, {}},
  };
  if (!quick) cases.push_back({"megacity-10m", "megacity", 2, {}});
  if (!only.empty())
    std::erase_if(cases, [&](const Case& c) { return c.name.find(only) == std::string::npos; });
  if (days > 0)
    for (Case& c : cases) c.overrides.push_back("run.days=" + std::to_string(days));

  std::printf("govsim %s (%s), %u hardware threads\n", govsim::kVersion, govsim::kGitRevision,
              std::thread::hardware_concurrency());
  std::printf("%-22s %2s  %10s  %21s  %11s  %11s  %s\n", "case", "t", "wall", "throughput",
              "peak RSS", "memory", "phases");
  Json results;
  results["govsim_version"] = govsim::kVersion;
  results["git_revision"] = govsim::kGitRevision;
  for (const Case& c : cases) {
    const Json j = run_isolated(c);
    print_row(j);
    results["cases"].push_back(j);
  }

  auto find = [&](const std::string& name, int threads) -> const Json* {
    for (const Json& j : results["cases"])
      if (j["name"] == name && j["threads"] == threads && !j.contains("error")) return &j;
    return nullptr;
  };
  struct Target {
    std::string what;
    double value;
    double limit;
    bool at_most;
  };
  std::vector<Target> targets;
  const Json* b1 = find("baseline-100k", 1);
  const Json* b2 = find("baseline-100k", 2);
  const Json* l1 = find("large-city-1m", 1);
  const Json* l2 = find("large-city-1m", 2);
  const Json* q = find("queue-mmc-c10-rho0.8", 1);
  const Json* m = find("megacity-10m", 2);
  // With people, space and the working calendar on (the shipped scenarios' setting): 1 M residents
  // in 3 s, 10 M in 40 s and 1 GB.
  if (l2) targets.push_back({"1 M residents, 365 days, 2 threads (s)", (*l2)["wall_s"], 3, true});
  if (m) {
    targets.push_back({"10 M residents, 365 days (s)", (*m)["wall_s"], 40, true});
    targets.push_back({"10 M peak RSS (MB)", (*m)["peak_rss_mb"], 1000, true});
    targets.push_back({"10 M bytes per resident", (*m)["bytes_per_resident"], 150, true});
  }
  if (b2)
    targets.push_back({"baseline 100 k, 365 days, 2 threads (s)", (*b2)["wall_s"], 0.6, true});
  if (l2 && b2)
    targets.push_back({"growth time(1 M) / time(100 k)",
                       (*l2)["wall_s"].get<double>() / (*b2)["wall_s"].get<double>(), 11, true});
  if (l1 && l2)
    targets.push_back({"speed-up 1 -> 2 threads, 1 M",
                       (*l1)["wall_s"].get<double>() / (*l2)["wall_s"].get<double>(), 1.7, false});
  if (b1 && b2)
    results["speedup_baseline"] = (*b1)["wall_s"].get<double>() / (*b2)["wall_s"].get<double>();
  if (q)
    targets.push_back({"queue core, cases handled per second", (*q)["cases_per_s"], 5e6, false});

  std::printf("\n%-44s %14s %12s  %s\n", "target", "measured", "limit", "");
  for (const Target& t : targets) {
    const bool ok = t.at_most ? t.value <= t.limit : t.value >= t.limit;
    std::printf("%-44s %14.4g %s%11.4g  %s\n", t.what.c_str(), t.value,
                t.at_most ? "<=" : ">=", t.limit, ok ? "met" : "NOT MET");
    results["targets"].push_back(
        {{"what", t.what}, {"measured", t.value}, {"limit", t.limit}, {"met", ok}});
  }
  std::ofstream f(out);
  f << results.dump(2) << "\n";
  std::printf("\nwrote %s\n", out.c_str());
  return 0;
}
