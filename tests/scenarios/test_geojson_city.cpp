// The GeoJSON city reader: outlines to areas and positions, degrees to km, the scenario hook
// (`city.table: x.geojson`), and a message naming the feature and property for each mistake.
#include <catch2/catch.hpp>
#include <cmath>

#include "engine/errors.hpp"
#include "fixtures.hpp"
#include "model/city.hpp"
#include "scenarios/geojson_city.hpp"
#include "scenarios/loader.hpp"

using namespace govsim;
using govsim::test::fixture;
using govsim::test::require_input_error;

namespace {

// One feature with the given properties (JSON text) and ring (JSON text), in km.
std::string collection(const std::string& props, const std::string& ring,
                       const std::string& units = "\"units\": \"km\", ") {
  return "{\"type\": \"FeatureCollection\", " + units +
         "\"features\": [{\"type\": \"Feature\", \"properties\": {" + props +
         "}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [" + ring + "]}}]}";
}

const std::string kProps =
    "\"street\": \"S\", \"community\": \"C\", \"grid\": \"G1\", \"population\": 1000, "
    "\"housing\": \"mixed\", \"elderly_share\": 0.2, \"migrant_share\": 0.1";
const std::string kSquare = "[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]";

void require_geojson_error(const std::string& text, std::initializer_list<std::string> parts) {
  require_input_error([&] { parse_geojson_city(text, "d.geojson"); }, parts);
}

}  // namespace

TEST_CASE("a GeoJSON grid gets its area and centroid from the outline") {
  const auto grids = parse_geojson_city(collection(kProps, kSquare), "d.geojson");
  REQUIRE(grids.size() == 1);
  CHECK(grids[0].street == "S");
  CHECK(grids[0].community == "C");
  CHECK(grids[0].name == "G1");
  CHECK(grids[0].population == 1000);
  CHECK(grids[0].households == 0);  // left out: derived later
  CHECK(grids[0].housing == HousingType::Mixed);
  CHECK(grids[0].area_km2 == Approx(4.0));
  CHECK(grids[0].x == Approx(1.0));
  CHECK(grids[0].y == Approx(1.0));
  REQUIRE(grids[0].polygon.size() == 1);
  CHECK(grids[0].polygon[0].size() == 4);  // the closing position is dropped
}

