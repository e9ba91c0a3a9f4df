// Compiled with -ffinite-math-only -fno-signed-zeros -fno-trapping-math (agents/CMakeLists.txt):
// with them the compiler turns the clamps into vector minimum and maximum instructions, and may
// put their operands in either order. No operand of a clamp is a NaN or a negative zero: every
// resident's value is a number in [0, 1] with no negative zero (clamp01 in agents/residents.cpp
// writes none, and a checkpoint holding one is refused), each clamped sum begins with such a
// value, and a sum is -0 only when both its terms are. So minimum and maximum give the same
// bits in either order, the flags change no result, and every version below agrees bit for bit
// (tests/agents/test_resident_day.cpp compares each with a std::clamp copy of the loop; the
// golden hashes are unchanged). Nothing else belongs in this file: the flags would apply to it
// too.
#include "agents/resident_day.hpp"

#include <algorithm>

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#include <immintrin.h>
#endif

namespace govsim {

namespace {

constexpr int kLanes = 8;

// The functions below are always inlined, so that each version further down compiles them for
// its own target: a call from the AVX2 version to an out-of-line copy would run the baseline's
// code.

[[gnu::always_inline]] inline float unit(float x) { return std::max(std::min(x, 1.0f), 0.0f); }

// Asks the memory for the line of each column that holds resident c.n + i (the next grid's),
// if i < c.ahead; called once every sixteen residents, a cache line of floats.
[[gnu::always_inline]] inline void fetch_ahead(const ResidentColumns& c, std::uint64_t i) {
  if (i >= c.ahead) return;
  const std::uint64_t k = c.n + i;
  __builtin_prefetch(c.hardship + k);
  __builtin_prefetch(c.trust + k);
  __builtin_prefetch(c.gain + k);
  __builtin_prefetch(c.happiness + k);
  __builtin_prefetch(c.security + k);
}

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

// The loop over a grid's residents from resident i on, adding to `acc`, then the lanes' sums in
// order; inlined into each version below.
[[gnu::always_inline]] inline ResidentDaySums finish_day(const ResidentColumns& c,
                                                         const ResidentDay& d, std::uint64_t i,
                                                         float (&acc)[5][kLanes]) {
  const std::uint64_t n = c.n;
  // Resident k adds to lane k % kLanes: whole blocks of kLanes, two at a time while the next
  // grid's line is asked for, then the rest.
  for (; i + 2 * kLanes <= n; i += 2 * kLanes) {
    fetch_ahead(c, i);
    block(c.hardship + i, c.trust + i, c.gain + i, c.happiness + i, c.security + i, kLanes, d, acc);
    const std::uint64_t j = i + kLanes;
    block(c.hardship + j, c.trust + j, c.gain + j, c.happiness + j, c.security + j, kLanes, d, acc);
  }
  for (; i + kLanes <= n; i += kLanes)
    block(c.hardship + i, c.trust + i, c.gain + i, c.happiness + i, c.security + i, kLanes, d, acc);
  block(c.hardship + i, c.trust + i, c.gain + i, c.happiness + i, c.security + i,
        static_cast<int>(n - i), d, acc);
  ResidentDaySums sums;
  for (int k = 0; k < 5; ++k)
    for (int l = 0; l < kLanes; ++l) sums.sum[k] += static_cast<double>(acc[k][l]);
  return sums;
}

[[gnu::always_inline]] inline ResidentDaySums run_day(const ResidentColumns& c,
                                                      const ResidentDay& day) {
  // Copies, so that no store to the arrays could change a coefficient or the count mid-loop.
  const ResidentDay d = day;
  float acc[5][kLanes] = {};
  return finish_day(c, d, 0, acc);
}

}  // namespace

// Three versions: one for the x86-64 baseline (SSE2, two registers a block of eight) and, with
// GCC on x86-64, one for CPUs with AVX2, whose 256-bit registers hold a block at once, and one
// for CPUs with AVX-512, whose registers hold two blocks; the first call picks the widest the CPU
// has. All do the same single-precision operations in the same order on each lane, with no fused
// multiply-add (AVX-512F has one, which GCC would use for a multiply and an add: this file is
// compiled with -ffp-contract=off, agents/CMakeLists.txt), so they give the same bits;
// tests/agents/test_resident_day.cpp checks each version the CPU can run against a scalar
// std::clamp copy.
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

// Sixteen residents a register (AVX-512): the same operations, in the same order, as block() on
// each lane. Resident i + l adds to lane l of the eight, then resident i + 8 + l, as two blocks
// of eight would. The clamps are written in std::min(x, 1) and std::max(y, 0)'s operand order,
// though with these flags the compiler may swap them (harmless: see the top of the file).
// GCC 12 warns that the intrinsics' own headers read an uninitialised value (_mm512_undefined_ps,
// a known false positive of that version): the warning is off for this part only.
#pragma GCC push_options
#pragma GCC target("avx512f")
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

namespace {

using V16 = __m512;

[[gnu::always_inline]] inline V16 unit16(V16 x) {
  return _mm512_max_ps(_mm512_setzero_ps(), _mm512_min_ps(_mm512_set1_ps(1.0f), x));
}

// unit(x + rate (target - x)), as block() moves gain, happiness and security.
[[gnu::always_inline]] inline V16 toward16(V16 x, V16 target, V16 rate) {
  return unit16(_mm512_add_ps(x, _mm512_mul_ps(rate, _mm512_sub_ps(target, x))));
}

// a += the low eight lanes of v, then a += the high eight.
[[gnu::always_inline]] inline void add_halves(__m256& a, V16 v) {
  a = _mm256_add_ps(a, _mm512_castps512_ps256(v));
  a = _mm256_add_ps(a, _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(v), 1)));
}

}  // namespace

