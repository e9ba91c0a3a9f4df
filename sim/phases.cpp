#include "sim/phases.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "engine/units.hpp"
#include "model/streams.hpp"
#include "sim/arrivals.hpp"
#include "sim/people.hpp"

namespace govsim {

void put_design_in_force(World& w, const GovernanceConfig& gov, Executor& ex) {
  ModelState& s = w.state;
  s.gov = gov;
  const double now = double(s.day) * kHoursPerDay;
  ex.parallel_for(s.units.size(), [&](std::size_t b, std::size_t e) {
    for (std::size_t u = b; u < e; ++u) s.units[u].apply_design(s.gov, now);
  });
  w.staff_costs.valid = false;  // new rosters, perhaps a new cost model
  for (std::uint32_t g = 0; g < w.city.grids; ++g) {
    Stream st(w.scenario.run.seed, Purpose::CityLayout, g, 1);
    s.has_sensors[g] = st.uniform() < s.gov.platform.sensor_coverage ? 1 : 0;
    s.rounds_hours[g] = s.units[w.city.grid_street[g]].rounds_hours(g);
  }
}

namespace {

void policy_phase(World& w, Executor& ex) {
  ModelState& s = w.state;
  w.today.policy_changed = false;
  while (s.next_change < w.scenario.changes.size() &&
         w.scenario.changes[s.next_change].day <= s.day) {
    put_design_in_force(w, w.scenario.changes[s.next_change].governance, ex);
    ++s.next_change;
    w.today.policy_changed = true;
  }
  if (s.pending_design) {
    put_design_in_force(w, s.pending, ex);
    s.pending_design = false;
    w.today.policy_changed = true;
  }
}

// Asks the memory for a grid's small lists (its residents' feedback and its volunteers) two
// grids ahead: each lives in a heap block of its own, which the hardware's prefetcher cannot
// guess, and the megacity's grids are far apart in memory.
void prefetch_grid(const ModelState& s, std::size_t g) {
  __builtin_prefetch(s.feedback[g].data());
  const GridVolunteers& v = s.volunteers[g];
  __builtin_prefetch(v.resident.data());
  __builtin_prefetch(v.training.data());
  __builtin_prefetch(v.motivation.data());
  __builtin_prefetch(v.load.data());
  __builtin_prefetch(v.on_duty.data());
}

// One grid ahead, the residents its feedback will touch (a list asked for a grid earlier):
// scattered over the grid, and not yet read today.
void prefetch_feedback_residents(const ModelState& s, std::size_t g) {
  const Residents& r = s.residents;
  for (const Feedback& f : s.feedback[g]) {
    __builtin_prefetch(&r.hardship[f.resident]);
    __builtin_prefetch(&r.security[f.resident]);
    __builtin_prefetch(&r.trust[f.resident]);
    __builtin_prefetch(&r.expectation[f.resident]);
    __builtin_prefetch(&r.gain[f.resident]);
  }
}

void residents_phase(World& w, Executor& ex) {
  ModelState& s = w.state;
  const ModelConfig& m = w.scenario.model;
  const bool raise = w.behaviour->residents_raise_cases();
  ex.parallel_for(w.city.grids, [&](std::size_t b, std::size_t e) {
    std::vector<ArisingPick> picks;
    if (b + 1 < e) prefetch_grid(s, b + 1);
    for (std::size_t gi = b; gi < e; ++gi) {
      const auto g = static_cast<std::uint32_t>(gi);
      if (gi + 2 < e) prefetch_grid(s, gi + 2);
      if (gi + 1 < e) prefetch_feedback_residents(s, gi + 1);
      const std::uint64_t first = w.city.grid_first_resident[g];
      const std::uint64_t last = w.city.grid_first_resident[g + 1];
      // The next grid's columns are fetched during this grid's update (see ResidentColumns),
      // when this thread updates it next.
      const std::uint64_t ahead = gi + 1 < e ? w.city.grid_first_resident[g + 2] - last : 0;
      w.today.resident_sums[g] =
          step_grid_residents(s.residents, first, last, s.feedback[g], s.climate[g], m, ahead);
      s.feedback[g].clear();
      // Whose cases arise today is known once the residents are updated; it is picked before
      // the volunteers' step (which reads and writes none of what the pick reads), so that the
      // memory fetches the picked residents' records while the volunteers are stepped.
      picks.clear();
      if (raise) pick_grid_cases(w, g, picks);
      const double trust_mean = w.today.resident_sums[g].trust / double(last - first);
      w.today.volunteer_day[g] =
          step_grid_volunteers(s.volunteers[g], s.residents, first, last, g, s.day, trust_mean,
                               w.scenario.run.seed, s.gov, m);
      w.today.outbox[g].clear();
      if (raise) {
        draw_picked_cases(w, g, picks, w.today.outbox[g]);
        raise_people_cases(w, g, 0, w.today.outbox[g]);
      }
      std::int64_t disputes = 0;
      for (const NewCase& n : w.today.outbox[g]) disputes += n.domain == Domain::Dispute ? 1 : 0;
      w.today.new_disputes[g] = disputes;
    }
  });
}

// The street offices in parallel; then the city tier's unit takes what they sent up today, in
// unit order and within a unit in the order sent, and runs the same day. Nothing comes back down
// within the day (closures reach residents tomorrow), so the order is causal and the bits do not
// depend on the threads.
void cases_phase(World& w, Executor& ex) {
  ModelState& s = w.state;
  const double day_end = double(s.day + 1) * kHoursPerDay;
  const std::size_t streets = w.city.streets;
  ex.parallel_for(streets, [&](std::size_t b, std::size_t e) {
    for (std::size_t u = b; u < e; ++u) {
      HandlingUnit& unit = s.units[u];
      unit.begin_day(s.day);
      const auto street = static_cast<std::uint32_t>(u);
      for (std::uint32_t g = w.city.street_first_grid[street];
           g < w.city.street_first_grid[street + 1]; ++g)
        for (const NewCase& n : w.today.outbox[g]) unit.admit(n);
      unit.run_until(day_end);
      unit.take_day(w.today.unit_days[u], day_end);
    }
  });
  HandlingUnit& top = s.units[streets];
  top.begin_day(s.day);
  for (std::size_t u = 0; u < streets; ++u) {
    for (const HandlingUnit::Transfer& tr : s.units[u].sent_up()) top.take_transfer(tr.c, tr.t);
    s.units[u].sent_up().clear();
  }
  top.run_until(day_end);
  top.take_day(w.today.unit_days[streets], day_end);
}

// The grids' part of today's row: the senses, new disputes and volunteers, each grid's counted
// in the residents phase (the volunteers active after their step: nothing adds or removes any
// later in the day).
void add_grid_days(const World& w, DayMetrics& d) {
  ResidentSums rs;
  for (std::uint32_t g = 0; g < w.city.grids; ++g) {
    rs += w.today.resident_sums[g];
    d.new_disputes += w.today.new_disputes[g];
    d.volunteers_joined += w.today.volunteer_day[g].joined;
    d.volunteers_quit += w.today.volunteer_day[g].quit;
    d.volunteers_active += w.today.volunteer_day[g].active;
  }
  const double n = double(d.residents);
  d.trust_mean = rs.trust / n;
  d.grievance_mean = rs.grievance / n;
  d.gain_mean = rs.gain / n;
  d.happiness_mean = rs.happiness / n;
  d.security_mean = rs.security / n;
}

// The day's response-time percentiles, over the responses of the trailing window (MODEL.md 4.11).
// `today`: the day's responses in ascending order.
void add_response_percentiles(DayWindow& window, const std::vector<double>& today,
                              const RunConfig& run, DayMetrics& d) {
  constexpr double kMedian = 0.5, kP90 = 0.9;
  window.add_sorted_day(today, static_cast<std::size_t>(run.percentile_window_days));
  const auto least = static_cast<std::size_t>(run.percentile_min_responses);
  std::array<double, 2> p{};
  window.quantiles(std::array<double, 2>{kMedian, kP90}, p, least);
  d.response_time_p50_h = p[0];
  d.response_time_p90_h = p[1];
}

// The units' part of today's row, from their days added up.
void add_unit_days(const UnitDay& u, DayMetrics& d) {
  d.new_cases = u.admitted;
  d.reported_by_resident = u.reported[static_cast<int>(Channel::Resident)];
  d.reported_by_volunteer = u.reported[static_cast<int>(Channel::Volunteer)];
  d.reported_by_rounds = u.reported[static_cast<int>(Channel::Rounds)];
  d.reported_by_platform = u.reported[static_cast<int>(Channel::Platform)];
  d.reported = d.reported_by_resident + d.reported_by_volunteer + d.reported_by_rounds +
               d.reported_by_platform;
  d.first_responses = u.first_responses;
  d.resolved = u.resolved;
  d.escalated = u.escalated;
  d.bounced = u.bounced;
  d.dropped = u.dropped;
  d.settled_by_residents = u.settled_by_residents;
  d.worsened = u.worsened;
  d.disputes_resolved = u.disputes_resolved;
  d.disputes_settled_in_grid = u.disputes_settled_in_grid;
  d.mediations = u.mediations;
  d.mediation_agreements = u.mediation_agreements;
  if (!u.response_h.empty()) {
    double sum = 0;
    for (double r : u.response_h) sum += r;
    d.response_time_mean_h = sum / double(u.response_h.size());
  }
  if (d.resolved > 0) {
    d.resolution_time_mean_h = u.resolution_sum_h / double(d.resolved);
    d.within_deadline_share = double(u.within_deadline) / double(d.resolved);
  }
  if (u.handoffs > 0) d.handoff_time_mean_h = u.handoff_sum_h / double(u.handoffs);
  if (u.small_resolved > 0)
    d.stayed_in_grid_share = double(u.small_stayed_in_grid) / double(u.small_resolved);
  double* utilization[kLevels] = {&d.utilization_grid, &d.utilization_community,
                                  &d.utilization_street, &d.utilization_city};
  for (int l = 0; l < kLevels; ++l)
    if (u.capacity_h[l] > 0) *utilization[l] = u.busy_h[l] / u.capacity_h[l];
}

// The part of the cost model a member of staff counts in, and their yearly cost.
// Staff of the city tier are street officials by role and are counted apart by their level.
std::pair<int, double> staff_cost(Role role, Level level, const CostConfig& cost) {
  switch (role) {
    case Role::GridWorker:
      return {kCostGridWorkers, cost.grid_worker};
    case Role::CommunityOfficial:
      return {kCostCommunityOfficials, cost.community_official};
    case Role::StreetOfficial:
      return {level == Level::City ? kCostCityOfficials : kCostStreetOfficials,
              cost.street_official};
    case Role::Mediator:
      return {kCostMediators, cost.mediator};
    case Role::Counsellor:
      return {kCostCounsellors, cost.counsellor};
  }
  return {kCostMediators, 0};
}

// The staff's yearly cost by part, and where each member of staff is counted (a grid worker in
// the community of their grid, a mediator in their community or street; staff of the city tier
// in its own row), in unit and roster order. Worked out again after a design comes into force.
const World::StaffCosts& staff_costs(World& w) {
  World::StaffCosts& sc = w.staff_costs;
  if (sc.valid) return sc;
  const City& city = w.city;
  const CostConfig& cost = w.state.gov.costs;
  sc = World::StaffCosts{};
  sc.unit_first.push_back(0);
  for (std::size_t u = 0; u < w.state.units.size(); ++u) {
    const Roster& r = w.state.units[u].roster();
    for (std::size_t i = 0; i < r.size(); ++i) {
      const auto [part, yuan] = staff_cost(r.role[i], r.level[i], cost);
      sc.part[part] += yuan;
      sc.counsellors += r.role[i] == Role::Counsellor ? 1 : 0;
      const std::uint32_t home = r.home[i];
      std::uint32_t street = std::min(home, city.streets);
      std::int64_t community = -1;
      if (r.level[i] == Level::City) {
        street = city.streets;
      } else if (r.level[i] == Level::Grid && home < city.grids) {
        street = city.grid_street[home];
        community = city.grid_community[home];
      } else if (r.level[i] == Level::Community && home < city.communities) {
        street = city.community_street[home];
        community = home;
      }
      // A unit's staff counted in another street's rows would make the per-street replay of
      // add_place_costs add in another order than one pass in unit order: replay in one pass then.
      if (street != u) sc.crosses_streets = true;
      sc.entries.push_back({std::uint32_t(street * kCostParts + std::uint32_t(part)),
                            community < 0 ? -1 : std::int64_t(community * kCostParts + part),
                            yuan});
    }
    sc.unit_first.push_back(static_cast<std::uint32_t>(sc.entries.size()));
  }
  sc.valid = true;
  return sc;
}

// Staff on the rosters, volunteers and the platform: today's cost, by part (kCostPartNames).
DayCost day_cost(World& w, const DayMetrics& d) {
  const CostConfig& cost = w.state.gov.costs;
  DayCost c;
  const World::StaffCosts& staff_parts = staff_costs(w);
  for (int k = 0; k < kCostParts; ++k) c.part[k] = staff_parts.part[k];
  c.part[kCostVolunteers] = cost.volunteer * double(d.volunteers_active);
  c.part[kCostPlatform] =
      cost.platform_per_resident * w.state.gov.platform.level * double(d.residents);
  // Staff costs are whole yuan in any sensible configuration, so their sum is exact in any order.
  double staff = 0;
  for (int k = kCostGridWorkers; k <= kCostMediators; ++k) staff += c.part[k];
  c.total = (staff + c.part[kCostCounsellors] + c.part[kCostVolunteers] + c.part[kCostPlatform]) /
            kDaysPerYear;
  for (double& p : c.part) p /= kDaysPerYear;
  return c;
}

// Today's cost by place (RunTally::cost_community, cost_street), as yearly rates a day (divided
// by the measured days when reported): each member of staff where they are counted (staff_costs),
// then each grid's volunteers and its residents' share of the platform in its community and
// street. A street's rows and its communities' are written only by its own unit's staff and its
// own grids, so the streets (and the city tier's row) run in parallel, each adding in the same
// order as one pass over the units and then the grids would.
void add_place_costs(World& w, Executor& ex) {
  const City& city = w.city;
  const CostConfig& cost = w.state.gov.costs;
  RunTally& t = w.tally;
  t.cost_community.resize(std::size_t(city.communities) * kCostParts, 0.0);
  t.cost_street.resize(std::size_t(city.streets + 1) * kCostParts, 0.0);
  const World::StaffCosts& staff = staff_costs(w);
  const double platform = cost.platform_per_resident * w.state.gov.platform.level;
  auto add_staff = [&](std::size_t unit) {
    for (std::uint32_t k = staff.unit_first[unit]; k < staff.unit_first[unit + 1]; ++k) {
      const World::StaffCosts::Entry& e = staff.entries[k];
      t.cost_street[e.street_slot] += e.yuan;
      if (e.community_slot >= 0) t.cost_community[std::size_t(e.community_slot)] += e.yuan;
    }
  };
  auto add_grids = [&](std::uint32_t first, std::uint32_t last) {
    for (std::uint32_t g = first; g < last; ++g) {
      const std::size_t s = std::size_t(city.grid_street[g]) * kCostParts,
                        c = std::size_t(city.grid_community[g]) * kCostParts;
      const double volunteers = cost.volunteer * double(w.today.volunteer_day[g].active);
      const double residents = platform * double(city.grid_population[g]);
      t.cost_street[s + kCostVolunteers] += volunteers;
      t.cost_community[c + kCostVolunteers] += volunteers;
      t.cost_street[s + kCostPlatform] += residents;
      t.cost_community[c + kCostPlatform] += residents;
    }
  };
  if (staff.crosses_streets) {
    for (std::size_t u = 0; u + 1 < staff.unit_first.size(); ++u) add_staff(u);
    add_grids(0, city.grids);
    return;
  }
  ex.parallel_for(std::size_t(city.streets) + 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t u = begin; u < end; ++u) {
      add_staff(u);
      if (u < city.streets) add_grids(city.street_first_grid[u], city.street_first_grid[u + 1]);
    }
  });
}

