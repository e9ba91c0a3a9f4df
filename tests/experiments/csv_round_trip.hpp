// Reads exported CSV files back and checks them against the store they came from.
#pragma once

#include <catch2/catch.hpp>
#include <charconv>
#include <cmath>
#include <map>
#include <string>

#include "csv_reader.hpp"
#include "experiments/store.hpp"
#include "store_fixtures.hpp"

namespace govsim::batch::testing {

// Reads a cell back from its CSV text, for the column's kind.
inline Cell parse_cell(const std::string& text, CellKind kind) {
  switch (kind) {
    case CellKind::Integer:
      return Cell::integer(std::stoll(text));
    case CellKind::Hash:
      return Cell::hash(std::stoull(text, nullptr, 16));
    case CellKind::Real:
      break;
  }
  if (text.empty()) return Cell::real(NAN);
  double x = 0;
  std::from_chars(text.data(), text.data() + text.size(), x);
  return Cell::real(x);
}

// The check the acceptance asks for: what the CSV files say is what the database holds, to
// the bit. Used on a synthetic store and on real runs.
inline void check_csv_round_trip(const Store& store, const std::string& dir) {
  const auto& sum = summary_columns();
  const auto& day = series_columns();
  const CsvTable summaries = read_csv(dir + "/summaries.csv");
  const std::map<std::string, CellRow> stored = store.summaries();
  std::map<std::string, CellRow> read;
  const std::size_t key = summaries.column("run_key");
  const std::size_t metric = summaries.column("metric");
  const std::size_t value = summaries.column("value");
  REQUIRE(value < summaries.header.size());
  for (const auto& row : summaries.rows) {
    CellRow& cells = read[row[key]];
    const std::size_t c = cells.size();
    REQUIRE(c < sum.size());
    CHECK(row[metric] == sum[c].name);
    cells.push_back(parse_cell(row[value], sum[c].kind));
  }
  REQUIRE(read.size() == stored.size());
  for (const auto& [run, cells] : stored) CHECK(same_cells(read.at(run), cells));

  const CsvTable series = read_csv(dir + "/series.csv");
  std::map<std::string, std::vector<CellRow>> days;
  const std::size_t skey = series.column("run_key");
  const std::size_t sday = series.column("day");
  const std::size_t smetric = series.column("metric");
  const std::size_t svalue = series.column("value");
  for (const auto& row : series.rows) {
    std::vector<CellRow>& run = days[row[skey]];
    if (run.empty() || run.back().size() == day.size()) {
      run.push_back({Cell::integer(std::stoll(row[sday]))});
    }
    const std::size_t c = run.back().size();
    CHECK(row[smetric] == day[c].name);
    run.back().push_back(parse_cell(row[svalue], day[c].kind));
  }
  REQUIRE(days.size() == stored.size());
  for (const auto& [run, rows] : days) {
    const std::vector<CellRow> expected = store.series(run);
    REQUIRE(rows.size() == expected.size());
    for (std::size_t d = 0; d < rows.size(); ++d) CHECK(same_cells(rows[d], expected[d]));
  }

  const CsvTable runs = read_csv(dir + "/runs.csv");
  const std::vector<RunRow> stored_runs = store.runs();
  REQUIRE(runs.rows.size() == stored_runs.size());
  for (std::size_t i = 0; i < runs.rows.size(); ++i) {
    CHECK(runs.rows[i][runs.column("run_key")] == stored_runs[i].key);
    CHECK(runs.rows[i][runs.column("label")] == stored_runs[i].label);
    CHECK(std::stoull(runs.rows[i][runs.column("seed")]) == stored_runs[i].seed);
    CHECK(std::stod(runs.rows[i][runs.column("wall_seconds")]) == stored_runs[i].wall_seconds);
  }
}

}  // namespace govsim::batch::testing
