// The step is a fixed list of named phases; each says what it reads and writes.
//
//   policy     reads the scenario's changes; writes the design in force and every unit's desks.
//   residents  parallel over grids. Reads yesterday's climate and feedback of the grid; writes
//              the grid's residents, volunteers, today's new cases (outbox) and sums.
//   cases      parallel over street offices. Reads the outboxes of its grids; writes its cases,
//              staff, its grids' totals, feedback and volunteers' experience.
//   metrics    serial. Combines per-grid and per-unit figures in grid and unit order, and
//              computes tomorrow's climate.
//
// Every parallel phase writes only to slots owned by its index, so results are the same bits
// whatever the number of threads.
#include "sim/simulation.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>

#include "engine/errors.hpp"
#include "engine/units.hpp"
#include "model/streams.hpp"
#include "sim/case_behaviour.hpp"
#include "sim/world.hpp"

namespace govsim {
namespace {

constexpr double kP90 = 0.9;  // the upper percentile every summary reports

enum Phase { kPolicy, kResidents, kCases, kMetrics, kPhases };
constexpr const char* kPhaseNames[kPhases] = {"policy", "residents", "cases", "metrics"};

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

struct Timer {
  std::chrono::steady_clock::time_point t0 = std::chrono::steady_clock::now();
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
};

}  // namespace

// ---------------------------------------------------------------------------------------------

void MinuteHistogram::add(double hours) {
  if (bins_.empty()) bins_.assign(kBins, 0);
  const double m = std::floor(std::max(0.0, hours) * kMinutesPerHour);
  const std::size_t i = m >= double(kBins - 1) ? kBins - 1 : static_cast<std::size_t>(m);
  ++bins_[i];
  ++count_;
}

double MinuteHistogram::share_at_least(double hours) const {
  if (count_ == 0) return kNaN;
  const auto from = static_cast<std::size_t>(std::max(0.0, std::round(hours * kMinutesPerHour)));
  std::int64_t n = 0;
  for (std::size_t i = std::min(from, bins_.size()); i < bins_.size(); ++i) n += bins_[i];
  return double(n) / double(count_);
}

double MinuteHistogram::quantile(double q) const {
  if (count_ == 0) return kNaN;
  const auto target = static_cast<std::int64_t>(std::ceil(q * double(count_)));
  std::int64_t seen = 0;
  for (std::size_t i = 0; i < bins_.size(); ++i) {
    seen += bins_[i];
    if (seen >= std::max<std::int64_t>(1, target)) return (double(i) + 0.5) / kMinutesPerHour;
  }
  return double(kBins) / kMinutesPerHour;
}

// ---------------------------------------------------------------------------------------------

namespace {

UnitContext context_of(World& w) {
  return UnitContext{&w.residents, &w.volunteers, &w.feedback, &w.grid_totals};
}

void put_design_in_force(World& w, const GovernanceConfig& gov, Executor& ex) {
  w.gov = gov;
  const double now = double(w.day) * kHoursPerDay;
  ex.parallel_for(w.units.size(), [&](std::size_t b, std::size_t e) {
    for (std::size_t u = b; u < e; ++u) w.units[u].apply_design(w.gov, now);
  });
  for (std::uint32_t g = 0; g < w.city.grids; ++g) {
    Stream s(w.scenario.run.seed, Purpose::CityLayout, g, 1);
    w.has_sensors[g] = s.uniform() < w.gov.platform.sensor_coverage ? 1 : 0;
    w.rounds_hours[g] = w.units[w.city.grid_street[g]].rounds_hours(g);
  }
}

// Detection rates by walking the grid, per hour, for a fully visible problem.
struct Patrols {
  double volunteers_per_h;
  double rounds_per_h;
};

// Draws a new case's life before anyone reports it: severity, who reports it through which
// channel and when, when it would worsen, and when it lapses if nobody acts.
NewCase draw_case(const World& w, std::uint32_t g, std::uint64_t id, std::uint32_t resident,
                  Domain domain, double day_start, const Patrols& patrols) {
  const GovernanceConfig& gov = w.gov;
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
  } else if (u_rep < report_factor *
                         report_probability(w.residents, resident, gov, m.behaviour.reporting)) {
    t_res = n.t_arise - m.report_delay_h * (1.0 - det.platform_report_cut * p) * std::log(d_rep);
  }
  // Patrols, rounds and sensors: competing exponential clocks, one combined draw.
  const double vis = det.visibility[static_cast<int>(domain)];
  const double sensor_rate =
      (w.has_sensors[g] &&
       (domain == Domain::Safety || domain == Domain::Environment || domain == Domain::Emergency))
          ? det.sensor_rate_per_h * p
          : 0.0;
  const double vol_rate = patrols.volunteers_per_h * vis;
  const double rounds_rate = patrols.rounds_per_h * vis;
  const double total = vol_rate + rounds_rate + sensor_rate;
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
    const double pick = which * total;
    n.channel = pick < sensor_rate              ? Channel::Platform
                : pick < sensor_rate + vol_rate ? Channel::Volunteer
                                                : Channel::Rounds;
  }
  n.t_worsen1 = n.t_worsen2 = kInf;
  const double w1 = s.exponential(m.worsen_mean_h);
  const double w2 = s.exponential(m.worsen_mean_h);
  if (worsens(domain) && n.tier != Tier::Hard) {
    n.t_worsen1 = n.t_arise + w1;
    if (n.tier == Tier::Small) n.t_worsen2 = n.t_worsen1 + w2;
  }
  n.t_lapse = n.t_arise + s.exponential(m.lapse_mean_h);
  return n;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

struct SimulationAccess {
  static void residents_phase(World& w, Executor& ex);
  static void cases_phase(World& w, Executor& ex);
  static void metrics_phase(World& w);
};

void SimulationAccess::residents_phase(World& w, Executor& ex) {
  const std::int64_t day = w.day;
  const double day_start = double(day) * kHoursPerDay;
  ex.parallel_for(w.city.grids, [&](std::size_t b, std::size_t e) {
    for (std::size_t gi = b; gi < e; ++gi) {
      const auto g = static_cast<std::uint32_t>(gi);
      const std::uint64_t first = w.city.grid_first_resident[g];
      const std::uint64_t last = w.city.grid_first_resident[g + 1];
      const ModelConfig& m = w.scenario.model;
      w.resident_sums[g] =
          step_grid_residents(w.residents, first, last, w.feedback[g], w.climate[g], w.gov, m);
      w.feedback[g].clear();
      const double pop = double(last - first);
      const double trust_mean = w.resident_sums[g].trust / pop;
      w.volunteer_day[g] = step_grid_volunteers(w.volunteers[g], w.residents, first, last, g, day,
                                                trust_mean, w.scenario.run.seed, w.gov, m);
      auto& out = w.outbox[g];
      out.clear();
      if (!w.behaviour->residents_raise_cases()) continue;
      // Detection by walking the grid: volunteers (by training and procedures) and grid
      // workers' rounds (diluted when a branch covers several grids).
      const GovernanceConfig& gov = w.gov;
      const DetectionConfig& det = m.detection;
      const ArisingBehaviour& arising = m.behaviour.arising;
      const double vol_eff =
          (det.volunteer_base + det.volunteer_training * gov.volunteers.training) *
          (gov.volunteers.procedures ? det.procedures_factor : 1.0);
      const double rounds_eff = 1.0 - det.rounds_dilution * double(gov.grids_per_branch - 1);
      const double cover_h = det.cover_hours_per_1k * pop / kPerThousand;
      const Patrols patrols{
          w.volunteer_day[g].patrol_hours * vol_eff / kHoursPerDay / cover_h,
          w.rounds_hours[g] * std::max(det.rounds_floor, rounds_eff) / kHoursPerDay / cover_h};
      const double elderly_f = std::max(
          arising.elderly_livelihood_floor,
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
                  w.resident_sums[g].dispute_hazard;
        else
          mean *= pop * (d == static_cast<int>(Domain::Livelihood) ? elderly_f : 1.0);
        const std::uint32_t n = s.poisson(mean);
        for (std::uint32_t k = 0; k < n && k < kMaxCasesPerDomainDay; ++k) {
          std::uint64_t who;
          if (d == static_cast<int>(Domain::Dispute)) {
            // Disputes come from residents in proportion to their grievance-driven hazard.
            double target = s.uniform() * w.resident_sums[g].dispute_hazard;
            who = first;
            for (; who + 1 < last; ++who) {
              target -= dispute_hazard(w.residents, who, 1.0, 1.0, m);
              if (target <= 0) break;
            }
          } else {
            who = first + s.below(static_cast<std::uint32_t>(last - first));
          }
          const std::uint64_t id =
              make_case_id(g, static_cast<std::uint32_t>(day),
                           static_cast<std::uint32_t>(d) * kMaxCasesPerDomainDay + k);
          out.push_back(draw_case(w, g, id, static_cast<std::uint32_t>(who), static_cast<Domain>(d),
                                  day_start, patrols));
        }
      }
    }
  });
}

void SimulationAccess::cases_phase(World& w, Executor& ex) {
  const std::int64_t day = w.day;
  const double day_end = double(day + 1) * kHoursPerDay;
  ex.parallel_for(w.units.size(), [&](std::size_t b, std::size_t e) {
    for (std::size_t u = b; u < e; ++u) {
      HandlingUnit& unit = w.units[u];
      unit.begin_day(day);
      const auto s = static_cast<std::uint32_t>(u);
      for (std::uint32_t g = w.city.street_first_grid[s]; g < w.city.street_first_grid[s + 1]; ++g)
        for (const NewCase& n : w.outbox[g]) unit.admit(n);
      unit.run_until(day_end);
      unit.take_day(w.unit_days[u]);
    }
  });
}

void SimulationAccess::metrics_phase(World& w) {
  const Scenario& sc = w.scenario;
  DayMetrics d;
  d.day = w.day;
  d.residents = static_cast<std::int64_t>(w.city.residents);
  ResidentSums rs;
  std::int64_t new_disputes = 0, new_cases = 0;
  for (std::uint32_t g = 0; g < w.city.grids; ++g) {
    const ResidentSums& r = w.resident_sums[g];
    rs.trust += r.trust;
    rs.grievance += r.grievance;
    rs.gain += r.gain;
    rs.happiness += r.happiness;
    rs.security += r.security;
    for (const NewCase& n : w.outbox[g]) new_disputes += n.domain == Domain::Dispute ? 1 : 0;
    d.volunteers_joined += w.volunteer_day[g].joined;
    d.volunteers_quit += w.volunteer_day[g].quit;
    d.volunteers_active += static_cast<std::int64_t>(w.volunteers[g].size());
  }
  std::vector<double> responses;
  double busy[3] = {0, 0, 0}, capacity[3] = {0, 0, 0};
  std::int64_t handoffs = 0, within = 0, small_resolved = 0, small_stayed = 0;
  double resolution_sum = 0, handoff_sum = 0;
  for (UnitDay& u : w.unit_days) {
    new_cases += u.admitted;
    d.reported_by_resident += u.reported[static_cast<int>(Channel::Resident)];
    d.reported_by_volunteer += u.reported[static_cast<int>(Channel::Volunteer)];
    d.reported_by_rounds += u.reported[static_cast<int>(Channel::Rounds)];
    d.reported_by_platform += u.reported[static_cast<int>(Channel::Platform)];
    d.first_responses += u.first_responses;
    d.resolved += u.resolved;
    d.escalated += u.escalated;
    d.bounced += u.bounced;
    d.dropped += u.dropped;
    d.worsened += u.worsened;
    d.disputes_resolved += u.disputes_resolved;
    d.disputes_settled_in_grid += u.disputes_settled_in_grid;
    d.mediations += u.mediations;
    d.mediation_agreements += u.mediation_agreements;
    within += u.within_deadline;
    small_resolved += u.small_resolved;
    small_stayed += u.small_stayed_in_grid;
    resolution_sum += u.resolution_sum_h;
    handoff_sum += u.handoff_sum_h;
    handoffs += u.handoffs;
    for (int l = 0; l < 3; ++l) busy[l] += u.busy_h[l], capacity[l] += u.capacity_h[l];
    responses.insert(responses.end(), u.response_h.begin(), u.response_h.end());
  }
  d.new_cases = new_cases;
  d.new_disputes = new_disputes;
  d.dispute_rate_per_1k_month =
      double(new_disputes) / double(d.residents) * kPerThousand * kDaysPerMonth;
  d.reported = d.reported_by_resident + d.reported_by_volunteer + d.reported_by_rounds +
               d.reported_by_platform;
  std::int64_t unreported = 0, backlog = 0;
  double age_sum = 0;
  const double now = double(w.day + 1) * kHoursPerDay;
  for (const HandlingUnit& u : w.units) {
    unreported += u.unreported_open();
    u.backlog(now, backlog, age_sum);
  }
  d.unreported_open = unreported;
  d.backlog = backlog;
  d.backlog_age_mean_h = backlog > 0 ? age_sum / double(backlog) : kNaN;
  if (!responses.empty()) {
    double sum = 0;
    for (double r : responses) sum += r;
    d.response_time_mean_h = sum / double(responses.size());
    auto nth = [&](double q) {
      const auto k = static_cast<std::size_t>(std::ceil(q * double(responses.size()))) - 1;
      std::nth_element(responses.begin(), responses.begin() + static_cast<std::ptrdiff_t>(k),
                       responses.end());
      return responses[k];
    };
    d.response_time_p50_h = nth(0.5);
    d.response_time_p90_h = nth(kP90);
  }
  if (d.resolved > 0) {
    d.resolution_time_mean_h = resolution_sum / double(d.resolved);
    d.within_deadline_share = double(within) / double(d.resolved);
  }
  if (handoffs > 0) d.handoff_time_mean_h = handoff_sum / double(handoffs);
  if (small_resolved > 0) d.stayed_in_grid_share = double(small_stayed) / double(small_resolved);
  const double n = double(d.residents);
  d.trust_mean = rs.trust / n;
  d.grievance_mean = rs.grievance / n;
  d.gain_mean = rs.gain / n;
  d.happiness_mean = rs.happiness / n;
  d.security_mean = rs.security / n;
  if (capacity[0] > 0) d.utilization_grid = busy[0] / capacity[0];
  if (capacity[1] > 0) d.utilization_community = busy[1] / capacity[1];
  if (capacity[2] > 0) d.utilization_street = busy[2] / capacity[2];
  // Cost: staff on the roster, volunteers and the platform, per day.
  const CostConfig& cost = w.gov.costs;
  double staff_cost = 0;
  for (const HandlingUnit& u : w.units) {
    const Roster& r = u.roster();
    for (std::size_t i = 0; i < r.size(); ++i) {
      switch (r.role[i]) {
        case Role::GridWorker:
          staff_cost += cost.grid_worker;
          break;
        case Role::CommunityOfficial:
          staff_cost += cost.community_official;
          break;
        case Role::StreetOfficial:
          staff_cost += cost.street_official;
          break;
        case Role::Mediator:
          staff_cost += cost.mediator;
          break;
      }
    }
  }
  d.cost = (staff_cost + cost.volunteer * double(d.volunteers_active) +
            cost.platform_per_resident * w.gov.platform.level * n) /
           kDaysPerYear;
  w.arrived_total += new_cases;
  w.resolved_total += d.resolved;
  w.dropped_total += d.dropped;
  d.arrived_total = w.arrived_total;
  d.resolved_total = w.resolved_total;
  d.dropped_total = w.dropped_total;
  std::int64_t open = 0;
  for (const HandlingUnit& u : w.units) open += u.open_cases();
  d.open_total = open;

  // Whole-run accumulators after the warm-up.
  if (w.day + 1 == sc.run.warmup_days)  // the measured days begin after today
    for (int l = 0; l < 3; ++l) {
      w.level_in_system_at_start[l] = 0;
      for (const HandlingUnit& u : w.units) w.level_in_system_at_start[l] += u.in_system(l);
    }
  if (w.day >= sc.run.warmup_days) {
    for (const UnitDay& u : w.unit_days) {
      for (double r : u.response_h) w.response_hist.add(r), w.measured_response_sum += r;
      for (double r : u.resolution_h) w.resolution_hist.add(r);
      w.measured_responses += static_cast<std::int64_t>(u.response_h.size());
    }
    w.measured_resolution_sum += resolution_sum;
    w.measured_cases += new_cases;
    w.measured_disputes += new_disputes;
    w.measured_reported += d.reported;
    w.measured_resolved += d.resolved;
    w.measured_dropped += d.dropped;
    w.measured_within += within;
    w.measured_small += small_resolved;
    w.measured_small_stayed += small_stayed;
    w.measured_mediations += d.mediations;
    w.measured_agreements += d.mediation_agreements;
    w.measured_escalated += d.escalated;
    w.measured_bounced += d.bounced;
    for (const UnitDay& u : w.unit_days) w.measured_reached_street += u.reached_street;
    w.measured_cost += d.cost;
    w.measured_resident_days += n;
    w.measured_disputes_resolved += d.disputes_resolved;
    w.measured_disputes_settled_in_grid += d.disputes_settled_in_grid;
    for (const UnitDay& u : w.unit_days) {
      w.measured_requests += u.reported_requests;
      for (int k = 0; k < kDisputeKinds; ++k)
        w.measured_reported_disputes[k] += u.reported_disputes[k];
      for (int t = 0; t < 3; ++t) w.measured_reported_tier[t] += u.reported_tier[t];
      w.measured_hazards_found += u.hazards_found;
      w.measured_hazard_detect_sum_h += u.hazard_detect_sum_h;
      for (int l = 0; l < 3; ++l) {
        LevelDay& a = w.measured_level[l];
        const LevelDay& b = u.level[l];
        a.arrivals += b.arrivals;
        a.queue_exits += b.queue_exits;
        a.departures += b.departures;
        a.wait_sum_h += b.wait_sum_h;
        a.sojourn_sum_h += b.sojourn_sum_h;
        a.queue_area += b.queue_area;
        a.system_area += b.system_area;
      }
    }
  }

  // Tomorrow's climate, per grid.
  const ModelConfig& m = sc.model;
  for (std::uint32_t g = 0; g < w.city.grids; ++g) {
    GridTotals& t = w.grid_totals[g];
    GridClimate& c = w.climate[g];
    const double pop = double(w.city.grid_population[g]);
    const TrustBehaviour& tb = m.behaviour.trust;
    c.neighbour_mood = std::clamp(m.spillover * m.trust_rate * t.satisfaction_today,
                                  -tb.spillover_cap, tb.spillover_cap);
    if (t.closed_today > 0) {
      const double perf = 0.5 * (t.satisfaction_today / double(t.closed_today) + 1.0);
      c.service += std::min(1.0, tb.service_per_case * double(t.closed_today)) * (perf - c.service);
    }
    c.hazard_exposure = double(t.open_hazards) * kPerThousand / pop;
    c.dispute_exposure = double(t.open_disputes) * kPerThousand / pop;
    t.satisfaction_today = 0;
    t.closed_today = 0;
  }
  w.series.push_back(d);
}

// ---------------------------------------------------------------------------------------------

Simulation::Simulation(const Scenario& scenario, Executor& executor)
    : world_(std::make_unique<World>()), executor_(&executor) {
  World& w = *world_;
  w.scenario = scenario;
  w.city = build_city(scenario);
  w.behaviour = make_case_behaviour(w.scenario.model);
  if (w.city.grids == 0) throw InputError(scenario.source + ": the city has no grids");
  const std::uint32_t G = w.city.grids;
  init_residents(w.residents, w.city, scenario);
  w.volunteers.resize(G);
  for (std::uint32_t g = 0; g < G; ++g)
    init_volunteers(w.volunteers[g], w.residents, w.city.grid_first_resident[g],
                    w.city.grid_first_resident[g + 1], g, scenario);
  double elderly = 0;
  for (std::uint32_t g = 0; g < G; ++g)
    elderly += double(w.city.grid_elderly[g]) * double(w.city.grid_population[g]);
  w.city_elderly_share = elderly / double(w.city.residents);
  w.climate.assign(G, GridClimate{});
  w.feedback.resize(G);
  w.outbox.resize(G);
  w.resident_sums.resize(G);
  w.volunteer_day.resize(G);
  w.grid_totals.resize(G);
  w.has_sensors.assign(G, 0);
  w.rounds_hours.assign(G, 0);
  for (std::uint32_t s = 0; s < w.city.streets; ++s)
    w.units.emplace_back(w.city, s, w.scenario.model, *w.behaviour, scenario.run.seed,
                         context_of(w));
  w.unit_days.resize(w.units.size());
  w.phase_seconds.assign(kPhases, 0.0);
  put_design_in_force(w, scenario.governance, executor);
}

Simulation::~Simulation() = default;

void Simulation::step() {
  World& w = *world_;
  if (done()) return;
  bool changed = false;
  {
    Timer t;
    while (w.next_change < w.scenario.changes.size() &&
           w.scenario.changes[w.next_change].day <= w.day) {
      put_design_in_force(w, w.scenario.changes[w.next_change].governance, *executor_);
      ++w.next_change;
      changed = true;
    }
    if (w.pending_design) {
      put_design_in_force(w, w.pending, *executor_);
      w.pending_design = false;
      changed = true;
    }
    w.phase_seconds[kPolicy] += t.seconds();
  }
  {
    Timer t;
    SimulationAccess::residents_phase(w, *executor_);
    w.phase_seconds[kResidents] += t.seconds();
  }
  {
    Timer t;
    SimulationAccess::cases_phase(w, *executor_);
    w.phase_seconds[kCases] += t.seconds();
  }
  {
    Timer t;
    SimulationAccess::metrics_phase(w);
    w.series.back().policy_change = changed ? 1 : 0;
    w.phase_seconds[kMetrics] += t.seconds();
  }
  // Volunteer retention cohort: volunteers active a year before the end (or at the warm-up).
  const std::int64_t cohort_day =
      std::max<std::int64_t>(w.scenario.run.warmup_days, w.scenario.run.days - 365);
  if (w.day == cohort_day) {
    w.retention_cohort.clear();
    for (const GridVolunteers& v : w.volunteers)
      w.retention_cohort.insert(w.retention_cohort.end(), v.resident.begin(), v.resident.end());
    std::sort(w.retention_cohort.begin(), w.retention_cohort.end());
    w.retention_cohort_day = w.day;
  }
  ++w.day;
}

bool Simulation::done() const { return world_->day >= world_->scenario.run.days; }
std::int64_t Simulation::day() const { return world_->day; }
const Scenario& Simulation::scenario() const { return world_->scenario; }
const GovernanceConfig& Simulation::governance() const { return world_->gov; }
const std::vector<DayMetrics>& Simulation::series() const { return world_->series; }
const World& Simulation::world() const { return *world_; }

void Simulation::set_governance(const GovernanceConfig& governance, const std::string& summary) {
  world_->pending = governance;
  world_->pending_summary = summary;
  world_->pending_design = true;
}

void Simulation::set_tracing(bool on) {
  for (HandlingUnit& u : world_->units) u.set_tracing(on);
}

std::vector<GridMetrics> Simulation::grid_metrics() const {
  const World& w = *world_;
  std::vector<GridMetrics> out(w.city.grids);
  const double months = std::max(1.0, double(w.day)) / kDaysPerMonth;
  for (std::uint32_t g = 0; g < w.city.grids; ++g) {
    GridMetrics& m = out[g];
    const GridTotals& t = w.grid_totals[g];
    m.grid = g;
    m.street = w.city.grid_street[g];
    m.community = w.city.grid_community[g];
    m.residents = w.city.grid_population[g];
    m.x_km = w.city.grid_x[g];
    m.y_km = w.city.grid_y[g];
    m.cases = t.cases;
    m.disputes = t.disputes;
    m.reported = t.reported;
    m.resolved = t.resolved;
    m.dropped = t.dropped;
    m.escalated = t.escalated;
    m.bounced = t.bounced;
    m.open = t.open;
    m.dispute_rate_per_1k_month = double(t.disputes) / double(m.residents) * kPerThousand / months;
    if (t.responses > 0) m.response_time_mean_h = t.response_sum_h / double(t.responses);
    if (t.resolved > 0) m.resolution_time_mean_h = t.resolution_sum_h / double(t.resolved);
    const std::uint64_t first = w.city.grid_first_resident[g],
                        last = w.city.grid_first_resident[g + 1];
    double tr = 0, ga = 0, ha = 0, se = 0;
    for (std::uint64_t i = first; i < last; ++i) {
      tr += w.residents.trust[i];
      ga += w.residents.gain[i];
      ha += w.residents.happiness[i];
      se += w.residents.security[i];
    }
    const double n = double(last - first);
    m.trust_mean = tr / n;
    m.gain_mean = ga / n;
    m.happiness_mean = ha / n;
    m.security_mean = se / n;
    m.volunteers = static_cast<std::int64_t>(w.volunteers[g].size());
  }
  return out;
}

RunSummary Simulation::summary() const {
  const World& w = *world_;
  RunSummary s;
  s.days = w.day;
  s.measured_days = std::max<std::int64_t>(0, w.day - w.scenario.run.warmup_days);
  s.residents = static_cast<std::int64_t>(w.city.residents);
  s.cases = w.measured_cases;
  s.disputes = w.measured_disputes;
  const double years = double(s.measured_days) / kDaysPerYear;
  const double n = double(s.residents);
  if (s.measured_days > 0) {
    s.disputes_per_10k_year = double(s.disputes) / n * kPerTenThousand / years;
    s.requests_per_10k_month =
        double(w.measured_requests) / n * kPerTenThousand / (years * kMonthsPerYear);
    s.dispute_rate_per_1k_month =
        double(s.disputes) / n * kPerThousand / (double(s.measured_days) / kDaysPerMonth);
    s.cost_per_resident_year = w.measured_cost / n / years;
  }
  if (s.cases > 0) s.reported_share = double(w.measured_reported) / double(s.cases);
  std::int64_t reported_disputes = 0, reported_all = 0;
  for (int k = 0; k < kDisputeKinds; ++k) reported_disputes += w.measured_reported_disputes[k];
  for (int t = 0; t < 3; ++t) reported_all += w.measured_reported_tier[t];
  if (s.measured_days > 0) {
    s.reported_disputes_per_10k_year = double(reported_disputes) / n * kPerTenThousand / years;
    s.hazards_found_per_10k_year = double(w.measured_hazards_found) / n * kPerTenThousand / years;
  }
  if (reported_disputes > 0)
    for (int k = 0; k < kDisputeKinds; ++k)
      s.dispute_mix[k] = double(w.measured_reported_disputes[k]) / double(reported_disputes);
  if (reported_all > 0)
    for (int t = 0; t < 3; ++t)
      s.reported_tier_share[t] = double(w.measured_reported_tier[t]) / double(reported_all);
  if (w.measured_hazards_found > 0)
    s.hazard_detection_mean_h = w.measured_hazard_detect_sum_h / double(w.measured_hazards_found);
  if (w.measured_disputes_resolved > 0)
    s.disputes_settled_in_grid_share =
        double(w.measured_disputes_settled_in_grid) / double(w.measured_disputes_resolved);
  if (w.measured_responses > 0)
    s.response_time_mean_h = w.measured_response_sum / double(w.measured_responses);
  s.response_time_p50_h = w.response_hist.quantile(0.5);
  s.response_time_p90_h = w.response_hist.quantile(kP90);
  if (w.measured_resolved > 0) {
    s.resolution_time_mean_h = w.measured_resolution_sum / double(w.measured_resolved);
    s.within_deadline_share = double(w.measured_within) / double(w.measured_resolved);
    s.cost_per_resolved_case = w.measured_cost / double(w.measured_resolved);
  }
  s.resolution_time_p50_h = w.resolution_hist.quantile(0.5);
  s.resolution_time_p90_h = w.resolution_hist.quantile(kP90);
  if (w.measured_small > 0)
    s.stayed_in_grid_share = double(w.measured_small_stayed) / double(w.measured_small);
  if (w.measured_mediations > 0)
    s.mediation_agreement_rate = double(w.measured_agreements) / double(w.measured_mediations);
  s.escalated = w.measured_escalated;
  s.bounced = w.measured_bounced;
  s.dropped = w.measured_dropped;
  s.resolved = w.measured_resolved;
  s.reached_street = w.measured_reached_street;
  if (!w.series.empty()) {
    const DayMetrics& last = w.series.back();
    s.trust_mean = last.trust_mean;
    s.gain_mean = last.gain_mean;
    s.happiness_mean = last.happiness_mean;
    s.security_mean = last.security_mean;
    s.volunteers_active = last.volunteers_active;
  }
  if (w.retention_cohort_day >= 0 && !w.retention_cohort.empty()) {
    std::vector<std::uint32_t> now;
    for (const GridVolunteers& v : w.volunteers)
      now.insert(now.end(), v.resident.begin(), v.resident.end());
    std::sort(now.begin(), now.end());
    std::vector<std::uint32_t> both;
    std::set_intersection(w.retention_cohort.begin(), w.retention_cohort.end(), now.begin(),
                          now.end(), std::back_inserter(both));
    // Scaled to a year when the cohort is younger than a year.
    const double span = double(w.day - w.retention_cohort_day) / kDaysPerYear;
    const double kept = double(both.size()) / double(w.retention_cohort.size());
    s.volunteer_retention = span > 0 ? std::pow(kept, 1.0 / span) : kNaN;
  }
  const auto grids = grid_metrics();
  double lo = kInf, hi = -kInf;
  for (const GridMetrics& g : grids)
    if (!std::isnan(g.response_time_mean_h))
      lo = std::min(lo, g.response_time_mean_h), hi = std::max(hi, g.response_time_mean_h);
  if (hi >= lo) s.response_time_grid_spread_h = hi - lo;
  const double hours = double(s.measured_days) * kHoursPerDay;
  for (int l = 0; l < 3; ++l) {
    const LevelDay& a = w.measured_level[l];
    LevelSummary& q = s.level[l];
    q.in_system_start = w.level_in_system_at_start[l];
    for (const HandlingUnit& u : w.units) q.in_system_end += u.in_system(l);
    if (hours > 0) {
      q.arrivals_per_h = double(a.arrivals) / hours;
      q.queue_mean = a.queue_area / hours;
      q.in_system_mean = a.system_area / hours;
    }
    if (a.queue_exits > 0) q.wait_mean_h = a.wait_sum_h / double(a.queue_exits);
    if (a.departures > 0) q.time_in_system_mean_h = a.sojourn_sum_h / double(a.departures);
  }
  s.state_hash = state_hash();
  return s;
}

std::uint64_t Simulation::state_hash() const {
  const World& w = *world_;
  std::uint64_t h = 0xcbf29ce484222325ull;
  auto mix = [&h](std::uint64_t x) { h ^= x + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2); };
  auto mixf = [&](float f) {
    std::uint32_t b;
    std::memcpy(&b, &f, sizeof b);
    mix(b);
  };
  const Residents& r = w.residents;
  for (std::size_t i = 0; i < r.size(); ++i) {
    mixf(r.hardship[i]);
    mixf(r.trust[i]);
    mixf(r.expectation[i]);
    mixf(r.gain[i]);
    mixf(r.happiness[i]);
    mixf(r.security[i]);
    mix(r.flags[i]);
  }
  for (const GridVolunteers& v : w.volunteers)
    for (std::size_t i = 0; i < v.size(); ++i) {
      mix(v.resident[i]);
      mixf(v.motivation[i]);
      mixf(v.experience[i]);
    }
  for (const HandlingUnit& u : w.units) h = u.hash(h);
  mix(static_cast<std::uint64_t>(w.day));
  return h;
}

PhaseProfile Simulation::profile() const {
  PhaseProfile p;
  for (int i = 0; i < kPhases; ++i) {
    p.names.emplace_back(kPhaseNames[i]);
    p.seconds.push_back(world_->phase_seconds[static_cast<std::size_t>(i)]);
  }
  return p;
}

}  // namespace govsim
