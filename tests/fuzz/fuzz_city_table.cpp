// Fuzz target: the CSV city-table reader, then the city built from the rows it accepts.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/city.hpp"
#include "scenarios/city_table.hpp"
#include "tests/fuzz/fuzz_common.hpp"

namespace {
constexpr std::size_t kMaxGridsToBuild = 20'000;  // keeps one run short
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  govsim::fuzz::expect_input_error_only([&] {
    govsim::Scenario s;
    s.source = "fuzz.csv";
    s.city.table = "fuzz.csv";
    s.grid_table = govsim::parse_city_table(text, "fuzz.csv");
    if (!govsim::cross_check(s).empty() || s.grid_table.size() > kMaxGridsToBuild) return;
    const govsim::City city = govsim::build_city(s);
    if (city.grids != s.grid_table.size()) std::abort();
  });
  return 0;
}
