#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "agents/households.hpp"
#include "engine/parallel.hpp"
#include "model/streams.hpp"

using namespace govsim;

namespace {

City town(HousingType housing, std::uint64_t residents = 20000, std::uint32_t grids = 20) {
  Scenario sc;
  sc.city.residents = static_cast<std::int64_t>(residents);
  sc.city.streets = 2;
  sc.city.communities = 4;
  sc.city.grids = grids;
  City city = build_city(sc);
  std::fill(city.grid_housing.begin(), city.grid_housing.end(), housing);
  return city;
}

// Serial, in one range.
void serial(std::size_t n, const std::function<void(std::size_t, std::size_t)>& f) { f(0, n); }

NeighbourNetwork build(const City& city, const PeopleBehaviour& p, int threads) {
  if (threads == 1) return build_network(city, p, 7, serial);
  ParallelLoop loop(threads);
  return build_network(city, p, 7, [&](std::size_t n, const auto& f) { loop.for_ranges(n, f); });
}

}  // namespace

TEST_CASE("households are consecutive runs of a grid's residents") {
  const std::uint64_t n = 263, h = 100;
  std::uint64_t last = 0;
  for (std::uint64_t r = 0; r < n; ++r) {
    const std::uint64_t k = household_of(r, n, h);
    CHECK(household_start(k, n, h) <= r);
    CHECK(r < household_start(k + 1, n, h));
    CHECK(k >= last);
    last = k;
  }
  CHECK(last == h - 1);
}

TEST_CASE("the neighbour network is symmetric, inside the grid and between households") {
  const City city = town(HousingType::OldCompound);
  const PeopleBehaviour p;
  const NeighbourNetwork net = build(city, p, 1);
  REQUIRE(net.offsets.size() == city.residents + 1);
  for (std::uint32_t g = 0; g < city.grids; ++g) {
    const std::uint64_t first = city.grid_first_resident[g], last = city.grid_first_resident[g + 1];
    const std::uint64_t n = last - first, h = city.grid_households[g];
    for (std::uint64_t i = first; i < last; ++i)
      for (const std::uint32_t* t = net.begin(i); t != net.end(i); ++t) {
        REQUIRE(*t >= first);
        REQUIRE(*t < last);
        CHECK(household_of(*t - first, n, h) != household_of(i - first, n, h));
        CHECK(std::binary_search(net.begin(*t), net.end(*t), static_cast<std::uint32_t>(i)));
      }
    // Rows are strictly increasing (build_network relies on the pairs' order, not a sort).
    for (std::uint64_t i = first; i < last; ++i)
      REQUIRE(std::adjacent_find(net.begin(i), net.end(i), std::greater_equal<>()) == net.end(i));
  }
}

TEST_CASE("the network has the configured mean degree by housing type") {
  PeopleBehaviour p;
  for (HousingType h : {HousingType::Commodity, HousingType::OldCompound, HousingType::UrbanVillage,
                        HousingType::Mixed}) {
    const City city = town(h);
    const NeighbourNetwork net = build(city, p, 1);
    const double mean = double(net.targets.size()) / double(city.residents);
    CHECK(mean == Approx(ties_of(h, p)).epsilon(0.03));
  }
  p.ties_old_compound = 0;
  CHECK(build(town(HousingType::OldCompound), p, 1).targets.empty());
}

TEST_CASE("the network is the same bits at one and two threads") {
  const City city = town(HousingType::Mixed, 50000, 60);
  const PeopleBehaviour p;
  const NeighbourNetwork a = build(city, p, 1), b = build(city, p, 2);
  CHECK(a.offsets == b.offsets);
  CHECK(a.targets == b.targets);
  // 32-bit offsets and targets: (1 + mean degree) x 4 bytes a resident.
  CHECK(a.bytes_per_resident() ==
        Approx(4.0 * (1.0 + double(a.targets.size()) / double(city.residents))).epsilon(0.001));
}

