// Small helpers for names typed on the command line: the nearest valid name for a typo, and
// the shortest unambiguous form of dotted scenario keys for labels.
#pragma once

#include <string>
#include <vector>

namespace govsim::batch {

// The candidate closest to `name` by edit distance, or "" when none is reasonably close.
std::string nearest_name(const std::string& name, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "".
std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates);

// For each dotted key, its shortest trailing part that no other key in the list shares:
// {"governance.staffing.grid_workers_per_grid", "governance.platform.level"} ->
// {"grid_workers_per_grid", "level"}.
std::vector<std::string> short_key_names(const std::vector<std::string>& keys);

std::vector<std::string> split(const std::string& text, char separator);
std::string join(const std::vector<std::string>& parts, const std::string& separator);

}  // namespace govsim::batch
