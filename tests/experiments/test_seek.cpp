#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <optional>

#include "engine/errors.hpp"
#include "experiments/columns.hpp"
#include "experiments/seek.hpp"

using namespace govsim;
using namespace govsim::batch;

namespace {

// A point with a known mean and a tiny interval: feasibility is then decided by the mean.
Estimate exact(double mean) { return estimate({mean - 0.01, mean, mean + 0.01}); }

}  // namespace

TEST_CASE("targets read as OUTCOME<=VALUE or OUTCOME>=VALUE", "[seek]") {
  const Target t = parse_target("response_time_p90_h<=24");
  CHECK(t.column == outcome_column("response_time_p90_h", "t"));
  CHECK(t.at_most);
  CHECK(t.bound == 24);
  const Target g = parse_target("trust_mean >= 0.6");
  CHECK_FALSE(g.at_most);
  CHECK(g.bound == 0.6);
  CHECK_THROWS_AS(parse_target("response_time_p90_h=24"), InputError);
  CHECK_THROWS_AS(parse_target("response_time_p99_h<=24"), InputError);
  CHECK_THROWS_AS(parse_target("response_time_p90_h<=soon"), InputError);
  CHECK_THROWS_AS(parse_target("<=3"), InputError);
}

TEST_CASE("one key: bisection finds the cheapest feasible point with few evaluations", "[seek]") {
  // Response time falls as staff grows; cost grows. Feasible (<= 24) from index 13 of 40.
  const std::vector<std::size_t> shape = {40};
  const auto response = [](std::size_t i) { return 40.0 - static_cast<double>(i) * 1.25; };
  int evaluated = 0;
  const EvaluatePoints evaluate = [&](const std::vector<std::size_t>& designs) {
    std::vector<PointEstimate> out;
    for (const std::size_t d : designs) {
      ++evaluated;
      out.push_back({exact(response(d)), exact(100.0 + static_cast<double>(d))});
    }
    return out;
  };
  const SeekResult r =
      seek_cheapest(shape, parse_target("response_time_p90_h<=24"), 0.95, evaluate);
  REQUIRE(r.answer);
  CHECK(r.steps[*r.answer].design == 13);
  REQUIRE(r.next_cheaper);
  CHECK(r.steps[*r.next_cheaper].design == 12);
  CHECK_FALSE(r.steps[*r.next_cheaper].feasible);
  CHECK(evaluated <= 9);  // 2 ends + log2(40) midpoints, not 40
}

TEST_CASE("feasibility is the one-sided bound, not the mean", "[seek]") {
  const EvaluatePoints evaluate = [](const std::vector<std::size_t>& designs) {
    std::vector<PointEstimate> out;
    for (const std::size_t d : designs) {
      // Point 1 has mean 23 but a wide interval; point 2 has mean 23.5, narrow.
      const Estimate e = d == 0 ? exact(30) : d == 1 ? estimate({18, 28, 23}) : exact(23.5);
      out.push_back({e, exact(static_cast<double>(d))});
    }
    return out;
  };
  const SeekResult r = seek_cheapest({3}, parse_target("response_time_p90_h<=24"), 0.95, evaluate);
  REQUIRE(r.answer);
  CHECK(r.steps[*r.answer].design == 2);
}

TEST_CASE("two keys: the cheapest of each line's boundary points wins", "[seek]") {
  // Key 1 (staff, 5 values) and key 2 (platform, 5 values); both lower the response time; the
  // platform is cheap, staff dear.
  const std::vector<std::size_t> shape = {5, 5};
  const EvaluatePoints evaluate = [](const std::vector<std::size_t>& designs) {
    std::vector<PointEstimate> out;
    for (const std::size_t d : designs) {
      const double staff = static_cast<double>(d / 5);
      const double platform = static_cast<double>(d % 5);
      out.push_back({exact(40 - 3 * staff - 2.5 * platform), exact(100 * staff + 10 * platform)});
    }
    return out;
  };
  const SeekResult r =
      seek_cheapest(shape, parse_target("response_time_p90_h<=30.5"), 0.95, evaluate);
  REQUIRE(r.answer);
  // Feasible points need 3 staff + 2.5 platform >= 9.5: the cheapest is staff 0, platform 4.
  CHECK(r.steps[*r.answer].design == 4);
  CHECK(r.steps[*r.answer].estimate.cost.mean == Approx(40));
}

