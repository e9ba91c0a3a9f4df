#include "engine/checkpoint_io.hpp"
#include "engine/version.hpp"
#include "sim/simulation.hpp"
#include "sim/world.hpp"

namespace govsim {
namespace {

constexpr char kMagic[8] = {'G', 'O', 'V', 'S', 'I', 'M', 'C', 'K'};

std::uint64_t fnv1a(const char* p, std::size_t n) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (std::size_t i = 0; i < n; ++i) {
    h ^= static_cast<unsigned char>(p[i]);
    h *= 0x100000001b3ull;
  }
  return h;
}

// Walks a scenario's `describe` lists, writing or reading each field in order.
struct ScenarioOut {
  CheckpointWriter& w;
  void number(const char*, double& x, double, double, const FieldDoc&) { w.pod(x); }
  template <class T>
  void integer(const char*, T& x, long long, long long, const FieldDoc&) {
    w.pod(x);
  }
  void flag(const char*, bool& x, const FieldDoc&) { w.pod(x); }
  template <class E, class N>
  void choice(const char*, E& x, const N&, const FieldDoc&) {
    w.pod(x);
  }
  void text(const char*, std::string& x, const FieldDoc&) { w.str(x); }
  template <class S>
  void group(const char*, S& s, const char*) {
    describe(*this, s);
  }
};

struct ScenarioIn {
  CheckpointReader& r;
  void number(const char*, double& x, double, double, const FieldDoc&) { r.pod(x); }
  template <class T>
  void integer(const char*, T& x, long long, long long, const FieldDoc&) {
    r.pod(x);
  }
  void flag(const char*, bool& x, const FieldDoc&) { r.pod(x); }
  template <class E, class N>
  void choice(const char*, E& x, const N& names, const FieldDoc&) {
    r.pod(x);
    if (static_cast<std::size_t>(x) >= names.size()) r.fail("a choice is out of range");
  }
  void text(const char*, std::string& x, const FieldDoc&) { r.str(x); }
  template <class S>
  void group(const char*, S& s, const char*) {
    describe(*this, s);
  }
};

void save_scenario(CheckpointWriter& w, Scenario s) {
  ScenarioOut out{w};
  describe(out, s);
  w.str(s.source);
  w.pod(static_cast<std::uint64_t>(s.changes.size()));
  for (PolicyChange& c : s.changes) {
    w.pod(c.day);
    w.str(c.summary);
    describe(out, c.governance);
  }
  w.pod(static_cast<std::uint64_t>(s.grid_table.size()));
  for (const GridRecord& g : s.grid_table) {
    w.str(g.street);
    w.str(g.community);
    w.str(g.name);
    w.pod(g.population);
    w.pod(g.households);
    w.pod(g.housing);
    w.pod(g.elderly_share);
    w.pod(g.migrant_share);
    w.pod(g.area_km2);
    w.pod(g.x);
    w.pod(g.y);
    w.pod(static_cast<std::uint64_t>(g.polygon.size()));
    for (const auto& ring : g.polygon) w.vec(ring);
  }
}

Scenario load_scenario_state(CheckpointReader& r) {
  Scenario s;
  ScenarioIn in{r};
  describe(in, s);
  r.str(s.source);
  std::uint64_t n = 0;
  r.pod(n);
  if (n > r.remaining()) r.fail("too many policy changes");
  s.changes.resize(n);
  for (PolicyChange& c : s.changes) {
    r.pod(c.day);
    r.str(c.summary);
    describe(in, c.governance);
  }
  r.pod(n);
  if (n > r.remaining()) r.fail("too many grids");
  s.grid_table.resize(n);
  for (GridRecord& g : s.grid_table) {
    r.str(g.street);
    r.str(g.community);
    r.str(g.name);
    r.pod(g.population);
    r.pod(g.households);
    r.pod(g.housing);
    r.pod(g.elderly_share);
    r.pod(g.migrant_share);
    r.pod(g.area_km2);
    r.pod(g.x);
    r.pod(g.y);
    std::uint64_t rings = 0;
    r.pod(rings);
    if (rings > r.remaining()) r.fail("too many polygon rings");
    g.polygon.resize(rings);
    for (auto& ring : g.polygon) r.vec(ring);
  }
  return s;
}

// The state a World carries from one day to the next, in one fixed order for both directions.
template <class IO, class W>
void world_fields(IO& io, W& w) {
  io.vec(w.residents.hardship);
  io.vec(w.residents.trust);
  io.vec(w.residents.expectation);
  io.vec(w.residents.gain);
  io.vec(w.residents.happiness);
  io.vec(w.residents.security);
  io.vec(w.residents.propensity);
  io.vec(w.residents.flags);
  for (auto& v : w.volunteers) {
    io.vec(v.resident);
    io.vec(v.training);
    io.vec(v.experience);
    io.vec(v.motivation);
    io.vec(v.load);
    io.vec(v.on_duty);
  }
  io.vec(w.climate);
  for (auto& f : w.feedback) io.vec(f);
  io.vec(w.grid_totals);
  io.vec(w.has_sensors);
  io.vec(w.rounds_hours);
  io.pod(w.day);
  io.pod(w.next_change);
  io.vec(w.series);
  io.pod(w.arrived_total);
  io.pod(w.resolved_total);
  io.pod(w.dropped_total);
  io.pod(w.measured_cases);
  io.pod(w.measured_disputes);
  io.pod(w.measured_reported);
  io.pod(w.measured_requests);
  io.pod(w.measured_resolved);
  io.pod(w.measured_dropped);
  io.pod(w.measured_within);
  io.pod(w.measured_small);
  io.pod(w.measured_small_stayed);
  io.pod(w.measured_mediations);
  io.pod(w.measured_agreements);
  io.pod(w.measured_escalated);
  io.pod(w.measured_bounced);
  io.pod(w.measured_reached_street);
  io.pod(w.measured_cost);
  io.pod(w.measured_resident_days);
  io.pod(w.measured_response_sum);
  io.pod(w.measured_resolution_sum);
  io.pod(w.measured_responses);
  io.pod(w.measured_level);
  io.pod(w.level_in_system_at_start);
  io.pod(w.measured_reported_disputes);
  io.pod(w.measured_reported_tier);
  io.pod(w.measured_disputes_resolved);
  io.pod(w.measured_disputes_settled_in_grid);
  io.pod(w.measured_hazards_found);
  io.pod(w.measured_hazard_detect_sum_h);
  io.vec(w.retention_cohort);
  io.pod(w.retention_cohort_day);
  io.vec(w.phase_seconds);
}

}  // namespace

