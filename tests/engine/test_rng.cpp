#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>

#include "model/streams.hpp"

using namespace govsim;

namespace {
// Poisson by plain inversion, as Stream::poisson drew it before its shortcut at small means.
std::uint32_t poisson_by_inversion(Stream& s, double mean) {
  if (!(mean > 0)) return 0;
  if (mean > 50) {
    const double x = std::floor(mean + std::sqrt(mean) * s.normal() + 0.5);
    return x < 0 ? 0u : static_cast<std::uint32_t>(x);
  }
  double p = std::exp(-mean);
  double cdf = p;
  const double u = s.uniform();
  std::uint32_t k = 0;
  while (u > cdf && k < 1000) {
    ++k;
    p *= mean / k;
    cdf += p;
  }
  return k;
}
}  // namespace

TEST_CASE("a stream is a pure function of its coordinates") {
  Stream a(42, Purpose::CaseLife, 7, 3), b(42, Purpose::CaseLife, 7, 3);
  for (int i = 0; i < 100; ++i) REQUIRE(a.next_u32() == b.next_u32());
  Stream c(42, Purpose::CaseRoute, 7, 3), d(43, Purpose::CaseLife, 7, 3),
      e(42, Purpose::CaseLife, 8, 3);
  Stream a2(42, Purpose::CaseLife, 7, 3);
  const auto x = a2.next_u32();
  CHECK(c.next_u32() != x);
  CHECK(d.next_u32() != x);
  CHECK(e.next_u32() != x);
}

TEST_CASE("distributions have the right moments") {
  Stream s(1, Purpose::QueueArrival, 0, 0);
  const int n = 200000;
  double su = 0, su2 = 0, se = 0, sn = 0, sn2 = 0, sp = 0, spl = 0;
  for (int i = 0; i < n; ++i) {
    const double u = s.uniform();
    REQUIRE(u > 0.0);
    REQUIRE(u < 1.0);
    su += u;
    su2 += u * u;
    se += s.exponential(3.0);
    const double z = s.normal();
    sn += z;
    sn2 += z * z;
    sp += s.poisson(2.5);
    spl += s.poisson(80.0);
  }
  CHECK(su / n == Approx(0.5).margin(0.005));
  CHECK(su2 / n - (su / n) * (su / n) == Approx(1.0 / 12).margin(0.002));
  CHECK(se / n == Approx(3.0).margin(0.05));
  CHECK(sn / n == Approx(0.0).margin(0.01));
  CHECK(sn2 / n == Approx(1.0).margin(0.02));
  CHECK(sp / n == Approx(2.5).margin(0.03));
  CHECK(spl / n == Approx(80.0).margin(0.2));
}

TEST_CASE("lognormal median and below() range") {
  Stream s(9, Purpose::CaseHandle, 1, 1);
  std::vector<double> v;
  for (int i = 0; i < 20001; ++i) v.push_back(s.lognormal(5.0, 0.8));
  std::nth_element(v.begin(), v.begin() + 10000, v.end());
  CHECK(v[10000] == Approx(5.0).epsilon(0.05));
  for (int i = 0; i < 10000; ++i) REQUIRE(s.below(7) < 7u);
}

TEST_CASE("poisson skips the exp at small means and draws what plain inversion draws") {
  // The shortcut's premise: its bound is at most exp(-mean) wherever it can apply.
  Stream m(7, Purpose::QueueArrival, 1, 0);
  for (int i = 0; i < 1000000; ++i) {
    const double mean =
        std::exp(std::log(1e-300) + (std::log(50.0) - std::log(1e-300)) * m.uniform());
    REQUIRE(Stream::poisson_zero_bound(mean) <= std::exp(-mean));
  }
  // The draws, and the stream left at the same place, over the model's range of means and at
  // the edges (none, tiny, 1, the switch to the normal approximation at 50, not a number).
  const double edges[] = {0.0,  -1.0,      1e-300, 1e-17,
                          1e-8, 0.5,       1.0,    2.0,
                          50.0, 50.000001, 80.0,   std::numeric_limits<double>::quiet_NaN()};
  Stream pick(7, Purpose::QueueArrival, 2, 0);
  std::uint64_t zeros = 0, draws = 0;
  for (std::uint64_t i = 0; i < 300000; ++i) {
    const double mean = i < 12 * 100 ? edges[i % 12] : std::exp(-14.0 + 18.0 * pick.uniform());
    Stream a(3, Purpose::GridDay, i, 0), b(3, Purpose::GridDay, i, 0);
    const std::uint32_t k = a.poisson(mean);
    REQUIRE(k == poisson_by_inversion(b, mean));
    REQUIRE(a.next_u32() == b.next_u32());
    zeros += k == 0 ? 1 : 0;
    ++draws;
  }
  CHECK(zeros > draws / 4);  // the shortcut's case is common here
  CHECK(zeros < draws);      // and not the only one
}
