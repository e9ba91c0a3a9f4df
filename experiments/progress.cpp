#include "experiments/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace govsim::batch {

std::string format_duration(double seconds) {
  char buf[64];
  const long long s = std::llround(std::max(0.0, seconds));
  if (s < 60) {
    std::snprintf(buf, sizeof buf, "%lld s", s);
  } else if (s < 3600) {
    std::snprintf(buf, sizeof buf, "%lld min %02lld s", s / 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%lld h %02lld min", s / 3600, (s % 3600) / 60);
  }
  return buf;
}

BatchProgress::BatchProgress(bool wanted, std::int64_t total, std::string label, int jobs)
    : enabled_(wanted && total > 0),
      terminal_(::isatty(2) == 1),
      total_(total),
      label_(std::move(label)),
      jobs_(jobs),
      start_(Clock::now()),
      last_draw_(start_) {
  if (enabled_ && terminal_) draw(false);
}

BatchProgress::~BatchProgress() {
  if (!enabled_) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  draw(true);
}

void BatchProgress::advance(bool failed) {
  if (!enabled_) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  ++done_;
  if (failed) ++failed_;
  const auto now = Clock::now();
  const auto every = terminal_ ? std::chrono::milliseconds(100) : std::chrono::milliseconds(10000);
  if (done_ < total_ && now - last_draw_ < every) return;
  if (done_ == total_) return;  // the destructor draws the closing line
  last_draw_ = now;
  draw(false);
}

void BatchProgress::draw(bool final_line) {
  const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0;
  std::string failed = failed_ > 0 ? ", " + std::to_string(failed_) + " failed" : "";
  char buf[256];
  std::string line;
  if (final_line) {
    std::snprintf(buf, sizeof buf, "%s: %lld/%lld runs%s in %s, %.2f runs/s with %d jobs",
                  label_.c_str(), static_cast<long long>(done_), static_cast<long long>(total_),
                  failed.c_str(), format_duration(elapsed).c_str(), rate, jobs_);
    line = buf;
  } else {
    const double left = rate > 0 ? static_cast<double>(total_ - done_) / rate : std::nan("");
    const std::string eta = std::isnan(left) ? "--" : format_duration(left);
    std::string bar;
    if (terminal_) {
      constexpr int width = 24;
      const int filled = static_cast<int>(width * done_ / std::max<std::int64_t>(total_, 1));
      bar = "[" + std::string(static_cast<std::size_t>(filled), '#') +
            std::string(static_cast<std::size_t>(width - filled), '.') + "] ";
    }
    std::snprintf(buf, sizeof buf, "%s: %s%lld/%lld runs%s  %.2f runs/s  ETA %s", label_.c_str(),
                  bar.c_str(), static_cast<long long>(done_), static_cast<long long>(total_),
                  failed.c_str(), rate, eta.c_str());
    line = buf;
  }
  if (terminal_) {
    const std::size_t width = line.size();
    if (width < last_width_) line.append(last_width_ - width, ' ');
    last_width_ = width;
    std::fprintf(stderr, "\r%s%s", line.c_str(), final_line ? "\n" : "");
  } else {
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  std::fflush(stderr);
}

}  // namespace govsim::batch
