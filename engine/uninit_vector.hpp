// A std::vector whose resize leaves new elements of a trivial type unset instead of zeroing them.
// For the population's arrays (tens to hundreds of MB in a large city): zeroing them on one thread
// and then writing every element again in a parallel loop costs a serial pass over the memory
// and puts every page fault on that one thread. With this allocator the parallel loop that
// writes the elements is the first to touch them.
//
// Only for arrays whose every element read has been written first (init_residents,
// build_network and the checkpoint reader write every element; build_network's scratch array
// leaves gaps between grids that nothing reads).
//
// Arrays of one huge page (2 MiB) or more are mapped on their own and, on Linux, marked for
// transparent huge pages (madvise): a 10-million-resident city's arrays then take a few hundred
// page faults instead of a hundred thousand, and the daily passes over them fewer TLB misses.
// The threshold was 4 MiB, which a 1-million-resident city's columns (4 000 000 bytes) just
// missed. Where huge pages are off or unsupported this changes nothing but the alignment.
#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace govsim {

// From this size up, an array is mapped on its own (engine/uninit_vector.cpp).
inline constexpr std::size_t kLargeArrayBytes = std::size_t(2) << 20;
// Maps `bytes` (>= kLargeArrayBytes) aligned to 2 MiB; throws std::bad_alloc when it cannot.
void* map_large_array(std::size_t bytes);
void unmap_large_array(void* p, std::size_t bytes) noexcept;

template <class T>
class DefaultInitAllocator {
 public:
  using value_type = T;
  using propagate_on_container_move_assignment = std::true_type;
  using is_always_equal = std::true_type;
  template <class U>
  struct rebind {
    using other = DefaultInitAllocator<U>;
  };
  DefaultInitAllocator() noexcept = default;
  template <class U>
  explicit DefaultInitAllocator(const DefaultInitAllocator<U>& /*other*/) noexcept {}

  T* allocate(std::size_t n) {
    if (n >= kLargeArrayBytes / sizeof(T)) return static_cast<T*>(map_large_array(n * sizeof(T)));
    return static_cast<T*>(::operator new(n * sizeof(T)));
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if (n >= kLargeArrayBytes / sizeof(T))
      unmap_large_array(p, n * sizeof(T));
    else
      ::operator delete(p);
  }

  // resize(n) and vector(n): default-initialise (nothing for a trivial type).
  template <class U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;
  }
  // Everything else as std::allocator would.
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

template <class T, class U>
bool operator==(const DefaultInitAllocator<T>& /*a*/, const DefaultInitAllocator<U>& /*b*/) {
  return true;
}

template <class T>
using UninitVector = std::vector<T, DefaultInitAllocator<T>>;

}  // namespace govsim
