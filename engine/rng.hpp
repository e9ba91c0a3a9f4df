// Counter-based random numbers: every draw is Philox4x32-10(key = seed; counter = purpose,
// entity, time, draw index). There is no engine state to share between threads and no global
// generator: a stream is rebuilt from its coordinates wherever it is needed.
//
// The model keys its draws by entity and purpose, never by which worker ran them or how many
// came before, so that a change in one part leaves every other draw where it was (common random
// numbers across designs).
//
// The distributions are the project's own: the standard library's differ between platforms.
#pragma once

#include <Random123/philox.h>

#include <cmath>
#include <cstdint>

namespace govsim {

class Stream {
 public:
  // A draw at or below this is a Poisson count of 0 at `mean` in (0, 50]: exp(-mean) > 1 - mean,
  // and the relative margin of 2^-40 is far above the rounding of exp (an ulp or two) and of
  // 1 - mean.
  static double poisson_zero_bound(double mean) { return (1.0 - mean) * (1.0 - 0x1p-40); }

  // `purpose` is any enumeration of the model's kinds of draw (model/streams.hpp names the
  // governance model's); it keeps the streams of different purposes apart.
  template <class Purpose>
  Stream(std::uint64_t seed, Purpose purpose, std::uint64_t entity, std::uint64_t time)
      : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}},
        ctr_{{static_cast<std::uint32_t>(entity), static_cast<std::uint32_t>(entity >> 32),
              static_cast<std::uint32_t>(time),
              (static_cast<std::uint32_t>(purpose) << 20) ^
                  static_cast<std::uint32_t>(time >> 32)}} {}

  std::uint32_t next_u32() {
    if (used_ == 4) refill();
    return buf_.v[used_++];
  }

  // Uniform on the open interval (0, 1), 53 bits.
  double uniform() {
    const std::uint64_t hi = next_u32();
    const std::uint64_t lo = next_u32();
    const std::uint64_t bits = ((hi << 32) | lo) >> 11;
    return (static_cast<double>(bits) + 0.5) * 0x1.0p-53;
  }

  bool bernoulli(double p) { return uniform() < p; }

  // Uniform integer in [0, n), n > 0 (Lemire's multiply-shift; bias below 2^-32 for our sizes).
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>((static_cast<std::uint64_t>(next_u32()) * n) >> 32);
  }

  double exponential(double mean) { return exponential_at(mean, uniform()); }
  // The exponential draw of `mean` that uniform draw u gives: a caller that may not need the
  // value draws u (keeping the stream's place) and computes the logarithm only if it does.
  static double exponential_at(double mean, double u) { return -mean * std::log(u); }

  double normal() {
    // Box-Muller, one value per call: simple and exactly reproducible.
    const double u1 = uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

  double lognormal(double median, double sigma) { return median * std::exp(sigma * normal()); }

  // Poisson by inversion for small means, and by a normal approximation with continuity
  // correction above 50, where the error is far below the model's other uncertainties.
  std::uint32_t poisson(double mean) {
    if (!(mean > 0)) return 0;
    if (mean > 50) {
      const double x = std::floor(mean + std::sqrt(mean) * normal() + 0.5);
      if (!(x >= 0)) return 0;  // below zero, or not a number (an infinite mean)
      return x < 4294967295.0 ? static_cast<std::uint32_t>(x) : 4294967295u;
    }
    const double u = uniform();
    // No exp for most draws at small means: exp(-mean) > 1 - mean, and with a margin far wider
    // than the rounding of either side a draw at or below the bound is k = 0 as the loop below
    // would find (tests/engine/test_rng.cpp compares with the plain inversion).
    if (u <= poisson_zero_bound(mean)) return 0;
    double p = std::exp(-mean);
    double cdf = p;
    std::uint32_t k = 0;
    while (u > cdf && k < 1000) {
      ++k;
      p *= mean / k;
      cdf += p;
    }
    return k;
  }

 private:
  void refill() {
    buf_ = r123::Philox4x32()(ctr_, key_);
    ++ctr_.v[3];  // the low 20 bits of word 3 count blocks within a stream
    used_ = 0;
  }

  r123::Philox4x32::key_type key_;
  r123::Philox4x32::ctr_type ctr_;
  r123::Philox4x32::ctr_type buf_{};
  int used_ = 4;
};

}  // namespace govsim
