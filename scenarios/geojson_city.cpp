#include "scenarios/geojson_city.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/errors.hpp"
#include "engine/input_text.hpp"
#include "model/limits.hpp"
#include "scenarios/bounded_file.hpp"
#include "scenarios/ring_check.hpp"

namespace govsim {
namespace {

using Json = nlohmann::json;
using Point = std::array<double, 2>;
using Ring = std::vector<Point>;

constexpr double kKmPerDegreeLat = 110.574;
constexpr double kKmPerDegreeLonAtEquator = 111.320;
constexpr double kPi = 3.14159265358979323846;

// 1-based line and column of a byte offset, for syntax errors.
void line_column(std::string_view text, std::size_t offset, int& line, int& column) {
  line = 1;
  column = 1;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
}

std::string kind_of(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string:
      return quoted_for_message(j.get_ref<const std::string&>());
    case Json::value_t::boolean:
      return j.get<bool>() ? "true" : "false";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return format_rounded(j.get<double>());
    default:
      return "an unsupported value";
  }
}

// nlohmann's text without its "[json.exception.parse_error.101] parse error at line 1, ...: ".
std::string message_of(const Json::exception& e) {
  std::string what = e.what();
  if (const std::size_t colon = what.find(": "); colon != std::string::npos) {
    what = what.substr(colon + 2);
  } else if (const std::size_t bracket = what.find("] "); bracket != std::string::npos) {
    what = what.substr(bracket + 2);
  }
  return what;
}

// Refuses JSON text nested too deep or holding too many values before it is parsed: nlohmann
// spends about 100 bytes and a microsecond or more on each value it builds. One pass over the
// bytes, allocating nothing: outside strings, each '[' or '{' opens a value and each ',' starts
// one, so their count plus one bounds the number of values from above.
void check_shape(std::string_view text, const std::string& file) {
  std::size_t values = 1;
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++values;
      if (++depth > limits::kGeoJsonDepth) {
        int line = 0, column = 0;
        line_column(text, i, line, column);
        throw InputError(located(file, line, column,
                                 "nested more than " + std::to_string(limits::kGeoJsonDepth) +
                                     " levels deep; expected a GeoJSON FeatureCollection"));
      }
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',') {
      ++values;
    }
    if (values > limits::kGeoJsonValues) {
      int line = 0, column = 0;
      line_column(text, i, line, column);
      throw InputError(
          located(file, line, column,
                  "more than " + std::to_string(limits::kGeoJsonValues) +
                      " JSON values (a vertex is three); a GeoJSON city holds at most " +
                      std::to_string(limits::kGeoJsonVertices) +
                      " vertices; for a larger city, use a "
                      "CSV city table"));
    }
  }
}

// Names one feature in messages: "file: features[12] (grid 'Gulou 03'): ".
class FeatureReader {
 public:
  FeatureReader(const std::string& file, std::size_t index, bool degrees)
      : file_(file), index_(index), degrees_(degrees) {}

  [[noreturn]] void fail(const std::string& what, const std::string& problem) const {
    std::string where = file_ + ": features[" + std::to_string(index_) + "]";
    if (!name_.empty()) where += " (grid " + quoted_for_message(name_) + ")";
    throw InputError(where + ": " + what + ": " + problem);
  }

  GridRecord read(const Json& feature, std::size_t& vertices) {
    if (!feature.is_object()) fail("feature", "expected an object, got " + kind_of(feature));
    const auto type = feature.find("type");
    if (type == feature.end() || !type->is_string() || *type != "Feature") {
      fail("type", "expected \"Feature\", got " +
                       (type == feature.end() ? std::string("nothing") : kind_of(*type)));
    }
    const auto props = feature.find("properties");
    if (props == feature.end() || !props->is_object()) {
      fail("properties",
           "expected an object with street, community, grid, population, housing, "
           "elderly_share and migrant_share, got " +
               (props == feature.end() ? std::string("nothing") : kind_of(*props)));
    }
    GridRecord g;
    g.name = name(*props, "grid");
    name_ = g.name;
    g.street = name(*props, "street");
    g.community = name(*props, "community");
    g.population = whole(*props, "population", 1, limits::kResidents, true);
    g.households = whole(*props, "households", 0, limits::kResidents, false);
    if (g.households > g.population) {
      fail("properties.households", std::to_string(g.households) + " households is more than the " +
                                        std::to_string(g.population) + " residents");
    }
    g.housing = housing(*props);
    g.elderly_share = share(*props, "elderly_share");
    g.migrant_share = share(*props, "migrant_share");

    const auto geometry = feature.find("geometry");
    if (geometry == feature.end() || !geometry->is_object()) {
      fail("geometry",
           "expected a Polygon or MultiPolygon, got " +
               (geometry == feature.end() ? std::string("nothing") : kind_of(*geometry)));
    }
    const auto gtype = geometry->find("type");
    const auto coords = geometry->find("coordinates");
    const std::string type_name =
        gtype != geometry->end() && gtype->is_string() ? gtype->get<std::string>() : "";
    if (type_name != "Polygon" && type_name != "MultiPolygon") {
      fail("geometry.type",
           "expected \"Polygon\" or \"MultiPolygon\", got " +
               (gtype == geometry->end() ? std::string("nothing") : kind_of(*gtype)));
    }
    if (coords == geometry->end() || !coords->is_array() || coords->empty()) {
      fail("geometry.coordinates", "expected a non-empty array of rings");
    }
    if (type_name == "Polygon") {
      polygons_.push_back(polygon(*coords, "geometry.coordinates", vertices));
    } else {
      for (std::size_t p = 0; p < coords->size(); ++p) {
        const std::string path = "geometry.coordinates[" + std::to_string(p) + "]";
        if (!(*coords)[p].is_array() || (*coords)[p].empty()) {
          fail(path, "expected a polygon (an array of rings), got " + kind_of((*coords)[p]));
        }
        polygons_.push_back(polygon((*coords)[p], path, vertices));
      }
    }
    return g;
  }

