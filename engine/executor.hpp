// The executor seam: the engine asks for parallel loops through this interface and never talks
// to a thread library itself. The product uses oneTBB (through engine/parallel.hpp, which swaps in
// plain threads in a ThreadSanitizer build); tests may use the serial executor.
//
// Every parallel loop in the engine writes only to slots owned by its index, so results do not
// depend on how the range is split or how many threads run it.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>

namespace govsim {

class Executor {
 public:
  using RangeBody = std::function<void(std::size_t begin, std::size_t end)>;
  virtual ~Executor() = default;
  virtual int concurrency() const = 0;
  // Calls body on disjoint sub-ranges that together cover [0, n).
  virtual void parallel_for(std::size_t n, const RangeBody& body) = 0;
};

class SerialExecutor final : public Executor {
 public:
  int concurrency() const override { return 1; }
  void parallel_for(std::size_t n, const RangeBody& body) override {
    if (n > 0) body(0, n);
  }
};

// threads <= 0 means every core of the machine. oneTBB, or plain threads in a ThreadSanitizer
// build.
std::unique_ptr<Executor> make_tbb_executor(int threads);

}  // namespace govsim
