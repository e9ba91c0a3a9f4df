#include "scenarios/city_table.hpp"

#include <array>
#include <cmath>
#include <optional>
#include <unordered_map>

#include "engine/errors.hpp"
#include "engine/input_text.hpp"
#include "model/limits.hpp"
#include "scenarios/bounded_file.hpp"
#include "scenarios/csv_reader.hpp"

namespace govsim {
namespace {

enum Column : std::size_t {
  kStreet,
  kCommunity,
  kGrid,
  kPopulation,
  kHouseholds,
  kHousing,
  kElderly,
  kMigrant,
  kArea,
  kX,
  kY,
  kColumnCount
};
constexpr std::array<const char*, kColumnCount> kColumnNames{
    "street",        "community",     "grid",     "population", "households", "housing",
    "elderly_share", "migrant_share", "area_km2", "x",          "y"};

// Maps each known column to its position in the header; unknown and repeated names are errors.
std::array<std::optional<std::size_t>, kColumnCount> read_header(const CsvReader& csv,
                                                                 const std::vector<Cell>& header) {
  const std::vector<std::string> names(kColumnNames.begin(), kColumnNames.end());
  std::array<std::optional<std::size_t>, kColumnCount> index{};
  for (std::size_t i = 0; i < header.size(); ++i) {
    const Cell& cell = header[i];
    std::size_t k = 0;
    while (k < kColumnCount && cell.text != kColumnNames[k]) ++k;
    if (k == kColumnCount) {
      csv.fail(cell.line, cell.column,
               "unknown column " + quoted_for_message(cell.text) +
                   suggestion(cell.text, names, "columns"));
    }
    if (index[k]) csv.fail(cell.line, cell.column, "column '" + cell.text + "' appears twice");
    index[k] = i;
  }
  for (std::size_t k = 0; k < kColumnCount; ++k) {
    if (!index[k] && k != kHouseholds) {
      csv.fail(header.front().line, 1,
               std::string("missing column '") + kColumnNames[k] +
                   "'; the header must name: " + quoted_list(names) + " ('households' optional)");
    }
  }
  return index;
}

// Converts one row's cells, each checked against its column's meaning.
class RowReader {
 public:
  RowReader(const CsvReader& csv, const std::vector<Cell>& cells,
            const std::array<std::optional<std::size_t>, kColumnCount>& index)
      : csv_(csv), cells_(cells), index_(index) {}

  bool present(Column c) const { return index_[c].has_value() && !cell(c).text.empty(); }
  const Cell& cell(Column c) const { return cells_[*index_[c]]; }

  [[noreturn]] void fail(Column c, const std::string& problem) const {
    csv_.fail(cell(c).line, cell(c).column,
              std::string("column '") + kColumnNames[c] + "': " + problem);
  }
  [[noreturn]] void fail_value(Column c, const std::string& expected) const {
    const std::string& text = cell(c).text;
    if (text.empty()) fail(c, "is empty; expected " + expected);
    fail(c, quoted_for_message(text) + " is not " + expected);
  }

  std::string name(Column c) const {
    const std::string& text = cell(c).text;
    if (text.empty()) fail(c, "is empty; every grid needs a " + std::string(kColumnNames[c]));
    if (text.size() > limits::kNameBytes) {
      fail(c, "name is longer than " + std::to_string(limits::kNameBytes) + " bytes");
    }
    return text;
  }

  std::int64_t whole(Column c, std::int64_t max) const {
    const std::optional<double> value = parse_finite(cell(c).text);
    if (!value || *value < 1 || std::floor(*value) != *value) fail_value(c, "a whole number ≥ 1");
    if (*value > static_cast<double>(max)) {
      fail(c, quoted_for_message(cell(c).text) + " is more than " + std::to_string(max));
    }
    return static_cast<std::int64_t>(*value);
  }

  double number(Column c, double lo, double hi, bool open_below, const char* what) const {
    const std::optional<double> value = parse_finite(cell(c).text);
    const std::string range =
        (open_below ? "(" : "[") + format_number(lo) + ", " + format_number(hi) + "]";
    if (!value) fail_value(c, std::string(what) + " in " + range);
    if (*value < lo || (open_below && *value == lo) || *value > hi) {
      fail(c, quoted_for_message(cell(c).text) + " is out of range " + range);
    }
    return *value;
  }