// Open cases at the end of the day (each unit counted its own at the end of its day, in
// parallel): the backlog and the running totals.
void add_open_cases(World& w, const UnitDay& city, DayMetrics& d) {
  d.unreported_open = city.unreported_end;
  d.backlog = city.backlog_end;
  d.overdue = city.overdue_end;
  d.backlog_age_mean_h =
      city.backlog_end > 0 ? city.backlog_age_sum_h / double(city.backlog_end) : kNaN;
  RunTally& t = w.tally;
  t.arrived_total += d.new_cases;
  t.resolved_total += d.resolved;
  t.dropped_total += d.dropped;
  t.settled_by_residents_total += d.settled_by_residents;
  d.arrived_total = t.arrived_total;
  d.resolved_total = t.resolved_total;
  d.dropped_total = t.dropped_total;
  d.settled_by_residents_total = t.settled_by_residents_total;
  d.open_total = city.open_end;
}

// The day's date and kind, and the backlog around the run's first Spring Festival break.
void add_calendar_day(World& w, DayMetrics& d) {
  const Calendar& cal = *w.calendar;
  const std::int64_t day = w.state.day;
  d.date = cal.date_number(day);
  d.weekday = cal.weekday(day);
  if (!w.scenario.calendar.on) return;
  d.working_day = cal.working(day) ? 1 : 0;
  RunTally& t = w.tally;
  for (const Calendar::Break& b : w.festivals) {
    if (day == b.last_before && t.festival_backlog_before < 0)
      t.festival_backlog_before = d.backlog;
    if (day == b.first_after && t.festival_backlog_after < 0 && t.festival_backlog_before >= 0)
      t.festival_backlog_after = d.backlog;
  }
}

