// Fuzz target: the GeoJSON city reader, then the city built from the features it accepts.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scenarios/geojson_city.hpp"
#include "tests/fuzz/fuzz_city.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  govsim::fuzz::read_and_build_city(text, "fuzz.geojson", govsim::parse_geojson_city);
  return 0;
}
