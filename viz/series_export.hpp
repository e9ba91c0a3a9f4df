// Writes the daily series of the designs on screen to CSV, with the same columns as
// `govsim run`'s timeseries.csv.
#pragma once

#include <string>

#include "viz/snapshot.hpp"

namespace govsim::viz {

// Design A goes to `path`; in compare mode design B goes beside it as NAME-b.csv. Returns a
// message for the status line (what was written, or what went wrong).
std::string export_series(const Snapshot& snapshot, const std::string& path);

}  // namespace govsim::viz
