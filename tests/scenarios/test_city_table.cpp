// The CSV city-table reader: quoting, optional columns, and a located message for every bad cell.
#include <catch2/catch.hpp>

#include "engine/errors.hpp"
#include "fixtures.hpp"
#include "scenarios/city_table.hpp"

using namespace govsim;
using govsim::test::fixture;
using govsim::test::require_input_error;

namespace {

const std::string kHeader =
    "street,community,grid,population,households,housing,elderly_share,migrant_share,area_km2,x,"
    "y\n";
const std::string kRow = "East,Riverside,R1,1200,450,commodity,0.18,0.2,0.2,0.5,-1.5\n";

void require_table_error(const std::string& text, std::initializer_list<std::string> parts) {
  require_input_error([&] { parse_city_table(text, "t.csv"); }, parts);
}

}  // namespace

TEST_CASE("a well-formed table is read row by row") {
  const auto grids = parse_city_table(
      kHeader + kRow + "East,\"Hill, North\",\"H \"\"1\"\"\",800,,old_compound,0.3,0.1,0.15,1,2\n",
      "t.csv");
  REQUIRE(grids.size() == 2);
  CHECK(grids[0].street == "East");
  CHECK(grids[0].name == "R1");
  CHECK(grids[0].population == 1200);
  CHECK(grids[0].households == 450);
  CHECK(grids[0].housing == HousingType::Commodity);
  CHECK(grids[0].elderly_share == 0.18);
  CHECK(grids[0].x == 0.5);
  CHECK(grids[0].y == -1.5);
  CHECK(grids[1].community == "Hill, North");
  CHECK(grids[1].name == "H \"1\"");
  CHECK(grids[1].households == 0);  // empty: derived later
  CHECK(grids[1].housing == HousingType::OldCompound);
}

TEST_CASE("columns may come in any order, households may be left out, BOM and CRLF are fine") {
  const std::string text =
      "\xEF\xBB\xBFy,x,area_km2,migrant_share,elderly_share,housing,population,grid,community,"
      "street\r\n"
      "1,2,0.2,0.1,0.2,urban_village,900,G,C,S\r\n"
      "\r\n";
  const auto grids = parse_city_table(text, "t.csv");
  REQUIRE(grids.size() == 1);
  CHECK(grids[0].street == "S");
  CHECK(grids[0].housing == HousingType::UrbanVillage);
  CHECK(grids[0].y == 1);
  CHECK(grids[0].households == 0);
}

TEST_CASE("a bad cell names file, line, column and the column's rule") {
  require_table_error(kHeader + kRow + "East,Riverside,R2,abc,450,commodity,0.18,0.2,0.2,0,0\n",
                      {"t.csv:3:19: column 'population': 'abc' is not a whole number ≥ 1"});
  require_table_error(kHeader + "East,Riverside,R2,0,450,commodity,0.18,0.2,0.2,0,0\n",
                      {"t.csv:2:19: column 'population': '0' is not a whole number ≥ 1"});
  require_table_error(kHeader + "East,Riverside,R2,12.5,,commodity,0.18,0.2,0.2,0,0\n",
                      {"t.csv:2:19:", "'12.5' is not a whole number"});
  require_table_error(kHeader + "East,Riverside,R2,100,,commodity,1.3,0.2,0.2,0,0\n",
                      {"t.csv:2:34: column 'elderly_share': '1.3' is out of range [0, 1]"});
  require_table_error(kHeader + "East,Riverside,R2,100,,commodity,nan,0.2,0.2,0,0\n",
                      {"column 'elderly_share': 'nan' is not a share in [0, 1]"});
  require_table_error(kHeader + "East,Riverside,R2,100,,commodity,0.1,0.2,0.2,inf,0\n",
                      {"column 'x': 'inf' is not a map position"});
  require_table_error(kHeader + "East,Riverside,R2,100,,commodity,0.1,0.2,0,0,0\n",
                      {"column 'area_km2': '0' is out of range (0, 10000]"});
  require_table_error(kHeader + "East,Riverside,R2,100,,villa,0.1,0.2,0.2,0,0\n",
                      {"t.csv:2:24: column 'housing': 'villa' is not a housing type; valid types: "
                       "'old_compound', 'commodity', 'urban_village', 'mixed'"});
  require_table_error(kHeader + "East,Riverside,R2,100,,comodity,0.1,0.2,0.2,0,0\n",
                      {"did you mean 'commodity'?"});
  require_table_error(kHeader + "East,,R2,100,,commodity,0.1,0.2,0.2,0,0\n",
                      {"t.csv:2:6: column 'community': is empty"});
  require_table_error(kHeader + "East,Riverside,R2,100,200,commodity,0.1,0.2,0.2,0,0\n",
                      {"column 'households': 200 households is more than the 100 residents"});
}

TEST_CASE("header mistakes name the nearest valid column") {
  require_table_error(
      "street,community,grid,populaton,housing,elderly_share,migrant_share,area_km2,x,y\n",
      {"t.csv:1:23: unknown column 'populaton'; did you mean 'population'?"});
  require_table_error("street,community,grid,housing,elderly_share,migrant_share,area_km2,x,y\n",
                      {"t.csv:1:1: missing column 'population'"});
  require_table_error("street,street\n", {"t.csv:1:8: column 'street' appears twice"});
  require_table_error("", {"t.csv:1:1: empty city table"});
  require_table_error(kHeader, {"t.csv: city table has a header but no grids"});
}

TEST_CASE("row shape, quoting and repeats are checked") {
  require_table_error(kHeader + "East,Riverside,R2,100\n",
                      {"t.csv:2: row has 4 cells, the header has 11"});
  require_table_error(kHeader + "East,\"Riverside,R2,100,,commodity,0.1,0.2,0.2,0,0\n",
                      {"t.csv:2:6: quoted cell is never closed"});
  require_table_error(kHeader + "East,\"River\"side,R2,100,,commodity,0.1,0.2,0.2,0,0\n",
                      {"t.csv:2:13: text after the closing quote"});
  require_table_error(kHeader + kRow + kRow, {"t.csv:3:16: column 'grid': grid 'R1' of community "
                                              "'Riverside' appears twice (first on line 2)"});
}

TEST_CASE("size limits hold") {
  require_table_error(kHeader + "E,R,1,30000000,,commodity,0.1,0.2,0.2,0,0\n" +
                          "E,R,2,30000000,,commodity,0.1,0.2,0.2,0,0\n",
                      {"t.csv:3:7: column 'population': total population passes 50000000"});
  require_table_error(kHeader + "E,R,1,60000000,,commodity,0.1,0.2,0.2,0,0\n",
                      {"'60000000' is more than 50000000"});
  require_table_error(kHeader + std::string(70000, 'x') + "\n",
                      {"t.csv:2: line is longer than 65536 bytes"});
}

TEST_CASE("files are read from disk, and a missing file is named") {
  require_input_error([] { read_city_table(fixture("broken/bad-city.csv")); },
                      {"broken/bad-city.csv:3:19: column 'population'"});
  require_input_error([] { read_city_table(fixture("broken/no-such.csv")); },
                      {"broken/no-such.csv: cannot open city table: no such file"});
}
