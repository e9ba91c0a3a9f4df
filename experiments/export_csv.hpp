// `govsim export DB --csv DIR`: the store as tidy CSV, one observation per row, ready for pandas
// (`pd.read_csv`), R (`read.csv`) or a spreadsheet:
//
//   runs.csv        one row per run: design, label, replication, seed, status, timings, and one
//                   column per varied key
//   summaries.csv   run_key, design, label, replication, seed, the varied keys, metric, value
//   series.csv      run_key, design, label, replication, day, metric, value
//   statistics.csv  design, label, the varied keys, metric, n, mean, sd, ci_low, ci_high, and
//                   the paired difference from the first design with its interval
//   sensitivity.csv a sensitivity experiment only: each outcome's ranking of the parameters
//                   (outcome, rank, key, lo, hi, n, mu_star and its interval, mu, sigma)
//   seek.csv        a seek only: every point evaluated, in order, and which is the answer
//
// Replications are numbered from 1, as the report numbers them (replication r ran with seed
// base_seed + r - 1).
//
// Numbers are written in the shortest form that reads back to the same bits; an empty value is
// "no data" (NaN in the run). The manifests stay in the database.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "experiments/store.hpp"

namespace govsim::batch {

// Returns the files written, each complete or not at all.
std::vector<std::string> export_csv(const Store& store, const std::string& dir);

// The text of each file, as export_csv writes it (Python's frames read these). series_csv
// hands the text to `write` a run at a time: a large sweep's series does not fit in one string.
std::string runs_csv(const Store& store);
std::string summaries_csv(const Store& store);
void series_csv(const Store& store, const std::function<void(const std::string&)>& write);
std::string statistics_csv(const Store& store);
std::string sensitivity_csv(const Store& store);  // "" unless a sensitivity experiment
// A seek's path: one row per point evaluated, in order, with its varied values, estimates and
// feasibility; `answer` is 1 on the cheapest feasible point, `next_cheaper` on its infeasible
// cheaper neighbour. A budget's search (mode "budget") names its objective in `minimize`, with
// `maximize` 1 when it is maximised, and marks the second best point within the budget in
// `runner_up`. "" unless a seek.
std::string seek_csv(const Store& store);

std::string csv_field(const std::string& text);  // quoted when it must be (RFC 4180)
std::string format_cell(const Cell& cell);       // as the CSV files write it

}  // namespace govsim::batch
