#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "engine/errors.hpp"
#include "experiments/sensitivity.hpp"
#include "model/streams.hpp"
#include "tests/experiments/input_error.hpp"

using namespace govsim;
using namespace govsim::batch;
using govsim::batch::testing::input_error;

namespace {

// The Latin-hypercube samples of earlier sweeps depend on this number.
static_assert(static_cast<std::uint32_t>(Purpose::Sampling) == 0xA11);

std::vector<Factor> test_factors() {
  return {{"a", false, 0, 1, ""},
          {"b", false, 10, 30, ""},
          {"c", false, -5, 5, ""},
          {"d", false, 0.5, 2, ""},
          {"e", false, 100, 200, ""}};
}

// The value each run would use, read back as the loader reads it.
std::vector<double> values_at(const SensitivityDesign& d, std::size_t point) {
  std::vector<double> x;
  for (std::size_t i = 0; i < d.factors.size(); ++i) {
    x.push_back(std::stod(factor_value(d.factors[i], d.points[point][i])));
  }
  return x;
}

std::vector<std::vector<double>> evaluate(const SensitivityDesign& d,
                                          double (*f)(const std::vector<double>&)) {
  std::vector<std::vector<double>> y;
  for (std::size_t q = 0; q < d.points.size(); ++q) y.push_back({f(values_at(d, q))});
  return y;
}

double linear(const std::vector<double>& x) {
  return 3 * x[0] - 0.5 * x[1] + 0 * x[2] + 10 * x[3] + 0.01 * x[4];
}

}  // namespace

TEST_CASE("Morris on a linear function: mu* is |coefficient| x range, sigma 0", "[sensitivity]") {
  const SensitivityDesign d = morris_design(test_factors(), 12, 4, 60, 7);
  const std::vector<FactorEffect> e = elementary_effects(d, evaluate(d, linear), 0);
  REQUIRE(e.size() == 5);
  const double expected[5] = {3 * 1, 0.5 * 20, 0, 10 * 1.5, 0.01 * 100};
  const double sign[5] = {1, -1, 0, 1, 1};
  for (std::size_t i = 0; i < 5; ++i) {
    INFO("factor " << i);
    CHECK(e[i].factor == i);
    CHECK(e[i].n == 12);  // one elementary effect per trajectory
    CHECK(e[i].mu_star == Approx(expected[i]).epsilon(1e-9).margin(1e-12));
    CHECK(e[i].mu == Approx(sign[i] * expected[i]).epsilon(1e-9).margin(1e-12));
    CHECK(e[i].sigma == Approx(0).margin(1e-9));
    CHECK(e[i].ci_low == Approx(expected[i]).epsilon(1e-9).margin(1e-12));
    CHECK(e[i].ci_high == Approx(expected[i]).epsilon(1e-9).margin(1e-12));
  }
  CHECK(e[2].mu_star == 0);  // a factor the function ignores has no effect at all
  const std::vector<FactorEffect> r = ranked(e);
  std::vector<std::size_t> order;
  for (const FactorEffect& x : r) order.push_back(x.factor);
  CHECK(order == std::vector<std::size_t>{3, 1, 0, 4, 2});
}

TEST_CASE("Morris: an interaction shows as sigma, and the interval holds mu*", "[sensitivity]") {
  const SensitivityDesign d = morris_design(test_factors(), 20, 4, 100, 3);
  const auto f = [](const std::vector<double>& x) { return x[0] * x[3] + x[2] * x[2]; };
  const std::vector<FactorEffect> e = elementary_effects(d, evaluate(d, +f), 5);
  CHECK(e[0].sigma > 0.1);  // the effect of a depends on where d is
  CHECK(e[3].sigma > 0.1);
  CHECK(e[2].sigma > 1);  // curvature
  CHECK(e[1].mu_star == 0);
  CHECK(e[4].mu_star == 0);
  for (const std::size_t i : {std::size_t{0}, std::size_t{3}}) {
    CHECK(e[i].ci_low <= e[i].mu_star);
    CHECK(e[i].mu_star <= e[i].ci_high);
    CHECK(e[i].ci_low < e[i].ci_high);
  }
  // The bootstrap is a Philox stream of the sample seed: the same every time.
  const std::vector<FactorEffect> again = elementary_effects(d, evaluate(d, +f), 5);
  CHECK(again[0].ci_low == e[0].ci_low);
  CHECK(again[0].ci_high == e[0].ci_high);
}

