#include <catch2/catch.hpp>
#include <cstdint>
#include <numeric>

#include "engine/uninit_vector.hpp"

using govsim::kLargeArrayBytes;
using govsim::UninitVector;

namespace {
constexpr std::uintptr_t kHugePage = std::uintptr_t(2) << 20;
bool on_huge_page_boundary(const void* p) {
  return reinterpret_cast<std::uintptr_t>(p) % kHugePage == 0;
}
}  // namespace

TEST_CASE("a population's column of a million residents is mapped for huge pages") {
  // 4 000 000 bytes: under 4 MiB, which left a 1 M city's columns in ordinary pages.
  UninitVector<float> column(1'000'000);
  CHECK(column.size() * sizeof(float) >= kLargeArrayBytes);
  CHECK(on_huge_page_boundary(column.data()));  // mapped on its own (elsewhere: aligned alike)
}

TEST_CASE("arrays keep their values across the threshold, both ways") {
  const std::size_t small = kLargeArrayBytes / sizeof(std::uint32_t) / 4;
  const std::size_t large = kLargeArrayBytes / sizeof(std::uint32_t) + 3;
  UninitVector<std::uint32_t> v(small);
  std::iota(v.begin(), v.end(), 7u);
  v.resize(large);  // small -> mapped
  for (std::size_t i = small; i < large; ++i) v[i] = static_cast<std::uint32_t>(i + 7);
  for (std::size_t i = 0; i < large; ++i) REQUIRE(v[i] == i + 7);
  UninitVector<std::uint32_t> copy = v;  // mapped -> mapped
  v.clear();
  v.shrink_to_fit();  // mapped memory given back
  copy.resize(small);
  copy.shrink_to_fit();  // mapped -> small
  REQUIRE(copy.size() == small);
  for (std::size_t i = 0; i < small; ++i) REQUIRE(copy[i] == i + 7);
}
