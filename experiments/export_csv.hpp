// `govsim export DB --csv DIR`: the store as tidy CSV, one observation per row, ready for pandas
// (`pd.read_csv`), R (`read.csv`) or a spreadsheet:
//
//   runs.csv        one row per run: design, label, replication, seed, status, timings, and one
//                   column per varied key
//   summaries.csv   run_key, design, label, replication, seed, metric, value
//   series.csv      run_key, design, replication, day, metric, value
//   statistics.csv  design, label, metric, n, mean, sd, ci_low, ci_high, and the paired
//                   difference from the first design with its interval
//   sensitivity.csv a sensitivity experiment only: each outcome's ranking of the parameters
//                   (outcome, rank, key, lo, hi, n, mu_star and its interval, mu, sigma)
//
// Numbers are written in the shortest form that reads back to the same bits; an empty value is
// "no data" (NaN in the run). The manifests stay in the database.
#pragma once

#include <string>
#include <vector>

#include "experiments/store.hpp"

namespace govsim::batch {

// Returns the files written, each complete or not at all.
std::vector<std::string> export_csv(const Store& store, const std::string& dir);

std::string csv_field(const std::string& text);  // quoted when it must be (RFC 4180)
std::string format_cell(const Cell& cell);       // as the CSV files write it

}  // namespace govsim::batch
