// The designs of a sweep: `--vary key=v1,v2,...` or `--vary key=lo:hi:step` per key, crossed in
// a full factorial design, or sampled by Latin hypercube (`--method lhs --samples N`), where each
// key's range is cut into N equal strata and every stratum is used exactly once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "experiments/experiment.hpp"

namespace govsim::batch {

struct VarySpec {
  std::string key;                  // dotted scenario key, e.g. governance.platform.level
  std::string type;                 // number, integer, choice, bool or text (from the schema)
  std::vector<std::string> values;  // the levels, as the loader reads them; empty for lo:hi
  bool range = false;               // given as lo:hi or lo:hi:step
  double lo = 0;
  double hi = 0;
  int decimals = 0;  // of lo, hi and step as written, for sampled values on the same grid
};

// `option` names the flag in messages ("--vary", "--over"). Throws InputError.
VarySpec parse_vary(const std::string& text, const std::string& option);

// Every combination, the last key changing fastest. Labels use the shortest unambiguous key names.
std::vector<Design> factorial_designs(const std::string& scenario,
                                      const std::vector<VarySpec>& specs);

// A Latin hypercube in the unit cube: points[j][k] for sample j and factor k. Each factor's
// [0, 1) is cut into `samples` equal strata and each stratum holds exactly one sample, at a
// uniform place within it; the strata are matched across factors by independent random
// permutations. Philox streams keyed by `seed` (Purpose::Sampling, factor k, time 0 for the
// permutation and 1 for the place), so the same seed gives the same points on any machine.
std::vector<std::vector<double>> latin_hypercube(std::size_t factors, std::size_t samples,
                                                 std::uint64_t seed);

// N points; ranges without a step are sampled continuously, lists and stepped ranges by level.
// The permutations come from Philox keyed by `seed`, so the same seed gives the same points.
std::vector<Design> latin_hypercube_designs(const std::string& scenario,
                                            const std::vector<VarySpec>& specs,
                                            std::int64_t samples, std::uint64_t seed);

inline constexpr std::size_t kMaxDesigns = 1000000;

}  // namespace govsim::batch
