// Software prefetch of a block of memory the hardware's prefetcher cannot guess (a structure
// visited once a day, in an order of its own).
#pragma once

#include <cstddef>
#include <cstdint>

namespace govsim {

inline constexpr std::size_t kCacheLine = 64;
// At most this much is asked for at once: about half of a core's L2 cache, so that a large
// block does not push out what it was fetched for.
inline constexpr std::size_t kPrefetchLimit = std::size_t(512) << 10;

// Asks for every cache line of [p, p + bytes), in address order, up to kPrefetchLimit bytes.
// No effect on any value.
inline void prefetch_bytes(const void* p, std::size_t bytes) {
  if (bytes == 0) return;
  const auto first = reinterpret_cast<std::uintptr_t>(p) & ~std::uintptr_t{kCacheLine - 1};
  const std::uintptr_t end =
      reinterpret_cast<std::uintptr_t>(p) + (bytes < kPrefetchLimit ? bytes : kPrefetchLimit);
  for (std::uintptr_t a = first; a < end; a += kCacheLine)
    __builtin_prefetch(reinterpret_cast<const void*>(a));
}

}  // namespace govsim
