// The folder of a `govsim run` and what it may replace. A scenario's name becomes the folder's
// name with its letters kept, Chinese ones included (out/东关南浦新河示范区, not out/_________);
// a run never replaces the outputs of a different scenario, and replaces its own only when asked
// (--overwrite) or when the user named the folder (--out).
#pragma once

#include <filesystem>
#include <string>

#include "model/city.hpp"

namespace govsim {

// `name` as one folder name: ASCII letters, digits, '-', '_' and '.' as they are, other ASCII
// (spaces, '/', quotes, control characters) as '_', and valid UTF-8 beyond ASCII kept, except
// for invisible and line-breaking characters; "unnamed" for nothing or dots only.
std::string folder_name(const std::string& name);

// Throws InputError when `dir` holds the outputs (manifest.json) of a run of another scenario
// than `scenario_name`, unless `overwrite`; or of the same scenario when `named_by_user` is false
// and not `overwrite`. A folder without a manifest, or with an unreadable one, is left to the
// later checks.
void check_run_folder(const std::filesystem::path& dir, const std::string& scenario_name,
                      bool overwrite, bool named_by_user);

// grids.csv with the names: each row of `csv` (a header and one line per grid, in grid order)
// gets the columns street_name, community_name and grid_name at its end, quoted as CSV needs.
std::string with_grid_names(const std::string& csv, const City& city);

}  // namespace govsim
