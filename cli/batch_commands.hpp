// The experiment commands: compare, sweep, seek and sensitivity run many simulations into a results
// store; export, report and merge read stores. add_batch_commands wires them into CLI11 beside the
// single-run commands of commands.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace govsim {

// Options that every experiment command shares.
struct BatchArgs {
  std::vector<std::string> overrides;  // --set, applied to every design
  std::string days;                    // same as --set run.days=N
  std::int64_t replications = 5;
  std::uint64_t seed = 1;  // replication i runs with seed + i in every design
  int jobs = 0;            // parallel runs; 0 = every core
  std::string db;          // results store; "" = in memory only
  bool resume = false;
  bool overwrite = false;
  std::string shard;   // "K/N"
  std::string report;  // write the HTML report here when done
  std::string outcomes;
  bool no_series = false;
  bool quiet = false;
};

struct CompareArgs {
  BatchArgs batch;
  std::vector<std::string> designs;
  double until_precise = 0;  // > 0: add replications until the interval is this narrow
  std::string outcome = "response_time_p90_h";
  std::int64_t max_replications = 200;
  std::string periods;  // "1,3": the periods of each run to show, the first the reference
};

struct SweepArgs {
  BatchArgs batch;
  std::string scenario;
  std::vector<std::string> vary;
  std::string method = "factorial";
  std::int64_t samples = 0;
  std::string sample_seed;  // "" = the base seed
  bool baseline = false;    // the scenario as given is design 1, the reference of differences
};

struct SeekArgs {
  BatchArgs batch;
  std::string scenario;
  std::string target;
  std::string budget;    // 'EXPR<=B': the best --maximize/--minimize outcome within it
  std::string minimize;  // default cost with --target
  std::string maximize;
  std::vector<std::string> over;
  std::vector<std::string> vary;
  double confidence = 0.95;
};

struct FrontierArgs {
  BatchArgs batch;
  std::string scenario;
  std::vector<std::string> over;  // KEY=lo:hi:step or KEY=v1,v2,...
  std::string cost = "cost_total_cny_year";
  std::vector<std::string> outcome;   // one or two
  std::vector<std::string> place;     // shipped designs (or files) to place on the chart
  std::int64_t max_replications = 0;  // 0 = 4 x --replications
};

struct SensitivityArgs {
  SensitivityArgs() { batch.replications = 1; }
  BatchArgs batch;
  std::string scenario;
  std::vector<std::string> params;  // KEY=lo:hi; empty = the default set
  std::string method = "morris";
  std::int64_t trajectories = 10;
  int levels = 4;
  std::int64_t candidates = 0;  // 0 = 10 x trajectories, at most 1000
  std::string sample_seed;      // "" = the base seed
  std::string json;             // write the rankings here
};

struct ExportArgs {
  std::string db;
  std::string csv_dir;
};

struct ReportArgs {
  std::string db;
  std::string out;
  std::string outcomes;
  std::string outcome;
};

struct MergeArgs {
  std::string out;
  std::vector<std::string> inputs;
  bool overwrite = false;
};

int compare_command(const CompareArgs& args);
int sweep_command(const SweepArgs& args);
int seek_command(const SeekArgs& args);
int frontier_command(const FrontierArgs& args);
int sensitivity_command(const SensitivityArgs& args);
int export_command(const ExportArgs& args);
int report_command(const ReportArgs& args);
int merge_command(const MergeArgs& args);

void add_batch_commands(CLI::App& app, int& exit_code);

// The command line as typed, for the results store's record of how it was made.
void remember_command_line(int argc, char** argv);
const std::string& command_line();

}  // namespace govsim
