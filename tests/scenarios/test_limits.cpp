// Inputs far beyond anything sensible: absurd sizes, values that are not numbers, huge strings,
// deep nesting, alias bombs, long `extends` chains, and city tables and GeoJSON files that are too
// large. Each must be refused with an InputError that names the file, the line when known, the
// field and what would be valid, quickly and before anything large is allocated. The caps are in
// sim/limits.hpp.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "model/limits.hpp"
#include "scenarios/city_table.hpp"
#include "scenarios/geojson_city.hpp"
#include "scenarios/loader.hpp"

using govsim::load_scenario;
using govsim::test::require_input_error;
namespace fs = std::filesystem;

namespace {

// Sanitizers slow the readers down several times; the budgets below are for a normal build.
#ifdef GOVSIM_TEST_SANITIZED
constexpr double kSlowdown = 20;
#else
constexpr double kSlowdown = 1;
#endif
constexpr double kSecondsBudget = 2;
// The most the test process may have in memory at its peak: the readers must refuse before they
// allocate in proportion to an absurd input. (Every test case runs in its own process.)
constexpr long kPeakRssBudgetKiB = 300 * 1024;

// A folder of its own for each test case, under the build tree.
fs::path work_dir(const std::string& name) {
  const fs::path dir = fs::path(GOVSIM_BINARY_DIR) / "tests" / "limits" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

[[maybe_unused]] long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

// load() must throw an InputError naming every part, within the time budget.
template <class F>
void require_quick_refusal(F&& load, std::initializer_list<std::string> parts) {
  const auto start = std::chrono::steady_clock::now();
  require_input_error(load, parts);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < kSecondsBudget * kSlowdown);
}

void require_small_peak() {
#ifndef GOVSIM_TEST_SANITIZED  // sanitizers keep freed memory in quarantine
  INFO("peak RSS " << peak_rss_kib() << " KiB");
  CHECK(peak_rss_kib() < kPeakRssBudgetKiB);
#endif
}

void require_scenario_error(const std::string& path, std::initializer_list<std::string> parts) {
  require_quick_refusal([&] { load_scenario(path); }, parts);
}

void require_set_error(const std::string& set, std::initializer_list<std::string> parts) {
  require_quick_refusal([&] { load_scenario("baseline", {set}); }, parts);
}

const std::string kHeader =
    "street,community,grid,population,households,housing,elderly_share,migrant_share,area_km2,x,"
    "y\n";

std::string feature(const std::string& grid, const std::string& coordinates,
                    const std::string& population = "100") {
  return R"({"type": "Feature", "properties": {"street": "S", "community": "C", "grid": ")" + grid +
         R"(", "population": )" + population +
         R"(, "housing": "mixed", "elderly_share": 0.1, "migrant_share": 0.1},
  "geometry": {"type": "Polygon", "coordinates": )" +
         coordinates + "}}";
}

std::string collection(const std::string& features, const std::string& units = "") {
  return R"({"type": "FeatureCollection", )" +
         (units.empty() ? "" : R"("units": ")" + units + R"(", )") + R"("features": [)" + features +
         "]}";
}

const std::string kSquare = "[[[0, 0], [0.01, 0], [0.01, 0.01], [0, 0.01], [0, 0]]]";

}  // namespace

TEST_CASE("absurd sizes in a scenario file are out of range, with the range") {
  const fs::path dir = work_dir("sizes");
  struct Case {
    const char* file;
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"residents.yaml", "city: {residents: 1e12}\n",
       "residents.yaml:1:19: city.residents: 1e12 is out of range [1, 50000000]"},
      {"days.yaml", "run: {days: 1000000000}\n",
       "days.yaml:1:13: run.days: 1000000000 is out of range [1, 36500]"},
      {"grids.yaml", "city: {grids: 1e9}\n",
       "grids.yaml:1:15: city.grids: 1e9 is out of range [1, 1000000]"},
      {"communities.yaml", "city: {communities: 1000000000}\n",
       "communities.yaml:1:21: city.communities: 1000000000 is out of range [1, 100000]"},
      {"streets.yaml", "city:\n  streets: 99999999999999999999999\n",
       "streets.yaml:2:12: city.streets: 99999999999999999999999 is out of range [1, 10000]"},
      {"staff.yaml", "governance: {staffing: {grid_workers_per_grid: 1e9}}\n",
       "staff.yaml:1:48: governance.staffing.grid_workers_per_grid: 1e9 is out of range [0, 20]"},
      {"volunteers.yaml", "governance: {volunteers: {per_1k: 1e300}}\n",
       "volunteers.yaml:1:35: governance.volunteers.per_1k: 1e300 is out of range [0, 200]"},
      {"handlers.yaml", "model: {queue_handlers: 1e12}\n",
       "handlers.yaml:1:25: model.queue_handlers: 1e12 is out of range [1, 100000]"},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    require_scenario_error(write(dir / c.file, c.text), {c.message});
  }
}