// Everything of today's row and the run's tally but the response-time percentiles.
void count_day(World& w, const UnitDay& city, DayMetrics& d) {
  const RunConfig& run = w.scenario.run;
  d.dispute_rate_per_1k_month =
      double(d.new_disputes) / double(d.residents) * kPerThousand * kDaysPerMonth;
  const DayCost cost = day_cost(w, d);
  d.cost = cost.total;
  add_open_cases(w, city, d);
  d.policy_change = w.today.policy_changed ? 1 : 0;
  add_calendar_day(w, d);
  add_people_day(w, d);
  d.counsellors = staff_costs(w).counsellors;
  if (city.handlers > 0) d.travel_h_per_handler_day = city.travel_h / double(city.handlers);
  RunTally& t = w.tally;
  if (w.state.day + 1 == run.warmup_days)  // the measured days begin after today
    for (int l = 0; l < kLevels; ++l) {
      t.level_in_system_at_start[l] = 0;
      t.level_age_at_start_h[l] = 0;
      const double now = double(w.state.day + 1) * kHoursPerDay;
      for (const HandlingUnit& u : w.state.units) {
        t.level_in_system_at_start[l] += u.in_system(l);
        t.level_age_at_start_h[l] += u.in_system_age_h(l, now);
      }
    }
  if (w.state.day >= run.warmup_days) {
    for (const UnitDay& u : w.today.unit_days) t += u;
    t += CityDay{d, city};
    for (int k = 0; k < kCostParts; ++k) t.cost_part[k] += cost.part[k];
  }
}

