#include "sim/executor.hpp"

#include <tbb/blocked_range.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

namespace govsim {
namespace {

class TbbExecutor final : public Executor {
 public:
  explicit TbbExecutor(int threads)
      : arena_(threads > 0 ? threads : tbb::info::default_concurrency()) {}
  int concurrency() const override { return arena_.max_concurrency(); }
  void parallel_for(std::size_t n, const RangeBody& body) override {
    if (n == 0) return;
    if (arena_.max_concurrency() == 1) {
      body(0, n);
      return;
    }
    arena_.execute([&] {
      tbb::parallel_for(
          tbb::blocked_range<std::size_t>(0, n),
          [&](const tbb::blocked_range<std::size_t>& r) { body(r.begin(), r.end()); });
    });
  }

 private:
  tbb::task_arena arena_;
};

}  // namespace

std::unique_ptr<Executor> make_tbb_executor(int threads) {
  return std::make_unique<TbbExecutor>(threads);
}

}  // namespace govsim
