#include "agents/volunteers.hpp"

#include <algorithm>
#include <cmath>

#include "engine/numeric.hpp"
#include "engine/units.hpp"
#include "model/streams.hpp"

namespace govsim {
namespace {

constexpr int kRecruitTries = 8;  // draws of a resident before a recruitment gives up

// Picks a resident of the grid who is not yet a volunteer; a few tries, then gives up.
std::int64_t pick_recruit(Stream& s, const Residents& r, std::uint64_t first, std::uint64_t last) {
  const auto n = static_cast<std::uint32_t>(last - first);
  for (int tries = 0; tries < kRecruitTries && n > 0; ++tries) {
    const std::uint64_t i = first + s.below(n);
    if (!(r.flags[i] & kVolunteer)) return static_cast<std::int64_t>(i);
  }
  return -1;
}

}  // namespace

double quit_ceiling(double quit_base, const VolunteerBehaviour& b) {
  const double at_zero = quit_base * std::exp(b.quit_slope * (b.quit_motivation - 0.0));
  const double at_one = quit_base * std::exp(b.quit_slope * (b.quit_motivation - 1.0));
  if (std::isnan(at_zero) || std::isnan(at_one)) return kInf;
  return std::max(at_zero, at_one) * (1.0 + 0x1p-20);
}

void GridVolunteers::add(std::uint32_t who, float train, float exp, float motiv) {
  resident.push_back(who);
  training.push_back(train);
  experience.push_back(exp);
  motivation.push_back(motiv);
  load.push_back(0);
  on_duty.push_back(0);
}

void GridVolunteers::remove(std::size_t i) {
  resident.erase(resident.begin() + static_cast<std::ptrdiff_t>(i));
  training.erase(training.begin() + static_cast<std::ptrdiff_t>(i));
  experience.erase(experience.begin() + static_cast<std::ptrdiff_t>(i));
  motivation.erase(motivation.begin() + static_cast<std::ptrdiff_t>(i));
  load.erase(load.begin() + static_cast<std::ptrdiff_t>(i));
  on_duty.erase(on_duty.begin() + static_cast<std::ptrdiff_t>(i));
}

void init_volunteers(GridVolunteers& v, Residents& residents, std::uint64_t first,
                     std::uint64_t last, std::uint32_t grid, const Scenario& sc) {
  Stream s(sc.run.seed, Purpose::VolunteerInit, grid, 0);
  const VolunteerBehaviour& b = sc.model.behaviour.volunteers;
  const double want = sc.governance.volunteers.per_1k * double(last - first) / kPerThousand;
  const auto n = static_cast<std::uint32_t>(std::floor(want + s.uniform()));
  for (std::uint32_t k = 0; k < n; ++k) {
    const std::int64_t who = pick_recruit(s, residents, first, last);
    if (who < 0) break;
    residents.flags[static_cast<std::size_t>(who)] |= kVolunteer;
    v.add(static_cast<std::uint32_t>(who), static_cast<float>(sc.governance.volunteers.training),
          static_cast<float>(s.exponential(b.start_experience)),
          static_cast<float>(b.start_motivation + b.start_motivation_spread * s.uniform()));
  }
}

double volunteer_success(float training, float experience, const GovernanceConfig& gov,
                         const SuccessBehaviour& b) {
  // Experience, not hours of training, drives mediation success (Wissler); training and
  // standard procedures set the floor.
  const double exp_bonus =
      b.volunteer_experience * (1.0 - std::exp(-experience / b.volunteer_experience_cases));
  return std::min(b.volunteer_cap,
                  b.volunteer_mediation + b.volunteer_mediation_training * training +
                      (gov.volunteers.procedures ? b.volunteer_procedures : 0.0) + exp_bonus);
}

VolunteerDay step_grid_volunteers(GridVolunteers& v, Residents& residents, std::uint64_t first,
                                  std::uint64_t last, std::uint32_t grid, std::int64_t day,
                                  double trust_mean, std::uint64_t seed,
                                  const GovernanceConfig& gov, const ModelConfig& model) {
  VolunteerDay out;
  const auto uday = static_cast<std::uint64_t>(day);
  // A party branch in every grid (一格一支部) mobilises more than one shared by several grids.
  const VolunteerBehaviour& b = model.behaviour.volunteers;
  const double leadership =
      gov.leadership * (b.shared_branch_pull + b.own_branch_pull / double(gov.grids_per_branch));
  // Recognition comes from leadership and clear procedures; load wears motivation down.
  const double recognition = b.recognition_base + b.recognition_leadership * leadership +
                             (gov.volunteers.procedures ? b.recognition_procedures : 0.0) +
                             b.recognition_training * gov.volunteers.training;
  const double duty_p = std::min(1.0, gov.volunteers.weekly_hours / kDaysPerWeek / b.session_h);
  const auto load_keep = static_cast<float>(b.load_decay);
  const double quit_base = model.volunteer_quit_base / kDaysPerYear;
  // The ceiling depends only on the run's parameters: each thread keeps the last one it computed
  // instead of two exps every grid-day.
  thread_local double cached_base = kNaN, cached_slope = kNaN, cached_at = kNaN, cached_bound = 0;
  if (!(quit_base == cached_base && b.quit_slope == cached_slope &&
        b.quit_motivation == cached_at)) {
    cached_base = quit_base;
    cached_slope = b.quit_slope;
    cached_at = b.quit_motivation;
    cached_bound = quit_ceiling(quit_base, b);
  }
  const double quit_bound = v.size() > 0 ? cached_bound : 0.0;
  for (std::size_t i = v.size(); i-- > 0;) {
    Stream s(seed, Purpose::VolunteerDay, v.resident[i], uday);
    v.load[i] *= load_keep;
    const double m = v.motivation[i] + b.motivation_rate * (recognition - v.motivation[i]) -
                     b.load_wear * v.load[i];
    v.motivation[i] = static_cast<float>(std::clamp(m, 0.0, 1.0));
    // In-service training lifts everyone to the design's level.
    v.training[i] = std::max(v.training[i], static_cast<float>(gov.volunteers.training));
    // Quits with the chance below; a draw at or above its ceiling needs no exp (the same answer
    // as s.bernoulli(chance), from the same draw).
    const double u = s.uniform();
    if (u < quit_bound &&
        u < quit_base * std::exp(b.quit_slope * (b.quit_motivation - v.motivation[i]))) {
      residents.flags[v.resident[i]] &= static_cast<std::uint8_t>(~kVolunteer);
      v.remove(i);
      ++out.quit;
      continue;
    }
    v.on_duty[i] = s.bernoulli(duty_p) ? 1 : 0;
    if (v.on_duty[i]) out.patrol_hours += b.session_h;
  }
  // Organic recruitment grows with trust, leadership and participation; the community also
  // closes part of any gap to its target every day.
  const double pop = double(last - first);
  const double organic = model.volunteer_recruit / kDaysPerYear * pop * trust_mean *
                         (b.recruit_leadership + leadership) *
                         (b.recruit_participation + gov.participation);
  const double gap = std::max(0.0, gov.volunteers.per_1k * pop / kPerThousand - double(v.size()));
  Stream s(seed, Purpose::GridDay, grid, grid_day_time(day, kGridDayRecruit));
  const std::uint32_t recruits =
      s.poisson(organic + b.recruit_gap_per_day * gap * (b.gap_leadership + leadership));
  for (std::uint32_t k = 0; k < recruits; ++k) {
    const std::int64_t who = pick_recruit(s, residents, first, last);
    if (who < 0) break;
    residents.flags[static_cast<std::size_t>(who)] |= kVolunteer;
    v.add(static_cast<std::uint32_t>(who), static_cast<float>(gov.volunteers.training), 0.0f,
          static_cast<float>(b.recruit_motivation + b.recruit_motivation_spread * s.uniform()));
    ++out.joined;
  }
  out.active = static_cast<std::int64_t>(v.size());
  return out;
}

}  // namespace govsim
