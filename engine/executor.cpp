#include "engine/executor.hpp"

#include "engine/parallel.hpp"

namespace govsim {
namespace {

// oneTBB in the product; plain threads in a ThreadSanitizer build (engine/parallel.hpp).
class TbbExecutor final : public Executor {
 public:
  explicit TbbExecutor(int threads) : loop_(threads) {}
  int concurrency() const override { return loop_.concurrency(); }
  void parallel_for(std::size_t n, const RangeBody& body) override { loop_.for_ranges(n, body); }

 private:
  ParallelLoop loop_;
};

}  // namespace

std::unique_ptr<Executor> make_tbb_executor(int threads) {
  return std::make_unique<TbbExecutor>(threads);
}

}  // namespace govsim
