// The run loop: a Simulation owns the world and steps it through the phase table of
// sim/phases.hpp, one day at a time.
#include "sim/simulation.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <functional>

#include "engine/errors.hpp"
#include "engine/units.hpp"
#include "sim/equity.hpp"
#include "sim/observation.hpp"
#include "sim/phases.hpp"
#include "sim/rhythms.hpp"
#include "sim/world.hpp"

namespace govsim {

// The run's calendar: its dates always; days off only matter when calendar.on. Laid out a year
// past the run, for deadlines that fall after it.
std::unique_ptr<Calendar> scenario_calendar(const Scenario& s) {
  CivilDate start;
  if (!parse_iso_date(s.run.start_date, start))
    throw InputError(s.source + ": run.start_date: '" + s.run.start_date + "' is not a date");
  std::vector<std::int64_t> holidays, workdays;
  if (!parse_date_list(s.calendar.holidays, holidays).empty() ||
      !parse_date_list(s.calendar.workdays, workdays).empty())
    throw InputError(s.source + ": calendar.holidays or calendar.workdays is not a list of dates");
  const std::int64_t laid_out = s.run.days + static_cast<std::int64_t>(kDaysPerYear);
  return std::make_unique<Calendar>(start, laid_out, s.calendar.official_table, holidays, workdays);
}

Simulation::Simulation(const Scenario& scenario, Executor& executor)
    : world_(std::make_unique<World>()), executor_(&executor) {
  World& w = *world_;
  ModelState& s = w.state;
  // Each step of the set-up is timed (profile().setup_seconds), so that the benchmarks can say
  // how much of a run is spent outside the parallel phases.
  auto t0 = std::chrono::steady_clock::now();
  auto lap = [&](const char* name) {
    const auto t1 = std::chrono::steady_clock::now();
    w.setup_names.emplace_back(name);
    w.setup_seconds.push_back(std::chrono::duration<double>(t1 - t0).count());
    t0 = t1;
  };
  w.scenario = scenario;
  w.city = build_city(scenario);
  lap("city");
  w.behaviour = make_case_behaviour(w.scenario.model);
  if (w.city.grids == 0) throw InputError(scenario.source + ": the city has no grids");
  const std::uint32_t G = w.city.grids;
  // The populations grid by grid in parallel: every draw is keyed by its own resident, grid or
  // volunteer, so the split over threads changes no bit.
  const GridLoop grids = [&](std::size_t n,
                             const std::function<void(std::size_t, std::size_t)>& body) {
    executor.parallel_for(n, body);
  };
  init_residents(s.residents, w.city, scenario, grids);
  lap("residents");
  s.volunteers.resize(G);
  grids(G, [&](std::size_t begin, std::size_t end) {
    for (std::size_t g = begin; g < end; ++g)
      init_volunteers(s.volunteers[g], s.residents, w.city.grid_first_resident[g],
                      w.city.grid_first_resident[g + 1], static_cast<std::uint32_t>(g), scenario);
  });
  lap("volunteers");
  double elderly = 0;
  for (std::uint32_t g = 0; g < G; ++g)
    elderly += double(w.city.grid_elderly[g]) * double(w.city.grid_population[g]);
  w.city_elderly_share = elderly / double(w.city.residents);
  w.spill = spill_shares(w.city, scenario.model.space.word_of_mouth_km);
  s.climate.assign(G, GridClimate{});
  s.feedback.resize(G);
  s.grid_totals.resize(G);
  s.has_sensors.assign(G, 0);
  s.rounds_hours.assign(G, 0);
  w.calendar = scenario_calendar(w.scenario);
  if (w.scenario.calendar.on) {
    w.rhythm = arrival_rhythm(*w.calendar, w.scenario.calendar.rhythms,
                              w.scenario.model.disputes.share.other, w.scenario.run.days);
    w.festivals = w.calendar->spring_festivals(0, w.scenario.run.days);
  }
  lap("grids");
  // People (MODEL.md 7.24): the neighbour network, grids in parallel, and the cases to come.
  s.network = build_network(w.city, scenario.model.behaviour.people, scenario.run.seed, grids);
  lap("network");
  s.pending_cases.resize(G);
  const UnitContext ctx{&s.residents,     &s.volunteers,        &s.feedback, &s.grid_totals,
                        w.calendar.get(), &w.scenario.calendar, &s.network,  &s.pending_cases};
  // One unit per street office, and last the city tier's, which runs after them (MODEL.md 7.6).
  for (std::uint32_t street = 0; street <= w.city.streets; ++street)
    s.units.emplace_back(w.city, street, w.scenario.model, *w.behaviour, scenario.run.seed, ctx);
  w.today.outbox.resize(G);
  w.today.resident_sums.resize(G);
  w.today.volunteer_day.resize(G);
  w.today.new_disputes.resize(G);
  w.today.unit_days.resize(s.units.size());
  lap("units");
  w.phase_seconds.assign(kStep.size(), 0.0);
  // The series' rows up front: growing it by doubling copied every row so far and touched twice
  // the pages (each fault costs microseconds on a virtual machine).
  w.tally.series.reserve(static_cast<std::size_t>(scenario.run.days));
  put_design_in_force(w, scenario.governance, executor);
  lap("design");
}

Simulation::~Simulation() = default;

void Simulation::step() {
  World& w = *world_;
  if (done()) return;
  for (std::size_t i = 0; i < kStep.size(); ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    kStep[i].run(w, *executor_);
    w.phase_seconds[i] +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  ++w.state.day;
}

bool Simulation::done() const { return world_->state.day >= world_->scenario.run.days; }
std::int64_t Simulation::day() const { return world_->state.day; }
const Scenario& Simulation::scenario() const { return world_->scenario; }
const GovernanceConfig& Simulation::governance() const { return world_->state.gov; }
const std::vector<DayMetrics>& Simulation::series() const { return world_->tally.series; }
Observation Simulation::observe() const { return Observation(*world_); }

void Simulation::set_governance(const GovernanceConfig& governance, const std::string& summary) {
  world_->state.pending = governance;
  world_->state.pending_summary = summary;
  world_->state.pending_design = true;
}

void Simulation::set_tracing(bool on) {
  for (HandlingUnit& u : world_->state.units) u.set_tracing(on);
}

namespace {

// Each grid's distance from its street office, its community office and its branch's base under
// the design in force (MODEL.md 7.25).
void add_distances(const World& w, std::vector<GridMetrics>& out) {
  const City& c = w.city;
  for (std::uint32_t s = 0; s < c.streets; ++s) {
    const Place street = street_office(c, s);
    for (std::uint32_t g = c.street_first_grid[s]; g < c.street_first_grid[s + 1]; ++g)
      out[g].street_km = reach_km(c, street, g);
    for (const Branch& b : w.state.units[s].branches()) {
      const Place base = grids_centre(c, b.first_grid, b.last_grid);
      for (std::uint32_t g = b.first_grid; g < b.last_grid; ++g)
        out[g].branch_km = reach_km(c, base, g);
    }
  }
  for (std::uint32_t k = 0; k < c.communities; ++k) {
    const Place office = community_office(c, k);
    for (std::uint32_t g = c.community_first_grid[k]; g < c.community_first_grid[k + 1]; ++g)
      out[g].community_km = reach_km(c, office, g);
  }
}

}  // namespace

std::vector<GridMetrics> Simulation::grid_metrics() const {
  const World& w = *world_;
  std::vector<GridMetrics> out(w.city.grids);
  const double months = std::max(1.0, double(w.state.day)) / kDaysPerMonth;
  for (std::uint32_t g = 0; g < w.city.grids; ++g) {
    GridMetrics& m = out[g];
    const GridTotals& t = w.state.grid_totals[g];
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
      tr += w.state.residents.trust[i];
      ga += w.state.residents.gain[i];
      ha += w.state.residents.happiness[i];
      se += w.state.residents.security[i];
    }
    const double n = double(last - first);
    m.trust_mean = tr / n;
    m.gain_mean = ga / n;
    m.happiness_mean = ha / n;
    m.security_mean = se / n;
    m.volunteers = static_cast<std::int64_t>(w.state.volunteers[g].size());
    m.incidents = t.incidents;
    m.incidents_per_10k_year = double(t.incidents) / double(m.residents) * kPerTenThousand /
                               (std::max(1.0, double(w.state.day)) / kDaysPerYear);
    m.repeat_disputes = t.repeat_disputes;
    m.housing = static_cast<std::int64_t>(w.city.grid_housing[g]);
  }
  add_distances(w, out);
  return out;
}

std::vector<PlaceCost> Simulation::place_costs() const {
  const World& w = *world_;
  const RunTally& t = w.tally;
  std::vector<PlaceCost> out;
  const double days = double(w.state.day - w.scenario.run.warmup_days);
  if (days <= 0 || t.cost_street.empty()) return out;
  auto row = [&](const char* level, std::int64_t street, std::int64_t community,
                 std::int64_t residents, const double* parts) {
    PlaceCost c;
    c.level = level;
    c.street = street;
    c.community = community;
    c.residents = residents;
    for (int k = 0; k < kCostParts; ++k) {
      c.part_cny_year[k] = parts[k] / days;
      c.total_cny_year += c.part_cny_year[k];
    }
    if (residents > 0) c.per_resident_year = c.total_cny_year / double(residents);
    out.push_back(c);
  };
  const City& city = w.city;
  for (std::uint32_t s = 0; s <= city.streets; ++s) {
    std::int64_t residents = 0;
    if (s < city.streets)
      for (std::uint32_t g = city.street_first_grid[s]; g < city.street_first_grid[s + 1]; ++g)
        residents += city.grid_population[g];
    else
      residents = static_cast<std::int64_t>(city.residents);
    row(s < city.streets ? "street" : "city", s, -1, residents,
        &t.cost_street[std::size_t(s) * kCostParts]);
  }
  for (std::uint32_t c = 0; c < city.communities; ++c)
    row("community", city.community_street[c], c,
        static_cast<std::int64_t>(city.community_population[c]),
        &t.cost_community[std::size_t(c) * kCostParts]);
  return out;
}

RunSummary Simulation::summary() const {
  const World& w = *world_;
  SummaryInputs in;
  in.days = w.state.day;
  in.warmup_days = w.scenario.run.warmup_days;
  in.residents = static_cast<std::int64_t>(w.city.residents);
  if (w.tally.retention_cohort_day >= 0 && !w.tally.retention_cohort.empty()) {
    std::vector<std::uint32_t> now;
    for (const GridVolunteers& v : w.state.volunteers)
      now.insert(now.end(), v.resident.begin(), v.resident.end());
    std::sort(now.begin(), now.end());
    std::vector<std::uint32_t> both;
    std::set_intersection(w.tally.retention_cohort.begin(), w.tally.retention_cohort.end(),
                          now.begin(), now.end(), std::back_inserter(both));
    // Scaled to a year when the cohort is younger than a year.
    const double span = double(w.state.day - w.tally.retention_cohort_day) / kDaysPerYear;
    const double kept = double(both.size()) / double(w.tally.retention_cohort.size());
    in.retention = span > 0 ? std::pow(kept, 1.0 / span) : kNaN;
  }
  const auto grids = grid_metrics();
  double lo = kInf, hi = -kInf;
  for (const GridMetrics& g : grids)
    if (!std::isnan(g.response_time_mean_h))
      lo = std::min(lo, g.response_time_mean_h), hi = std::max(hi, g.response_time_mean_h);
  if (hi >= lo) in.grid_spread_h = hi - lo;
  for (int l = 0; l < kLevels; ++l)
    for (const HandlingUnit& u : w.state.units) {
      in.in_system_end[l] += u.in_system(l);
      in.in_system_age_end_h[l] += u.in_system_age_h(l, double(w.state.day) * kHoursPerDay);
    }
  in.state_hash = state_hash();
  const NeighbourNetwork& net = w.state.network;
  in.network_ties_mean = double(net.targets.size()) / double(w.city.residents);
  in.network_bytes_per_resident = net.bytes_per_resident();
  RunSummary out = w.tally.summarize(in);
  add_equity(grids, out);
  return out;
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
  const Residents& r = w.state.residents;
  for (std::size_t i = 0; i < r.size(); ++i) {
    mixf(r.hardship[i]);
    mixf(r.trust[i]);
    mixf(r.expectation[i]);
    mixf(r.gain[i]);
    mixf(r.happiness[i]);
    mixf(r.security[i]);
    mix(r.flags[i]);
  }
  for (const GridVolunteers& v : w.state.volunteers)
    for (std::size_t i = 0; i < v.size(); ++i) {
      mix(v.resident[i]);
      mixf(v.motivation[i]);
      mixf(v.experience[i]);
    }
  for (const HandlingUnit& u : w.state.units) h = u.hash(h);
  // People (MODEL.md 7.24): the incidents and repeat disputes to come.
  for (const std::vector<PendingCase>& due : w.state.pending_cases)
    for (const PendingCase& p : due)
      mix(static_cast<std::uint64_t>(p.day) ^ (std::uint64_t(p.resident) << 20) ^
          (std::uint64_t(p.counterpart) << 40) ^ (std::uint64_t(p.incident) << 62));
  mix(static_cast<std::uint64_t>(w.state.day));
  return h;
}

PhaseProfile Simulation::profile() const {
  PhaseProfile p;
  for (std::size_t i = 0; i < kStep.size(); ++i) {
    p.names.emplace_back(kStep[i].name);
    p.seconds.push_back(world_->phase_seconds[i]);
  }
  p.setup_names = world_->setup_names;
  p.setup_seconds = world_->setup_seconds;
  return p;
}

}  // namespace govsim
