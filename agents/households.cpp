#include "agents/households.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "model/streams.hpp"

namespace govsim {

double ties_of(HousingType housing, const PeopleBehaviour& p) {
  switch (housing) {
    case HousingType::OldCompound:
      return p.ties_old_compound;
    case HousingType::UrbanVillage:
      return p.ties_urban_village;
    case HousingType::Commodity:
      return p.ties_commodity;
    case HousingType::Mixed:
      return p.ties_mixed;
  }
  return p.ties_mixed;
}

double NeighbourNetwork::bytes_per_resident() const {
  const double residents = offsets.empty() ? 0.0 : double(offsets.size() - 1);
  if (residents <= 0) return 0;
  return double((offsets.size() + targets.size()) * sizeof(std::uint32_t)) / residents;
}

std::uint64_t building_want(std::uint64_t r0, std::uint64_t r1, std::uint64_t n, std::uint64_t h,
                            double ties) {
  const std::uint64_t m = r1 - r0;
  if (m < 2 || household_of(r0, n, h) == household_of(r1 - 1, n, h)) return 0;
  const std::uint64_t all = m * (m - 1) / 2;  // pairs, some inside a household
  return std::min<std::uint64_t>(
      all / 2,
      static_cast<std::uint64_t>(std::llround(double(m) * ties * 0.5)));  // each tie joins two
}

void building_ties(std::uint64_t r0, std::uint64_t r1, std::uint64_t n, std::uint64_t h,
                   double ties, Stream& s, std::vector<std::uint64_t>& pairs,
                   std::vector<std::uint64_t>& seen, std::uint64_t table_limit) {
  const std::uint64_t m = r1 - r0;
  const std::uint64_t want = building_want(r0, r1, n, h, ties);
  // Rounds of draws, each for the pairs still missing; duplicates are dropped, so a round never
  // overshoots. A pair is (a, b), a < b, kept as a << 32 | b.
  const auto draw = [&](auto&& keep) {
    const std::uint64_t a = r0 + s.below(static_cast<std::uint32_t>(m));
    const std::uint64_t b = r0 + s.below(static_cast<std::uint32_t>(m));
    if (a != b && household_of(a, n, h) != household_of(b, n, h))
      keep(std::min(a, b), std::max(a, b));
  };
  if (want == 0) return;  // no draws either way
  const std::size_t start = pairs.size();
  if (m > table_limit) {
    // A large building: the pairs kept so far are sorted; a round sorts its own draws and
    // merges them in.
    const auto at = [&](std::size_t k) { return pairs.begin() + static_cast<std::ptrdiff_t>(k); };
    for (int round = 0; round < kTieRounds && pairs.size() - start < want; ++round) {
      const std::uint64_t missing = want - (pairs.size() - start);
      const std::size_t kept = pairs.size();
      for (std::uint64_t k = 0; k < missing; ++k)
        draw([&](std::uint64_t a, std::uint64_t b) { pairs.push_back(a << 32 | b); });
      std::sort(at(kept), pairs.end());
      std::inplace_merge(at(start), at(kept), pairs.end());
      pairs.erase(std::unique(at(start), pairs.end()), pairs.end());
    }
    return;
  }
  // Otherwise a table of m x m bits marks the pairs drawn (row a - r0, column b - r0): the same
  // rounds and the same set of pairs, read out in the same sorted order, without sorting.
  seen.assign((m * m + 63) / 64, 0);
  std::uint64_t have = 0;
  for (int round = 0; round < kTieRounds && have < want; ++round) {
    const std::uint64_t missing = want - have;
    for (std::uint64_t k = 0; k < missing; ++k)
      draw([&](std::uint64_t a, std::uint64_t b) {
        const std::uint64_t bit = (a - r0) * m + (b - r0);
        std::uint64_t& word = seen[bit / 64];
        const std::uint64_t mask = std::uint64_t{1} << (bit % 64);
        have += (word & mask) ? 0 : 1;
        word |= mask;
      });
  }
  for (std::size_t w = 0; w < seen.size(); ++w)
    for (std::uint64_t bits = seen[w]; bits != 0; bits &= bits - 1) {
      const std::uint64_t bit = w * 64 + static_cast<std::uint64_t>(std::countr_zero(bits));
      pairs.push_back((r0 + bit / m) << 32 | (r0 + bit % m));
    }
}

namespace {

// Calls f(r0, r1, n, h, b) for each building b of grid g: its residents [r0, r1) of the grid's n,
// who live in h households (local numbers).
template <class F>
void for_each_building(const City& city, std::uint32_t g, const PeopleBehaviour& p, F&& f) {
  const std::uint64_t n = city.grid_population[g];
  const std::uint64_t h =
      std::clamp<std::uint64_t>(city.grid_households[g], 1, std::max<std::uint64_t>(n, 1));
  const auto per_building =  // the last building may have fewer
      std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::llround(p.building_households)));
  for (std::uint64_t b = 0; b * per_building < h; ++b) {
    const std::uint64_t h0 = b * per_building, h1 = std::min(h, h0 + per_building);
    f(household_start(h0, n, h), household_start(h1, n, h), n, h, b);
  }
}