  void set_name(const std::string& name) { name_ = name; }

  // Rings as read (degrees or km), outer ring first in each polygon.
  std::vector<std::vector<Ring>>& polygons() { return polygons_; }

 private:
  const Json* property(const Json& props, const char* key, bool required) const {
    const auto it = props.find(key);
    if (it == props.end() || it->is_null()) {
      if (required) fail(std::string("properties.") + key, "missing; every grid needs it");
      return nullptr;
    }
    return &*it;
  }

  std::string name(const Json& props, const char* key) const {
    const Json& v = *property(props, key, true);
    const std::string what = std::string("properties.") + key;
    if (!v.is_string()) fail(what, "expected a name (a string), got " + kind_of(v));
    const std::string text(trim(v.get_ref<const std::string&>()));
    if (text.empty()) fail(what, "is empty; every grid needs a " + std::string(key));
    if (text.size() > limits::kNameBytes) {
      fail(what, "name is longer than " + std::to_string(limits::kNameBytes) + " bytes");
    }
    return text;
  }

  std::int64_t whole(const Json& props, const char* key, std::int64_t lo, std::int64_t hi,
                     bool required) const {
    const Json* v = property(props, key, required);
    if (!v) return 0;
    const std::string what = std::string("properties.") + key;
    const std::string expected =
        "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
    if (!v->is_number()) fail(what, "expected " + expected + ", got " + kind_of(*v));
    const double x = v->get<double>();
    if (!std::isfinite(x) || std::floor(x) != x || x < double(lo) || x > double(hi)) {
      fail(what, kind_of(*v) + " is not " + expected);
    }
    return static_cast<std::int64_t>(x);
  }

  double share(const Json& props, const char* key) const {
    const Json& v = *property(props, key, true);
    const std::string what = std::string("properties.") + key;
    if (!v.is_number()) fail(what, "expected a share in [0, 1], got " + kind_of(v));
    const double x = v.get<double>();
    if (!(x >= 0 && x <= 1)) fail(what, kind_of(v) + " is out of range [0, 1]");
    return x;
  }

  HousingType housing(const Json& props) const {
    const Json& v = *property(props, "housing", true);
    const std::vector<std::string> names(kHousingNames.begin(), kHousingNames.end());
    if (v.is_string()) {
      const std::string& text = v.get_ref<const std::string&>();
      for (std::size_t i = 0; i < names.size(); ++i)
        if (text == names[i]) return static_cast<HousingType>(i);
      fail("properties.housing",
           quoted_for_message(text) + " is not a housing type" + suggestion(text, names, "types"));
    }
    fail("properties.housing", "expected one of " + quoted_list(names) + ", got " + kind_of(v));
  }

