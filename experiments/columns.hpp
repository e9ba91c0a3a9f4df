// The columns of the stored tables, taken from the describe lists in sim/metrics.hpp, and the
// cells that carry one row's values. A cell keeps the 8 bytes of its value, so a summary travels
// (between threads, MPI ranks, databases and CSV files) and comes back with the same bits.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "output/periods.hpp"
#include "sim/metrics.hpp"

namespace govsim::batch {

enum class CellKind : std::uint8_t { Integer, Real, Hash };

struct Column {
  std::string name;
  CellKind kind = CellKind::Real;
};

struct Cell {
  CellKind kind = CellKind::Real;
  std::uint64_t bits = 0;

  static Cell integer(std::int64_t x) { return {CellKind::Integer, static_cast<std::uint64_t>(x)}; }
  static Cell real(double x) {
    std::uint64_t b = 0;
    std::memcpy(&b, &x, sizeof b);
    return {CellKind::Real, b};
  }
  static Cell hash(std::uint64_t x) { return {CellKind::Hash, x}; }

  std::int64_t as_integer() const { return static_cast<std::int64_t>(bits); }
  double as_real() const {
    double x = 0;
    std::memcpy(&x, &bits, sizeof x);
    return x;
  }
  std::uint64_t as_hash() const { return bits; }
  // The value for statistics: a hash is not a quantity, so it has none (NaN).
  double number() const;

  friend bool operator==(const Cell&, const Cell&) = default;
};

using CellRow = std::vector<Cell>;

namespace columns_detail {

struct NameVisitor {
  std::vector<Column> out;
  void col(const char* name, std::int64_t) { out.push_back({name, CellKind::Integer}); }
  void col(const char* name, double) { out.push_back({name, CellKind::Real}); }
  void col(const char* name, std::uint64_t) { out.push_back({name, CellKind::Hash}); }
};

struct CellVisitor {
  CellRow out;
  void col(const char*, std::int64_t x) { out.push_back(Cell::integer(x)); }
  void col(const char*, double x) { out.push_back(Cell::real(x)); }
  void col(const char*, std::uint64_t x) { out.push_back(Cell::hash(x)); }
};

}  // namespace columns_detail

template <class Row>
std::vector<Column> columns_of() {
  columns_detail::NameVisitor v;
  describe(v, Row{});
  return v.out;
}

template <class Row>
CellRow cells_of(const Row& row) {
  columns_detail::CellVisitor v;
  describe(v, row);
  return v.out;
}

const std::vector<Column>& summary_columns();  // RunSummary, in describe order
const std::vector<Column>& series_columns();   // DayMetrics, in describe order
const std::vector<Column>& period_columns();   // PeriodMetrics, in describe order
const std::vector<Column>& grid_columns();     // GridMetrics, in describe order

// The summary columns that are outcomes (every one but the state hash), by name. "cost" is
// short for cost_per_resident_year. Throws InputError naming the valid outcomes.
std::size_t outcome_column(const std::string& name, const std::string& option);
std::vector<std::size_t> outcome_columns(const std::string& comma_list, const std::string& option);

// The outcomes a comparison shows unless told otherwise: what a planner asks first.
std::vector<std::size_t> default_outcomes();

// Which way an outcome is better: +1 higher, -1 lower, 0 neither (a count of cases, a rate of
// disputes, a mix). Costs count as better lower; say so in words beside it.
int outcome_direction(const std::string& column);

// A readable label with unit, e.g. "response time p90 (h)"; the column name when none is known.
std::string outcome_label(const std::string& column);

}  // namespace govsim::batch