TEST_CASE("Morris trajectories change one factor at a time by delta, on the grid",
          "[sensitivity]") {
  for (const int p : {2, 4, 6, 8}) {
    const std::size_t k = 6;
    const std::vector<Trajectory> ts = morris_candidates(k, 50, p, 11);
    REQUIRE(ts.size() == 50);
    for (const Trajectory& t : ts) {
      REQUIRE(t.points.size() == k + 1);
      std::set<std::size_t> moved(t.order.begin(), t.order.end());
      CHECK(moved.size() == k);  // every factor moves exactly once
      for (const std::vector<int>& point : t.points) {
        for (const int level : point) {
          CHECK(level >= 0);
          CHECK(level <= p - 1);
        }
      }
      for (std::size_t j = 0; j < k; ++j) {
        for (std::size_t i = 0; i < k; ++i) {
          const int step = t.points[j + 1][i] - t.points[j][i];
          if (i == t.order[j]) {
            CHECK(std::abs(step) == p / 2);
            CHECK(std::fabs(static_cast<double>(std::abs(step)) / (p - 1) - morris_delta(p)) <
                  1e-15);
          } else {
            CHECK(step == 0);
          }
        }
      }
    }
  }
  CHECK(morris_delta(4) == Approx(2.0 / 3));

  // The design in the unit cube: every step one factor by delta, inside [0, 1].
  const SensitivityDesign d = morris_design(test_factors(), 10, 4, 40, 5);
  CHECK(d.points.size() == 10 * 6);
  CHECK(d.steps.size() == 10 * 5);
  for (const std::vector<double>& x : d.points) {
    for (const double u : x) {
      CHECK(u >= 0);
      CHECK(u <= 1);
      CHECK(std::fabs(u * 3 - std::round(u * 3)) < 1e-12);  // a level of the 4-level grid
    }
  }
  for (const Step& s : d.steps) {
    CHECK(s.to == s.from + 1);
    for (std::size_t i = 0; i < 5; ++i) {
      const double du = std::fabs(d.points[s.to][i] - d.points[s.from][i]);
      CHECK(du == Approx(i == s.factor ? 2.0 / 3 : 0).margin(1e-12));
    }
  }
}

TEST_CASE("Morris: the chosen trajectories are spread wider than the first candidates",
          "[sensitivity]") {
  const std::vector<Trajectory> ts = morris_candidates(8, 80, 4, 21);
  const std::vector<std::size_t> chosen = select_by_spread(ts, 8, 4);
  REQUIRE(chosen.size() == 8);
  CHECK(std::set<std::size_t>(chosen.begin(), chosen.end()).size() == 8);
  const auto spread = [&](const std::vector<std::size_t>& set) {
    double s = 0;
    for (std::size_t a = 0; a < set.size(); ++a) {
      for (std::size_t b = a + 1; b < set.size(); ++b) {
        const double d = trajectory_distance(ts[set[a]], ts[set[b]], 4);
        s += d * d;
      }
    }
    return s;
  };
  CHECK(spread(chosen) > spread({0, 1, 2, 3, 4, 5, 6, 7}));
  CHECK(trajectory_distance(ts[0], ts[0], 4) > 0);  // points of one trajectory differ
  // The same seed gives the same candidates; another seed others.
  const std::vector<Trajectory> same = morris_candidates(8, 80, 4, 21);
  const std::vector<Trajectory> other = morris_candidates(8, 80, 4, 22);
  CHECK(same[5].points == ts[5].points);
  CHECK(same[5].order == ts[5].order);
  CHECK_FALSE(other[5].points == ts[5].points);
}

TEST_CASE("one at a time: low to high with the others at their midpoints", "[sensitivity]") {
  const SensitivityDesign d = oat_design(test_factors(), 1);
  REQUIRE(d.points.size() == 10);
  CHECK(d.points[2] == std::vector<double>{0.5, 0, 0.5, 0.5, 0.5});
  CHECK(d.points[3] == std::vector<double>{0.5, 1, 0.5, 0.5, 0.5});
  // Two replications with noise that the two ends of each factor share (common random numbers).
  std::vector<std::vector<double>> y;
  for (std::size_t q = 0; q < d.points.size(); ++q) {
    const double base = linear(values_at(d, q));
    y.push_back({base + 1.0 + 0.01 * static_cast<double>(q % 2), base - 2.0});
  }
  const std::vector<FactorEffect> e = elementary_effects(d, y, 0);
  CHECK(e[1].mu == Approx(-10 + 0.005));
  CHECK(e[1].mu_star == Approx(10 - 0.005));
  CHECK(e[1].n == 2);
  CHECK(std::isnan(e[1].sigma));
  CHECK(e[1].ci_low <= e[1].mu_star);
  CHECK(e[1].ci_high >= e[1].mu_star);
  CHECK(e[2].ci_low == 0);  // an interval around 0 folds to [0, ...]
}