TEST_CASE("absurd sizes given with --set are out of range, with the range") {
  require_set_error("city.residents=1e12",
                    {"<command line>: --set city.residents: 1e12 is out of range [1, 50000000]"});
  require_set_error("run.days=1000000000",
                    {"--set run.days: 1000000000 is out of range [1, 36500]"});
  require_set_error("city.grids=1e9", {"--set city.grids: 1e9 is out of range [1, 1000000]"});
  require_set_error("city.communities=1e9",
                    {"--set city.communities: 1e9 is out of range [1, 100000]"});
  require_set_error(
      "governance.staffing.grid_workers_per_grid=1e9",
      {"--set governance.staffing.grid_workers_per_grid: 1e9 is out of range [0, 20]"});
  require_set_error("governance.mediators.per_street=1e9",
                    {"--set governance.mediators.per_street: 1e9 is out of range [0, 500]"});
}

TEST_CASE("negative, NaN and infinite numbers are refused with the valid range") {
  const fs::path dir = work_dir("not-finite");
  require_scenario_error(write(dir / "negative.yaml", "city: {residents: -5}\n"),
                         {"negative.yaml:1:19: city.residents: -5 is out of range [1, 50000000]"});
  require_scenario_error(
      write(dir / "nan.yaml", "governance: {legal_clarity: .nan}\n"),
      {"nan.yaml:1:29: governance.legal_clarity: expected a number in [0, 1], got '.nan'"});
  require_scenario_error(
      write(dir / "inf.yaml", "governance: {platform: {level: .inf}}\n"),
      {"inf.yaml:1:32: governance.platform.level: expected a number in [0, 1], got '.inf'"});
  require_scenario_error(
      write(dir / "minus-inf.yaml", "model: {report_delay_h: -.inf}\n"),
      {"minus-inf.yaml:1:25: model.report_delay_h: expected a number in [0, 10000], got '-.inf'"});
  require_scenario_error(
      write(dir / "nan-whole.yaml", "run: {days: .NaN}\n"),
      {"nan-whole.yaml:1:13: run.days: expected a whole number in [1, 36500], got '.NaN'"});
  require_scenario_error(
      write(dir / "overflow.yaml", "model: {trust_rate: 1e999}\n"),
      {"overflow.yaml:1:21: model.trust_rate: expected a number in [0, 1], got '1e999'"});
  for (const char* text : {"nan", "NaN", ".nan", "inf", "-inf", ".inf", "-.Inf", "infinity",
                           "1e999", "-1e999", "0x10"}) {
    INFO(text);
    require_set_error(std::string("governance.platform.level=") + text,
                      {"--set governance.platform.level: expected a number in [0, 1]"});
    require_set_error(std::string("city.residents=") + text,
                      {"--set city.residents: expected a whole number in [1, 50000000]"});
  }
  require_set_error("governance.platform.level=-0.5",
                    {"--set governance.platform.level: -0.5 is out of range [0, 1]"});
}

TEST_CASE("a 50 MB scalar and a 10 MB key are refused by the file-size cap before parsing") {
  const fs::path dir = work_dir("huge-strings");
  require_scenario_error(
      write(dir / "huge-scalar.yaml", "name: \"" + std::string(50 * 1024 * 1024, 'x') + "\"\n"),
      {"huge-scalar.yaml: larger than 1 MiB; scenario files are limited to 1 MiB"});
  require_scenario_error(write(dir / "huge-key.yaml", std::string(10 * 1024 * 1024, 'k') + ": 1\n"),
                         {"huge-key.yaml: larger than 1 MiB"});
  // The same text as a file's own `extends` parent.
  write(dir / "child.yaml", "extends: huge-scalar.yaml\n");
  require_scenario_error((dir / "child.yaml").string(), {"huge-scalar.yaml: larger than 1 MiB"});
  // Under the cap, a key too long for YAML is a located syntax error, not echoed whole.
  try {
    load_scenario(write(dir / "long-key.yaml", std::string(900 * 1024, 'k') + ": 1\n"));
    FAIL("no InputError");
  } catch (const govsim::InputError& e) {
    const std::string message = e.what();
    CHECK(message.find("long-key.yaml:1:") != std::string::npos);
    CHECK(message.find("YAML syntax error") != std::string::npos);  // a key of over 1024 chars
    CHECK(message.size() < 2000);
  }
  require_small_peak();
}

