// The robustness section of `govsim validate` (validation/robustness.*): the Latin hypercube, the
// plausible-range rule, the factors found in the schema, the Wilson interval, the rank
// correlations against planted dependences, and a small run end to end at 1 and 2 threads.
#include <catch2/catch.hpp>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "engine/rng.hpp"
#include "experiments/sweep.hpp"
#include "model/streams.hpp"
#include "output/key_table.hpp"
#include "validation/robustness.hpp"

using namespace govsim;
using validation::Dependence;

namespace {

KeyRow key(const std::string& name, const std::string& type, const std::string& value,
           const std::string& range) {
  KeyRow row;
  row.key = name;
  row.type = type;
  row.default_value = value;
  row.range = range;
  row.source = "C: a test";
  return row;
}

std::vector<batch::Factor> synthetic_factors(std::size_t k) {
  std::vector<batch::Factor> out;
  for (std::size_t i = 0; i < k; ++i) out.push_back({"f" + std::to_string(i), false, 0, 1, ""});
  return out;
}

validation::Claim synthetic_claim() { return {"a synthetic claim", "a", "b", "y", +1}; }

}  // namespace

TEST_CASE("the Latin hypercube hits each of a factor's N strata once", "[robustness]") {
  const std::size_t k = 6, n = 25;
  const auto x = batch::latin_hypercube(k, n, 7);
  REQUIRE(x.size() == n);
  for (std::size_t i = 0; i < k; ++i) {
    std::set<std::size_t> strata;
    for (const auto& point : x) {
      REQUIRE(point.size() == k);
      CHECK(point[i] >= 0);
      CHECK(point[i] < 1);
      strata.insert(static_cast<std::size_t>(point[i] * static_cast<double>(n)));
    }
    CHECK(strata.size() == n);
  }
  // Determined by the seed alone.
  CHECK(batch::latin_hypercube(k, n, 7) == x);
  CHECK(batch::latin_hypercube(k, n, 8) != x);
  // The strata are matched at random across factors, not in step.
  int same = 0;
  for (const auto& point : x)
    same += static_cast<int>(point[0] * n) == static_cast<int>(point[1] * n) ? 1 : 0;
  CHECK(same < 5);
}

TEST_CASE("the plausible range of a coefficient follows the documented rule", "[robustness]") {
  SECTION("a magnitude: default times 0.5 to 1.5, clipped to the valid range") {
    const auto f = validation::plausible_range(key("model.a", "number", "4", "[0.01, 1000]"));
    CHECK(f.lo == Approx(2));
    CHECK(f.hi == Approx(6));
    const auto clipped = validation::plausible_range(key("model.b", "number", "8", "[0, 10]"));
    CHECK(clipped.lo == Approx(4));
    CHECK(clipped.hi == Approx(10));
    const auto negative = validation::plausible_range(key("model.c", "number", "-2", "[-10, 10]"));
    CHECK(negative.lo == Approx(-3));
    CHECK(negative.hi == Approx(-1));
  }
  SECTION("a probability: the odds times 0.5 to 1.5, inside (0, 1)") {
    const auto half = validation::plausible_range(key("model.p", "number", "0.5", "[0, 1]"));
    CHECK(half.lo == Approx(1.0 / 3).epsilon(1e-5));
    CHECK(half.hi == Approx(0.6));
    const auto high = validation::plausible_range(key("model.q", "number", "0.9", "[0, 1]"));
    CHECK(high.lo == Approx(4.5 / 5.5).epsilon(1e-5));
    CHECK(high.hi == Approx(13.5 / 14.5).epsilon(1e-5));
    CHECK(high.hi < 1);
  }
  SECTION("defaults of 0 and 1") {
    const auto zero = validation::plausible_range(key("model.z", "number", "0", "[0, 1]"));
    CHECK(zero.lo == 0);
    CHECK(zero.hi == Approx(0.1));
    const auto one = validation::plausible_range(key("model.o", "number", "1", "[0, 1]"));
    CHECK(one.lo == Approx(0.9));
    CHECK(one.hi == 1);
    const auto off = validation::plausible_range(key("model.w", "number", "0", "[0, 100]"));
    CHECK(off.lo == 0);
    CHECK(off.hi == 0);  // no scale to vary it by: held
  }
  SECTION("an integer rounds; one that rounds to one value is held") {
    const auto n = validation::plausible_range(key("model.n", "integer", "3", "[0, 100]"));
    CHECK(n.lo == 2);
    CHECK(n.hi == 5);
    const auto one = validation::plausible_range(key("model.m", "integer", "1", "[1, 100]"));
    CHECK(one.lo == 1);
    CHECK(one.hi == 2);
    const auto zero = validation::plausible_range(key("model.k", "integer", "0", "[0, 100]"));
    CHECK(zero.lo == zero.hi);
  }
}

