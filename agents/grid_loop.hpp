// A loop over a city's grids that may run on several threads: the populations are built grid by
// grid, each grid's draws keyed by its own entities, so the bits do not depend on the split.
#pragma once

#include <cstddef>
#include <functional>

namespace govsim {

// Calls body(begin, end) over disjoint ranges of [0, n) (possibly on several threads).
using GridLoop =
    std::function<void(std::size_t n, const std::function<void(std::size_t, std::size_t)>& body)>;

// Runs body over [0, n) through `loop`, or on the calling thread when there is none.
inline void for_each_grid_range(const GridLoop& loop, std::size_t n,
                                const std::function<void(std::size_t, std::size_t)>& body) {
  if (loop) {
    loop(n, body);
  } else if (n > 0) {
    body(0, n);
  }
}

}  // namespace govsim
