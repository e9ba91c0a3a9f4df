#include <catch2/catch.hpp>
#include <cmath>

#include "model/streams.hpp"

using namespace govsim;

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
