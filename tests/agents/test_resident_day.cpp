// The residents' daily loop is compiled to vector code with flags that let the compiler treat
// its clamps as minimum and maximum instructions (agents/CMakeLists.txt). Its results must be the
// bits of the same update written with std::clamp and compiled without those flags (this file
// is), for values in range, at and beyond the clamps' edges, and for every grid size's tail.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <utility>
#include <vector>

#include "agents/resident_day.hpp"
#include "engine/rng.hpp"
#include "model/streams.hpp"

using namespace govsim;

namespace {

struct Arrays {
  std::vector<float> hard, trust, gain, happy, secure;
  ResidentColumns columns() {
    return {hard.data(), trust.data(), gain.data(), happy.data(), secure.data(), hard.size()};
  }
};

// The update as it was written before it moved to its own file: std::clamp, eight lanes.
ResidentDaySums reference(Arrays& a, const ResidentDay& d) {
  float acc[5][8] = {};
  for (std::size_t i = 0; i < a.hard.size(); ++i) {
    const std::size_t l = i % 8;
    const float h = a.hard[i] * d.keep + d.floor_strain;
    a.hard[i] = h;
    const float t =
        std::clamp(a.trust[i] + d.anchor_rate * (d.trust_anchor - a.trust[i]) + d.mood, 0.0f, 1.0f);
    a.trust[i] = t;
    const float g = h * (1.0f - t);
    const float ga =
        std::clamp(a.gain[i] + d.rate * (d.gain_trust * t + d.gain_base - a.gain[i]), 0.0f, 1.0f);
    const float ha = std::clamp(
        a.happy[i] + d.rate * (d.happy_base - d.happy_grievance * g - a.happy[i]), 0.0f, 1.0f);
    const float se = std::clamp(
        a.secure[i] + d.rate * (d.secure_base - d.secure_grievance * g - a.secure[i]), 0.0f, 1.0f);
    a.gain[i] = ga;
    a.happy[i] = ha;
    a.secure[i] = se;
    acc[0][l] += t;
    acc[1][l] += g;
    acc[2][l] += ga;
    acc[3][l] += ha;
    acc[4][l] += se;
  }
  ResidentDaySums s;
  for (int k = 0; k < 5; ++k)
    for (int l = 0; l < 8; ++l) s.sum[k] += static_cast<double>(acc[k][l]);
  return s;
}

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
  // memcmp must not be given the null data() of an empty vector, even for no bytes.
  return a.size() == b.size() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0);
}

// Each version this CPU can run, and the one the program picks.
using Step = ResidentDaySums (*)(const ResidentColumns&, const ResidentDay&);
std::vector<std::pair<const char*, Step>> versions() {
  std::vector<std::pair<const char*, Step>> v = {{"baseline", step_resident_day_baseline},
                                                 {"chosen", step_resident_day}};
  if (resident_day_avx2_available()) v.emplace_back("avx2", step_resident_day_avx2);
  if (resident_day_avx512_available()) v.emplace_back("avx512", step_resident_day_avx512);
  return v;
}

}  // namespace

TEST_CASE("the vectorised resident day gives std::clamp's bits") {
  for (std::uint64_t trial = 0; trial < 200; ++trial) {
    Stream s(7, Purpose::ResidentInit, trial, 0);
    const auto n = static_cast<std::size_t>(s.uniform() * 40.0);  // every tail length, and 0
    Arrays a;
    for (auto* v : {&a.hard, &a.trust, &a.gain, &a.happy, &a.secure}) {
      v->resize(n);
      for (float& x : *v) {
        const double u = s.uniform();
        // A tenth at the edges exactly; the rest anywhere in [0, 1].
        x = u < 0.05 ? 0.0f : u < 0.1 ? 1.0f : static_cast<float>(s.uniform());
      }
    }
    // Coefficients large enough, either way, that many values land beyond the clamps.
    auto coef = [&](double scale) { return static_cast<float>(scale * (2.0 * s.uniform() - 1.0)); };
    const ResidentDay d{static_cast<float>(s.uniform()),
                        coef(0.1),
                        static_cast<float>(s.uniform()),
                        static_cast<float>(s.uniform()),
                        coef(0.8),
                        static_cast<float>(s.uniform()),
                        coef(2.0),
                        coef(2.0),
                        coef(2.0),
                        coef(2.0),
                        coef(2.0),
                        coef(2.0)};
    Arrays b = a;
    const ResidentDaySums slow = reference(b, d);
    // The bits cannot tell whether the AVX2 version really runs 256-bit code (it once called the
    // baseline's loop): that is seen in its object code and in the bench's ns per resident-day.
    for (const auto& [name, step] : versions()) {
      Arrays fast_arrays = a;
      const ResidentDaySums fast = step(fast_arrays.columns(), d);
      INFO("trial " << trial << ", " << n << " residents, version " << name);
      CHECK(same_bits(fast_arrays.hard, b.hard));
      CHECK(same_bits(fast_arrays.trust, b.trust));
      CHECK(same_bits(fast_arrays.gain, b.gain));
      CHECK(same_bits(fast_arrays.happy, b.happy));
      CHECK(same_bits(fast_arrays.secure, b.secure));
      CHECK(std::memcmp(fast.sum, slow.sum, sizeof fast.sum) == 0);
    }
  }
}

TEST_CASE("fetching the next grid ahead changes neither grid") {
  // Two grids in one set of arrays: the first updated with the second fetched ahead (all of it
  // or half of it) gives the bits of the update with nothing fetched, and leaves the second grid
  // as it was.
  for (std::uint64_t trial = 0; trial < 60; ++trial) {
    Stream s(11, Purpose::ResidentInit, trial, 0);
    const auto n = 1 + static_cast<std::size_t>(s.uniform() * 70.0);
    const auto m = static_cast<std::size_t>(s.uniform() * 70.0);
    Arrays a;
    for (auto* v : {&a.hard, &a.trust, &a.gain, &a.happy, &a.secure}) {
      v->resize(n + m);
      for (float& x : *v) x = static_cast<float>(s.uniform());
    }
    const ResidentDay d{0.9f, 0.01f, 0.6f, 0.05f, 0.001f, 0.1f, 0.2f, 0.5f, 0.7f, 0.3f, 0.8f, 0.4f};
    for (const auto& [name, step] : versions()) {
      for (const std::size_t ahead : {m, m / 2}) {
        Arrays plain = a, fetched = a;
        ResidentColumns pc = plain.columns(), fc = fetched.columns();
        pc.n = fc.n = n;
        fc.ahead = ahead;
        const ResidentDaySums want = step(pc, d);
        const ResidentDaySums got = step(fc, d);
        INFO("trial " << trial << ", " << n << " + " << m << " residents, ahead " << ahead
                      << ", version " << name);
        CHECK(same_bits(fetched.hard, plain.hard));
        CHECK(same_bits(fetched.trust, plain.trust));
        CHECK(same_bits(fetched.gain, plain.gain));
        CHECK(same_bits(fetched.happy, plain.happy));
        CHECK(same_bits(fetched.secure, plain.secure));
        CHECK(std::equal(fetched.hard.begin() + static_cast<std::ptrdiff_t>(n), fetched.hard.end(),
                         a.hard.begin() + static_cast<std::ptrdiff_t>(n)));
        CHECK(std::memcmp(got.sum, want.sum, sizeof got.sum) == 0);
      }
    }
  }
}
