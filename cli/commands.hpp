// The govsim subcommands. add_commands wires them into CLI11; each command is a plain function
// of its parsed arguments that returns an exit code and lets InputError propagate to main.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace govsim {

struct ScenarioArgs {
  std::string scenario;                // path or shipped name; empty = built-in baseline
  std::vector<std::string> overrides;  // --set key=value, in order
};

struct RunArgs {
  ScenarioArgs input;
  std::string days;  // kept as text so the loader validates them like any --set value
  std::string seed;
  int threads = 0;
  std::string out_dir;
  bool quiet = false;
  bool overwrite = false;             // replace the outputs of an earlier run in the folder
  std::int64_t checkpoint_every = 0;  // days; 0 = no checkpoints
};

struct ResumeArgs {
  std::string checkpoint;
  int threads = 0;
  std::string out_dir;  // default: the checkpoint's folder
  bool quiet = false;
  std::int64_t checkpoint_every = 0;
};

int run_command(const RunArgs& args);
int resume_command(const ResumeArgs& args);
int check_command(const ScenarioArgs& args);
int show_command(const ScenarioArgs& args);
int scenarios_command();
int keys_command(bool markdown);

struct ValidateArgs {
  bool quick = false;
  std::string dir = "scenarios/validation";  // the validation scenarios
  // The robustness section (docs/VALIDATION.md, "Robustness of the claims").
  bool robustness = false;       // add it
  bool robustness_only = false;  // run it alone (implies robustness)
  std::int64_t points = 0;       // 0: 100, or 10 with --quick
  std::int64_t days = 0;         // 0: 365, or 60 with --quick
  std::int64_t replications = 1;
  std::uint64_t sample_seed = 1;
  std::vector<std::string> ranges;  // --range KEY=lo:hi
  std::string markdown;             // write the docs tables there
};
int validate_command(const ValidateArgs& args);

// Registers every subcommand on app; the chosen command's exit code lands in exit_code.
void add_commands(CLI::App& app, int& exit_code);
// `govsim synth` and `govsim records` (cli/records_commands.cpp).
void add_records_commands(CLI::App& app, int& exit_code);
// `govsim calibrate` (cli/calibrate_command.cpp).
void add_calibrate_command(CLI::App& app, int& exit_code);
// --utc-offset: "+08:00", "-05:30", "+8" as minutes east of UTC; throws InputError otherwise.
int parse_utc_offset(const std::string& text);

}  // namespace govsim