TEST_CASE("holes are subtracted from the area, and a MultiPolygon's parts are added") {
  const std::string with_hole = kSquare + ", [[0.5, 0.5], [1.5, 0.5], [1.5, 1.5], [0.5, 1.5]]";
  CHECK(parse_geojson_city(collection(kProps, with_hole), "d.geojson")[0].area_km2 == Approx(3.0));
  const std::string multi =
      "{\"type\": \"FeatureCollection\", \"units\": \"km\", \"features\": [{\"type\": "
      "\"Feature\", \"properties\": {" +
      kProps +
      "}, \"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": [[[[0,0],[1,0],[1,1],[0,1]]],"
      " [[[3,0],[4,0],[4,1],[3,1]]]]}}]}";
  const auto grids = parse_geojson_city(multi, "d.geojson");
  CHECK(grids[0].area_km2 == Approx(2.0));
  CHECK(grids[0].x == Approx(2.0));
  CHECK(grids[0].polygon.size() == 2);
}

TEST_CASE("longitude and latitude are projected to km around the middle of the collection") {
  // 0.01 degree square at 40 N: 0.853 km east-west, 1.106 km north-south.
  const std::string ring =
      "[[116.40, 39.995], [116.41, 39.995], [116.41, 40.005], [116.40, 40.005]]";
  const auto grids = parse_geojson_city(collection(kProps, ring, ""), "d.geojson");
  CHECK(grids[0].area_km2 == Approx(0.8528 * 1.10574).epsilon(0.002));
  CHECK(std::fabs(grids[0].x) < 1e-9);
  CHECK(std::fabs(grids[0].y) < 1e-9);
}

TEST_CASE("a GeoJSON file in city.table builds a city with outlines") {
  const Scenario s = load_scenario(fixture("geojson/uses-geojson.yaml"));
  REQUIRE(s.grid_table.size() == 2);
  CHECK(s.grid_table[1].area_km2 == Approx(2.0));
  CHECK(s.grid_table[1].x == Approx(2.0));
  const City city = build_city(s);
  REQUIRE(city.grid_polygons.size() == 2);
  CHECK(city.grid_polygons[0][0].size() == 4);
  CHECK(city.grid_households[0] == 450);
}

TEST_CASE("the shipped GeoJSON district loads with 30 outlined grids in 3 streets") {
  const Scenario s = load_scenario("geojson-district");
  REQUIRE(s.grid_table.size() == 30);
  const City city = build_city(s);
  CHECK(city.streets == 3);
  CHECK(city.communities == 9);
  REQUIRE(city.grid_polygons.size() == 30);
  for (std::uint32_t g = 0; g < city.grids; ++g) {
    INFO("grid " << city.grid_names[g]);
    CHECK(city.grid_area_km2[g] > 0.05f);
    CHECK(city.grid_area_km2[g] < 0.6f);
    CHECK(city.grid_polygons[g].size() == 1);
  }
}

TEST_CASE("a number past the range of a double is an input error at its place") {
  // fuzz_geojson: nlohmann's out_of_range exception (number overflow) escaped the reader.
  require_geojson_error(
      "{\"type\": \"FeatureCollection\",\n \"features\": [1e400]}",
      {"d.geojson:2:15: number overflow parsing '1e400'; numbers must be finite"});
  require_geojson_error(collection(kProps, kSquare, "\"bbox\": [71e30860], "),
                        {"d.geojson:", "number overflow parsing '71e30860'"});
}

TEST_CASE("GeoJSON mistakes name the feature and the property") {
  require_geojson_error("{\"type\": \"FeatureCollection\", \"features\": [}",
                        {"d.geojson:1:", "JSON syntax error"});
  require_geojson_error("[1, 2]", {"d.geojson", "expected a GeoJSON FeatureCollection"});
  require_geojson_error("{\"type\": \"FeatureCollection\", \"features\": []}",
                        {"features: the collection holds no grids"});
  require_geojson_error(collection(kProps, kSquare, "\"units\": \"miles\", "),
                        {"units: expected \"degrees\"", "'miles'"});
  std::string bad = kProps;
  bad.replace(bad.find("1000"), 4, "\"many\"");
  require_geojson_error(collection(bad, kSquare),
                        {"d.geojson: features[0] (grid 'G1'): properties.population: expected a "
                         "whole number from 1 to 50000000, got 'many'"});
  bad = kProps;
  bad.replace(bad.find("\"mixed\""), 7, "\"mixd\"");
  require_geojson_error(
      collection(bad, kSquare),
      {"properties.housing: 'mixd' is not a housing type; did you mean 'mixed'?"});
  bad = kProps;
  bad.replace(bad.find("0.2"), 3, "1.5");
  require_geojson_error(collection(bad, kSquare),
                        {"properties.elderly_share: 1.5 is out of range [0, 1]"});
  require_geojson_error(collection("\"grid\": \"G1\"", kSquare),
                        {"features[0] (grid 'G1'): properties.street: missing"});
  require_geojson_error(collection(kProps, "[[0, 0], [1, 0], [0, 0]]"),
                        {"geometry.coordinates[0]: a ring needs at least 3 distinct positions"});
  require_geojson_error(collection(kProps, "[[0, 0], [1, 0], [2, 0], [0, 0]]"),
                        {"geometry: the outline encloses no area"});
  require_geojson_error(collection(kProps, "[[0, 0], [1, \"x\"], [1, 1]]"),
                        {"geometry.coordinates[0][1]: expected a position [x, y]"});
  require_geojson_error(collection(kProps, "[[500, 0], [501, 0], [501, 1]]", ""),
                        {"is not a longitude/latitude in degrees", "\"units\": \"km\""});
  const std::string feature = "{\"type\": \"Feature\", \"properties\": {" + kProps +
                              "}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [" +
                              kSquare + "]}}";
  require_geojson_error("{\"type\": \"FeatureCollection\", \"units\": \"km\", \"features\": [" +
                            feature + ", " + feature + "]}",
                        {"features[1] (grid 'G1'): properties.grid: grid 'G1' of community 'C' "
                         "appears twice"});
  require_geojson_error(
      "{\"type\": \"FeatureCollection\", \"units\": \"km\", \"features\": [{\"type\": "
      "\"Feature\", \"properties\": {" +
          kProps + "}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [0, 0]}}]}",
      {"geometry.type: expected \"Polygon\" or \"MultiPolygon\", got 'Point'"});
}

TEST_CASE("a GeoJSON file with a syntax error names its line and column") {
  require_input_error([] { read_geojson_city(fixture("geojson/syntax.geojson")); },
                      {"syntax.geojson:3:", "JSON syntax error"});
  require_input_error([] { read_geojson_city(fixture("geojson/no-such.geojson")); },
                      {"no-such.geojson", "no such file"});
}

TEST_CASE("a scenario whose GeoJSON city is broken names the GeoJSON file and feature") {
  require_input_error([] { load_scenario(fixture("geojson/bad-population.yaml")); },
                      {"bad-population.geojson: features[0] (grid 'R1'): properties.population"});
}

TEST_CASE("a polygon's rings are checked: no bow-ties, holes inside their shell") {
  // Each was accepted before with a wrong area and centroid (issue 18, item 10).
  require_geojson_error(collection(kProps, "[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]"),
                        {"d.geojson: features[0] (grid 'G1'): geometry.coordinates",
                         "the outer ring crosses or touches itself"});
  require_geojson_error(collection(kProps, kSquare + ", [[5, 5], [6, 5], [6, 6], [5, 6]]"),
                        {"features[0]", "hole 1 (ring 1) lies outside the outer ring"});
  require_geojson_error(collection(kProps, kSquare + ", [[1, 1], [3, 1], [3, 1.5], [1, 1.5]]"),
                        {"features[0]", "hole 1 (ring 1) crosses or touches the outer ring"});
  require_geojson_error(collection(kProps, kSquare + ", [[0.2, 0.2], [1.8, 0.2], [1.8, 1.8], "
                                                     "[0.2, 1.8]], [[0.5, 0.5], [1, 0.5], [1, 1]]"),
                        {"features[0]", "are nested"});
  // A position repeated at once is not an edge.
  CHECK(parse_geojson_city(collection(kProps, "[[0, 0], [2, 0], [2, 0], [2, 2], [0, 2], [0, 0]]"),
                           "d.geojson")[0]
            .area_km2 == Approx(4.0));
}

TEST_CASE("a cell across the antimeridian is refused, not reported as 44 000 km2") {
  require_geojson_error(collection(kProps,
                                   "[[179.99, 10], [-179.99, 10], [-179.99, 10.01], "
                                   "[179.99, 10.01], [179.99, 10]]",
                                   ""),
                        {"features[0]", "crosses the antimeridian"});
}