ResidentDaySums step_resident_day_avx512(const ResidentColumns& c, const ResidentDay& day) {
  const ResidentDay d = day;
  const std::uint64_t n = c.n;
  const V16 one = _mm512_set1_ps(1.0f), keep = _mm512_set1_ps(d.keep),
            floor_strain = _mm512_set1_ps(d.floor_strain);
  const V16 trust_anchor = _mm512_set1_ps(d.trust_anchor),
            anchor_rate = _mm512_set1_ps(d.anchor_rate);
  const V16 mood = _mm512_set1_ps(d.mood), rate = _mm512_set1_ps(d.rate);
  const V16 gain_base = _mm512_set1_ps(d.gain_base), gain_trust = _mm512_set1_ps(d.gain_trust);
  const V16 happy_base = _mm512_set1_ps(d.happy_base),
            happy_grievance = _mm512_set1_ps(d.happy_grievance);
  const V16 secure_base = _mm512_set1_ps(d.secure_base),
            secure_grievance = _mm512_set1_ps(d.secure_grievance);
  __m256 acc[5];
  for (__m256& a : acc) a = _mm256_setzero_ps();
  std::uint64_t i = 0;
  for (; i + 16 <= n; i += 16) {
    fetch_ahead(c, i);
    const V16 h = _mm512_add_ps(_mm512_mul_ps(_mm512_loadu_ps(c.hardship + i), keep), floor_strain);
    const V16 t0 = _mm512_loadu_ps(c.trust + i);
    const V16 t = unit16(_mm512_add_ps(
        _mm512_add_ps(t0, _mm512_mul_ps(anchor_rate, _mm512_sub_ps(trust_anchor, t0))), mood));
    const V16 g = _mm512_mul_ps(h, _mm512_sub_ps(one, t));
    const V16 ga = toward16(_mm512_loadu_ps(c.gain + i),
                            _mm512_add_ps(_mm512_mul_ps(gain_trust, t), gain_base), rate);
    const V16 ha = toward16(_mm512_loadu_ps(c.happiness + i),
                            _mm512_sub_ps(happy_base, _mm512_mul_ps(happy_grievance, g)), rate);
    const V16 se = toward16(_mm512_loadu_ps(c.security + i),
                            _mm512_sub_ps(secure_base, _mm512_mul_ps(secure_grievance, g)), rate);
    _mm512_storeu_ps(c.hardship + i, h);
    _mm512_storeu_ps(c.trust + i, t);
    _mm512_storeu_ps(c.gain + i, ga);
    _mm512_storeu_ps(c.happiness + i, ha);
    _mm512_storeu_ps(c.security + i, se);
    add_halves(acc[0], t);
    add_halves(acc[1], g);
    add_halves(acc[2], ga);
    add_halves(acc[3], ha);
    add_halves(acc[4], se);
  }
  float lanes[5][kLanes];
  for (int k = 0; k < 5; ++k) _mm256_storeu_ps(lanes[k], acc[k]);
  return finish_day(c, d, i, lanes);  // fewer than sixteen left
}

#pragma GCC diagnostic pop
#pragma GCC pop_options

bool resident_day_avx512_available() {
  static const bool available = __builtin_cpu_supports("avx512f") != 0;
  return available;
}
#else
ResidentDaySums step_resident_day_avx2(const ResidentColumns& c, const ResidentDay& day) {
  return run_day(c, day);
}
bool resident_day_avx2_available() { return false; }
ResidentDaySums step_resident_day_avx512(const ResidentColumns& c, const ResidentDay& day) {
  return run_day(c, day);
}
bool resident_day_avx512_available() { return false; }
#endif

ResidentDaySums step_resident_day(const ResidentColumns& c, const ResidentDay& day) {
  if (resident_day_avx512_available()) return step_resident_day_avx512(c, day);
  return resident_day_avx2_available() ? step_resident_day_avx2(c, day)
                                       : step_resident_day_baseline(c, day);
}

}  // namespace govsim
