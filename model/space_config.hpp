// Space (model.space): travel for on-site work at sourced speeds, which grids are neighbours,
// and how far word of mouth and disputes reach across a grid's boundary (docs/MODEL.md 7.22).
#pragma once

namespace govsim {

struct SpaceConfig {
  bool travel = true;         // handlers who go to the place spend travel time
  double walk_kmh = 4.46;     // grid workers on foot: 1.24 m/s
  double ebike_kmh = 12;      // community officials and mediators
  double street_kmh = 15;     // street and city officials, street mediators
  double route_factor = 1.3;  // street-network distance over straight-line distance
  double visit_small = 0.3;   // share of an official's cases that need a site visit, by tier
  double visit_big = 0.5;
  double visit_hard = 0.7;
  double neighbour_sides = 1.5;   // table cities: neighbours within this many grid sides
  double word_of_mouth_km = 0.2;  // radius within which a resident's listeners live
};

template <class V>
void describe(V& v, SpaceConfig& s) {
  v.flag("travel", s.travel,
         {"",
          "handlers who must go to the place (grid workers, officials on site visits, "
          "mediators) spend travel time from their base to the grid and back",
          "-"});
  v.number("walk_kmh", s.walk_kmh, 0.1, 200,
           {"km/h", "grid workers' speed on foot",
            "A: mean walking speed 1.24 m/s, Shanghai (上海大学学报 2005)"});
  v.number("ebike_kmh", s.ebike_kmh, 0.1, 200,
           {"km/h", "community officials' and mediators' speed (electric bicycle)",
            "C: under the 25 km/h cap of GB 17761-2018, with stops in city traffic"});
  v.number("street_kmh", s.street_kmh, 0.1, 200,
           {"km/h", "street and city officials' speed on site visits (car or e-bike in traffic)",
            "C: urban traffic speeds, street level"});
  v.number("route_factor", s.route_factor, 1, 3,
           {"", "street-network distance over straight-line distance",
            "C: detour index of city street networks, 1.2-1.4"});
  v.number("visit_small", s.visit_small, 0, 1,
           {"share", "small matters an official handles on site (a visit to the grid)", "C"});
  v.number("visit_big", s.visit_big, 0, 1,
           {"share", "big matters an official handles on site", "C"});
  v.number("visit_hard", s.visit_hard, 0, 1,
           {"share", "hard matters an official handles on site", "C"});
  v.number("neighbour_sides", s.neighbour_sides, 0, 10,
           {"grid sides",
            "a city read from a table without outlines: grids whose centres lie within this "
            "many grid sides (the square root of the mean area of the two) are neighbours",
            "C"});
  v.number("word_of_mouth_km", s.word_of_mouth_km, 0, 10,
           {"km",
            "radius within which a resident's listeners and the disputes near them lie: of a "
            "grid's accounts, hazards and disputes the share 1 - e^-x is heard across its "
            "boundaries, x = 2 r / (3 pi) x boundary length / area, split by boundary length",
            "C: a few buildings"});
}

}  // namespace govsim
