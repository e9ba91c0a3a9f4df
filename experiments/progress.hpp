// The progress of a batch on stderr: done/total, runs per second and the time left. On a
// terminal it is a bar redrawn in place; in a log (Slurm, CI, a pipe) it is a plain line every
// ten seconds, so that the log neither fills with carriage returns nor stays silent for hours.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace govsim::batch {

class BatchProgress {
 public:
  BatchProgress(bool wanted, std::int64_t total, std::string label, int jobs);
  ~BatchProgress();  // prints the closing line, also when the batch ends by an exception
  BatchProgress(const BatchProgress&) = delete;
  BatchProgress& operator=(const BatchProgress&) = delete;

  void advance(bool failed);  // one run finished; any thread

 private:
  using Clock = std::chrono::steady_clock;
  void draw(bool final_line);

  bool enabled_;
  bool terminal_;
  std::int64_t total_;
  std::string label_;
  int jobs_;
  std::int64_t done_ = 0;
  std::int64_t failed_ = 0;
  Clock::time_point start_;
  Clock::time_point last_draw_;
  std::size_t last_width_ = 0;
  std::mutex mutex_;
};

std::string format_duration(double seconds);  // "4 s", "2 min 05 s", "3 h 07 min"

}  // namespace govsim::batch
