// Volunteers: residents who patrol their grid, find problems early and handle small matters.
// Each grid keeps its own volunteers (structure-of-arrays), so grids step in parallel.
// They are recruited (trust, leadership, participation, the community's target), gain
// experience, burn out and quit.
#pragma once

#include <cstdint>
#include <vector>

#include "agents/residents.hpp"
#include "model/params.hpp"

namespace govsim {

struct GridVolunteers {
  std::vector<std::uint32_t> resident;  // 4  who they are
  std::vector<float> training;          // 4  0..1
  std::vector<float> experience;        // 4  cases handled
  std::vector<float> motivation;        // 4  0..1; quitting rises as it falls
  std::vector<float> load;              // 4  recent cases (decays by a week's half-life)
  std::vector<std::uint8_t> on_duty;    // 1  today

  std::size_t size() const { return resident.size(); }
  void add(std::uint32_t who, float train, float exp, float motiv);
  void remove(std::size_t i);  // keeps the order of the others
};

struct VolunteerDay {
  std::int64_t joined = 0;
  std::int64_t quit = 0;
  double patrol_hours = 0;  // hours patrolled in the grid today
  std::int64_t active = 0;  // volunteers after today's quits and recruits
};

void init_volunteers(GridVolunteers& v, Residents& residents, std::uint64_t first,
                     std::uint64_t last, std::uint32_t grid, const Scenario& scenario);

// One day of one grid's volunteers: motivation, quitting, recruitment and today's duty roster.
VolunteerDay step_grid_volunteers(GridVolunteers& v, Residents& residents, std::uint64_t first,
                                  std::uint64_t last, std::uint32_t grid, std::int64_t day,
                                  double trust_mean, std::uint64_t seed,
                                  const GovernanceConfig& gov, const ModelConfig& model);

// At least the daily chance that a volunteer quits, quit_base x exp(slope x (quit_motivation -
// motivation)), at every motivation in [0, 1] (the clamped range): the larger of its two ends,
// with a relative margin of 2^-20 for rounding; +inf when either end is not a number.
double quit_ceiling(double quit_base, const VolunteerBehaviour& b);

// Chance that a volunteer settles a first-line mediation or fixes a small matter.
double volunteer_success(float training, float experience, const GovernanceConfig& gov,
                         const SuccessBehaviour& behaviour);

}  // namespace govsim
