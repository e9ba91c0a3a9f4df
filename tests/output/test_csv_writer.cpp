#include <catch2/catch.hpp>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "output/csv_writer.hpp"
#include "sim/metrics.hpp"

namespace {

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> cells(1);
  for (const char c : line) {
    if (c == sep) {
      cells.emplace_back();
    } else {
      cells.back() += c;
    }
  }
  return cells;
}

double parse(const std::string& text) {
  double x = 0;
  std::from_chars(text.data(), text.data() + text.size(), x);
  return x;
}

}  // namespace

TEST_CASE("CSV numbers read back to the same bits") {
  const double values[] = {0.1,
                           1.0 / 3.0,
                           2.0 / 3.0,
                           -0.0,
                           1e-300,
                           5e-324,
                           std::numeric_limits<double>::max(),
                           123456789.123456789,
                           0.30000000000000004,
                           100};
  for (const double x : values) {
    const std::string text = govsim::format_csv_number(x);
    INFO(text);
    const double back = parse(text);
    CHECK(std::memcmp(&back, &x, sizeof x) == 0);
  }
  CHECK(govsim::format_csv_number(100.0) == "100");
  CHECK(govsim::format_csv_number(0.1) == "0.1");
}

TEST_CASE("CSV cells are empty for NaN and plain for integers") {
  CHECK(govsim::format_csv_number(govsim::kNaN).empty());
  CHECK(govsim::format_csv_number(std::int64_t{-42}) == "-42");
  CHECK(govsim::format_csv_number(std::uint64_t{18446744073709551615ULL}) ==
        "18446744073709551615");
}

TEST_CASE("a DayMetrics table has a header from describe and one full row per day") {
  std::vector<govsim::DayMetrics> days(3);
  days[0].day = 1;
  days[1].day = 2;
  days[1].response_time_p50_h = 4.25;
  days[2].day = 3;
  const std::string csv = govsim::to_csv(days);
  const std::vector<std::string> lines = split(csv, '\n');
  REQUIRE(lines.size() == 5);  // header, three rows, and the empty piece after the final newline
  CHECK(lines.back().empty());
  CHECK(lines[0].rfind("day,residents,new_cases,", 0) == 0);
  const std::vector<std::string> header = split(lines[0], ',');
  std::size_t p50 = 0;
  while (p50 < header.size() && header[p50] != "response_time_p50_h") ++p50;
  REQUIRE(p50 < header.size());
  for (int i = 1; i <= 3; ++i) {
    const std::vector<std::string> cells = split(lines[i], ',');
    REQUIRE(cells.size() == header.size());
    CHECK(cells[0] == std::to_string(i));
  }
  CHECK(split(lines[1], ',')[p50].empty());  // NaN = no data
  CHECK(split(lines[2], ',')[p50] == "4.25");
}

TEST_CASE("an empty table is a header alone") {
  const std::string csv = govsim::to_csv(std::vector<govsim::GridMetrics>{});
  CHECK(csv.rfind("grid,street,community,", 0) == 0);
  CHECK(csv.find('\n') == csv.size() - 1);
}
