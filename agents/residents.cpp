#include "agents/residents.hpp"

#include <algorithm>

#include "sim/rng.hpp"

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
  const double decay = model.grievance_decay;
  const double rate = model.sense_rate;
  const double mood = climate.neighbour_mood;
  // Leadership and participation lend legitimacy over time (paper, remedy 2).
  const double trust_anchor =
      0.2 + 0.25 * gov.leadership + 0.15 * gov.participation + 0.25 * climate.service;
  const double hazard = std::min(1.0, climate.hazard_exposure / 5.0);
  const double disputes = std::min(1.0, climate.dispute_exposure / 5.0);
  ResidentSums sums;
  for (std::uint64_t i = first; i < last; ++i) {
    const float h = static_cast<float>(r.hardship[i] * (1.0 - decay) + decay * 0.2);
    r.hardship[i] = h;
    const double t = r.trust[i] + 0.01 * (trust_anchor - r.trust[i]) + mood;
    r.trust[i] = clamp01(t);
    const double grievance = r.grievance(i);
    const double gain_target = 0.45 * r.trust[i] + 0.55 * climate.service;
    const double happy_target = 0.9 - 0.8 * grievance - 0.25 * disputes;
    const double secure_target = 0.95 - 0.5 * hazard - 0.2 * disputes - 0.2 * grievance;
    r.gain[i] = clamp01(r.gain[i] + rate * (gain_target - r.gain[i]));
    r.happiness[i] = clamp01(r.happiness[i] + rate * (happy_target - r.happiness[i]));
    r.security[i] = clamp01(r.security[i] + rate * (secure_target - r.security[i]));
    sums.trust += r.trust[i];
    sums.grievance += grievance;
    sums.gain += r.gain[i];
    sums.happiness += r.happiness[i];
    sums.security += r.security[i];
    sums.dispute_hazard += 1.0 + model.grievance_dispute_gain * grievance;
  }
  return sums;
}

}  // namespace govsim