TEST_CASE("integer keys are rounded, and a step that rounds away gives no effect",
          "[sensitivity]") {
  const Factor f{"governance.routing.max_bounces", true, 0, 2, ""};
  CHECK(factor_value(f, 0) == "0");
  CHECK(factor_value(f, 1.0 / 3) == "1");
  CHECK(factor_value(f, 2.0 / 3) == "1");
  CHECK(factor_value(f, 1) == "2");
  SensitivityDesign d;
  d.method = "morris";
  d.levels = 4;
  d.factors = {f};
  d.points = {{1.0 / 3}, {1}, {2.0 / 3}, {0}, {1.0 / 3}, {2.0 / 3}};
  d.steps = {{0, 1, 0, 0}, {2, 3, 0, 1}, {4, 5, 0, 2}};
  const std::vector<FactorEffect> e = elementary_effects(d, {{1}, {3}, {5}, {2}, {7}, {9}}, 0);
  // Steps 1 -> 2 and 1 -> 0 (in the key's units); the third does not move the key.
  CHECK(e[0].n == 2);
  CHECK(e[0].mu == Approx((2.0 * 2 + 3.0 * 2) / 2));
}

TEST_CASE("parameters and ranges: inside the schema's bounds, with clear refusals",
          "[sensitivity]") {
  const Factor f = parse_factor("governance.platform.level=0.2:0.8");
  CHECK(f.lo == 0.2);
  CHECK(f.hi == 0.8);
  CHECK_FALSE(f.integer);
  CHECK(parse_factor("governance.routing.max_bounces=0:10").integer);
  CHECK(parse_factor("governance.legal_clarity").lo == 0.1);  // a default key's own range
  CHECK_THAT(input_error([] { parse_factor("governance.platform.level=0:2"); }),
             Catch::Contains("governance.platform.level's valid range is [0, 1]"));
  CHECK_THAT(input_error([] { parse_factor("governance.volunteers.per_1k=-1:5"); }),
             Catch::Contains("[0, 200]"));
  CHECK_THAT(input_error([] { parse_factor("governance.platfrom.level=0:1"); }),
             Catch::Contains("did you mean 'governance.platform.level'"));
  CHECK_THAT(input_error([] { parse_factor("governance.structure=0:1"); }),
             Catch::Contains("choice key"));
  CHECK_THAT(input_error([] { parse_factor("governance.platform.level=0.5:0.5"); }),
             Catch::Contains("lo must be below hi"));
  CHECK_THAT(input_error([] { parse_factor("governance.platform.level=0:1:0.5"); }),
             Catch::Contains("KEY=lo:hi"));
  CHECK_THAT(input_error([] { parse_factor("governance.routing.max_bounces=0.5:4"); }),
             Catch::Contains("integer key"));
  CHECK_THAT(input_error([] { parse_factor("model.trust_rate"); }),
             Catch::Contains("give its range"));
  CHECK_THAT(input_error([] { parse_factor("run.seed=1:5"); }), Catch::Contains("--seed"));
  CHECK_THAT(input_error([] {
               morris_design({test_factors()[0], test_factors()[0]}, 4, 4, 8, 1);
             }),
             Catch::Contains("twice"));
  CHECK_THAT(input_error([] { morris_design(test_factors(), 4, 5, 8, 1); }),
             Catch::Contains("even"));
}

TEST_CASE("the default parameters are valid keys with ranges inside their bounds",
          "[sensitivity]") {
  CHECK(default_factors().size() >= 10);
  for (const Factor& d : default_factors()) {
    INFO(d.key);
    char text[256];
    std::snprintf(text, sizeof text, "%s=%.17g:%.17g", d.key.c_str(), d.lo, d.hi);
    const Factor f = parse_factor(text);
    CHECK(f.lo == d.lo);
    CHECK(f.hi == d.hi);
    CHECK_FALSE(d.why.empty());
  }
}

TEST_CASE("the design survives the store's JSON exactly", "[sensitivity]") {
  const SensitivityDesign d = morris_design(test_factors(), 5, 6, 20, 99);
  const SensitivityDesign back = design_from_json(Json::parse(design_json(d).dump()));
  CHECK(back.method == d.method);
  CHECK(back.levels == 6);
  CHECK(back.sample_seed == 99);
  CHECK(back.points == d.points);
  REQUIRE(back.steps.size() == d.steps.size());
  for (std::size_t i = 0; i < d.steps.size(); ++i) {
    CHECK(back.steps[i].from == d.steps[i].from);
    CHECK(back.steps[i].factor == d.steps[i].factor);
    CHECK(back.steps[i].group == d.steps[i].group);
  }
  CHECK(back.factors[1].key == "b");
  CHECK(back.factors[1].hi == 30);
  const std::vector<Design> designs = sensitivity_designs("baseline", d);
  REQUIRE(designs.size() == d.points.size());
  CHECK(designs[0].label == "t1 p0");
  CHECK(designs[7].label == "t2 p1");
  CHECK(designs[0].overrides.size() == 5);
}