TEST_CASE("no feasible point gives no answer, and all feasible gives the cheaper end", "[seek]") {
  const auto constant = [](double response) {
    return [response](const std::vector<std::size_t>& designs) {
      std::vector<PointEstimate> out;
      for (const std::size_t d : designs) {
        out.push_back({exact(response), exact(10.0 + static_cast<double>(d))});
      }
      return out;
    };
  };
  const Target t = parse_target("response_time_p90_h<=24");
  const SeekResult none = seek_cheapest({6}, t, 0.95, constant(30));
  CHECK_FALSE(none.answer);
  CHECK(none.steps.size() == 2);
  const SeekResult all = seek_cheapest({6}, t, 0.95, constant(10));
  REQUIRE(all.answer);
  CHECK(all.steps[*all.answer].design == 0);
}

TEST_CASE("within a budget: the best outcome an exhaustive search finds", "[seek][budget]") {
  // Three keys of 3 x 4 x 5 values. The cost grows with every key; the outcome (trust, to be
  // maximised) is not monotone: it peaks inside the grid and has ties broken by nothing but
  // the mean. For many budgets, the search must agree with brute force over every point.
  const std::vector<std::size_t> shape = {3, 4, 5};
  const std::size_t points = 3 * 4 * 5;
  const auto cost = [](std::size_t d) {
    return 1000.0 * static_cast<double>(d / 20) + 300.0 * static_cast<double>((d / 5) % 4) +
           70.0 * static_cast<double>(d % 5);
  };
  const auto trust = [](std::size_t d) {
    const double a = static_cast<double>(d / 20), b = static_cast<double>((d / 5) % 4),
                 c = static_cast<double>(d % 5);
    return 0.5 + 0.05 * a - 0.01 * (b - 2) * (b - 2) - 0.02 * (c - 2.5) * (c - 2.5) +
           0.001 * std::sin(static_cast<double>(d));
  };
  for (const double budget : {50.0, 500.0, 1234.0, 2100.0, 2500.0, 3000.0}) {
    for (const bool maximize : {true, false}) {
      std::size_t evaluated = 0;
      const EvaluatePoints evaluate = [&](const std::vector<std::size_t>& designs) {
        std::vector<PointEstimate> out;
        for (const std::size_t d : designs) {
          ++evaluated;
          out.push_back({exact(cost(d)), exact(trust(d))});
        }
        return out;
      };
      char text[64];
      std::snprintf(text, sizeof text, "cost_total_cny_year<=%g", budget);
      const SeekResult r =
          seek_within_budget(shape, parse_target(text, "--budget"), 0.95, maximize, evaluate);
      // Brute force over every point, with the same one-sided bound.
      const auto within = [&](std::size_t d) { return exact(cost(d)).upper_bound(0.95) <= budget; };
      std::optional<std::size_t> best;
      for (std::size_t d = 0; d < points; ++d) {
        if (!within(d)) continue;
        if (!best || (maximize ? trust(d) > trust(*best) : trust(d) < trust(*best))) best = d;
      }
      INFO("budget " << budget << (maximize ? " maximise" : " minimise"));
      if (!best) {
        CHECK_FALSE(r.answer);
        continue;
      }
      REQUIRE(r.answer);
      CHECK(r.steps[*r.answer].design == *best);
      CHECK(r.steps[*r.answer].feasible);
      CHECK(evaluated <= points);
      for (const SeekStep& s : r.steps) CHECK(s.feasible == within(s.design));
    }
  }
}

TEST_CASE("within a budget: points beyond it are not all evaluated", "[seek][budget]") {
  // 40 values on one key, the budget reached at index 9: bisection spares most of the rest.
  std::size_t evaluated = 0;
  const EvaluatePoints evaluate = [&](const std::vector<std::size_t>& designs) {
    std::vector<PointEstimate> out;
    for (const std::size_t d : designs) {
      ++evaluated;
      out.push_back({exact(100.0 * static_cast<double>(d)), exact(static_cast<double>(d % 7))});
    }
    return out;
  };
  const SeekResult r = seek_within_budget(
      {40}, parse_target("cost_total_cny_year<=950", "--budget"), 0.95, true, evaluate);
  REQUIRE(r.answer);
  CHECK(r.steps[*r.answer].design == 6);  // d % 7 is greatest at 6 among 0..9
  REQUIRE(r.runner_up);
  CHECK(r.steps[*r.runner_up].design == 5);
  CHECK(evaluated < 20);
}

TEST_CASE("a budget names its option in errors", "[seek][budget]") {
  try {
    parse_target("cost_total<=5", "--budget");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("--budget"));
    CHECK_THAT(e.what(), Catch::Contains("cost_total_cny_year"));
  }
}
