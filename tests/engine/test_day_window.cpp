// The trailing window of the daily percentiles: it keeps the last W days, answers by nearest
// rank, leaves a blank below the minimum count, and does not care in which order values came.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <deque>
#include <random>
#include <utility>
#include <vector>

#include "engine/checkpoint_io.hpp"
#include "engine/day_window.hpp"
#include "engine/radix_sort.hpp"

using namespace govsim;

TEST_CASE("a day window keeps the last W days and drops the older ones") {
  DayWindow w;
  w.add_day({1, 2, 3}, 2);
  w.add_day({}, 2);
  CHECK(w.size() == 3);
  w.add_day({10, 20}, 2);  // day one falls out
  CHECK(w.window() == std::vector<double>{10, 20});
  CHECK(w.day_sizes == std::vector<std::uint64_t>{0, 2});
  w.add_day({30}, 2);
  CHECK(w.window() == std::vector<double>{10, 20, 30});
  CHECK(w.quantile(0.5, 1) == 20);
  CHECK(w.quantile(0.9, 1) == 30);
  CHECK(w.quantile(0.0, 1) == 10);  // rank 0 reads as the smallest
}

TEST_CASE("a day window's quantile is nearest rank, blank below the minimum count") {
  DayWindow w;
  CHECK(std::isnan(w.quantile(0.5, 1)));  // nothing at all
  std::vector<double> day;
  for (int i = 10; i >= 1; --i) day.push_back(i);  // 10, 9, ..., 1: order must not matter
  w.add_day(day, 7);
  CHECK(w.quantile(0.5, 10) == 5);  // ceil(0.5 * 10) = 5th smallest
  CHECK(w.quantile(0.9, 10) == 9);
  CHECK(std::isnan(w.quantile(0.5, 11)));
  w.add_day({100}, 7);
  CHECK(w.quantile(0.9, 11) == 10);  // ceil(9.9) = 10th of 11
}

TEST_CASE("a day window of one day is that day's percentile") {
  DayWindow w;
  w.add_day({5, 1, 3}, 1);
  w.add_day({7, 9}, 1);
  CHECK(w.window() == std::vector<double>{7, 9});
  CHECK(w.quantile(0.5, 1) == 7);
}

TEST_CASE("a day window knows when its days do not add up to its values") {
  DayWindow w;
  w.add_day({1.0, 2.0}, 3);
  w.add_day({3.0}, 3);
  CHECK(w.consistent());
  w.day_sizes.back() = 2;  // as a damaged checkpoint could say
  CHECK_FALSE(w.consistent());
  w.day_sizes = {~std::uint64_t{0} - 1, 4};  // sizes that overflow when added
  CHECK_FALSE(w.consistent());
}

TEST_CASE("a day window's k-th smallest is the sorted window's, ties and empty days included") {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 50; ++trial) {
    DayWindow w;
    const auto days = std::size_t(1 + rng() % 9);
    std::deque<std::vector<double>> kept;  // the last `days` days, kept apart
    for (int d = 0; d < 30; ++d) {
      std::vector<double> day(rng() % 40);  // some days have none
      // Few distinct values on odd trials, so that ties are common.
      for (double& v : day)
        v = trial % 2 ? double(rng() % 5) : std::ldexp(double(rng() % 100000), -7);
      w.add_day(day, days);
      kept.push_back(day);
      if (kept.size() > days) kept.pop_front();
      std::vector<double> all;
      for (const auto& k : kept) all.insert(all.end(), k.begin(), k.end());
      std::sort(all.begin(), all.end());
      REQUIRE(w.size() == all.size());
      REQUIRE(w.day_sizes.size() == kept.size());
      REQUIRE(w.consistent());
      for (std::size_t k = 0; k < all.size(); ++k) REQUIRE(w.smallest(k) == all[k]);
      REQUIRE(std::isnan(w.smallest(all.size())));
    }
  }
}

TEST_CASE("a day window drops old days without moving the window every day") {
  DayWindow w;
  for (int d = 0; d < 10; ++d) w.add_day({double(d), double(d) + 0.5}, 3);
  // Days 7 to 9 in the window; the values of dropped days go once they outnumber it.
  CHECK(w.window() == std::vector<double>{7, 7.5, 8, 8.5, 9, 9.5});
  CHECK(w.values.size() < 2 * w.size() + 2);
  CHECK(w.quantile(0.0, 1) == 7);
  CHECK(w.quantile(1.0, 1) == 9.5);
}

TEST_CASE("a day window saved with dropped days restores the same window") {
  DayWindow w;
  for (int d = 0; d < 8; ++d) w.add_day({double(d), double(10 - d)}, 5);
  REQUIRE(w.dropped > 0);  // the saved window has values of dropped days before it
  CheckpointWriter out;
  DayWindow::fields(out, std::as_const(w));
  CheckpointReader in(out.bytes().data(), out.bytes().size(), "test");
  DayWindow back;
  DayWindow::fields(in, back);
  CHECK(back.dropped == 0);
  CHECK(back.values == w.window());
  CHECK(back.day_sizes == w.day_sizes);
  CHECK(back.consistent());
  for (double q : {0.1, 0.5, 0.9}) CHECK(back.quantile(q, 1) == w.quantile(q, 1));
}

