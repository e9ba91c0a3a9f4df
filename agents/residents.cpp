#include "agents/residents.hpp"

#include <algorithm>

#include "model/streams.hpp"

namespace govsim {
namespace {

float clamp01(double x) { return static_cast<float>(std::clamp(x, 0.0, 1.0)); }

}  // namespace

void init_residents(Residents& r, const City& city, const Scenario& sc) {
  const std::size_t n = city.residents;
  r.hardship.resize(n);
  r.trust.resize(n);
  r.expectation.resize(n);
  r.gain.resize(n);
  r.happiness.resize(n);
  r.security.resize(n);
  r.propensity.resize(n);
  r.flags.assign(n, 0);
  for (std::uint32_t g = 0; g < city.grids; ++g) {
    const bool old = city.grid_housing[g] == HousingType::OldCompound;
    for (std::uint64_t i = city.grid_first_resident[g]; i < city.grid_first_resident[g + 1]; ++i) {
      Stream s(sc.run.seed, Purpose::ResidentInit, i, 0);
      std::uint8_t f = 0;
      if (s.bernoulli(city.grid_migrant[g])) f |= kMigrant;
      if (s.bernoulli(city.grid_elderly[g])) f |= kElderly;
      r.flags[i] = f;
      // Old compounds carry more strain; migrants trust local bodies a little less at first.
      r.hardship[i] = clamp01(s.lognormal(old ? 0.30 : 0.22, 0.5));
      r.trust[i] = clamp01(0.55 + 0.12 * s.normal() - ((f & kMigrant) ? 0.05 : 0.0));
      r.expectation[i] = clamp01(0.5 + 0.1 * s.normal());
      r.gain[i] = clamp01(0.5 + 0.1 * s.normal());
      r.happiness[i] = clamp01(0.55 + 0.1 * s.normal());
      r.security[i] = clamp01(0.6 + 0.1 * s.normal());
      // Elderly residents report more, migrants less (weaker ties to the committee).
      const double base =
          sc.model.report_propensity * ((f & kElderly) ? 1.15 : 1.0) * ((f & kMigrant) ? 0.8 : 1.0);
      r.propensity[i] = clamp01(base * s.lognormal(1.0, 0.3));
    }
  }
}

double dispute_hazard(const Residents& r, std::size_t i, double base, double housing_factor,
                      const ModelConfig& model) {
  return base * housing_factor * (1.0 + model.grievance_dispute_gain * r.grievance(i));
}

double report_probability(const Residents& r, std::size_t i, const GovernanceConfig& gov) {
  // Trust makes people use the channels; a platform puts a channel in every pocket;
  // participation is the committee's habit of asking.
  const double p = r.propensity[i] * (0.6 + 0.8 * r.trust[i]) * (1.0 + 0.5 * gov.platform.level) *
                   (0.85 + 0.5 * gov.participation);
  return std::min(0.98, p);
}

ResidentSums step_grid_residents(Residents& r, std::uint64_t first, std::uint64_t last,
                                 const std::vector<Feedback>& feedback, const GridClimate& climate,
                                 const GovernanceConfig& gov, const ModelConfig& model) {
  // Own cases: expectancy-disconfirmation (Van Ryzin 2006). Satisfaction raises trust, and
  // performance above expectation raises it further; expectations adapt toward experience.
  for (const Feedback& f : feedback) {
    const std::size_t i = f.resident;
    const double perf = 0.5 * (f.satisfaction + 1.0);
    const double surprise = perf - r.expectation[i];
    r.trust[i] = clamp01(r.trust[i] + model.trust_rate * (f.satisfaction + 0.5 * surprise));
    r.expectation[i] = clamp01(r.expectation[i] + 0.3 * (perf - r.expectation[i]));
    r.hardship[i] = clamp01(r.hardship[i] + f.hardship);
    r.gain[i] = clamp01(r.gain[i] + 0.2 * f.satisfaction);
  }
  // The daily update is written in float with eight lane accumulators so that the compiler can
  // vectorise it; each grid's sums are then combined in a fixed order, so the result does not
  // depend on which thread runs the grid.
  const float decay = static_cast<float>(model.grievance_decay);
  const float keep = 1.0f - decay;
  const float floor_strain = decay * 0.2f;
  const float rate = static_cast<float>(model.sense_rate);
  const float mood = static_cast<float>(climate.neighbour_mood);
  // Leadership and participation lend legitimacy over time (paper, remedy 2).
  const float trust_anchor = static_cast<float>(0.2 + 0.25 * gov.leadership +
                                                0.15 * gov.participation + 0.25 * climate.service);
  const float hazard = static_cast<float>(std::min(1.0, climate.hazard_exposure / 5.0));
  const float disputes = static_cast<float>(std::min(1.0, climate.dispute_exposure / 5.0));
  const float gain_base = 0.55f * static_cast<float>(climate.service);
  const float happy_base = 0.9f - 0.25f * disputes;
  const float secure_base = 0.95f - 0.5f * hazard - 0.2f * disputes;
  float* __restrict hard = r.hardship.data();
  float* __restrict trust = r.trust.data();
  float* __restrict gain = r.gain.data();
  float* __restrict happy = r.happiness.data();
  float* __restrict secure = r.security.data();
  constexpr int kLanes = 8;
  float acc[5][kLanes] = {};
  auto one = [&](std::uint64_t i, int lane) {
    const float h = hard[i] * keep + floor_strain;
    hard[i] = h;
    const float t = std::clamp(trust[i] + 0.01f * (trust_anchor - trust[i]) + mood, 0.0f, 1.0f);
    trust[i] = t;
    const float g = h * (1.0f - t);
    const float ga = std::clamp(gain[i] + rate * (0.45f * t + gain_base - gain[i]), 0.0f, 1.0f);
    const float ha = std::clamp(happy[i] + rate * (happy_base - 0.8f * g - happy[i]), 0.0f, 1.0f);
    const float se =
        std::clamp(secure[i] + rate * (secure_base - 0.2f * g - secure[i]), 0.0f, 1.0f);
    gain[i] = ga;
    happy[i] = ha;
    secure[i] = se;
    acc[0][lane] += t;
    acc[1][lane] += g;
    acc[2][lane] += ga;
    acc[3][lane] += ha;
    acc[4][lane] += se;
  };
  std::uint64_t i = first;
  for (; i + kLanes <= last; i += kLanes)
    for (int l = 0; l < kLanes; ++l) one(i + static_cast<std::uint64_t>(l), l);
  for (int l = 0; i < last; ++i, ++l) one(i, l);
  ResidentSums sums;
  double* out[5] = {&sums.trust, &sums.grievance, &sums.gain, &sums.happiness, &sums.security};
  for (int k = 0; k < 5; ++k)
    for (int l = 0; l < kLanes; ++l) *out[k] += static_cast<double>(acc[k][l]);
  sums.dispute_hazard = double(last - first) + model.grievance_dispute_gain * sums.grievance;
  return sums;
}

}  // namespace govsim