// ---------------------------------------------------------------------------------------------

void MinuteHistogram::save(CheckpointWriter& w) const {
  w.vec(bins_);
  w.pod(count_);
}

void MinuteHistogram::load(CheckpointReader& r) {
  r.vec(bins_);
  r.pod(count_);
  if (!bins_.empty() && bins_.size() != kBins) r.fail("a histogram has the wrong size");
}

void HandlingUnit::save(CheckpointWriter& w) const {
  ScenarioOut out{w};
  GovernanceConfig gov = gov_;
  describe(out, gov);
  w.pod(generation_);
  w.vec(roster_.role);
  w.vec(roster_.level);
  w.vec(roster_.home);
  w.vec(roster_.department);
  w.vec(roster_.key);
  w.vec(roster_.skill);
  w.vec(roster_.experience);
  w.vec(branches_);
  w.pod(static_cast<std::uint64_t>(pools_.size()));
  for (const Pool& p : pools_) {
    w.pod(p.kind);
    w.pod(p.level);
    w.pod(p.home);
    w.pod(p.shift_start_h);
    w.pod(p.shift_len_h);
    w.pod(p.work_rate);
    w.vec(p.slots);
    w.vec(p.queue.items());
    w.pod(p.waiting);
    w.pod(p.wake_at);
  }
  w.vec(vol_pool_);
  w.vec(branch_pool_);
  w.vec(comm_pool_);
  w.vec(comm_med_pool_);
  w.vec(dept_pool_);
  w.pod(street_pool_);
  w.pod(street_med_pool_);
  w.pod(queue_pool_);
  w.vec(branch_of_grid_);
  w.vec(cases_);
  w.vec(free_);
  // Timers admitted but not yet run (none between steps) are saved with the heap's events.
  std::vector<Event> events = events_.items();
  events.insert(events.end(), admitted_.begin(), admitted_.end());
  w.vec(events);
  w.pod(seq_);
  w.pod(open_);
  w.pod(unreported_);
  w.pod(tracing_);
  w.pod(in_queue_);
  w.pod(in_system_);
  w.pod(books_t_);
}