  Point position(const Json& p, const std::string& path) const {
    if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) {
      fail(path, "expected a position [x, y], got " + kind_of(p));
    }
    const Point xy{p[0].get<double>(), p[1].get<double>()};
    if (!std::isfinite(xy[0]) || !std::isfinite(xy[1])) fail(path, "is not a finite position");
    if (degrees_ && (std::fabs(xy[0]) > 180 || std::fabs(xy[1]) > 90)) {
      fail(path, "[" + format_rounded(xy[0]) + ", " + format_rounded(xy[1]) +
                     "] is not a longitude/latitude in degrees; for planar km coordinates, "
                     "give the collection \"units\": \"km\"");
    }
    if (!degrees_ && (std::fabs(xy[0]) > limits::kMapKm || std::fabs(xy[1]) > limits::kMapKm)) {
      fail(path, "is more than " + format_number(limits::kMapKm) + " km from the origin");
    }
    return xy;
  }

  std::vector<Ring> polygon(const Json& rings, const std::string& path, std::size_t& vertices) {
    std::vector<Ring> out;
    for (std::size_t r = 0; r < rings.size(); ++r) {
      const std::string ring_path = path + "[" + std::to_string(r) + "]";
      const Json& ring = rings[r];
      if (!ring.is_array()) fail(ring_path, "expected a ring of positions, got " + kind_of(ring));
      Ring points;
      for (std::size_t i = 0; i < ring.size(); ++i) {
        if (++vertices > limits::kGeoJsonVertices) {
          fail(ring_path,
               "the file has more than " + std::to_string(limits::kGeoJsonVertices) + " vertices");
        }
        points.push_back(position(ring[i], ring_path + "[" + std::to_string(i) + "]"));
      }
      // RFC 7946 rings repeat the first position at the end; an unclosed ring is closed here.
      if (points.size() > 1 && points.front() == points.back()) points.pop_back();
      // A position repeated at once adds no edge.
      points.erase(std::unique(points.begin(), points.end()), points.end());
      while (points.size() > 1 && points.front() == points.back()) points.pop_back();
      if (points.size() < 3) {
        fail(ring_path,
             "a ring needs at least 3 distinct positions, got " + std::to_string(points.size()));
      }
      if (degrees_) {
        double lo = 180, hi = -180;
        for (const Point& q : points) lo = std::min(lo, q[0]), hi = std::max(hi, q[0]);
        if (hi - lo > 180)
          fail(ring_path, "spans " + format_rounded(hi - lo) +
                              " degrees of longitude: it crosses the antimeridian, which is not "
                              "supported; give such a city in planar km (\"units\": \"km\")");
      }
      out.push_back(std::move(points));
    }
    if (const std::string problem = check_polygon(out); !problem.empty()) fail(path, problem);
    return out;
  }

  const std::string& file_;
  std::size_t index_;
  bool degrees_;
  std::string name_;
  std::vector<std::vector<Ring>> polygons_;
};

// Shoelace sums of a ring: signed area and the first moments, for the area-weighted centroid.
struct Moments {
  double area = 0, mx = 0, my = 0;
};

Moments ring_moments(const Ring& ring) {
  Moments m;
  for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
    const Point& a = ring[i];
    const Point& b = ring[(i + 1) % n];
    const double cross = a[0] * b[1] - b[0] * a[1];
    m.area += cross / 2;
    m.mx += (a[0] + b[0]) * cross / 6;
    m.my += (a[1] + b[1]) * cross / 6;
  }
  if (m.area < 0) m = {-m.area, -m.mx, -m.my};  // orientation does not matter here
  return m;
}

}  // namespace

bool is_geojson_name(std::string_view path) {
  const auto ends = [&](std::string_view tail) {
    if (path.size() < tail.size()) return false;
    const std::string_view end = path.substr(path.size() - tail.size());
    return std::equal(end.begin(), end.end(), tail.begin(), [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) == b;
    });
  };
  return ends(".geojson") || ends(".json");
}

