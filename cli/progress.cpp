#include "cli/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace govsim {

ProgressLine::ProgressLine(bool wanted, std::int64_t total_days)
    : enabled_(wanted && ::isatty(2) == 1),
      total_days_(total_days),
      start_(Clock::now()),
      last_draw_(start_) {}

ProgressLine::~ProgressLine() { clear(); }

void ProgressLine::update(std::int64_t day, const DayMetrics& today) {
  if (!enabled_) return;
  const auto now = Clock::now();
  // Ten redraws a second at most: a fast run would otherwise spend its time in the terminal.
  if (day < total_days_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double done =
      total_days_ > 0 ? static_cast<double>(day) / static_cast<double>(total_days_) : 1;
  const double eta = done > 0 ? elapsed * (1 - done) / done : 0;
  char buf[160];
  const int n = std::snprintf(
      buf, sizeof buf, "day %lld/%lld  %3.0f%%  backlog %lld  trust %.2f  %.1f s, %.0f s left",
      static_cast<long long>(day), static_cast<long long>(total_days_), 100 * done,
      static_cast<long long>(today.backlog), today.trust_mean, elapsed, eta);
  std::string line(buf, n > 0 ? std::min(static_cast<std::size_t>(n), sizeof buf - 1) : 0);
  const std::size_t width = line.size();
  if (width < last_width_) line.append(last_width_ - width, ' ');  // cover a longer old line
  last_width_ = width;
  std::fprintf(stderr, "\r%s", line.c_str());
  std::fflush(stderr);
}

void ProgressLine::clear() {
  if (!enabled_ || last_width_ == 0) return;
  std::fprintf(stderr, "\r%s\r", std::string(last_width_, ' ').c_str());
  std::fflush(stderr);
  last_width_ = 0;
}

}  // namespace govsim
