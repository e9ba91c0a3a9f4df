// Households and neighbour ties (MODEL.md 7.24).
//
// Households are not stored: a grid's residents are one contiguous range, and its
// City::grid_households households are consecutive runs of it, household k of a grid of n
// residents and H households starting at resident floor(k n / H). Households are grouped into
// buildings (or compounds) of model.behaviour.people.building_households households.
//
// Neighbour ties link residents of different households in the same building: a sparse,
// symmetric network stored as compressed rows (CSR): offsets (residents + 1) and targets, both
// 32-bit. Each grid's ties are drawn from the grid's own stream and written to the grid's own
// rows, so the network is the same bits at any number of threads.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "agents/grid_loop.hpp"
#include "engine/rng.hpp"
#include "engine/uninit_vector.hpp"
#include "model/city.hpp"
#include "model/params.hpp"

namespace govsim {

struct NeighbourNetwork {
  UninitVector<std::uint32_t>
      offsets;  // residents + 1: resident i's ties are targets[o[i], o[i+1])
  UninitVector<std::uint32_t> targets;  // resident ids (global), sorted within each row

  std::uint32_t degree(std::uint64_t i) const { return offsets[i + 1] - offsets[i]; }
  const std::uint32_t* begin(std::uint64_t i) const { return targets.data() + offsets[i]; }
  const std::uint32_t* end(std::uint64_t i) const { return targets.data() + offsets[i + 1]; }
  // Bytes of the network per resident.
  double bytes_per_resident() const;
};

// Builds the network of the whole city, grids in parallel through `loop`.
NeighbourNetwork build_network(const City& city, const PeopleBehaviour& people, std::uint64_t seed,
                               const GridLoop& loop);

// Buildings of up to this many residents mark the pairs drawn in a table of bits; larger ones
// sort them (the same pairs either way).
inline constexpr std::uint64_t kTieTableResidents = 2048;
// Rounds of draws in a building before it settles for fewer ties than wanted.
inline constexpr int kTieRounds = 8;

// Ties inside one building, residents [r0, r1) of a grid of n residents and h households:
// draws pairs of residents of different households from `s` until it has about r1 - r0 times
// `ties` / 2 distinct pairs (at most half of all pairs, and at most kTieRounds rounds of draws),
// and appends them to `pairs` as a << 32 | b, a < b, in increasing order. `seen` is scratch
// space. `table_limit` is the largest building that uses the table of bits (tests compare both
// ways).
void building_ties(std::uint64_t r0, std::uint64_t r1, std::uint64_t n, std::uint64_t h,
                   double ties, Stream& s, std::vector<std::uint64_t>& pairs,
                   std::vector<std::uint64_t>& seen,
                   std::uint64_t table_limit = kTieTableResidents);

// The pairs building_ties draws towards for residents [r0, r1): about (r1 - r0) ties / 2, at most
// half of all pairs, 0 if the building has fewer than two households. It never keeps more.
std::uint64_t building_want(std::uint64_t r0, std::uint64_t r1, std::uint64_t n, std::uint64_t h,
                            double ties);

// Mean ties per resident of a grid's housing type.
double ties_of(HousingType housing, const PeopleBehaviour& people);

// The household (0-based, within the grid) of a grid's local resident r, and the first local
// resident of household k, for a grid of n residents and h households.
inline std::uint64_t household_of(std::uint64_t r, std::uint64_t n, std::uint64_t h) {
  return ((r + 1) * h - 1) / n;
}
inline std::uint64_t household_start(std::uint64_t k, std::uint64_t n, std::uint64_t h) {
  return k * n / h;
}

}  // namespace govsim