// The most targets grid g's rows can hold: every building reaches the pairs it wants at most,
// and each pair is two targets. Known before any draw.
std::uint64_t grid_target_bound(const City& city, std::uint32_t g, const PeopleBehaviour& p) {
  const double ties = ties_of(city.grid_housing[g], p);
  std::uint64_t pairs = 0;
  for_each_building(city, g, p,
                    [&](std::uint64_t r0, std::uint64_t r1, std::uint64_t n, std::uint64_t h,
                        std::uint64_t) { pairs += building_want(r0, r1, n, h, ties); });
  return 2 * pairs;
}

// Grid g's ties as local rows: the start of each of its n residents' rows in `offsets` (n
// entries, from 0) and their partners' local numbers in `targets` (room for `room`). Returns how
// many targets it wrote.
std::uint64_t grid_rows(const City& city, std::uint32_t g, const PeopleBehaviour& p,
                        std::uint64_t seed, std::uint32_t* offsets, std::uint32_t* targets,
                        std::uint64_t room) {
  const std::uint64_t n = city.grid_population[g];
  const double ties = ties_of(city.grid_housing[g], p);
  std::vector<std::uint64_t> pairs, seen;
  for_each_building(
      city, g, p,
      [&](std::uint64_t r0, std::uint64_t r1, std::uint64_t gn, std::uint64_t h, std::uint64_t b) {
        Stream s(seed, Purpose::PeopleNetwork, g, b);
        building_ties(r0, r1, gn, h, ties, s, pairs, seen);
      });
  if (2 * pairs.size() > room)  // building_ties stops at the pairs a building wants
    throw std::logic_error("a grid drew more neighbour ties than its buildings want");
  // fill[i]: where row i's next target goes, once the counts are summed.
  std::vector<std::uint32_t> fill(n + 1, 0);
  for (std::uint64_t e : pairs) {
    ++fill[(e >> 32) + 1];
    ++fill[(e & 0xFFFFFFFFu) + 1];
  }
  for (std::uint64_t i = 0; i < n; ++i) fill[i + 1] += fill[i];
  std::copy(fill.begin(), fill.end() - 1, offsets);
  for (std::uint64_t e : pairs) {
    const auto a = static_cast<std::uint32_t>(e >> 32), b = static_cast<std::uint32_t>(e);
    targets[fill[a]++] = b;
    targets[fill[b]++] = a;
  }
  // Each row is sorted already: the pairs are in (a, b) order (buildings are consecutive runs
  // of residents), so row i receives its partners below i in increasing order, then those above.
  return 2 * pairs.size();
}

}  // namespace

NeighbourNetwork build_network(const City& city, const PeopleBehaviour& people, std::uint64_t seed,
                               const GridLoop& loop) {
  // Each grid writes its rows at a place known before any draw (the most it can hold), in one
  // array mapped for huge pages, instead of a vector of its own: per-grid vectors of the whole
  // network were a page fault every 4 KB, tens of thousands in a 10-million-resident city.
  std::vector<std::uint64_t> room_first(city.grids + 1, 0);
  loop(city.grids, [&](std::size_t b, std::size_t e) {
    for (std::size_t g = b; g < e; ++g)
      room_first[g + 1] = grid_target_bound(city, static_cast<std::uint32_t>(g), people);
  });
  for (std::uint32_t g = 0; g < city.grids; ++g) room_first[g + 1] += room_first[g];
  if (city.residents > std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("the neighbour network has more than 2^32 residents");
  UninitVector<std::uint32_t> local(room_first[city.grids]);  // local numbers, grid by grid
  NeighbourNetwork net;
  net.offsets.resize(city.residents + 1);  // each grid's written below, in parallel, then based
  std::vector<std::uint64_t> first_target(city.grids + 1, 0);
  loop(city.grids, [&](std::size_t b, std::size_t e) {
    for (std::size_t g = b; g < e; ++g)
      first_target[g + 1] =
          grid_rows(city, static_cast<std::uint32_t>(g), people, seed,
                    net.offsets.data() + city.grid_first_resident[g], local.data() + room_first[g],
                    room_first[g + 1] - room_first[g]);
  });
  for (std::uint32_t g = 0; g < city.grids; ++g) first_target[g + 1] += first_target[g];
  if (first_target[city.grids] > std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("the neighbour network has more than 2^32 ties");
  net.targets.resize(first_target[city.grids]);
  net.offsets[city.residents] = static_cast<std::uint32_t>(first_target[city.grids]);
  loop(city.grids, [&](std::size_t b, std::size_t e) {
    for (std::size_t g = b; g < e; ++g) {
      const std::uint64_t first = city.grid_first_resident[g];
      const auto base = static_cast<std::uint32_t>(first_target[g]);
      for (std::uint64_t i = 0; i < city.grid_population[g]; ++i) net.offsets[first + i] += base;
      const std::uint32_t* from = local.data() + room_first[g];
      for (std::uint64_t k = 0; k < first_target[g + 1] - first_target[g]; ++k)
        net.targets[first_target[g] + k] = static_cast<std::uint32_t>(first + from[k]);
    }
  });
  return net;
}

}  // namespace govsim
