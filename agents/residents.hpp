// Residents: the city's whole population, one entry each, stored grid by grid as
// structure-of-arrays. 29 bytes of state per resident (see the field comments).
//
// A resident's household and grid are not stored: residents of a grid are contiguous
// (City::grid_first_resident) and households are consecutive runs inside a grid.
#pragma once

#include <cstdint>
#include <vector>

#include "agents/grid_loop.hpp"
#include "engine/uninit_vector.hpp"
#include "model/city.hpp"
#include "model/params.hpp"

namespace govsim {

enum ResidentFlag : std::uint8_t {
  kMigrant = 1u << 0,
  kVolunteer = 1u << 1,
  kElderly = 1u << 2,
};

struct Residents {
  UninitVector<float> hardship;      // 4  material and relational strain, 0..1
  UninitVector<float> trust;         // 4  trust in the local bodies (legitimacy), 0..1
  UninitVector<float> expectation;   // 4  expected service performance, 0..1 (adapts)
  UninitVector<float> gain;          // 4  sense of gain 获得感, 0..1
  UninitVector<float> happiness;     // 4  sense of happiness 幸福感, 0..1
  UninitVector<float> security;      // 4  sense of security 安全感, 0..1
  UninitVector<float> propensity;    // 4  chance of reporting a problem they have
  UninitVector<std::uint8_t> flags;  // 1  ResidentFlag bits

  std::size_t size() const { return trust.size(); }
  // Epstein's form: grievance = hardship x (1 - legitimacy).
  float grievance(std::size_t i) const { return hardship[i] * (1.0f - trust[i]); }
};

// What one case did to its resident. A resident who contacted the system (the case was
// reported) judges the service: satisfaction moves trust, expectation and the sense of gain. A
// resident whose problem nobody ever reported judges no office: only hardship and security move.
struct Feedback {
  std::uint32_t resident;
  float satisfaction;  // -1 (failed, dropped, very late) .. +1 (fast and settled)
  float hardship;      // change of the resident's hardship
  float security = 0;  // change of the resident's sense of security (harm from a hazard)
  bool contacted = true;
};

// What the grid's residents read about their surroundings (yesterday's state), per resident,
// so that how a city is cut into grids does not change what one resident meets.
struct GridClimate {
  double service = 0.5;         // EWMA of satisfaction with closed cases in the grid, 0..1
  double neighbour_mood = 0;    // trust change from neighbours' accounts heard today, per resident
  double hazard_exposure = 0;   // expected open hazards near one resident (open x reach / pop)
  double dispute_exposure = 0;  // expected open disputes beside one resident
  double consultation = 0;      // share of strain a consultation meeting eases today, per resident
};

// Per-grid sums from the resident step, combined in grid order afterwards.
struct ResidentSums {
  double trust = 0, grievance = 0, gain = 0, happiness = 0, security = 0;
  double dispute_hazard = 0;  // sum of residents' dispute hazards, per year

  ResidentSums& operator+=(const ResidentSums& o) {
    trust += o.trust;
    grievance += o.grievance;
    gain += o.gain;
    happiness += o.happiness;
    security += o.security;
    dispute_hazard += o.dispute_hazard;
    return *this;
  }
};

// Every resident's starting state, drawn from the resident's own stream: grids in parallel
// through `loop` (serial without one), the same bits either way.
void init_residents(Residents& r, const City& city, const Scenario& scenario,
                    const GridLoop& loop = {});

// One day of one grid's residents: apply yesterday's feedback, update trust, grievance and the
// three senses, and return the grid's sums. Reads only the grid's own residents and climate:
// the design in force reaches residents only through what happened to their cases and grid.
// `ahead`: how many residents after `last` (the next grid's) to fetch from memory meanwhile, for
// a caller that updates them next (ResidentColumns::ahead); it changes no value.
ResidentSums step_grid_residents(Residents& r, std::uint64_t first, std::uint64_t last,
                                 const std::vector<Feedback>& feedback, const GridClimate& climate,
                                 const ModelConfig& model, std::uint64_t ahead = 0);

// Dispute hazard of one resident, per year (base x housing x grievance). Inline: the day's
// disputes pick their residents by summing it over the grid.
inline double dispute_hazard(const Residents& r, std::size_t i, double base, double housing_factor,
                             const ModelConfig& model) {
  return base * housing_factor * (1.0 + model.grievance_dispute_gain * r.grievance(i));
}

// Chance that resident i reports a problem of their own, under the design in force (trust and
// the platform's channel; participation acts through neighbours' reports, sim/arrivals.cpp).
double report_probability(const Residents& r, std::size_t i, const GovernanceConfig& gov,
                          const ReportingBehaviour& behaviour);

}  // namespace govsim