TEST_CASE("a day window read with unsorted days answers the same once its days are sorted") {
  DayWindow w;
  w.values = {3, 1, 2, 9, 7, 8};  // two days as an older checkpoint kept them
  w.day_sizes = {3, 3};
  w.sort_days();
  CHECK(w.values == std::vector<double>{1, 2, 3, 7, 8, 9});
  CHECK(w.quantile(0.5, 1) == 3);
  CHECK(w.quantile(0.9, 1) == 9);
}

TEST_CASE("a day window with a value that is not a number is not consistent") {
  DayWindow w;
  w.add_day({1.0, 2.0}, 3);
  w.values[1] = std::nan("");
  CHECK_FALSE(w.consistent());
}

namespace {

// The runs merged by merge_sorted_runs, into `out`.
const std::vector<double>& merged(const std::vector<std::vector<double>>& runs,
                                  std::vector<double>& out, std::vector<double>& scratch) {
  std::vector<const std::vector<double>*> pointers;
  for (const std::vector<double>& r : runs) pointers.push_back(&r);
  merge_sorted_runs(pointers, out, scratch);
  return out;
}

std::vector<double> sorted_copy(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

TEST_CASE("merging sorted runs gives the sorted whole, and a sorted day adds as any day") {
  std::mt19937_64 rng(11);
  std::vector<double> out, scratch;
  for (int trial = 0; trial < 60; ++trial) {
    // 0 to 24 runs (a city of up to 23 street offices and its city tier), some of them empty.
    std::vector<std::vector<double>> runs(rng() % 25);
    std::vector<double> all;
    for (std::vector<double>& r : runs) {
      r.resize(rng() % 30);
      for (double& v : r) v = trial % 2 ? double(rng() % 4) : std::ldexp(double(rng() % 9999), -5);
      std::sort(r.begin(), r.end());
      all.insert(all.end(), r.begin(), r.end());
    }
    REQUIRE(merged(runs, out, scratch) == sorted_copy(all));
    DayWindow sorted, unsorted;
    std::vector<double> shuffled = all;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    sorted.add_sorted_day(out, 3);
    unsorted.add_day(shuffled, 3);
    REQUIRE(sorted.window() == unsorted.window());
    REQUIRE(sorted.day_sizes == unsorted.day_sizes);
  }
}

TEST_CASE("sorting non-negative doubles by their bits gives std::sort's order") {
  std::mt19937_64 rng(5);
  std::vector<double> scratch;
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<double> v(rng() % 9000);
    for (double& x : v) {
      switch (trial % 4) {
        case 0:  // many ties, and zeros
          x = double(rng() % 5);
          break;
        case 1:  // hours of a day's responses, to the bit
          x = std::ldexp(double(rng() % (1u << 30)), -20);
          break;
        case 2:  // every exponent, tiny (subnormal) to huge
          x = std::ldexp(double(rng() % 1000 + 1), int(rng() % 2000) - 1074);
          break;
        default:  // all the same
          x = 3.25;
      }
    }
    std::vector<double> sorted = v;
    std::sort(sorted.begin(), sorted.end());
    INFO("trial " << trial << ", " << v.size() << " values");
    REQUIRE(radix_sort_non_negative(v, scratch));
    REQUIRE(v == sorted);
  }
  // A negative value, a negative zero or a NaN: refused, the values left as they were.
  for (const double bad : {-1.0, -0.0, std::nan("")}) {
    std::vector<double> v = {2.0, 1.0, bad, 0.5};
    const std::vector<double> before = v;
    CHECK_FALSE(radix_sort_non_negative(v, scratch));
    CHECK(std::memcmp(v.data(), before.data(), v.size() * sizeof(double)) == 0);
  }
}

TEST_CASE("merging many long runs (sorted by their bits) gives the sorted whole") {
  std::mt19937_64 rng(17);
  std::vector<double> out, scratch;
  for (int trial = 0; trial < 20; ++trial) {
    // 16 to 240 runs of up to 120 values: above the radix sort's threshold in most trials; a
    // negative value in every fifth trial sends it back to merging.
    std::vector<std::vector<double>> runs(16 + rng() % 225);
    std::vector<double> all;
    for (std::vector<double>& r : runs) {
      r.resize(rng() % 121);
      for (double& v : r) v = std::ldexp(double(rng() % 100000), -7);
      if (trial % 5 == 4 && !r.empty()) r[0] = -1.5;
      std::sort(r.begin(), r.end());
      all.insert(all.end(), r.begin(), r.end());
    }
    INFO("trial " << trial << ", " << runs.size() << " runs, " << all.size() << " values");
    REQUIRE(merged(runs, out, scratch) == sorted_copy(all));
  }
}
