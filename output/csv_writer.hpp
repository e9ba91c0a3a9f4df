// CSV tables from the metric structs' `describe` lists, so the column list is written once, in
// sim/metrics.hpp. Doubles are printed in the shortest form that reads back to the same bits, and
// NaN ("no data") becomes an empty cell, which pandas, R and spreadsheets all read as missing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace govsim {

// Shortest decimal that round-trips; "" for NaN.
std::string format_csv_number(double x);
std::string format_csv_number(std::int64_t x);
std::string format_csv_number(std::uint64_t x);

namespace csv_detail {

struct HeaderVisitor {
  std::string line;
  template <class T>
  void col(const char* name, const T&) {
    if (!line.empty()) line += ',';
    line += name;
  }
};

struct RowVisitor {
  std::string line;
  bool first = true;
  template <class T>
  void col(const char*, const T& value) {
    if (!first) line += ',';
    first = false;
    line += format_csv_number(value);
  }
};

}  // namespace csv_detail

// A header line and one line per row, each ending in '\n'. Row needs describe(V&, const Row&).
template <class Row>
std::string to_csv(const std::vector<Row>& rows) {
  csv_detail::HeaderVisitor header;
  describe(header, Row{});
  std::string out = header.line + '\n';
  for (const Row& row : rows) {
    csv_detail::RowVisitor visitor;
    describe(visitor, row);
    out += visitor.line;
    out += '\n';
  }
  return out;
}

}  // namespace govsim