TEST_CASE("the network holds exactly the pairs each building draws from its own stream") {
  // A reference built pair by pair from building_ties, building by building, against the
  // network's offsets and rows (written at places reserved before any draw): small buildings
  // (the table of bits), buildings past the table's size (sorted pairs), and grids of one or two
  // residents.
  struct Town {
    HousingType housing;
    std::uint64_t residents;
    std::uint32_t grids;
    double building_households;
    std::uint64_t at_least;  // targets
  };
  for (const Town& t : {Town{HousingType::UrbanVillage, 9000, 12, 7, 20000},
                        Town{HousingType::Commodity, 9000, 12, 7, 20000},
                        Town{HousingType::UrbanVillage, 30000, 3, 2000, 100000},
                        Town{HousingType::OldCompound, 30, 20, 7, 0}}) {
    PeopleBehaviour p;
    p.building_households = t.building_households;
    const auto per = static_cast<std::uint64_t>(t.building_households);
    City city = town(t.housing, t.residents, t.grids);
    if (t.residents > 1000) city.grid_households[1] = 1;  // one household: no ties at all
    const NeighbourNetwork net = build(city, p, 2);
    const double ties = ties_of(t.housing, p);
    std::uint64_t total = 0;
    for (std::uint32_t g = 0; g < city.grids; ++g) {
      const std::uint64_t first = city.grid_first_resident[g];
      const std::uint64_t n = city.grid_population[g];
      const std::uint64_t h = std::clamp<std::uint64_t>(city.grid_households[g], 1, n);
      std::vector<std::vector<std::uint32_t>> rows(n);
      std::vector<std::uint64_t> pairs, seen;
      for (std::uint64_t b = 0; b * per < h; ++b) {
        const std::uint64_t r0 = household_start(b * per, n, h);
        const std::uint64_t r1 = household_start(std::min(h, b * per + per), n, h);
        const std::size_t before = pairs.size();
        Stream s(7, Purpose::PeopleNetwork, g, b);
        building_ties(r0, r1, n, h, ties, s, pairs, seen);
        REQUIRE(pairs.size() - before <= building_want(r0, r1, n, h, ties));
      }
      for (std::uint64_t e : pairs) {
        rows[e >> 32].push_back(static_cast<std::uint32_t>(first + (e & 0xFFFFFFFFu)));
        rows[e & 0xFFFFFFFFu].push_back(static_cast<std::uint32_t>(first + (e >> 32)));
      }
      for (std::uint64_t i = 0; i < n; ++i) {
        REQUIRE(net.offsets[first + i] == total);
        std::sort(rows[i].begin(), rows[i].end());
        REQUIRE(std::vector<std::uint32_t>(net.begin(first + i), net.end(first + i)) == rows[i]);
        total += rows[i].size();
      }
    }
    CHECK(net.offsets[city.residents] == total);
    CHECK(total == net.targets.size());
    CHECK(total >= t.at_least);
  }
}

TEST_CASE("a building's ties are the same pairs counted in a table of bits as by sorting") {
  Stream pick(11, Purpose::PeopleNetwork, 99, 0);
  std::vector<std::uint64_t> by_table, by_sort, seen;
  std::uint64_t drawn = 0, capped = 0, short_of_want = 0;
  // Random buildings, then buildings at and just past the table's size limit, compared with the
  // table allowed for any size.
  const std::uint64_t trials = 3000;
  for (std::uint64_t trial = 0; trial < trials + 4; ++trial) {
    std::uint64_t n, h, r0, r1, limit = kTieTableResidents;
    double ties = trial % 7 == 0 ? 50.0 : 12.0 * pick.uniform();
    if (trial < trials) {
      n = 2 + pick.below(3000);                           // the grid's residents
      h = 1 + pick.below(static_cast<std::uint32_t>(n));  // and households
      r0 = trial % 5 == 0 ? 0 : pick.below(static_cast<std::uint32_t>(n));
      r1 = trial % 5 == 0
               ? n
               : r0 + 1 +
                     pick.below(static_cast<std::uint32_t>(std::min<std::uint64_t>(n - r0, 400)));
    } else {  // 2 048 and 2 049 residents, after others in the grid, few and many ties
      n = 5000;
      h = 2000;
      r0 = 300;
      r1 = r0 + kTieTableResidents + (trial - trials) % 2;
      ties = trial - trials < 2 ? 0.5 : 20.0;
      limit = std::uint64_t{1} << 20;
    }
    // Both after the same pairs of an earlier building.
    by_table = by_sort = {1, 2, 3};
    Stream a(5, Purpose::PeopleNetwork, trial, 0), b(5, Purpose::PeopleNetwork, trial, 0);
    building_ties(r0, r1, n, h, ties, a, by_table, seen, limit);
    building_ties(r0, r1, n, h, ties, b, by_sort, seen, 0);
    REQUIRE(by_table == by_sort);
    REQUIRE(a.next_u32() == b.next_u32());  // the same number of draws
    REQUIRE(std::is_sorted(by_table.begin() + 3, by_table.end()));
    const std::uint64_t got = by_table.size() - 3, m = r1 - r0;
    drawn += got;
    const std::uint64_t want = std::min<std::uint64_t>(
        m * (m - 1) / 2 / 2, static_cast<std::uint64_t>(std::llround(double(m) * ties * 0.5)));
    if (m >= 4 && got > 0 && got == m * (m - 1) / 2 / 2) ++capped;  // half of all pairs
    if (got > 0 && got < want) ++short_of_want;                     // the rounds ran out first
  }
  CHECK(drawn > 100000);
  CHECK(capped > 0);
  CHECK(short_of_want > 0);
}

TEST_CASE("large buildings, whose ties are sorted, give increasing rows too") {
  const City city = town(HousingType::UrbanVillage, 30000, 3);  // grids of 10 000 residents
  PeopleBehaviour p;
  p.building_households = 2000;  // buildings of about 5 000 residents: past the table
  const NeighbourNetwork net = build(city, p, 2);
  std::uint64_t ties = 0;
  for (std::uint64_t i = 0; i < city.residents; ++i) {
    REQUIRE(std::adjacent_find(net.begin(i), net.end(i), std::greater_equal<>()) == net.end(i));
    for (const std::uint32_t* t = net.begin(i); t != net.end(i); ++t)
      REQUIRE(std::binary_search(net.begin(*t), net.end(*t), static_cast<std::uint32_t>(i)));
    ties += net.degree(i);
  }
  CHECK(ties > city.residents);  // a mean degree above 1
}