  HousingType housing() const {
    const std::string& text = cell(kHousing).text;
    for (std::size_t i = 0; i < kHousingNames.size(); ++i) {
      if (text == kHousingNames[i]) return static_cast<HousingType>(i);
    }
    const std::vector<std::string> names(kHousingNames.begin(), kHousingNames.end());
    fail_value(kHousing, "a housing type" + suggestion(text, names, "types"));
  }

 private:
  const CsvReader& csv_;
  const std::vector<Cell>& cells_;
  const std::array<std::optional<std::size_t>, kColumnCount>& index_;
};

GridRecord read_row(const RowReader& row) {
  GridRecord g;
  g.street = row.name(kStreet);
  g.community = row.name(kCommunity);
  g.name = row.name(kGrid);
  g.population = row.whole(kPopulation, limits::kResidents);
  if (row.present(kHouseholds)) {
    g.households = row.whole(kHouseholds, limits::kResidents);
    if (g.households > g.population) {
      row.fail(kHouseholds, std::to_string(g.households) + " households is more than the " +
                                std::to_string(g.population) + " residents");
    }
  }
  g.housing = row.housing();
  g.elderly_share = row.number(kElderly, 0, 1, false, "a share");
  g.migrant_share = row.number(kMigrant, 0, 1, false, "a share");
  g.area_km2 = row.number(kArea, 0, limits::kGridAreaKm2, true, "an area");
  g.x = row.number(kX, -limits::kMapKm, limits::kMapKm, false, "a map position in km");
  g.y = row.number(kY, -limits::kMapKm, limits::kMapKm, false, "a map position in km");
  return g;
}

}  // namespace

std::vector<GridRecord> parse_city_table(std::string_view text, const std::string& file) {
  CsvReader csv(text, file);
  std::vector<Cell> cells;
  if (!csv.next(cells)) {
    csv.fail(1, 1, "empty city table; expected a header row naming the columns");
  }
  const auto index = read_header(csv, cells);
  const std::size_t width = cells.size();
  const std::size_t max_rows = static_cast<std::size_t>(limits::kGrids);
  if (const int line = csv.line_of_record(max_rows + 1)) {
    csv.fail(line, 0,
             "more than " + std::to_string(max_rows) + " grids; a city table holds at most " +
                 std::to_string(max_rows) + " rows");
  }

  std::vector<GridRecord> grids;
  std::unordered_map<std::string, int> first_line;  // street/community/grid -> line
  std::int64_t population = 0;
  while (csv.next(cells)) {
    const int line = csv.record_line();
    if (grids.size() == max_rows) {
      csv.fail(line, 0, "more than " + std::to_string(max_rows) + " grids");
    }
    if (cells.size() != width) {
      csv.fail(line, 0,
               "row has " + std::to_string(cells.size()) + " cells, the header has " +
                   std::to_string(width));
    }
    const RowReader row(csv, cells, index);
    GridRecord grid = read_row(row);
    const auto [it, fresh] =
        first_line.emplace(grid.street + '\x1f' + grid.community + '\x1f' + grid.name, line);
    if (!fresh) {
      row.fail(kGrid, "grid '" + grid.name + "' of community '" + grid.community +
                          "' appears twice (first on line " + std::to_string(it->second) + ")");
    }
    population += grid.population;
    if (population > limits::kResidents) {
      row.fail(kPopulation, "total population passes " + std::to_string(limits::kResidents));
    }
    grids.push_back(std::move(grid));
  }
  if (grids.empty()) csv.fail(0, 0, "city table has a header but no grids");
  return grids;
}

std::vector<GridRecord> read_city_table(const std::string& path) {
  const std::string text = read_bounded_file(
      path, limits::kTableBytes, bounded_file_messages("city table", limits::kTableBytes));
  return parse_city_table(text, path);
}

}  // namespace govsim
