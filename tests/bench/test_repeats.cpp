// The performance suite's medians over repeated rounds: each figure its own median, failed
// rounds left out and counted, a state that differs between rounds flagged, and a target judged
// by its median with its range.
#include <catch2/catch.hpp>
#include <cmath>

#include "bench/repeats.hpp"

using govsim::bench::Json;
using govsim::bench::Measured;

TEST_CASE("median of odd and even counts", "[bench]") {
  using govsim::bench::median;
  CHECK(median({3.0}) == 3.0);
  CHECK(median({5.0, 1.0, 3.0}) == 3.0);
  CHECK(median({4.0, 1.0, 3.0, 2.0}) == 2.5);
  CHECK(median({2.0, 2.0, 9.0, 1.0}) == 2.0);
  CHECK(std::isnan(median({})));
  const double nan = std::nan("");
  CHECK(median({nan, 4.0, 1.0, nan, 2.0}) == 2.0);  // NaNs are left out
  CHECK(std::isnan(median({nan})));
}

TEST_CASE("a case's rows become one row of medians", "[bench]") {
  auto row = [](double wall, double cases, double per_s) {
    return Json{{"name", "large-city-1m"},
                {"threads", 2},
                {"residents", 1000000},
                {"state_hash", 42},
                {"wall_s", wall},
                {"cases_per_s", per_s},
                {"phases_s", {{"cases", cases}, {"residents", 0.3}}}};
  };
  const Json m =
      govsim::bench::median_row({row(1.2, 0.40, 5.0), row(0.9, 0.30, 7.0), row(1.0, 0.50, 6.0)});
  CHECK(m["wall_s"].get<double>() == 1.0);
  CHECK(m["cases_per_s"].get<double>() == 6.0);
  CHECK(m["phases_s"]["cases"].get<double>() == 0.40);  // each figure's own median
  CHECK(m["phases_s"]["residents"].get<double>() == 0.3);
  CHECK(m["threads"] == 2);
  CHECK(m["residents"] == 1000000);
  CHECK(m["name"] == "large-city-1m");
  CHECK(m["rounds"] == 3);
  CHECK(m["errors"] == 0);
  CHECK(m["wall_s_range"] == Json({0.9, 1.2}));
  CHECK_FALSE(m.contains("hash_differs"));

  Json short_of_threads = row(1.0, 0.4, 6.0), full = row(1.0, 0.4, 6.0);
  short_of_threads["threads_ready"] = 1;
  full["threads_ready"] = 2;
  CHECK(govsim::bench::median_row({full, short_of_threads, full})["threads_ready"] == 1);

  Json other = row(1.1, 0.4, 6.0);
  other["state_hash"] = 43;
  CHECK(govsim::bench::median_row({row(1.0, 0.4, 6.0), other})["hash_differs"] == true);
}

TEST_CASE("failed rounds are left out, and counted", "[bench]") {
  const Json ok1{{"name", "q"}, {"threads", 1}, {"wall_s", 2.0}};
  const Json ok2{{"name", "q"}, {"threads", 1}, {"wall_s", 4.0}};
  const Json bad{{"name", "q"}, {"threads", 1}, {"error", "the case crashed (signal 11)"}};
  const Json m = govsim::bench::median_row({ok1, bad, ok2});
  CHECK(m["wall_s"].get<double>() == 3.0);
  CHECK(m["rounds"] == 2);
  CHECK(m["errors"] == 1);
  CHECK_FALSE(m.contains("error"));

  const Json all_bad = govsim::bench::median_row({bad, bad});
  CHECK(all_bad["error"] == "the case crashed (signal 11)");
  CHECK(all_bad["rounds"] == 0);
  CHECK(all_bad["errors"] == 2);
}

TEST_CASE("figures missing from a round or of the wrong type are left out", "[bench]") {
  const Json full{{"name", "m"},
                  {"threads", 2},
                  {"state_hash", 7},
                  {"wall_s", 10.0},
                  {"phases_s", {{"cases", 3.0}}},
                  {"setup_s", {{"network", 1.0}}}};
  Json bare = full;  // a later round without the set-up's steps, with a figure as text
  bare.erase("setup_s");
  bare["wall_s"] = "slow";
  Json third = full;
  third["wall_s"] = 12.0;
  third["phases_s"]["cases"] = 5.0;
  const Json m = govsim::bench::median_row({full, bare, third});
  CHECK(m["rounds"] == 3);
  CHECK(m["wall_s"].get<double>() == 11.0);  // of the two numbers
  CHECK(m["phases_s"]["cases"].get<double>() == 3.0);
  CHECK(m["setup_s"]["network"].get<double>() == 1.0);
  CHECK(m["wall_s_range"] == Json({10.0, 12.0}));

  Json no_hash = full;  // a hash missing from the first row differs from a later one's
  no_hash.erase("state_hash");
  CHECK(govsim::bench::median_row({no_hash, full})["hash_differs"] == true);
}

TEST_CASE("targets over rounds: median, range and verdict on the median", "[bench]") {
  const std::vector<std::vector<Measured>> rounds = {
      {{"speed-up", 1.76, 1.9, false}, {"serial", 0.038, 0.05, true}},
      {{"speed-up", 1.95, 1.9, false}, {"serial", 0.034, 0.05, true}},
      {{"speed-up", 1.97, 1.9, false}},  // the serial fraction not measured this round
  };
  const auto s = govsim::bench::summarise(rounds);
  REQUIRE(s.size() == 2);
  CHECK(s[0].what == "speed-up");
  CHECK(s[0].median == 1.95);
  CHECK(s[0].min == 1.76);
  CHECK(s[0].max == 1.97);
  CHECK(s[0].rounds == 3);
  CHECK(s[0].met());  // met at the median although one round fell short
  CHECK(s[1].what == "serial");
  CHECK(s[1].rounds == 2);
  CHECK(s[1].median == (0.038 + 0.034) / 2);
  CHECK(s[1].met());

  const auto one = govsim::bench::summarise({{{"queue core", 3.97e6, 8e6, false}}});
  REQUIRE(one.size() == 1);
  CHECK(one[0].median == 3.97e6);
  CHECK_FALSE(one[0].met());
}