TEST_CASE("the factors are every grade-C model coefficient in the schema", "[robustness]") {
  const auto factors = validation::robustness_factors({});
  std::set<std::string> expected;
  for (const KeyRow& row : scenario_keys())
    if (validation::is_grade_c_coefficient(row)) expected.insert(row.key);
  REQUIRE(!expected.empty());
  std::set<std::string> found;
  for (const auto& f : factors.varied) {
    CHECK(f.key.rfind("model.", 0) == 0);
    CHECK(f.lo < f.hi);
    found.insert(f.key);
  }
  for (const std::string& held : factors.held) found.insert(held.substr(0, held.find(' ')));
  CHECK(found == expected);
  CHECK(factors.varied.size() > factors.held.size());
  for (const KeyRow& row : scenario_keys()) {
    if (row.key.rfind("governance.", 0) == 0 || row.key.rfind("run.", 0) == 0)
      CHECK_FALSE(validation::is_grade_c_coefficient(row));
  }
}

TEST_CASE("a range given on the command line overrides the rule; bad ones are refused",
          "[robustness]") {
  const batch::Factor first = validation::robustness_factors({}).varied.front();
  const std::string k = first.key;
  const auto widened = validation::robustness_factors(
      {k + "=" + std::to_string(first.lo / 2) + ":" + std::to_string(first.hi)});
  CHECK(widened.varied.front().key == k);
  CHECK(widened.varied.front().lo == Approx(first.lo / 2).margin(1e-6));
  const auto pinned = validation::robustness_factors(
      {k + "=" + std::to_string(first.lo) + ":" + std::to_string(first.lo)});
  CHECK(pinned.varied.front().key != k);
  REQUIRE(pinned.pinned.size() == 1);
  CHECK(pinned.pinned.front().rfind(k + "=", 0) == 0);
  const auto refused = [](const std::string& text, const std::string& message) {
    INFO(text);
    CHECK_THROWS_WITH(validation::robustness_factors({text}), Catch::Contains(message));
  };
  refused("model.no_such_key=0:1", "not a numeric model coefficient");
  refused("governance.platform.level=0:1", "not a numeric model coefficient");
  refused(k + "=2:1", "is above hi");
  refused(k + "=-1e9:1", "outside the valid range");
  refused(k + "=1", "expected KEY=lo:hi");
  refused(k + "=a:1", "is not a number");
  const std::string again = k + "=" + std::to_string(first.lo) + ":" + std::to_string(first.hi);
  CHECK_THROWS_WITH(validation::robustness_factors({again, again}), Catch::Contains("given twice"));
}

TEST_CASE("the Wilson interval matches Newcombe's published values", "[robustness]") {
  // Newcombe (1998), Statistics in Medicine 17:857, Table I, method 3.
  const auto check = [](std::int64_t k, std::int64_t n, double low, double high) {
    const validation::Proportion p = validation::wilson(k, n);
    INFO(k << "/" << n);
    CHECK(p.low == Approx(low).margin(5e-5));
    CHECK(p.high == Approx(high).margin(5e-5));
  };
  check(81, 263, 0.2553, 0.3662);
  check(15, 148, 0.0624, 0.1605);
  check(0, 20, 0.0, 0.1611);
  check(1, 29, 0.0061, 0.1718);
  CHECK(validation::worst_wilson_half_width(100) == Approx(0.0962).margin(5e-4));
  CHECK(validation::worst_wilson_half_width(400) < validation::worst_wilson_half_width(100));
}

TEST_CASE("ranks give ties their mean rank", "[robustness]") {
  CHECK(validation::ranks({3, 1, 3, 2}) == std::vector<double>{3.5, 1, 3.5, 2});
}

