#include "engine/uninit_vector.hpp"

#include <cstdint>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace govsim {

namespace {
constexpr std::size_t kHugePage = std::size_t(2) << 20;
std::size_t round_up(std::size_t bytes) { return (bytes + kHugePage - 1) / kHugePage * kHugePage; }
}  // namespace

#if defined(__linux__)

void* map_large_array(std::size_t bytes) {
  const std::size_t size = round_up(bytes);
  // Over-map by one huge page, then give back the head and tail so that the array starts on a
  // huge-page boundary.
  void* raw =
      mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = (start + kHugePage - 1) / kHugePage * kHugePage;
  if (aligned > start) munmap(raw, aligned - start);
  const std::uintptr_t tail = aligned + size, end = start + size + kHugePage;
  if (end > tail) munmap(reinterpret_cast<void*>(tail), end - tail);
  void* p = reinterpret_cast<void*>(aligned);
#if defined(MADV_HUGEPAGE)
  madvise(p, size, MADV_HUGEPAGE);  // advice only: nothing to do if it is refused
#endif
  return p;
}

void unmap_large_array(void* p, std::size_t bytes) noexcept { munmap(p, round_up(bytes)); }

#else

void* map_large_array(std::size_t bytes) {
  return ::operator new (round_up(bytes), std::align_val_t{kHugePage});
}

void unmap_large_array(void* p, std::size_t /*bytes*/) noexcept {
  ::operator delete (p, std::align_val_t{kHugePage});
}

#endif

}  // namespace govsim