TEST_CASE("10 000 levels of nesting stop at the depth cap, in every YAML style") {
  const fs::path dir = work_dir("deep");
  const std::string depth = "nested more than 32 levels deep";
  require_scenario_error(write(dir / "flow-lists.yaml",
                               "run: " + std::string(10000, '[') + std::string(10000, ']') + "\n"),
                         {"flow-lists.yaml:1:", depth});
  std::string maps;
  for (int i = 0; i < 10000; ++i) maps += "{a: ";
  maps += "1" + std::string(10000, '}');
  require_scenario_error(write(dir / "flow-maps.yaml", "run: " + maps + "\n"),
                         {"flow-maps.yaml:1:", depth});
  std::string dashes;
  for (int i = 0; i < 10000; ++i) dashes += "- ";
  require_scenario_error(write(dir / "block-lists.yaml", "run:\n  " + dashes + "1\n"),
                         {"block-lists.yaml:2:", depth});
  // Block maps indented one space per level: 1 400 levels fit in 1 MiB, 10 000 do not.
  std::string block;
  for (int i = 0; i < 1400; ++i) block += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  require_scenario_error(write(dir / "block-maps.yaml", block), {"block-maps.yaml:", depth});
  std::string deeper;
  for (int i = 0; i < 10000; ++i) deeper += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  require_scenario_error(write(dir / "block-maps-10000.yaml", deeper),
                         {"block-maps-10000.yaml: larger than 1 MiB"});
  require_small_peak();
}

TEST_CASE("a file of half a million tiny values is refused before they are built") {
  const fs::path dir = work_dir("wide");
  std::string list = "name: wide\nitems: [";
  for (int i = 0; i < 500000; ++i) list += "1,";
  list += "1]\n";
  require_scenario_error(write(dir / "wide.yaml", list),
                         {"wide.yaml:2:",
                          "more than 20000 keys and values; a scenario file holds "
                          "at most 20000"});
  std::string keys;
  for (int i = 0; i < 90000; ++i) keys += "k" + std::to_string(i) + ": 1\n";
  require_scenario_error(write(dir / "keys.yaml", keys), {"keys.yaml:", "more than 20000 keys"});
  require_small_peak();
}

TEST_CASE("a billion-laughs alias bomb stops at the value cap") {
  const fs::path dir = work_dir("laughs");
  std::string text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 10; ++i) {
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 9; ++k) text += (k ? ", *a" : "*a") + std::to_string(i - 1);
    text += "]\n";
  }
  require_scenario_error(write(dir / "laughs.yaml", text),
                         {"laughs.yaml:",
                          "more than 20000 values (anchors and aliases counted "
                          "once per use)"});
  require_small_peak();
}

TEST_CASE("a 1 000-file extends chain stops at the chain cap; cycles are named") {
  const fs::path dir = work_dir("chain");
  for (int i = 0; i < 1000; ++i) {
    write(dir / ("c" + std::to_string(i) + ".yaml"),
          i < 999 ? "extends: c" + std::to_string(i + 1) + ".yaml\n" : "name: end\n");
  }
  require_scenario_error((dir / "c0.yaml").string(),
                         {"c15.yaml:1:10: extends: more than 16 files deep", "c0.yaml -> "});
  write(dir / "a.yaml", "extends: b.yaml\n");
  write(dir / "b.yaml", "extends: a.yaml\n");
  require_scenario_error((dir / "a.yaml").string(), {"b.yaml:1:10: extends: cycle: ", "a.yaml"});
  require_scenario_error(write(dir / "self.yaml", "extends: self.yaml\n"),
                         {"self.yaml:1:10: extends: cycle: "});
}

