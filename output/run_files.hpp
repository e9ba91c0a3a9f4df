// The four files of one run (`govsim run`, `govsim resume`, and Result.save() in Python):
// timeseries.csv, grids.csv, summary.json and manifest.json, written into one folder.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "output/manifest.hpp"
#include "sim/simulation.hpp"

namespace govsim {

// The file names, in the order they are written (the manifest last).
const std::vector<std::string>& run_file_names();

// Writes the files of a finished (or stopped) simulation into out_dir, each atomically. The old
// manifest goes first and the new one is written last, so a process killed in between leaves no
// manifest beside a mix of old and new files. record's days_run, state_hash, profile and
// wall_seconds (measured from wall_start, just before the manifest) are filled in here. Returns
// the run's summary, computed once for summary.json and the manifest's state hash (a pass over
// every resident: a tenth of a second in a city of ten million).
RunSummary write_run_files(const std::filesystem::path& out_dir, const Simulation& sim,
                           RunRecord& record, std::chrono::steady_clock::time_point wall_start);

// The text of each file as write_run_files writes it (the manifest is the caller's: it needs
// the wall time). summary_json_text's `summary` is sim.summary().
std::string timeseries_csv_text(const Simulation& sim);
std::string grids_csv_text(const Simulation& sim);
std::string summary_json_text(const Simulation& sim, const RunSummary& summary);
std::string summary_json_text(const Simulation& sim);

}  // namespace govsim
