#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "experiments/frontier.hpp"

using namespace govsim;
using namespace govsim::batch;

namespace {

// A planted family: design d = (a, b) on a 6 x 5 grid. Cost 100 a + 37 b + 5 (a b mod 3); the
// response time 60 / (1 + a) + 8 / (1 + b) + 2 (a b mod 3). Both are exact functions of the
// design plus noise common to every design in a replication (common random numbers) and, when
// `own` > 0, noise of the design's own. The true frontier is the brute-force non-dominated set
// of the noise-free values.
struct Family {
  double own = 0;
  static constexpr std::size_t kA = 6, kB = 5;
  static double cost(std::size_t d) {
    const double a = double(d / kB), b = double(d % kB);
    return 100 * a + 37 * b + 5 * double((d / kB) * (d % kB) % 3);
  }
  static double response(std::size_t d) {
    const double a = double(d / kB), b = double(d % kB);
    return 60 / (1 + a) + 8 / (1 + b) + 2 * double((d / kB) * (d % kB) % 3);
  }
  static double noise(std::uint64_t x) {  // deterministic, about uniform in [-1, 1]
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return double(x % 20001) / 10000.0 - 1;
  }
  std::vector<PointValues> evaluate(const std::vector<std::size_t>& designs, std::int64_t first,
                                    std::int64_t count) const {
    std::vector<PointValues> out;
    for (const std::size_t d : designs) {
      PointValues v(2);
      for (std::int64_t r = first; r < first + count; ++r) {
        const double common = 3 * noise(std::uint64_t(r) + 1);
        const double mine = own * noise(std::uint64_t(r) * 1000003 + d * 7919 + 17);
        v[0].push_back(cost(d));
        v[1].push_back(response(d) + common + mine);
      }
      out.push_back(std::move(v));
    }
    return out;
  }
  static std::set<std::size_t> truth() {
    std::set<std::size_t> out;
    for (std::size_t b = 0; b < kA * kB; ++b) {
      bool dominated = false;
      for (std::size_t a = 0; a < kA * kB; ++a) {
        if (a == b) continue;
        const bool no_worse = cost(a) <= cost(b) && response(a) <= response(b);
        const bool better = cost(a) < cost(b) || response(a) < response(b);
        dominated = dominated || (no_worse && better);
      }
      if (!dominated) out.insert(b);
    }
    return out;
  }
};

std::vector<std::size_t> candidates() {
  std::vector<std::size_t> c(Family::kA * Family::kB);
  for (std::size_t i = 0; i < c.size(); ++i) c[i] = i;
  return c;
}

const std::vector<FrontierDimension> kDims = {{0, -1}, {1, -1}};

FrontierResult search(const Family& family, std::int64_t max_replications) {
  FrontierOptions options;
  options.replications = 3;
  options.max_replications = max_replications;
  return find_frontier(candidates(), kDims, options,
                       [&](const std::vector<std::size_t>& d, std::int64_t f, std::int64_t n) {
                         return family.evaluate(d, f, n);
                       });
}

}  // namespace

TEST_CASE("frontier: a planted frontier under common random numbers is found exactly",
          "[frontier]") {
  const Family family;
  const std::set<std::size_t> truth = Family::truth();
  REQUIRE(truth.size() >= 4);
  REQUIRE(truth.size() < 20);
  const FrontierResult r = search(family, 12);
  std::set<std::size_t> found;
  for (const FrontierPoint& p : r.points)
    if (p.on_frontier) found.insert(p.design);
  CHECK(found == truth);
  // The noise is shared, so every difference is exact: all settled in the first round.
  for (const FrontierPoint& p : r.points) CHECK(p.settled);
  CHECK(r.rounds == 1);
}

TEST_CASE("frontier: with noise of their own, replications go to the points in doubt",
          "[frontier]") {
  Family family;
  family.own = 1.5;
  const std::set<std::size_t> truth = Family::truth();
  const FrontierResult r = search(family, 60);
  std::set<std::size_t> found;
  std::int64_t most = 0, least = 1000;
  for (const FrontierPoint& p : r.points) {
    if (p.on_frontier) found.insert(p.design);
    most = std::max(most, p.replications);
    least = std::min(least, p.replications);
    // No design on the frontier is clearly dominated by another.
    if (p.on_frontier) CHECK(p.clearly_dominated_by.empty());
  }
  CHECK(found == truth);
  CHECK(r.rounds > 1);
  CHECK(least == 3);  // plainly dominated designs got no more than the first round
  CHECK(most > 3);
  // Far fewer runs than every design at the limit would take.
  CHECK(r.runs < 60 * std::int64_t(candidates().size()) * 3 / 4);
}