TEST_CASE("a planted dependence is found and named", "[robustness]") {
  SECTION("partial rank correlation, where the points allow it") {
    const auto factors = synthetic_factors(8);
    const auto x = batch::latin_hypercube(8, 80, 3);
    std::vector<double> margin;
    for (const auto& p : x) margin.push_back(p[3] - 0.3 + 0.05 * (p[0] - 0.5));
    const auto c = validation::assess_claim(synthetic_claim(), factors, x, margin);
    CHECK(c.method == "prcc");
    CHECK_FALSE(c.robust);
    CHECK(c.holds.share == Approx(0.7).margin(0.02));
    REQUIRE(!c.drivers.empty());
    CHECK(c.drivers.front().factor == 3);
    CHECK(c.drivers.front().r > 0.9);
    CHECK(c.drivers.front().significant());
    CHECK(c.label.rfind("depends on f3 (+", 0) == 0);
    CHECK(c.drivers[1].factor == 0);  // the small planted term, found once f3 is partialled out
  }
  SECTION("Spearman's, with more coefficients than points") {
    const auto factors = synthetic_factors(60);
    const auto x = batch::latin_hypercube(60, 50, 5);
    std::vector<double> margin;
    for (const auto& p : x) margin.push_back(0.5 - p[17]);
    const auto c = validation::assess_claim(synthetic_claim(), factors, x, margin);
    CHECK(c.method == "spearman");
    CHECK(c.drivers.front().factor == 17);
    CHECK(c.drivers.front().r == Approx(-1));
    CHECK(c.label == "depends on f17 (-1.00)");
  }
  SECTION("a claim that holds everywhere is robust") {
    const auto factors = synthetic_factors(4);
    const auto x = batch::latin_hypercube(4, 40, 9);
    std::vector<double> margin;
    for (const auto& p : x) margin.push_back(1 + p[2]);
    const auto c = validation::assess_claim(synthetic_claim(), factors, x, margin);
    CHECK(c.robust);
    CHECK(c.label == "robust");
    CHECK(c.holds.share == 1);
  }
  SECTION("noise names no coefficient") {
    const auto factors = synthetic_factors(10);
    const auto x = batch::latin_hypercube(10, 60, 11);
    std::vector<double> margin;
    Stream noise(99, Purpose::Sampling, 0, 0);
    for (std::size_t p = 0; p < x.size(); ++p) margin.push_back(noise.uniform() - 0.5);
    const auto c = validation::assess_claim(synthetic_claim(), factors, x, margin);
    CHECK_FALSE(c.robust);
    CHECK_FALSE(c.drivers.front().significant());
    CHECK(c.label == "not robust; no coefficient above the noise threshold");
  }
}

TEST_CASE("partial rank correlation removes the other factors' share", "[robustness]") {
  // y = x0 + x1: each alone explains half; with the other held, each explains nearly all.
  const auto x = batch::latin_hypercube(3, 100, 13);
  std::vector<double> y;
  for (const auto& p : x) y.push_back(p[0] + p[1]);
  const auto spearman = validation::rank_dependence(x, y, "spearman");
  const auto prcc = validation::rank_dependence(x, y, "prcc");
  const auto r_of = [](const std::vector<Dependence>& ds, std::size_t f) {
    for (const Dependence& d : ds)
      if (d.factor == f) return d.r;
    return 0.0;
  };
  CHECK(r_of(spearman, 0) == Approx(0.7).margin(0.1));
  CHECK(r_of(prcc, 0) > 0.9);
  CHECK(r_of(prcc, 1) > 0.9);
  CHECK(std::fabs(r_of(prcc, 2)) < prcc.front().threshold);
}

TEST_CASE("a small robustness run is the same at 1 and 2 threads and prints its table",
          "[robustness][e2e]") {
  // reached_street, and a claim against two designs at once (with its joint claim).
  const auto& all = validation::paper_claims();
  const std::vector<validation::Claim> claims = {all[1], all[all.size() - 2], all.back()};
  validation::RobustnessOptions options;
  options.points = 10;  // the fewest allowed
  options.days = 31;    // a day past the 30-day warm-up
  options.jobs = 1;
  batch::Cluster local;
  const auto one = validation::run_robustness(options, claims, local);
  options.jobs = 2;
  const auto two = validation::run_robustness(options, claims, local);
  REQUIRE(one.claims.size() == 4);
  CHECK(one.x == two.x);
  for (std::size_t c = 0; c < 4; ++c) CHECK(one.claims[c].margin == two.claims[c].margin);
  CHECK(one.claims[0].holds.n == 10);
  for (const double m : one.claims[0].margin) CHECK(std::isfinite(m));
  // The joint claim's margin is the smaller of its two claims' at every point.
  const auto& joint = one.claims[3];
  CHECK(joint.claim.from == "each of 2");
  CHECK(joint.claim.to == claims[1].to);
  for (std::size_t p = 0; p < 10; ++p)
    CHECK(joint.margin[p] == std::min(one.claims[1].margin[p], one.claims[2].margin[p]));
  CHECK(joint.holds.k <= std::min(one.claims[1].holds.k, one.claims[2].holds.k));
  const std::string table = validation::format_robustness(one);
  CHECK_THAT(table, Catch::Contains("Robustness of the claims"));
  CHECK_THAT(table, Catch::Contains(claims[0].text));
  CHECK_THAT(table, Catch::Contains(one.claims[0].label));
  const std::string markdown = validation::robustness_markdown(one);
  CHECK_THAT(markdown, Catch::Contains("| " + claims[0].text + " | baseline → grid-one-branch |"));
  CHECK_THAT(markdown, Catch::Contains("| `" + one.factors.varied.front().key + "` | "));
}
