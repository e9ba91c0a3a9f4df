#include <algorithm>
#include <cmath>
#include <cstring>
#include <span>

#include "engine/checkpoint_io.hpp"
#include "engine/version.hpp"
#include "model/scenario_check.hpp"
#include "sim/simulation.hpp"
#include "sim/world.hpp"

namespace govsim {
namespace {

// Larger than any time a run can reach (36 500 days are 876 000 h), small enough that a day
// number made from it fits any integer.
constexpr double kMaxHours = 1e9;

template <class IO, class G>
void grid_record_fields(IO& io, G& g) {
  io.str(g.street);
  io.str(g.community);
  io.str(g.name);
  io.pod(g.population);
  io.pod(g.households);
  io.pod(g.housing);
  io.pod(g.elderly_share);
  io.pod(g.migrant_share);
  io.pod(g.area_km2);
  io.pod(g.x);
  io.pod(g.y);
  io.list(g.polygon, [](IO& o, auto& ring) { o.vec(ring); });
}

// The frozen scenario: its `describe` fields, its source, its changes and its city table.
template <class IO, class S>
void scenario_fields(IO& io, S& s) {
  io.config(s);
  io.str(s.source);
  io.list(s.changes, [](IO& o, auto& c) {
    o.pod(c.day);
    o.str(c.summary);
    o.config(c.governance);
  });
  io.list(s.grid_table, [](IO& o, auto& g) { grid_record_fields(o, g); });
}

// The state a World carries from one day to the next and the run's tally, in one fixed order
// for both directions. Today's buffers are rebuilt by the next step and are not saved.
template <class IO, class S>
void state_fields(IO& io, S& s) {
  io.config(s.gov);
  io.flag(s.pending_design);
  io.str(s.pending_summary);
  io.config(s.pending);
  io.vec(s.residents.hardship);
  io.vec(s.residents.trust);
  io.vec(s.residents.expectation);
  io.vec(s.residents.gain);
  io.vec(s.residents.happiness);
  io.vec(s.residents.security);
  io.vec(s.residents.propensity);
  io.vec(s.residents.flags);
  for (auto& v : s.volunteers) {
    io.vec(v.resident);
    io.vec(v.training);
    io.vec(v.experience);
    io.vec(v.motivation);
    io.vec(v.load);
    io.vec(v.on_duty);
  }
  io.vec(s.climate);
  for (auto& f : s.feedback) io.vec(f);
  io.vec(s.grid_totals);
  io.vec(s.has_sensors);
  io.vec(s.rounds_hours);
  io.pod(s.day);
  io.pod(s.next_change);
  for (auto& p : s.pending_cases) io.vec(p);  // people (MODEL.md 7.24)
}

template <class IO, class W>
void world_fields(IO& io, W& w) {
  state_fields(io, w.state);
  RunTally::fields(io, w.tally);
  io.vec(w.phase_seconds);
}

bool all_within(std::span<const float> v, float lo, float hi) {
  return std::all_of(v.begin(), v.end(), [&](float x) { return x >= lo && x <= hi; });  // no NaN
}

// In [0, 1] and not a negative zero, which no step writes (agents/residents.cpp, clamp01) and the
// daily update's vector versions would not all treat alike (agents/resident_day.cpp).
bool all_shares(std::span<const float> v) {
  return all_within(v, 0, 1) &&
         std::none_of(v.begin(), v.end(), [](float x) { return std::signbit(x); });
}

// Residents' and volunteers' shares, senses and rates are in [0, 1] after every step (they are
// clamped); a value outside, or a NaN, would feed a random draw (a Poisson mean of 1e30).
void check_values(const ModelState& s, const CheckpointReader& r) {
  const Residents& p = s.residents;
  for (const auto* v :
       {&p.hardship, &p.trust, &p.expectation, &p.gain, &p.happiness, &p.security, &p.propensity})
    if (!all_shares(*v)) r.fail("a resident's state is outside [0, 1] or a negative zero");
  constexpr float kMany = 1e12f;
  for (const GridVolunteers& v : s.volunteers)
    if (!all_within(v.training, 0, 1) || !all_within(v.motivation, 0, 1) ||
        !all_within(v.experience, 0, kMany) || !all_within(v.load, 0, kMany))
      r.fail("a volunteer's state is out of range");
  for (const GridClimate& c : s.climate)
    if (!(c.service >= 0 && c.service <= 1) || !std::isfinite(c.neighbour_mood) ||
        !(c.hazard_exposure >= 0 && c.hazard_exposure < kMany) ||
        !(c.dispute_exposure >= 0 && c.dispute_exposure < kMany) ||
        !(c.consultation >= 0 && c.consultation <= 1))
      r.fail("a grid's climate is out of range");
  for (const auto& f : s.feedback)
    for (const Feedback& x : f) {
      std::uint8_t contacted = 0;  // read as a byte: only 0 and 1 are bools
      std::memcpy(&contacted, &x.contacted, 1);
      if (!(x.satisfaction >= -1 && x.satisfaction <= 1) || !std::isfinite(x.hardship) ||
          !std::isfinite(x.security) || contacted > 1 || x.resident >= p.hardship.size())
        r.fail("feedback is out of range");
    }
  for (double h : s.rounds_hours)
    if (!(h >= 0 && h < kMany)) r.fail("a grid's rounds are out of range");
}

// Every count and index of the restored state against the scenario's city, before any of it is
// used: a checkpoint whose digest was recomputed after an edit is as untrusted as any input.
void check_state(const World& w, std::size_t residents, std::size_t grids,
                 const CheckpointReader& r) {
  const ModelState& s = w.state;
  const Residents& p = s.residents;
  for (const auto* v :
       {&p.hardship, &p.trust, &p.expectation, &p.gain, &p.happiness, &p.security, &p.propensity})
    if (v->size() != residents) r.fail("its populations do not match its scenario's city");
  if (p.flags.size() != residents || s.climate.size() != grids || s.grid_totals.size() != grids ||
      s.rounds_hours.size() != grids || s.has_sensors.size() != grids)
    r.fail("its populations do not match its scenario's city");
  for (const GridVolunteers& v : s.volunteers) {
    const std::size_t n = v.resident.size();
    if (v.training.size() != n || v.experience.size() != n || v.motivation.size() != n ||
        v.load.size() != n || v.on_duty.size() != n)
      r.fail("a grid's volunteers do not match");
    for (std::uint32_t who : v.resident)
      if (who >= residents) r.fail("a volunteer is not a resident");
  }
  for (const auto& f : s.feedback)
    for (const Feedback& x : f)
      if (x.resident >= residents) r.fail("feedback names a resident who does not exist");
  if (s.pending_cases.size() != grids) r.fail("its populations do not match its scenario's city");
  for (std::size_t g = 0; g < grids; ++g)
    for (const PendingCase& pc : s.pending_cases[g])
      if (pc.resident < w.city.grid_first_resident[g] ||
          pc.resident >= w.city.grid_first_resident[g + 1] ||
          (pc.counterpart != kNoParty && pc.counterpart >= residents) || pc.kind >= kDisputeKinds ||
          pc.incident > 1 || std::isnan(pc.t) || pc.day < 0)
        r.fail("a case to come names a grid, resident or kind that does not exist");
  if (s.next_change > w.scenario.changes.size()) r.fail("the next policy change is out of range");
  if (s.day < 0 || s.day > w.scenario.run.days) r.fail("its day is outside the run");
  for (const GovernanceConfig* g : {&s.gov, &s.pending})
    if (const std::string problem = check_ranges(*g, "governance."); !problem.empty())
      r.fail("a design in it is invalid: " + problem);
  if (!w.tally.response_hist.valid() || !w.tally.resolution_hist.valid())
    r.fail("a histogram has the wrong size");
  if (!w.tally.response_window.consistent())
    r.fail("the window of recent response times does not add up");
  const auto place_costs_ok = [](const std::vector<double>& v, std::size_t places) {
    return v.empty() || v.size() == places * kCostParts;
  };
  if (!place_costs_ok(w.tally.cost_community, std::size_t(w.city.communities)) ||
      !place_costs_ok(w.tally.cost_street, std::size_t(w.city.streets) + 1))
    r.fail("the costs by place do not match the city");
  check_values(s, r);
}

}  // namespace

// ---------------------------------------------------------------------------------------------

template <class IO, class R>
void roster_fields(IO& io, R& r) {
  io.vec(r.role);
  io.vec(r.level);
  io.vec(r.home);
  io.vec(r.department);
  io.vec(r.key);
  io.vec(r.skill);
  io.vec(r.experience);
}

template <class IO, class U>
void HandlingUnit::fields(IO& io, U& u) {
  io.config(u.gov_);
  io.pod(u.generation_);
  roster_fields(io, u.roster_);
  io.vec(u.branches_);
  io.list(u.pools_, [](IO& o, auto& p) {
    o.pod(p.kind);
    o.pod(p.level);
    o.pod(p.home);
    Desk::fields(o, p);
  });
  io.vec(u.vol_pool_);
  io.vec(u.branch_pool_);
  io.vec(u.comm_pool_);
  io.vec(u.comm_med_pool_);
  io.vec(u.dept_pool_);
  io.pod(u.street_pool_);
  io.pod(u.street_med_pool_);
  io.pod(u.intake_pool_);
  io.pod(u.queue_pool_);
  io.vec(u.branch_of_grid_);
  io.vec(u.cases_);
  io.vec(u.free_);
  io.pod(u.open_);
  io.pod(u.unreported_);
  io.pod(u.tracing_);
  io.pod(u.in_queue_);
  io.pod(u.in_system_);
  io.pod(u.books_t_);
  io.vec(u.comm_couns_pool_);  // people (MODEL.md 7.24)
  io.pod(u.street_couns_pool_);
}

void HandlingUnit::save(CheckpointWriter& w) const {
  fields(w, *this);
  // Timers admitted but not yet run (none between steps) are saved with the heap's events.
  w.vec(events_.pending());
  w.pod(events_.seq());
}

void HandlingUnit::load(CheckpointReader& r) {
  fields(r, *this);
  for (Pool& p : pools_) attach_calendar(p);
  std::vector<Event> events;
  r.vec(events);
  std::uint64_t seq = 0;
  r.pod(seq);
  // Half the counter's range (2^55 events) left for the run to go on, so that it never wraps.
  if (seq > decltype(events_)::max_seq() / 2) r.fail("the events' counter is out of range");
  // Indices must point inside what was read, or the next step would read out of bounds.
  check_layout(r);
  check_cases(events, r);
  place_bases();
  events_.restore(events, seq);
}

void HandlingUnit::check_layout(const CheckpointReader& r) const {
  const std::size_t n = roster_.size();
  if (roster_.level.size() != n || roster_.home.size() != n || roster_.department.size() != n ||
      roster_.key.size() != n || roster_.skill.size() != n || roster_.experience.size() != n)
    r.fail("the staff roster's lists differ in length");
  for (std::size_t i = 0; i < n; ++i)
    if (static_cast<int>(roster_.role[i]) >= kRoles ||
        static_cast<int>(roster_.level[i]) >= kLevels)
      r.fail("a member of staff has an unknown role or level");
  for (const Branch& b : branches_)
    if (b.community < c0_ || b.community >= c1_ || b.first_grid < g0_ ||
        b.first_grid >= b.last_grid || b.last_grid > g1_)
      r.fail("a branch lies outside its street");
  const auto np = static_cast<std::int64_t>(pools_.size());
  const auto desk_ok = [np](int d) { return d >= -1 && d < np; };
  const auto all_ok = [&](const std::vector<int>& v, std::size_t size) {
    return v.size() == size && std::all_of(v.begin(), v.end(), desk_ok);
  };
  if (!all_ok(vol_pool_, g1_ - g0_) || !all_ok(branch_pool_, branches_.size()) ||
      !all_ok(comm_pool_, c1_ - c0_) || !all_ok(comm_med_pool_, c1_ - c0_) ||
      !all_ok(dept_pool_, dept_pool_.size()) || !desk_ok(street_pool_) ||
      !desk_ok(street_med_pool_) || !desk_ok(intake_pool_) ||
      !all_ok(comm_couns_pool_, c1_ - c0_) || !desk_ok(street_couns_pool_) ||
      !std::all_of(std::begin(queue_pool_), std::end(queue_pool_), desk_ok))
    r.fail("a desk index is out of range");
  if (branch_of_grid_.size() != g1_ - g0_) r.fail("the grids' branches do not match the street");
  for (std::uint32_t b : branch_of_grid_)
    if (b >= std::max<std::size_t>(1, branches_.size())) r.fail("a grid's branch does not exist");
  for (const Pool& p : pools_) {
    if (static_cast<int>(p.kind) > static_cast<int>(PoolKind::Counsellors) ||
        static_cast<int>(p.level) >= kLevels)
      r.fail("a desk has an unknown kind or level");
    if (p.kind == PoolKind::Volunteers && (p.home < g0_ || p.home >= g1_))
      r.fail("a volunteers' desk is outside its street");
    if (!std::isfinite(p.shift_start_h) || !(p.shift_len_h > 0) || !(p.work_rate > 0) ||
        !std::isfinite(p.work_rate) || std::isnan(p.wake_at) || p.waiting < 0 ||
        !(p.offday_share >= 0 && p.offday_share <= 1))
      r.fail("a desk's shift is not a shift");
    if (p.calendar_days && !ctx_.calendar_config->on)
      r.fail("a desk keeps a working calendar the run does not have");
    // Where travel looks up the desk's base (sim/travel.cpp): its community, or a branch.
    const bool community_based = p.kind == PoolKind::Community ||
                                 p.kind == PoolKind::CommunityMediators ||
                                 (p.kind == PoolKind::Counsellors && p.level == Level::Community);
    if (community_based && (p.home < c0_ || p.home >= c1_))
      r.fail("a community's desk is outside its street");
    if (p.kind == PoolKind::GridWorkers && branches_.empty())
      r.fail("a grid workers' desk has no branch");
    for (const Slot& s : p.slots) {
      std::uint8_t on_duty = 0, carried = 0;  // read as bytes: only 0 and 1 are bools
      std::memcpy(&on_duty, &s.on_duty, 1);
      std::memcpy(&carried, &s.carried, 1);
      // Finite and within a long run's hours: the calendar turns free_at into a day number.
      if (on_duty > 1 || carried > 1 || !(std::abs(s.free_at) < kMaxHours))
        r.fail("a desk's handler is damaged");
      if (p.kind != PoolKind::Volunteers && s.agent >= roster_.size())
        r.fail("a desk names a member of staff who does not exist");
    }
    for (const Entry& e : p.queue.items())
      if (e.slot >= cases_.size() || std::isnan(e.deadline))
        r.fail("a desk's queue names a case that does not exist");
    if (!std::is_heap(p.queue.items().begin(), p.queue.items().end()))
      r.fail("a desk's queue is out of order");
  }
}

namespace {

// A live case's own fields: enumerations and flags within their ranges.
bool case_fields_valid(const Case& c) {
  std::uint8_t flags[4];
  std::memcpy(&flags[0], &c.left_grid, 1);
  std::memcpy(&flags[1], &c.reached_street, 1);
  std::memcpy(&flags[2], &c.succeeds, 1);
  std::memcpy(&flags[3], &c.needs_intake, 1);
  for (std::uint8_t b : flags)
    if (b > 1) return false;
  for (std::size_t i = 0; i < std::min<std::size_t>(c.path_len, kMaxPath); ++i)
    if (static_cast<int>(c.path[i]) >= kLevels) return false;
  return static_cast<int>(c.domain) < kDomains && static_cast<int>(c.tier) < kTiers &&
         static_cast<int>(c.origin_tier) < kTiers && static_cast<int>(c.level) < kLevels &&
         static_cast<int>(c.channel) <= static_cast<int>(Channel::Platform) &&
         static_cast<int>(c.state) <= static_cast<int>(CaseState::Closed) &&
         c.kind < kDisputeKinds && !std::isnan(c.t_arise) &&
         c.people <= (kIncident | (kIncident - 1));
}

}  // namespace

void HandlingUnit::check_cases(const std::vector<Event>& events, const CheckpointReader& r) const {
  const std::size_t np = pools_.size();
  for (const Case& c : cases_) {
    if (c.id == 0) continue;
    if (!case_fields_valid(c)) r.fail("a case is damaged");
    // The city tier's unit holds cases of every grid; a street office, of its own.
    if (c.grid >= city_.grids || (!is_city() && (c.grid < g0_ || c.grid >= g1_)) ||
        c.resident >= ctx_.residents->size() ||
        (c.counterpart != kNoParty && c.counterpart >= ctx_.residents->size()))
      r.fail("a case points at a grid or resident that does not exist");
    // A case still in service under an earlier design may keep a stale desk index: it is
    // never used (its service-done event is of the earlier generation). A waiting case's desk
    // must exist.
    if (c.state == CaseState::Queued && (c.pool < 0 || c.pool >= static_cast<std::int64_t>(np)))
      r.fail("a case points at a desk that does not exist");
  }
  for (const Event& e : events) {
    if (static_cast<int>(e.type) > static_cast<int>(Ev::IncidentCheck) ||
        static_cast<int>(e.level) >= kLevels || std::isnan(e.t))
      r.fail("an event is damaged");
    const bool pool_event = e.type == Ev::Wake;
    if ((pool_event && e.index >= np) || (!pool_event && e.index >= cases_.size()))
      r.fail("an event points outside the state");
    if (e.type != Ev::ServiceDone || e.aux != generation_) continue;
    // The service that ends with this event is credited to its handler: it must exist.
    const Case& c = cases_[e.index];
    if (c.id != e.id || c.state == CaseState::Closed || c.pool < 0) continue;
    if (c.pool >= static_cast<std::int64_t>(np)) r.fail("a case in service is at no desk");
    const bool volunteers = pools_[static_cast<std::size_t>(c.pool)].kind == PoolKind::Volunteers;
    if (!volunteers && (c.server < 0 || static_cast<std::size_t>(c.server) >= roster_.size()))
      r.fail("a case in service names a member of staff who does not exist");
  }
  for (std::uint32_t s : free_)
    if (s >= cases_.size() || cases_[s].id != 0) r.fail("a free slot is out of range");
}

// ---------------------------------------------------------------------------------------------

std::string Simulation::checkpoint() const {
  const World& w = *world_;
  CheckpointWriter body;
  scenario_fields(body, w.scenario);
  world_fields(body, w);
  for (const HandlingUnit& u : w.state.units) u.save(body);

  CheckpointWriter file;
  file.bytes().append(kCheckpointMagic, sizeof kCheckpointMagic);
  file.pod(kCheckpointFormat);
  file.str(kVersion);
  file.pod(static_cast<std::uint64_t>(body.bytes().size()));
  file.bytes().append(body.bytes());
  file.pod(checkpoint_digest(body.bytes().data(), body.bytes().size()));
  return std::move(file.bytes());
}

std::unique_ptr<Simulation> Simulation::restore(const std::string& bytes, const std::string& file,
                                                Executor& executor) {
  CheckpointReader head(bytes.data(), bytes.size(), file);
  if (bytes.size() < sizeof kCheckpointMagic ||
      std::memcmp(bytes.data(), kCheckpointMagic, sizeof kCheckpointMagic) != 0)
    head.fail("it does not start with the govsim checkpoint signature");
  char magic[sizeof kCheckpointMagic];
  for (char& c : magic) head.pod(c);
  std::uint32_t format = 0;
  head.pod(format);
  std::string version;
  head.str(version);
  if (format != kCheckpointFormat || version != kVersion)
    head.fail("it was written by govsim " + version + " (checkpoint format " +
              std::to_string(format) + "); this is govsim " + kVersion + " (format " +
              std::to_string(kCheckpointFormat) + ")");
  std::uint64_t length = 0;
  head.pod(length);
  if (length + sizeof(std::uint64_t) > head.remaining()) head.fail("it is truncated");
  if (length + sizeof(std::uint64_t) < head.remaining())
    head.fail("it has bytes after its digest (corrupted)");
  const char* payload = bytes.data() + (bytes.size() - head.remaining());
  std::uint64_t digest = 0;
  std::memcpy(&digest, payload + length, sizeof digest);
  if (digest != checkpoint_digest(payload, length))
    head.fail("its contents do not match its digest (corrupted)");

  CheckpointReader r(payload, length, file);
  Scenario scenario;
  scenario_fields(r, scenario);
  // The same checks as a loaded scenario: the city is built from it before anything else.
  if (const std::string problem = check_scenario(scenario); !problem.empty())
    r.fail("its scenario is invalid: " + problem);
  auto sim = std::make_unique<Simulation>(scenario, executor);
  World& w = *sim->world_;
  ModelState& s = w.state;
  const std::size_t residents = s.residents.size(), grids = s.climate.size();
  const std::size_t phases = w.phase_seconds.size();
  world_fields(r, w);
  check_state(w, residents, grids, r);
  w.tally.response_window.sort_days();  // a window saved before its days were kept sorted
  if (w.phase_seconds.size() != phases) r.fail("it has the wrong number of phases");
  for (HandlingUnit& u : s.units) u.load(r);
  if (r.remaining() != 0) r.fail("it has bytes left over after the last unit");
  return sim;
}

}  // namespace govsim
