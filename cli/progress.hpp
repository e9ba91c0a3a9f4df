// The progress line of a run, on stderr and only when stderr is a terminal, so that logs and
// pipes never fill with carriage returns.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

#include "sim/metrics.hpp"

namespace govsim {

class ProgressLine {
 public:
  ProgressLine(bool wanted, std::int64_t total_days);  // shown if wanted and isatty(2)
  ~ProgressLine();  // clears the line, also when a run ends by an exception
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void update(std::int64_t day, const DayMetrics& today);
  void clear();

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  std::int64_t total_days_;
  Clock::time_point start_;
  Clock::time_point last_draw_;
  std::size_t last_width_ = 0;
};

}  // namespace govsim