std::vector<GridRecord> parse_geojson_city(std::string_view text, const std::string& file) {
  if (text.size() > limits::kGeoJsonBytes) {
    throw InputError(
        located(file, 0, 0, larger_than_message("GeoJSON city", limits::kGeoJsonBytes)));
  }
  check_shape(text, file);
  Json root;
  try {
    root = Json::parse(text.begin(), text.end(), nullptr, true, false);
  } catch (const Json::parse_error& e) {
    int line = 0, column = 0;
    line_column(text, e.byte > 0 ? e.byte - 1 : 0, line, column);
    throw InputError(located(file, line, column, "JSON syntax error: " + message_of(e)));
  } catch (const Json::out_of_range& e) {  // a number such as 1e400
    // nlohmann names the number but not where it is: the first place it is written is.
    std::string what = message_of(e);
    int line = 0, column = 0;
    const std::size_t open = what.find('\''), close = what.rfind('\'');
    if (open != std::string::npos && close > open + 1) {
      const std::size_t at = text.find(what.substr(open + 1, close - open - 1));
      if (at != std::string_view::npos) line_column(text, at, line, column);
    }
    throw InputError(located(file, line, column,
                             what + "; numbers must be finite doubles (at most about 1.8e308)"));
  }
  if (!root.is_object() || root.value("type", Json()) != "FeatureCollection") {
    throw InputError(located(file, 0, 0,
                             "expected a GeoJSON FeatureCollection "
                             "({\"type\": \"FeatureCollection\", \"features\": [...]})"));
  }
  bool degrees = true;
  if (const auto units = root.find("units"); units != root.end()) {
    if (*units == "km") {
      degrees = false;
    } else if (*units != "degrees") {
      throw InputError(file +
                       ": units: expected \"degrees\" (longitude/latitude, the default) "
                       "or \"km\" (planar kilometres), got " +
                       kind_of(*units));
    }
  }
  const auto features = root.find("features");
  if (features == root.end() || !features->is_array()) {
    throw InputError(file + ": features: expected an array of Feature objects");
  }
  if (features->empty()) throw InputError(file + ": features: the collection holds no grids");
  if (features->size() > static_cast<std::size_t>(limits::kGrids)) {
    throw InputError(file + ": features: more than " +
                     std::to_string(static_cast<std::size_t>(limits::kGrids)) + " grids");
  }

  std::vector<GridRecord> grids;
  std::vector<std::vector<std::vector<Ring>>> shapes;  // per grid: polygons of rings
  std::set<std::string> seen;
  std::int64_t population = 0;
  std::size_t vertices = 0;
  double lon_lo = 1e9, lon_hi = -1e9, lat_lo = 1e9, lat_hi = -1e9;
  for (std::size_t i = 0; i < features->size(); ++i) {
    FeatureReader reader(file, i, degrees);
    GridRecord g = reader.read((*features)[i], vertices);
    if (!seen.insert(g.street + '\x1f' + g.community + '\x1f' + g.name).second) {
      reader.fail("properties.grid",
                  "grid '" + g.name + "' of community '" + g.community + "' appears twice");
    }
    population += g.population;
    if (population > limits::kResidents) {
      reader.fail("properties.population",
                  "total population passes " + std::to_string(limits::kResidents));
    }
    for (const auto& poly : reader.polygons())
      for (const Ring& ring : poly)
        for (const Point& p : ring) {
          lon_lo = std::min(lon_lo, p[0]), lon_hi = std::max(lon_hi, p[0]);
          lat_lo = std::min(lat_lo, p[1]), lat_hi = std::max(lat_hi, p[1]);
        }
    grids.push_back(std::move(g));
    shapes.push_back(std::move(reader.polygons()));
  }

  if (degrees && lon_hi - lon_lo > 180) {
    throw InputError(file + ": the grids span " + format_rounded(lon_hi - lon_lo) +
                     " degrees of longitude, across the antimeridian, which is not supported; "
                     "give such a city in planar km (\"units\": \"km\")");
  }
  // Degrees to planar km around the middle of the bounding box.
  const double lon0 = degrees ? (lon_lo + lon_hi) / 2 : 0;
  const double lat0 = degrees ? (lat_lo + lat_hi) / 2 : 0;
  const double kx = degrees ? kKmPerDegreeLonAtEquator * std::cos(lat0 * kPi / 180) : 1;
  const double ky = degrees ? kKmPerDegreeLat : 1;
  for (std::size_t i = 0; i < grids.size(); ++i) {
    GridRecord& g = grids[i];
    double area = 0, mx = 0, my = 0;
    for (std::vector<Ring>& poly : shapes[i]) {
      for (std::size_t r = 0; r < poly.size(); ++r) {
        for (Point& p : poly[r]) p = {(p[0] - lon0) * kx, (p[1] - lat0) * ky};
        const Moments m = ring_moments(poly[r]);
        const double sign = r == 0 ? 1.0 : -1.0;  // rings after the first are holes
        area += sign * m.area;
        mx += sign * m.mx;
        my += sign * m.my;
      }
      g.polygon.push_back(poly.front());
    }
    FeatureReader named(file, i, degrees);
    named.set_name(g.name);
    if (!(area > 1e-9)) named.fail("geometry", "the outline encloses no area");
    if (area > limits::kGridAreaKm2) {
      named.fail("geometry", "encloses " + format_rounded(area) + " km2; a grid is at most " +
                                 format_number(limits::kGridAreaKm2) + " km2");
    }
    g.area_km2 = area;
    g.x = mx / area;
    g.y = my / area;
  }
  return grids;
}

std::vector<GridRecord> read_geojson_city(const std::string& path) {
  const std::string text = read_bounded_file(
      path, limits::kGeoJsonBytes, bounded_file_messages("GeoJSON city", limits::kGeoJsonBytes));
  return parse_geojson_city(text, path);
}

}  // namespace govsim