void metrics_phase(World& w, Executor& ex) {
  DayMetrics d;
  d.day = w.state.day;
  d.residents = static_cast<std::int64_t>(w.city.residents);
  UnitDay& city = w.today.city;
  city.clear();
  std::vector<const std::vector<double>*> sorted_runs;
  for (const UnitDay& u : w.today.unit_days) {
    city += u;
    sorted_runs.push_back(&u.response_sorted_h);
  }
  add_unit_days(city, d);
  // Two tasks: the rest of the row with the tally, and the percentiles (which merge the units'
  // sorted responses). Neither reads what the other writes: the merged responses (city's
  // response_sorted_h and today's merge_scratch), the window of responses and the two percentile
  // fields against everything else. The longer goes first: the calling thread runs the first
  // (TBB keeps a range's left half and offers the right one), while the second waits for the
  // other thread to wake.
  ex.parallel_for(2, [&](std::size_t begin, std::size_t end) {
    for (std::size_t task = begin; task < end; ++task) {
      if (task == 0) {
        add_grid_days(w, d);
        count_day(w, city, d);
      } else {
        merge_sorted_runs(sorted_runs, city.response_sorted_h, w.today.merge_scratch);
        add_response_percentiles(w.tally.response_window, city.response_sorted_h, w.scenario.run,
                                 d);
      }
    }
  });
  if (w.state.day >= w.scenario.run.warmup_days) add_place_costs(w, ex);
  w.tally.series.push_back(d);
}

