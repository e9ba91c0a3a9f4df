#include "engine/parallel.hpp"

#include <tbb/info.h>

#include <algorithm>

#ifdef GOVSIM_PLAIN_THREADS
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>
#else
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>
#endif

namespace govsim {

int default_concurrency() { return std::max(1, tbb::info::default_concurrency()); }

#ifndef GOVSIM_PLAIN_THREADS

struct ParallelLoop::Impl {
  explicit Impl(int jobs) : arena(jobs) {}
  tbb::task_arena arena;
};

ParallelLoop::ParallelLoop(int jobs)
    : impl_(std::make_unique<Impl>(jobs > 0 ? jobs : default_concurrency())) {}

int ParallelLoop::concurrency() const { return impl_->arena.max_concurrency(); }

void ParallelLoop::for_ranges(std::size_t n, const RangeBody& body) {
  if (n == 0) return;
  if (concurrency() == 1) {
    body(0, n);
    return;
  }
  impl_->arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n),
                      [&](const tbb::blocked_range<std::size_t>& r) { body(r.begin(), r.end()); });
  });
}

void ParallelLoop::for_each_index(std::size_t n, const IndexBody& body) {
  if (n == 0) return;
  impl_->arena.execute([&] {
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, n, 1),
        [&](const tbb::blocked_range<std::size_t>& r) {
          for (std::size_t i = r.begin(); i != r.end(); ++i) body(i);
        },
        tbb::simple_partitioner());
  });
}

#else  // GOVSIM_PLAIN_THREADS: std::thread, started for each loop and joined before it returns.

struct ParallelLoop::Impl {
  int jobs;
};

namespace {

// Runs work(thread) on `threads` threads, the calling thread being thread 0, and rethrows the
// first exception any of them threw once all have finished. `stop` is raised on the first
// exception, for work that can give up early.
template <class Work>
void run_team(int threads, std::atomic<bool>& stop, const Work& work) {
  std::exception_ptr first;
  std::mutex first_mutex;
  const auto guarded = [&](int t) {
    try {
      work(t);
    } catch (...) {
      stop.store(true);
      const std::lock_guard<std::mutex> lock(first_mutex);
      if (!first) first = std::current_exception();
    }
  };
  std::vector<std::thread> team;
  team.reserve(static_cast<std::size_t>(threads - 1));
  for (int t = 1; t < threads; ++t) team.emplace_back(guarded, t);
  guarded(0);
  for (std::thread& thread : team) thread.join();
  if (first) std::rethrow_exception(first);
}

}  // namespace

ParallelLoop::ParallelLoop(int jobs)
    : impl_(std::make_unique<Impl>(Impl{jobs > 0 ? jobs : default_concurrency()})) {}

int ParallelLoop::concurrency() const { return impl_->jobs; }

void ParallelLoop::for_ranges(std::size_t n, const RangeBody& body) {
  if (n == 0) return;
  const std::size_t threads = std::min<std::size_t>(static_cast<std::size_t>(impl_->jobs), n);
  if (threads <= 1) {
    body(0, n);
    return;
  }
  // Static, even chunks: chunk t is [n t / T, n (t + 1) / T).
  std::atomic<bool> stop{false};
  run_team(static_cast<int>(threads), stop, [&](int t) {
    const std::size_t k = static_cast<std::size_t>(t);
    const std::size_t begin = n * k / threads, end = n * (k + 1) / threads;
    if (begin < end) body(begin, end);
  });
}

void ParallelLoop::for_each_index(std::size_t n, const IndexBody& body) {
  if (n == 0) return;
  const std::size_t threads = std::min<std::size_t>(static_cast<std::size_t>(impl_->jobs), n);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  run_team(static_cast<int>(threads), stop, [&](int) {
    while (!stop.load()) {
      const std::size_t i = next.fetch_add(1);
      if (i >= n) return;
      body(i);
    }
  });
}

#endif

ParallelLoop::~ParallelLoop() = default;

void parallel_for_index(std::size_t n, int jobs, const ParallelLoop::IndexBody& body) {
  ParallelLoop(jobs).for_each_index(n, body);
}

}  // namespace govsim
