// The one place that runs loops on several threads. Everything that wants parallel work (the
// engine's executor, the batch runner, govsim validate) goes through here, never to a thread
// library directly.
//
// The product uses oneTBB. A ThreadSanitizer build (GOVSIM_PLAIN_THREADS, set by CMake when
// GOVSIM_SANITIZE names `thread`) uses plain std::threads instead: Debian's libtbb is not
// instrumented, so TSan cannot see the ordering TBB's tasks get from it and reports races that
// are not there. Every loop writes only to slots owned by its index, so the results are the
// same bits either way.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>

namespace govsim {

// The number of threads "every core" means: what oneTBB would use (it respects the process's
// CPU affinity).
int default_concurrency();

// A fixed team of at most `jobs` threads (jobs <= 0: default_concurrency()).
class ParallelLoop {
 public:
  using RangeBody = std::function<void(std::size_t begin, std::size_t end)>;
  using IndexBody = std::function<void(std::size_t index)>;

  explicit ParallelLoop(int jobs);
  ~ParallelLoop();
  ParallelLoop(const ParallelLoop&) = delete;
  ParallelLoop& operator=(const ParallelLoop&) = delete;

  int concurrency() const;
  // Calls body on disjoint sub-ranges that together cover [0, n); small ranges for cheap work.
  void for_ranges(std::size_t n, const RangeBody& body);
  // Calls body once per index in [0, n), handing out one index at a time: for work items as
  // long as whole runs, of unequal lengths. The first exception thrown stops the hand-out and
  // is rethrown here once every running item has finished.
  void for_each_index(std::size_t n, const IndexBody& body);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One-off: body(i) for every i in [0, n) on at most `jobs` threads (jobs <= 0: every core).
void parallel_for_index(std::size_t n, int jobs, const ParallelLoop::IndexBody& body);

}  // namespace govsim
