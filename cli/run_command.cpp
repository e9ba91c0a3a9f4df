// `govsim run`: load, simulate with a progress line, write the four result files, report.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "cli/scenario_input.hpp"
#include "cli/summary_table.hpp"
#include "engine/checkpoint_io.hpp"
#include "engine/errors.hpp"
#include "engine/i18n.hpp"
#include "engine/input_text.hpp"
#include "output/atomic_file.hpp"
#include "output/csv_writer.hpp"
#include "output/json_writer.hpp"
#include "output/manifest.hpp"
#include "output/output_paths.hpp"
#include "output/platform.hpp"
#include "output/run_files.hpp"
#include "output/run_folder.hpp"
#include "scenarios/bounded_file.hpp"
#include "scenarios/loader.hpp"
#include "sim/simulation.hpp"

namespace govsim {
namespace {

constexpr int kMaxThreads = 1024;  // beyond any machine this runs on; a typo, not a wish

// Fails before the run, not after an hour of simulation.
void make_output_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    throw InputError("cannot create output directory '" + dir.string() +
                     "': " + (ec ? ec.message() : std::string("a file of that name exists")));
  }
}

}  // namespace

namespace {

// Reads a checkpoint file whole: a regular file of at most kCheckpointMaxBytes (/dev/zero, a FIFO
// or a directory is refused at once, as a missing file is: the user's mistake).
std::string read_checkpoint_file(const std::string& path) {
  return read_bounded_file(path, kCheckpointMaxBytes,
                           bounded_file_messages("checkpoint", kCheckpointMaxBytes));
}

// Where and how a run's outputs go.
struct RunOutputs {
  std::filesystem::path out_dir;
  int threads_requested;
  int threads_used;
  bool quiet;
  std::int64_t checkpoint_every;  // days; 0 = never
  std::string start_time;
  std::chrono::steady_clock::time_point wall_start;
  std::vector<std::string> overrides;
};

// Steps a simulation to its end, writing a checkpoint every `checkpoint_every` days, then writes
// the outputs. Shared by `run` and `resume`.
void finish_run(Simulation& sim, const RunOutputs& o) {
  const Scenario& scenario = sim.scenario();
  const std::filesystem::path& out_dir = o.out_dir;
  const std::filesystem::path checkpoint = out_dir / "checkpoint.bin";
  {
    ProgressLine progress(!o.quiet, scenario.run.days);
    while (!sim.done()) {
      sim.step();
      if (!sim.series().empty()) progress.update(sim.day(), sim.series().back());
      if (o.checkpoint_every > 0 && sim.day() % o.checkpoint_every == 0 && !sim.done())
        write_file_atomically(checkpoint.string(), sim.checkpoint());
    }
  }
  RunRecord record;
  record.overrides = o.overrides;
  record.threads_requested = o.threads_requested;
  record.threads_used = o.threads_used;
  record.start_time_utc = o.start_time;
  const RunSummary summary = write_run_files(out_dir, sim, record, o.wall_start);

  if (!o.quiet) {
    RunReport report;
    report.scenario = &scenario;
    report.summary = &summary;
    report.threads = record.threads_used;
    report.wall_seconds = record.wall_seconds;
    report.out_dir = out_dir.string();
    report.files = run_file_names();
    std::cout << format_run_report(report) << std::flush;
  }
}

}  // namespace

int run_command(const RunArgs& args) {
  const auto wall_start = std::chrono::steady_clock::now();
  const std::string start_time = iso8601_utc(std::chrono::system_clock::now());

  if (args.threads < 0 || args.threads > kMaxThreads) {
    throw InputError("--threads: " + std::to_string(args.threads) +
                     " is out of range (0 = every core, up to " + std::to_string(kMaxThreads) +
                     ")");
  }

  if (args.checkpoint_every < 0)
    throw InputError("--checkpoint-every: must be a whole number of days >= 0");

  // --days and --seed go in after --set, so the dedicated flags win over a --set of the same key.
  ScenarioArgs input = args.input;
  if (!args.days.empty()) input.overrides.push_back("run.days=" + args.days);
  if (!args.seed.empty()) input.overrides.push_back("run.seed=" + args.seed);
  shorten_warmup_to_fit(args.input, args.days, args.quiet, input);
  const Scenario scenario = load_input(input);

  const std::filesystem::path out_dir =
      args.out_dir.empty() ? std::filesystem::path("out") / folder_name(scenario.name)
                           : std::filesystem::path(args.out_dir);
  check_command_paths({{"--out", out_dir.string(), PathRole::OutputDir}});
  check_run_folder(out_dir, scenario.name, args.overwrite, !args.out_dir.empty());
  make_output_dir(out_dir);

  auto executor = make_tbb_executor(args.threads);
  Simulation sim(scenario, *executor);
  RunOutputs outputs{out_dir,    args.threads,          executor->concurrency(),
                     args.quiet, args.checkpoint_every, start_time,
                     wall_start, input.overrides};
  finish_run(sim, outputs);
  return 0;
}

int resume_command(const ResumeArgs& args) {
  const auto wall_start = std::chrono::steady_clock::now();
  const std::string start_time = iso8601_utc(std::chrono::system_clock::now());
  if (args.threads < 0 || args.threads > kMaxThreads)
    throw InputError("--threads: " + std::to_string(args.threads) + " is out of range");
  if (args.checkpoint_every < 0)
    throw InputError("--checkpoint-every: must be a whole number of days >= 0");
  std::vector<CommandPath> paths{{"CHECKPOINT", args.checkpoint, PathRole::Input}};
  if (!args.out_dir.empty()) paths.push_back({"--out", args.out_dir, PathRole::OutputDir});
  check_command_paths(paths);
  const std::string bytes = read_checkpoint_file(args.checkpoint);
  auto executor = make_tbb_executor(args.threads);
  auto sim = Simulation::restore(bytes, args.checkpoint, *executor);
  const std::filesystem::path out_dir = args.out_dir.empty()
                                            ? std::filesystem::path(args.checkpoint).parent_path()
                                            : std::filesystem::path(args.out_dir);
  make_output_dir(out_dir.empty() ? std::filesystem::path(".") : out_dir);
  RunOutputs outputs{out_dir.empty() ? std::filesystem::path(".") : out_dir,
                     args.threads,
                     executor->concurrency(),
                     args.quiet,
                     args.checkpoint_every,
                     start_time,
                     wall_start,
                     {"resumed from " + args.checkpoint + " at day " + std::to_string(sim->day())}};
  finish_run(*sim, outputs);
  return 0;
}

}  // namespace govsim
