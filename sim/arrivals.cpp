// Where cases come from: how many arise in a grid each day in each domain, whose they are, and
// each new case's life before anyone in the system knows of it — who reports it through which
// channel and when, when patrols, rounds or sensors would find it first, when it would worsen
// and when it lapses if nobody acts.
#include "sim/arrivals.hpp"

#include <algorithm>
#include <cmath>

#include "engine/units.hpp"
#include "model/streams.hpp"

namespace govsim {
namespace {

double housing_dispute_factor(HousingType h, const ArisingBehaviour& a) {
  switch (h) {
    case HousingType::OldCompound:
      return a.housing_old_compound;
    case HousingType::UrbanVillage:
      return a.housing_urban_village;
    case HousingType::Commodity:
      return a.housing_commodity;
    case HousingType::Mixed:
      return a.housing_mixed;
  }
  return 1.0;
}

double rate_of(const CaseRates& r, int d) {
  const double v[kDomains] = {r.dispute,     r.administrative, r.livelihood,
                              r.environment, r.safety,         r.emergency};
  return v[d];
}

bool worsens(Domain d) {
  return d == Domain::Dispute || d == Domain::Safety || d == Domain::Environment;
}

// Detection rates by people in the grid, per hour, for a fully visible problem: volunteers on
// patrol, grid workers on rounds, and neighbours who take part in co-governance and say what
// they see.
struct Patrols {
  double volunteers_per_h;
  double rounds_per_h;
  double neighbours_per_h;
};

// Which of the competing clocks found a problem, for a uniform pick over their summed rates:
// each wins in proportion to its rate. A neighbour, like a resident, increasingly tells through
// the platform's app.
Channel walk_channel(double pick, double sensor_rate, double vol_rate, double neighbour_rate,
                     double platform) {
  if (pick < sensor_rate) return Channel::Platform;
  if (pick < sensor_rate + vol_rate) return Channel::Volunteer;
  if (pick < sensor_rate + vol_rate + neighbour_rate)
    return (pick - sensor_rate - vol_rate) / neighbour_rate < platform ? Channel::Platform
                                                                       : Channel::Resident;
  return Channel::Rounds;
}

// Neighbours who take part in co-governance help the parties of a small dispute settle it among
// themselves, if they get there before anyone reports it, it lapses or it grows: when, or +inf.
// A stream of its own, so that every other draw stays where it was.
double settle_time(const World& w, const NewCase& n) {
  const double per_h = w.state.gov.participation *
                       w.scenario.model.behaviour.participation.self_settle_per_day / kHoursPerDay;
  if (n.domain != Domain::Dispute || n.tier != Tier::Small || !(per_h > 0)) return kInf;
  Stream s(w.scenario.run.seed, Purpose::CaseLife, n.id, 2);
  const double t = n.t_arise + s.exponential(1.0 / per_h);
  return t < n.t_report && t < n.t_lapse && t < n.t_worsen1 ? t : kInf;
}

// Draws a new case's life before anyone reports it: severity, who reports it through which
// channel and when, when it would worsen, and when it lapses if nobody acts.
NewCase draw_case(const World& w, std::uint32_t g, std::uint64_t id, std::uint32_t resident,
                  Domain domain, double day_start, const Patrols& patrols) {
  const GovernanceConfig& gov = w.state.gov;
  const ModelConfig& m = w.scenario.model;
  Stream s(w.scenario.run.seed, Purpose::CaseLife, id, 0);
  NewCase n{};
  n.id = id;
  n.resident = resident;
  n.domain = domain;
  n.t_arise = day_start + kHoursPerDay * s.uniform();
  const double u = s.uniform();
  n.tier =
      u < m.share_hard ? Tier::Hard : (u < m.share_hard + m.share_big ? Tier::Big : Tier::Small);
  const double p = gov.platform.level;
  // A dispute's kind, from a stream of its own so that the kinds leave every other draw as it was.
  double report_factor = 1.0;
  if (domain == Domain::Dispute) {
    const DisputeKinds& kinds = m.disputes;
    double pick = Stream(w.scenario.run.seed, Purpose::CaseLife, id, 1).uniform();
    n.kind = kDisputeKinds - 1;
    for (int k = 0; k < kDisputeKinds - 1; ++k) {
      pick -= kinds.share[k];
      if (pick < 0) {
        n.kind = static_cast<std::uint8_t>(k);
        break;
      }
    }
    report_factor = kinds.report_factor[n.kind];
  }
  // The resident's own report.
  double t_res = kInf;
  const double u_rep = s.uniform();
  const double d_rep = s.uniform();
  const DetectionConfig& det = m.detection;
  if (domain == Domain::Emergency) {
    if (u_rep < det.emergency_report) t_res = n.t_arise - det.emergency_delay_h * std::log(d_rep);
  } else if (u_rep < report_factor * report_probability(w.state.residents, resident, gov,
                                                        m.behaviour.reporting)) {
    t_res = n.t_arise - m.report_delay_h * (1.0 - det.platform_report_cut * p) * std::log(d_rep);
  }
  // Patrols, rounds and sensors: competing exponential clocks, one combined draw.
  const double vis = det.visibility[static_cast<int>(domain)];
  const double sensor_rate =
      (w.state.has_sensors[g] &&
       (domain == Domain::Safety || domain == Domain::Environment || domain == Domain::Emergency))
          ? det.sensor_rate_per_h * p
          : 0.0;
  const double vol_rate = patrols.volunteers_per_h * vis;
  const double rounds_rate = patrols.rounds_per_h * vis;
  const double neighbour_rate = patrols.neighbours_per_h * vis;
  const double total = vol_rate + rounds_rate + neighbour_rate + sensor_rate;
  const double d_walk = s.uniform();
  const double which = s.uniform();
  double t_walk = kInf;
  if (total > 0) t_walk = n.t_arise - std::log(d_walk) / total;
  if (t_res <= t_walk) {
    n.t_report = t_res;
    // With a platform, residents increasingly report through its app.
    n.channel = t_res < kInf ? (which < p ? Channel::Platform : Channel::Resident) : Channel::None;
  } else {
    n.t_report = t_walk;
    n.channel = walk_channel(which * total, sensor_rate, vol_rate, neighbour_rate, p);
  }
  // Both worsening draws are taken, so that the stream's later draws stay in place; their
  // logarithms only where they are used.
  n.t_worsen1 = n.t_worsen2 = kInf;
  const double u_w1 = s.uniform();
  const double u_w2 = s.uniform();
  if (worsens(domain) && n.tier != Tier::Hard) {
    n.t_worsen1 = n.t_arise + Stream::exponential_at(m.worsen_mean_h, u_w1);
    if (n.tier == Tier::Small)
      n.t_worsen2 = n.t_worsen1 + Stream::exponential_at(m.worsen_mean_h, u_w2);
  }
  n.t_lapse = n.t_arise + s.exponential(m.lapse_mean_h);
  n.t_settle = settle_time(w, n);
  return n;
}

// Detection by walking the grid: volunteers (by training and procedures) and grid workers'
// rounds (diluted when a branch covers several grids).
Patrols patrols_of(const World& w, std::uint32_t g) {
  const ModelConfig& m = w.scenario.model;
  const double pop = double(w.city.grid_first_resident[g + 1] - w.city.grid_first_resident[g]);
  const GovernanceConfig& gov = w.state.gov;
  const DetectionConfig& det = m.detection;
  const double vol_eff = (det.volunteer_base + det.volunteer_training * gov.volunteers.training) *
                         (gov.volunteers.procedures ? det.procedures_factor : 1.0);
  const double rounds_eff = 1.0 - det.rounds_dilution * double(gov.grids_per_branch - 1);
  const double cover_h = det.cover_hours_per_1k * pop / kPerThousand;
  return Patrols{
      w.today.volunteer_day[g].patrol_hours * vol_eff / kHoursPerDay / cover_h,
      w.state.rounds_hours[g] * std::max(det.rounds_floor, rounds_eff) / kHoursPerDay / cover_h,
      gov.participation * det.neighbour_watch_per_day / kHoursPerDay};
}

}  // namespace

NewCase draw_grid_case(const World& w, std::uint32_t g, std::uint64_t id, std::uint32_t resident,
                       Domain domain) {
  return draw_case(w, g, id, resident, domain, double(w.state.day) * kHoursPerDay,
                   patrols_of(w, g));
}

void pick_grid_cases(const World& w, std::uint32_t g, std::vector<ArisingPick>& picks) {
  const std::int64_t day = w.state.day;
  const ModelConfig& m = w.scenario.model;
  const std::uint64_t first = w.city.grid_first_resident[g];
  const std::uint64_t last = w.city.grid_first_resident[g + 1];
  const double pop = double(last - first);
  const ArisingBehaviour& arising = m.behaviour.arising;
  const double elderly_f =
      std::max(arising.elderly_livelihood_floor,
               1.0 + arising.elderly_livelihood * (w.city.grid_elderly[g] - w.city_elderly_share));
  // Each domain has its own stream and its own block of case ids, so that a design that
  // changes how many disputes arise leaves every other domain's cases exactly as they were.
  for (int d = 0; d < kDomains; ++d) {
    Stream s(w.scenario.run.seed, Purpose::GridDay, g,
             grid_day_time(day, kGridDayDomain + static_cast<std::uint32_t>(d)));
    double mean = rate_of(m.rates, d) / kDaysPerYear;
    if (d == static_cast<int>(Domain::Dispute))
      mean *= housing_dispute_factor(w.city.grid_housing[g], arising) *
              (1.0 + arising.migrant_disputes * w.city.grid_migrant[g]) *
              w.today.resident_sums[g].dispute_hazard;
    else
      mean *= pop * (d == static_cast<int>(Domain::Livelihood) ? elderly_f : 1.0);
    if (!w.rhythm.empty())
      mean *= w.rhythm[static_cast<std::size_t>(day)][static_cast<std::size_t>(d)];
    const std::uint32_t n = s.poisson(mean);
    for (std::uint32_t k = 0; k < n && k < kMaxCasesPerDomainDay; ++k) {
      std::uint64_t who;
      if (d == static_cast<int>(Domain::Dispute)) {
        // Disputes come from residents in proportion to their grievance-driven hazard.
        double target = s.uniform() * w.today.resident_sums[g].dispute_hazard;
        who = first;
        for (; who + 1 < last; ++who) {
          target -= dispute_hazard(w.state.residents, who, 1.0, 1.0, m);
          if (target <= 0) break;
        }
      } else {
        who = first + s.below(static_cast<std::uint32_t>(last - first));
      }
      // draw_picked_cases reads the resident's propensity to report, which the day's update
      // does not touch: ask the memory for it now.
      __builtin_prefetch(&w.state.residents.propensity[who]);
      picks.push_back(
          ArisingPick{static_cast<std::uint32_t>(who), static_cast<Domain>(d), std::uint16_t(k)});
    }
  }
}

void draw_picked_cases(const World& w, std::uint32_t g, const std::vector<ArisingPick>& picks,
                       std::vector<NewCase>& out) {
  const double day_start = double(w.state.day) * kHoursPerDay;
  const Patrols patrols = patrols_of(w, g);
  for (const ArisingPick& p : picks) {
    const std::uint64_t id = make_case_id(
        g, static_cast<std::uint32_t>(w.state.day),
        static_cast<std::uint32_t>(p.domain) * kMaxCasesPerDomainDay + std::uint32_t{p.k});
    out.push_back(draw_case(w, g, id, p.resident, p.domain, day_start, patrols));
  }
}

}  // namespace govsim