TEST_CASE("city tables: absurd numbers, NaN, and too many rows or bytes") {
  const fs::path dir = work_dir("csv");
  const auto table = [&](const std::string& name, const std::string& row) {
    write(dir / name, kHeader + row);
    return (dir / name).string();
  };
  using govsim::read_city_table;
  require_quick_refusal(
      [&] { read_city_table(table("nan.csv", "S,C,G,100,,mixed,nan,0.1,0.5,0,0\n")); },
      {"nan.csv:2:", "column 'elderly_share': 'nan' is not a share in [0, 1]"});
  require_quick_refusal(
      [&] { read_city_table(table("inf.csv", "S,C,G,100,,mixed,0.1,0.1,0.5,inf,0\n")); },
      {"inf.csv:2:", "column 'x': 'inf' is not a map position in km in [-100000, 100000]"});
  require_quick_refusal(
      [&] { read_city_table(table("far.csv", "S,C,G,100,,mixed,0.1,0.1,0.5,1e300,0\n")); },
      {"far.csv:2:", "column 'x': '1e300' is out of range [-100000, 100000]"});
  require_quick_refusal(
      [&] { read_city_table(table("people.csv", "S,C,G,1e12,,mixed,0.1,0.1,0.5,0,0\n")); },
      {"people.csv:2:", "column 'population': '1e12' is more than 50000000"});
  require_quick_refusal(
      [&] { read_city_table(table("negative.csv", "S,C,G,-4,,mixed,0.1,0.1,0.5,0,0\n")); },
      {"negative.csv:2:", "column 'population': '-4' is not a whole number ≥ 1"});
  require_quick_refusal(
      [&] {
        read_city_table(
            table("long.csv", std::string(100 * 1024, 'S') + ",C,G,1,,mixed,0,0,1,0,0\n"));
      },
      {"long.csv:2: line is longer than 65536 bytes"});

  // A file over the size cap (sparse: it takes no disk) is refused before it is read.
  const fs::path huge = dir / "huge.csv";
  write(huge, kHeader);
  fs::resize_file(huge, govsim::limits::kTableBytes + 1);
  require_quick_refusal([&] { read_city_table(huge.string()); },
                        {"huge.csv: city table is larger than 256 MiB"});
  fs::remove(huge);

  // One row more than the grid cap.
  const fs::path rows = dir / "rows.csv";
  {
    std::ofstream out(rows, std::ios::binary);
    out << kHeader;
    for (std::int64_t i = 0; i <= govsim::limits::kGrids; ++i)
      out << "S,C,G" << i << ",1,,mixed,0,0,1,0,0\n";
  }
  require_quick_refusal([&] { read_city_table(rows.string()); },
                        {"rows.csv:1000002:", "more than 1000000 grids"});
  fs::remove(rows);
  require_small_peak();
}

TEST_CASE("GeoJSON cities: NaN, huge numbers, deep nesting, and too many bytes or vertices") {
  const fs::path dir = work_dir("geojson");
  using govsim::read_geojson_city;
  const auto file = [&](const std::string& name, const std::string& text) {
    return write(dir / name, text);
  };
  require_quick_refusal(
      [&] {
        read_geojson_city(
            file("nan.geojson", collection(feature("G", "[[[0, 0], [NaN, 0], [0, 1], [0, 0]]]"))));
      },
      {"nan.geojson:2:", "JSON syntax error"});
  require_quick_refusal(
      [&] {
        read_geojson_city(file("big.geojson",
                               collection(feature("G", "[[[0, 0], [1e400, 0], [0, 1], [0, 0]]]"))));
      },
      {"big.geojson:2:", "number overflow parsing '1e400'; numbers must be finite"});
  require_quick_refusal(
      [&] {
        read_geojson_city(
            file("far.geojson",
                 collection(feature("G", "[[[0, 0], [1e300, 0], [0, 1], [0, 0]]]"), "km")));
      },
      {"far.geojson: features[0] (grid 'G'): geometry.coordinates[0][1]: is more than 100000 km "
       "from the origin"});
  require_quick_refusal(
      [&] { read_geojson_city(file("people.geojson", collection(feature("G", kSquare, "1e12")))); },
      {"people.geojson: features[0] (grid 'G'): properties.population: 1e+12 is not a whole number "
       "from 1 to 50000000"});
  require_quick_refusal(
      [&] {
        read_geojson_city(file("deep.geojson", R"({"type": "FeatureCollection", "features": )" +
                                                   std::string(10000, '[') +
                                                   std::string(10000, ']') + "}"));
      },
      {"deep.geojson:1:", "nested more than 32 levels deep"});

  // Past the value cap, parsing stops there: the tree of values never holds the whole file.
  std::string ring = "[[";
  const std::size_t vertices = govsim::limits::kGeoJsonValues / 3 + 1000;
  ring.reserve(vertices * 7);
  for (std::size_t i = 0; i < vertices; ++i) ring += "[0, 0],";
  ring += "[0, 0]]]";
  require_quick_refusal(
      [&] { read_geojson_city(file("vertices.geojson", collection(feature("G", ring), "km"))); },
      {"vertices.geojson:",
       "more than 2000000 JSON values (a vertex is three); a GeoJSON city "
       "holds at most 600000 vertices"});
  std::string().swap(ring);
  fs::remove(dir / "vertices.geojson");

  const fs::path huge = dir / "huge.geojson";
  write(huge, "{}");
  fs::resize_file(huge, govsim::limits::kGeoJsonBytes + 1);
  require_quick_refusal([&] { read_geojson_city(huge.string()); },
                        {"huge.geojson: GeoJSON city is larger than 64 MiB"});
  fs::remove(huge);
  require_small_peak();
}
