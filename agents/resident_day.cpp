// Compiled with -ffinite-math-only -fno-signed-zeros -fno-trapping-math (agents/CMakeLists.txt):
// with them the compiler turns the clamps into vector minimum and maximum instructions. Every
// value here is finite and in [0, 1] or a finite coefficient, and the update never produces a
// signed zero from non-zero operands, so the flags change no result (tests/agents/
// test_resident_day.cpp compares the bits with a std::clamp copy of the loop; the golden hashes
// are unchanged). Nothing else belongs in this file: the flags would apply to it too.
#include "agents/resident_day.hpp"

#include <algorithm>

namespace govsim {

namespace {

constexpr int kLanes = 8;

// The functions below are always inlined, so that each version further down compiles them for
// its own target: a call from the AVX2 version to an out-of-line copy would run the baseline's
// code.

[[gnu::always_inline]] inline float unit(float x) { return std::max(std::min(x, 1.0f), 0.0f); }

// Residents [0, count) of the arrays, resident k adding to lane k (count <= kLanes).
[[gnu::always_inline]] inline void block(float* __restrict hard, float* __restrict trust,
                                         float* __restrict gain, float* __restrict happy,
                                         float* __restrict secure, int count, const ResidentDay& d,
                                         float (&acc)[5][kLanes]) {
  for (int l = 0; l < count; ++l) {
    const float h = hard[l] * d.keep + d.floor_strain;
    hard[l] = h;
    const float t = unit(trust[l] + d.anchor_rate * (d.trust_anchor - trust[l]) + d.mood);
    trust[l] = t;
    const float g = h * (1.0f - t);
    const float ga = unit(gain[l] + d.rate * (d.gain_trust * t + d.gain_base - gain[l]));
    const float ha = unit(happy[l] + d.rate * (d.happy_base - d.happy_grievance * g - happy[l]));
    const float se =
        unit(secure[l] + d.rate * (d.secure_base - d.secure_grievance * g - secure[l]));
    gain[l] = ga;
    happy[l] = ha;
    secure[l] = se;
    acc[0][l] += t;
    acc[1][l] += g;
    acc[2][l] += ga;
    acc[3][l] += ha;
    acc[4][l] += se;
  }
}

// The loop over a grid's residents, inlined into each version below.
[[gnu::always_inline]] inline ResidentDaySums run_day(const ResidentColumns& c,
                                                      const ResidentDay& day) {
  // Copies, so that no store to the arrays could change a coefficient or the count mid-loop.
  const ResidentDay d = day;
  const std::uint64_t n = c.n;
  float acc[5][kLanes] = {};
  // Resident k adds to lane k % kLanes: whole blocks of kLanes, then the rest.
  std::uint64_t i = 0;
  for (; i + kLanes <= n; i += kLanes)
    block(c.hardship + i, c.trust + i, c.gain + i, c.happiness + i, c.security + i, kLanes, d, acc);
  block(c.hardship + i, c.trust + i, c.gain + i, c.happiness + i, c.security + i,
        static_cast<int>(n - i), d, acc);
  ResidentDaySums sums;
  for (int k = 0; k < 5; ++k)
    for (int l = 0; l < kLanes; ++l) sums.sum[k] += static_cast<double>(acc[k][l]);
  return sums;
}

}  // namespace

// Two versions: one for the x86-64 baseline (SSE2, two registers a block of eight) and, with
// GCC on x86-64, one for CPUs with AVX2, whose 256-bit registers hold a block at once; the first
// call picks one for the CPU. Both do the same single-precision operations in the same order on
// each lane (no fused multiply-add: the build has -ffp-contract=off and AVX2 alone does not
// enable FMA), so they give the same bits; tests/agents/test_resident_day.cpp checks each version
// the CPU can run against a scalar std::clamp copy.
ResidentDaySums step_resident_day_baseline(const ResidentColumns& c, const ResidentDay& day) {
  return run_day(c, day);
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target("avx2"))) ResidentDaySums step_resident_day_avx2(const ResidentColumns& c,
                                                                       const ResidentDay& day) {
  return run_day(c, day);
}
bool resident_day_avx2_available() {
  static const bool available = __builtin_cpu_supports("avx2") != 0;
  return available;
}
#else
ResidentDaySums step_resident_day_avx2(const ResidentColumns& c, const ResidentDay& day) {
  return run_day(c, day);
}
bool resident_day_avx2_available() { return false; }
#endif

ResidentDaySums step_resident_day(const ResidentColumns& c, const ResidentDay& day) {
  return resident_day_avx2_available() ? step_resident_day_avx2(c, day)
                                       : step_resident_day_baseline(c, day);
}

}  // namespace govsim
