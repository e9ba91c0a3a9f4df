// Fuzz target: the CSV city-table reader, then the city built from the rows it accepts.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scenarios/city_table.hpp"
#include "tests/fuzz/fuzz_city.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  govsim::fuzz::read_and_build_city(text, "fuzz.csv", govsim::parse_city_table);
  return 0;
}