void HandlingUnit::load(CheckpointReader& r) {
  ScenarioIn in{r};
  describe(in, gov_);
  r.pod(generation_);
  r.vec(roster_.role);
  r.vec(roster_.level);
  r.vec(roster_.home);
  r.vec(roster_.department);
  r.vec(roster_.key);
  r.vec(roster_.skill);
  r.vec(roster_.experience);
  r.vec(branches_);
  std::uint64_t n = 0;
  r.pod(n);
  if (n > r.remaining()) r.fail("too many desks");
  pools_.resize(n);
  for (Pool& p : pools_) {
    r.pod(p.kind);
    r.pod(p.level);
    r.pod(p.home);
    r.pod(p.shift_start_h);
    r.pod(p.shift_len_h);
    r.pod(p.work_rate);
    r.vec(p.slots);
    r.vec(p.queue.items());
    r.pod(p.waiting);
    r.pod(p.wake_at);
  }
  r.vec(vol_pool_);
  r.vec(branch_pool_);
  r.vec(comm_pool_);
  r.vec(comm_med_pool_);
  r.vec(dept_pool_);
  r.pod(street_pool_);
  r.pod(street_med_pool_);
  r.pod(queue_pool_);
  r.vec(branch_of_grid_);
  r.vec(cases_);
  r.vec(free_);
  r.vec(events_.items());
  admitted_.clear();
  events_.restore();
  r.pod(seq_);
  r.pod(open_);
  r.pod(unreported_);
  r.pod(tracing_);
  r.pod(in_queue_);
  r.pod(in_system_);
  r.pod(books_t_);
  // Indices must point inside what was read, or the next step would read out of bounds.
  const std::size_t np = pools_.size();
  for (const Case& c : cases_)
    // A case still in service under an earlier design may keep a stale desk index: it is
    // never used. A waiting case's desk must exist.
    if (c.id != 0 && ((c.state == CaseState::Queued && c.pool >= static_cast<std::int64_t>(np)) ||
                      c.grid < g0_ || c.grid >= g1_))
      r.fail("a case points at a desk or grid that does not exist");
  for (const Event& e : events_.items()) {
    const bool pool_event = e.type == Ev::Wake;
    if ((pool_event && e.index >= np) || (!pool_event && e.index >= cases_.size()))
      r.fail("an event points outside the state");
  }
  for (std::uint32_t s : free_)
    if (s >= cases_.size()) r.fail("a free slot is out of range");
  for (const Pool& p : pools_)
    for (const Slot& s : p.slots)
      if (p.kind != PoolKind::Volunteers && s.agent >= roster_.size())
        r.fail("a desk names a member of staff who does not exist");
}

// ---------------------------------------------------------------------------------------------

std::string Simulation::checkpoint() const {
  const World& w = *world_;
  CheckpointWriter body;
  save_scenario(body, w.scenario);
  ScenarioOut out{body};
  GovernanceConfig gov = w.gov;
  describe(out, gov);
  body.pod(w.pending_design);
  body.str(w.pending_summary);
  GovernanceConfig pending = w.pending;
  describe(out, pending);
  world_fields(body, w);
  w.response_hist.save(body);
  w.resolution_hist.save(body);
  for (const HandlingUnit& u : w.units) u.save(body);

  CheckpointWriter file;
  file.bytes().append(kMagic, sizeof kMagic);
  file.pod(kCheckpointFormat);
  file.str(kVersion);
  file.pod(static_cast<std::uint64_t>(body.bytes().size()));
  file.bytes().append(body.bytes());
  file.pod(fnv1a(body.bytes().data(), body.bytes().size()));
  return std::move(file.bytes());
}

std::unique_ptr<Simulation> Simulation::restore(const std::string& bytes, const std::string& file,
                                                Executor& executor) {
  CheckpointReader head(bytes.data(), bytes.size(), file);
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    head.fail("it does not start with the govsim checkpoint signature");
  char magic[sizeof kMagic];
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
  if (digest != fnv1a(payload, length))
    head.fail("its contents do not match its digest (corrupted)");

  CheckpointReader r(payload, length, file);
  Scenario scenario = load_scenario_state(r);
  auto sim = std::make_unique<Simulation>(scenario, executor);
  World& w = *sim->world_;
  ScenarioIn in{r};
  describe(in, w.gov);
  r.pod(w.pending_design);
  r.str(w.pending_summary);
  describe(in, w.pending);
  const std::size_t residents = w.residents.size(), grids = w.climate.size();
  world_fields(r, w);
  if (w.residents.trust.size() != residents || w.residents.flags.size() != residents ||
      w.climate.size() != grids || w.grid_totals.size() != grids ||
      w.rounds_hours.size() != grids || w.has_sensors.size() != grids)
    r.fail("its populations do not match its scenario's city");
  for (const GridVolunteers& v : w.volunteers)
    for (std::uint32_t who : v.resident)
      if (who >= residents) r.fail("a volunteer is not a resident");
  for (const auto& f : w.feedback)
    for (const Feedback& x : f)
      if (x.resident >= residents) r.fail("feedback names a resident who does not exist");
  if (w.next_change > w.scenario.changes.size()) r.fail("the next policy change is out of range");
  w.response_hist.load(r);
  w.resolution_hist.load(r);
  for (HandlingUnit& u : w.units) u.load(r);
  if (r.remaining() != 0) r.fail("it has bytes left over after the last unit");
  return sim;
}

}  // namespace govsim