// What residents meet tomorrow, per resident. Each closed case is heard of by
// listeners_per_case residents of its grid, so one resident hears closed x listeners / pop
// accounts a day, each weighing spillover against an own case; each open hazard (dispute) is
// near hazard_reach (dispute_reach) residents. Both are per resident, so cutting the same city
// into more or fewer grids leaves them as they are.
// Residents near a boundary hear of, and live near, what happens across it: of each grid's
// accounts, hazards and disputes a share reaches each neighbouring grid (MODEL.md 7.25), still per
// resident, so the cut into grids changes only where the boundaries run.
void climate_phase(World& w, Executor& ex) {
  const ModelConfig& m = w.scenario.model;
  const TrustBehaviour& tb = m.behaviour.trust;
  const SensesBehaviour& sb = m.behaviour.senses;
  const ParticipationBehaviour& pb = m.behaviour.participation;
  const std::uint32_t grids = w.city.grids;
  std::vector<double>& accounts = w.today.climate_own[0];
  std::vector<double>& hazards = w.today.climate_own[1];
  std::vector<double>& disputes = w.today.climate_own[2];
  accounts.resize(grids);  // every entry is written below
  hazards.resize(grids);
  disputes.resize(grids);
  // Grid by grid in parallel, each writing its own entries; then each grid gathers what reaches
  // it from its neighbours' entries, in parallel too, with the sums in a fixed order.
  ex.parallel_for(grids, [&](std::size_t b, std::size_t e) {
    for (std::size_t g = b; g < e; ++g) {
      const GridTotals& t = w.state.grid_totals[g];
      accounts[g] = t.satisfaction_today * tb.listeners_per_case;
      hazards[g] = double(t.open_hazards) * sb.hazard_reach;
      disputes[g] = double(t.open_disputes) * sb.dispute_reach;
    }
  });
  ex.parallel_for(grids, [&](std::size_t b, std::size_t e) {
    for (std::size_t gi = b; gi < e; ++gi) {
      const auto g = static_cast<std::uint32_t>(gi);
      GridTotals& t = w.state.grid_totals[g];
      GridClimate& c = w.state.climate[g];
      const double pop = double(w.city.grid_population[g]);
      // What reaches the grid from itself and its neighbours (model/geometry.hpp).
      const auto [heard_accounts, near_hazards, near_disputes] =
          spread_to<3>(w.city, w.spill, {&accounts, &hazards, &disputes}, g);
      c.neighbour_mood = std::clamp(m.spillover * m.trust_rate * heard_accounts / pop,
                                    -tb.spillover_cap, tb.spillover_cap);
      if (t.closed_today > 0) {
        const double perf = 0.5 * (t.satisfaction_today / double(t.closed_today) + 1.0);
        c.service +=
            std::min(1.0, tb.service_per_case * double(t.closed_today)) * (perf - c.service);
      }
      c.hazard_exposure = near_hazards / pop;
      c.dispute_exposure = near_disputes / pop;
      // Tomorrow's consultation meeting (协商议事), if the grid holds one: those who take part
      // have part of their strain eased.
      const double meetings_per_day =
          w.state.gov.participation * pb.consultations_per_month / kDaysPerMonth;
      Stream meeting(w.scenario.run.seed, Purpose::GridDay, g,
                     grid_day_time(w.state.day + 1, kGridDayConsultation));
      c.consultation = meeting.bernoulli(std::min(1.0, meetings_per_day))
                           ? pb.consultation_attendance * pb.consultation_relief
                           : 0.0;
      t.satisfaction_today = 0;
      t.closed_today = 0;
    }
  });
}

// Volunteers active a year before the end (or at the warm-up's end), for retention.
void cohort_phase(World& w, Executor&) {
  const RunConfig& run = w.scenario.run;
  const std::int64_t cohort_day =
      std::max<std::int64_t>(run.warmup_days, run.days - static_cast<std::int64_t>(kDaysPerYear));
  if (w.state.day != cohort_day) return;
  std::vector<std::uint32_t>& cohort = w.tally.retention_cohort;
  cohort.clear();
  for (const GridVolunteers& v : w.state.volunteers)
    cohort.insert(cohort.end(), v.resident.begin(), v.resident.end());
  std::sort(cohort.begin(), cohort.end());
  w.tally.retention_cohort_day = w.state.day;
}

}  // namespace

const std::array<Phase, 6> kStep = {{
    {"policy", policy_phase},
    {"residents", residents_phase},
    {"cases", cases_phase},
    {"metrics", metrics_phase},
    {"climate", climate_phase},
    {"cohort", cohort_phase},
}};

}  // namespace govsim
