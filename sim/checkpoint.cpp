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
  io.pod(s.pending_design);
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
}

template <class IO, class W>
void world_fields(IO& io, W& w) {
  state_fields(io, w.state);
  RunTally::fields(io, w.tally);
  io.vec(w.phase_seconds);
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
}

void HandlingUnit::save(CheckpointWriter& w) const {
  fields(w, *this);
  // Timers admitted but not yet run (none between steps) are saved with the heap's events.
  w.vec(events_.pending());
  w.pod(events_.seq());
}

void HandlingUnit::load(CheckpointReader& r) {
  fields(r, *this);
  std::vector<Event> events;
  r.vec(events);
  std::uint64_t seq = 0;
  r.pod(seq);
  // Indices must point inside what was read, or the next step would read out of bounds.
  const std::size_t np = pools_.size();
  for (const Case& c : cases_)
    // A case still in service under an earlier design may keep a stale desk index: it is
    // never used. A waiting case's desk must exist.
    if (c.id != 0 && ((c.state == CaseState::Queued && c.pool >= static_cast<std::int64_t>(np)) ||
                      c.grid < g0_ || c.grid >= g1_))
      r.fail("a case points at a desk or grid that does not exist");
  for (const Event& e : events) {
    const bool pool_event = e.type == Ev::Wake;
    if ((pool_event && e.index >= np) || (!pool_event && e.index >= cases_.size()))
      r.fail("an event points outside the state");
  }
  events_.restore(std::move(events), seq);
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
  scenario_fields(body, w.scenario);
  world_fields(body, w);
  for (const HandlingUnit& u : w.state.units) u.save(body);

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
  Scenario scenario;
  scenario_fields(r, scenario);
  auto sim = std::make_unique<Simulation>(scenario, executor);
  World& w = *sim->world_;
  ModelState& s = w.state;
  const std::size_t residents = s.residents.size(), grids = s.climate.size();
  const std::size_t phases = w.phase_seconds.size();
  world_fields(r, w);
  if (s.residents.trust.size() != residents || s.residents.flags.size() != residents ||
      s.climate.size() != grids || s.grid_totals.size() != grids ||
      s.rounds_hours.size() != grids || s.has_sensors.size() != grids)
    r.fail("its populations do not match its scenario's city");
  for (const GridVolunteers& v : s.volunteers)
    for (std::uint32_t who : v.resident)
      if (who >= residents) r.fail("a volunteer is not a resident");
  for (const auto& f : s.feedback)
    for (const Feedback& x : f)
      if (x.resident >= residents) r.fail("feedback names a resident who does not exist");
  if (s.next_change > w.scenario.changes.size()) r.fail("the next policy change is out of range");
  if (!w.tally.response_hist.valid() || !w.tally.resolution_hist.valid())
    r.fail("a histogram has the wrong size");
  if (w.phase_seconds.size() != phases) r.fail("it has the wrong number of phases");
  for (HandlingUnit& u : s.units) u.load(r);
  if (r.remaining() != 0) r.fail("it has bytes left over after the last unit");
  return sim;
}

}  // namespace govsim
