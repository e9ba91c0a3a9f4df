#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "engine/mser.hpp"
#include "engine/numeric.hpp"
#include "engine/rng.hpp"

using namespace govsim;

namespace {
enum class P : std::uint32_t { Noise = 1 };

std::vector<double> noise(std::size_t n, double sd) {
  Stream s(7, P::Noise, 0, 0);
  std::vector<double> v(n);
  for (double& x : v) x = sd * s.normal();
  return v;
}
}  // namespace

TEST_CASE("MSER-5 cuts off a start-up transient") {
  std::vector<double> v = noise(400, 0.01);
  for (std::size_t i = 0; i < 60; ++i) v[i] += 0.5 * (1.0 - double(i) / 60.0);  // decays to 0
  const MserResult r = mser5(v);
  CHECK(r.enough);
  CHECK(r.settled);
  CHECK(r.truncation >= 40);
  CHECK(r.truncation <= 70);
}

TEST_CASE("MSER-5 keeps a stationary series whole and refuses a trend") {
  const MserResult flat = mser5(noise(400, 1.0));
  CHECK(flat.settled);
  CHECK(flat.truncation <= 100);
  std::vector<double> trend = noise(400, 0.001);
  for (std::size_t i = 0; i < trend.size(); ++i) trend[i] += double(i) * 0.01;
  const MserResult rising = mser5(trend);
  CHECK(rising.enough);
  CHECK_FALSE(rising.settled);
}

TEST_CASE("MSER-5 needs a few batches and skips missing values") {
  CHECK_FALSE(mser5({1, 2, 3, 4, 5, 6, 7}).enough);
  std::vector<double> v = noise(200, 1.0);
  for (std::size_t i = 0; i < v.size(); i += 3) v[i] = kNaN;
  CHECK(mser5(v).enough);
}
