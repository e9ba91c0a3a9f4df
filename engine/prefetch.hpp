// Software prefetch of a block of memory the hardware's prefetcher cannot guess (a structure
// visited once a day, in an order of its own).
#pragma once

#include <cstddef>

namespace govsim {

inline constexpr std::size_t kCacheLine = 64;

// Asks for every cache line of [p, p + bytes), in address order. No effect on any value.
inline void prefetch_bytes(const void* p, std::size_t bytes) {
  const char* b = static_cast<const char*>(p);
  for (std::size_t off = 0; off < bytes; off += kCacheLine) __builtin_prefetch(b + off);
}

}  // namespace govsim
