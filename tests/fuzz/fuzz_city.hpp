// Shared by the fuzz targets of the city readers: what a reader accepts must build a city.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <string_view>

#include "model/city.hpp"
#include "tests/fuzz/fuzz_common.hpp"

namespace govsim::fuzz {

inline constexpr std::size_t kMaxGridsToBuild = 20'000;  // keeps one run short

// Reads text as the city table of a scenario with read(text, file), and builds the city from the
// grids it accepts when they pass the scenario's cross-checks: one grid a row, or a crash.
template <class Read>
void read_and_build_city(std::string_view text, const char* file, Read read) {
  expect_input_error_only([&] {
    Scenario s;
    s.source = file;
    s.city.table = file;
    s.grid_table = read(text, file);
    if (!cross_check(s).empty() || s.grid_table.size() > kMaxGridsToBuild) return;
    const City city = build_city(s);
    if (city.grids != s.grid_table.size()) std::abort();
  });
}

}  // namespace govsim::fuzz
