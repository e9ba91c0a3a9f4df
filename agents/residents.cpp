#include "agents/residents.hpp"

#include <algorithm>
#include <cmath>

#include "agents/resident_day.hpp"
#include "model/streams.hpp"

namespace govsim {
namespace {

// Adding 0.0 turns a -0 into +0 and changes nothing else: no resident's value is a negative zero,
// which the daily update's vector versions need to give the same bits (agents/resident_day.cpp).
float clamp01(double x) { return static_cast<float>(std::clamp(x, 0.0, 1.0) + 0.0); }

// Own cases: expectancy-disconfirmation (Van Ryzin 2006). Satisfaction raises trust, and
// performance above expectation raises it further; expectations adapt toward experience. A
// resident who contacted no office judges none: only hardship and security move.
void apply_feedback(Residents& r, const std::vector<Feedback>& feedback, const ModelConfig& model) {
  const TrustBehaviour& tb = model.behaviour.trust;
  const SensesBehaviour& sb = model.behaviour.senses;
  for (const Feedback& f : feedback) {
    const std::size_t i = f.resident;
    r.hardship[i] = clamp01(r.hardship[i] + f.hardship);
    r.security[i] = clamp01(r.security[i] + f.security);
    if (!f.contacted) continue;                        // no office was asked, so none is judged
    const double perf = 0.5 * (f.satisfaction + 1.0);  // satisfaction on the 0..1 scale
    const double surprise = perf - r.expectation[i];
    r.trust[i] =
        clamp01(r.trust[i] + model.trust_rate * (f.satisfaction + tb.surprise_weight * surprise));
    r.expectation[i] = clamp01(r.expectation[i] + tb.expectation_rate * (perf - r.expectation[i]));
    r.gain[i] = clamp01(r.gain[i] + sb.gain_per_case * f.satisfaction);
  }
}

}  // namespace

void init_residents(Residents& r, const City& city, const Scenario& sc, const GridLoop& loop) {
  const std::size_t n = city.residents;
  r.hardship.resize(n);
  r.trust.resize(n);
  r.expectation.resize(n);
  r.gain.resize(n);
  r.happiness.resize(n);
  r.security.resize(n);
  r.propensity.resize(n);
  r.flags.resize(n);
  const ResidentStart& st = sc.model.behaviour.residents;
  const ReportingBehaviour& rep = sc.model.behaviour.reporting;
  for_each_grid_range(loop, city.grids, [&](std::size_t begin, std::size_t end) {
    for (std::size_t gi = begin; gi < end; ++gi) {
      const auto g = static_cast<std::uint32_t>(gi);
      const bool old = city.grid_housing[g] == HousingType::OldCompound;
      for (std::uint64_t i = city.grid_first_resident[g]; i < city.grid_first_resident[g + 1];
           ++i) {
        Stream s(sc.run.seed, Purpose::ResidentInit, i, 0);
        std::uint8_t f = 0;
        if (s.bernoulli(city.grid_migrant[g])) f |= kMigrant;
        if (s.bernoulli(city.grid_elderly[g])) f |= kElderly;
        r.flags[i] = f;
        // Old compounds carry more strain; migrants trust local bodies a little less at first.
        r.hardship[i] =
            clamp01(s.lognormal(old ? st.hardship_old_compound : st.hardship, st.hardship_sigma));
        r.trust[i] = clamp01(st.trust + st.trust_sd * s.normal() -
                             ((f & kMigrant) ? st.migrant_trust_gap : 0.0));
        r.expectation[i] = clamp01(st.expectation + st.sense_sd * s.normal());
        r.gain[i] = clamp01(st.gain + st.sense_sd * s.normal());
        r.happiness[i] = clamp01(st.happiness + st.sense_sd * s.normal());
        r.security[i] = clamp01(st.security + st.sense_sd * s.normal());
        // Elderly residents report more, migrants less (weaker ties to the committee).
        const double base = sc.model.report_propensity * ((f & kElderly) ? rep.elderly : 1.0) *
                            ((f & kMigrant) ? rep.migrant : 1.0);
        r.propensity[i] = clamp01(base * s.lognormal(1.0, rep.propensity_sigma));
      }
    }
  });
}

double report_probability(const Residents& r, std::size_t i, const GovernanceConfig& gov,
                          const ReportingBehaviour& b) {
  // Trust makes people use the channels; a platform puts a channel in every pocket.
  const double p = r.propensity[i] * (b.trust_base + b.trust_gain * r.trust[i]) *
                   (1.0 + b.platform_reach * gov.platform.level);
  return std::min(b.cap, p);
}

ResidentSums step_grid_residents(Residents& r, std::uint64_t first, std::uint64_t last,
                                 const std::vector<Feedback>& feedback, const GridClimate& climate,
                                 const ModelConfig& model, std::uint64_t ahead) {
  apply_feedback(r, feedback, model);
  const TrustBehaviour& tb = model.behaviour.trust;
  const SensesBehaviour& sb = model.behaviour.senses;
  // The daily update runs in float over the grid's residents (agents/resident_day.cpp, vector
  // code); each grid's sums are then combined in a fixed order, so the result does not depend on
  // which thread runs the grid.
  const float decay = static_cast<float>(model.grievance_decay);
  // A consultation meeting (协商议事) today eases the strain of those who take part; per
  // resident, the expected share (a mean field, like the neighbours' accounts).
  const float keep = (1.0f - decay) * (1.0f - static_cast<float>(climate.consultation));
  const float floor_strain = decay * static_cast<float>(model.behaviour.residents.hardship_floor);
  const float rate = static_cast<float>(model.sense_rate);
  const float mood = static_cast<float>(climate.neighbour_mood);
  // Trust relaxes toward what the grid's service record says (residents' own experience and
  // what they hear); design settings reach it only through that record.
  const float trust_anchor =
      static_cast<float>(tb.anchor_base + tb.anchor_service * climate.service);
  const float anchor_rate = static_cast<float>(tb.anchor_rate);
  // Exposure: the chance of at least one open hazard (dispute) near a resident, with the
  // expected number near one resident as the Poisson mean.
  const float hazard = static_cast<float>(1.0 - std::exp(-climate.hazard_exposure));
  const float disputes = static_cast<float>(1.0 - std::exp(-climate.dispute_exposure));
  const float gain_base = static_cast<float>(sb.gain_service) * static_cast<float>(climate.service);
  const float gain_trust = static_cast<float>(sb.gain_trust);
  const float happy_base =
      static_cast<float>(sb.happiness_base) - static_cast<float>(sb.happiness_disputes) * disputes;
  const float happy_grievance = static_cast<float>(sb.happiness_grievance);
  const float secure_base = static_cast<float>(sb.security_base) -
                            static_cast<float>(sb.security_hazards) * hazard -
                            static_cast<float>(sb.security_disputes) * disputes;
  const float secure_grievance = static_cast<float>(sb.security_grievance);
  const ResidentDay day{keep,        floor_strain,    trust_anchor, anchor_rate, mood,
                        rate,        gain_base,       gain_trust,   happy_base,  happy_grievance,
                        secure_base, secure_grievance};
  const ResidentColumns columns{r.hardship.data() + first,       r.trust.data() + first,
                                r.gain.data() + first,           r.happiness.data() + first,
                                r.security.data() + first,       last - first,
                                std::min(ahead, r.size() - last)};
  const ResidentDaySums day_sums = step_resident_day(columns, day);
  ResidentSums sums;
  sums.trust = day_sums.sum[0];
  sums.grievance = day_sums.sum[1];
  sums.gain = day_sums.sum[2];
  sums.happiness = day_sums.sum[3];
  sums.security = day_sums.sum[4];
  sums.dispute_hazard = double(last - first) + model.grievance_dispute_gain * sums.grievance;
  return sums;
}

}  // namespace govsim
