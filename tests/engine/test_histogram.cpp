// The whole run's minute histogram: nearest-rank quantiles exact to the minute, shares at or
// above a duration, the last bin catching everything longer, and bins that grow only as far as
// the longest duration added.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "engine/histogram.hpp"

using namespace govsim;

namespace {
// The nearest-rank quantile of the values' minutes, as the histogram reports it (bin middle).
double brute_quantile(std::vector<double> hours, double q) {
  for (double& h : hours) h = std::floor(std::max(0.0, h) * 60.0);
  std::sort(hours.begin(), hours.end());
  const auto rank = static_cast<std::int64_t>(std::ceil(q * double(hours.size())));
  const auto k =
      static_cast<std::size_t>(std::clamp<std::int64_t>(rank, 1, std::int64_t(hours.size())) - 1);
  return (hours[k] + 0.5) / 60.0;
}
}  // namespace

TEST_CASE("a minute histogram answers nearest-rank quantiles exact to the minute") {
  MinuteHistogram h;
  CHECK(std::isnan(h.quantile(0.5)));
  CHECK(std::isnan(h.share_at_least(1.0)));
  std::mt19937_64 rng(7);
  std::exponential_distribution<double> hours(0.02);  // mean 50 h: the bins grow several times
  std::vector<double> all;
  for (int i = 0; i < 20000; ++i) {
    all.push_back(hours(rng));
    h.add(all.back());
    if (i % 997 == 0)
      for (double q : {0.01, 0.5, 0.9, 0.99, 1.0}) REQUIRE(h.quantile(q) == brute_quantile(all, q));
  }
  CHECK(h.count() == 20000);
  CHECK(h.valid());
  for (double at : {0.0, 1.0, 24.0, 100.0, 1000.0}) {
    const auto n = std::count_if(all.begin(), all.end(),
                                 [&](double v) { return v * 60.0 >= std::round(at * 60.0); });
    CHECK(h.share_at_least(at) == Approx(double(n) / 20000.0));
  }
}

TEST_CASE("a minute histogram counts durations beyond 400 days in its last bin") {
  MinuteHistogram h;
  h.add(-3.0);          // read as zero
  h.add(1e9);           // far beyond the last bin
  h.add(400.0 * 24.0);  // exactly at the end
  CHECK(h.count() == 3);
  CHECK(h.valid());
  CHECK(h.quantile(0.3) == Approx(0.5 / 60.0));
  const double last = (60.0 * 24.0 * 400.0 - 0.5) / 60.0;
  CHECK(h.quantile(0.5) == Approx(last));
  CHECK(h.quantile(1.0) == Approx(last));
  CHECK(h.share_at_least(24.0) == Approx(2.0 / 3.0));
}

TEST_CASE("a minute histogram's quantiles do not depend on the order durations came in") {
  std::vector<double> v;
  for (int i = 0; i < 500; ++i) v.push_back(0.37 * i * i / 60.0);
  MinuteHistogram up, down;
  for (double x : v) up.add(x);
  for (auto it = v.rbegin(); it != v.rend(); ++it) down.add(*it);  // the longest first
  for (double q : {0.1, 0.5, 0.95}) CHECK(up.quantile(q) == down.quantile(q));
}

TEST_CASE("a minute histogram holds bins only as far as its longest duration") {
  MinuteHistogram h;
  CHECK(h.bins_held() == 0);
  for (int i = 0; i < 1000; ++i) h.add(0.01 * i);  // under ten hours
  CHECK(h.bins_held() == 60 * 24);                 // a day's minutes, not 400 days'
  h.add(30.0);                                     // a day and a quarter: twice that
  CHECK(h.bins_held() == 2 * 60 * 24);
  h.add(1e9);
  CHECK(h.bins_held() == 60 * 24 * 400);
  CHECK(h.quantile(0.5) == Approx((300 + 0.5) / 60.0));  // the 501st of 1 002: 5 h
}

TEST_CASE("adding a day's durations together is adding them one by one") {
  // The same bins, count and growth (bins held) as add() in turn: values from minutes to past
  // the last bin, growing the bins within a batch of bins asked for together and across them.
  std::mt19937_64 gen(12);
  std::lognormal_distribution<double> hours(std::log(20.0), 2.5);
  MinuteHistogram one, all;
  for (std::size_t day = 0; day < 40; ++day) {
    std::vector<double> v(day * 37 % 300);
    for (double& x : v) x = day == 7 ? -1.0 : hours(gen);  // below zero counts in the first bin
    if (day == 11 && !v.empty()) v.back() = std::numeric_limits<double>::infinity();
    for (double x : v) one.add(x);
    all.add_all(v);
    REQUIRE(one.bins_held() == all.bins_held());
    REQUIRE(one == all);
  }
  CHECK(all.count() > 5000);
  CHECK(all.bins_held() == 60 * 24 * 400);
  // Growth value by value within one batch: 30 h doubles a day's bins, then 60 h doubles them
  // again (growing once to the batch's longest would hold 3 601).
  MinuteHistogram small;
  small.add_all({1.0});
  small.add_all({30.0, 60.0});
  CHECK(small.bins_held() == 4 * 60 * 24);
  all.add_all({});
  CHECK(one == all);
  all.add_all({0.5});
  CHECK(!(one == all));
}
