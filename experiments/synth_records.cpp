#include "experiments/synth_records.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "model/case.hpp"
#include "sim/observation.hpp"
#include "sim/simulation.hpp"

namespace govsim::batch {
namespace {

constexpr double kMinutesPerHour = 60;
constexpr std::array<const char*, 5> kChannelNames{"", "resident", "volunteer", "rounds",
                                                   "platform"};

LocalMinutes minute_of(LocalMinutes start, double hours) {
  return start + static_cast<LocalMinutes>(std::floor(hours * kMinutesPerHour));
}

// The desks after the first, each as a hand-off: up a level is an escalation, down or across a
// referral (a dispatch from an intake desk, a bounce or a re-assignment alike).
void add_handoffs(CaseRecord& r, LocalMinutes start, double t_arise, std::size_t path_len,
                  const std::array<Level, kMaxPath>& path,
                  const std::array<float, kMaxPath>& path_t_h) {
  for (std::size_t k = 1; k < std::min(path_len, kMaxPath); ++k) {
    Handoff h;
    h.at = std::max(r.received, minute_of(start, t_arise + double(path_t_h[k])));
    h.level = kLevelNames[static_cast<std::size_t>(path[k])];
    h.reason = path[k] > path[k - 1] ? "escalate" : "refer";
    r.handoffs.push_back(h);
  }
}

// What a reported case's record holds whether it is closed (a CaseTrace) or still open (a Case):
// where, what, when it was received and first answered, and every hand-off.
template <class C>
CaseRecord reported_record(const City& city, LocalMinutes start, const C& c) {
  CaseRecord r;
  r.id = std::to_string(c.id);
  r.street = city.street_names[city.grid_street[c.grid]];
  r.community = city.community_names[city.grid_community[c.grid]];
  r.grid = city.grid_names[c.grid];
  r.domain = static_cast<int>(c.domain);
  r.category = kDomainNames[static_cast<std::size_t>(c.domain)];
  r.tier = static_cast<int>(c.tier);
  r.channel = kChannelNames[static_cast<std::size_t>(c.channel)];
  r.received = minute_of(start, c.t_report);
  if (std::isfinite(c.t_first))
    r.first_response = std::max(r.received, minute_of(start, c.t_first));
  add_handoffs(r, start, c.t_arise, c.path_len, c.path, c.path_t_h);
  return r;
}

}  // namespace

std::vector<CaseRecord> synthesize_records(const Scenario& scenario, Executor& executor,
                                           LocalMinutes start,
                                           const std::function<void(std::int64_t)>& day_done,
                                           LocalMinutes keep_from) {
  Simulation sim(scenario, executor);
  sim.set_tracing(true);
  std::vector<CaseRecord> out;
  while (!sim.done()) {
    sim.step();
    const Observation o = sim.observe();
    for (const UnitDay& u : o.unit_days())
      for (const CaseTrace& c : u.closed) {
        if (!std::isfinite(c.t_report)) continue;  // never reported: no record
        CaseRecord r = reported_record(o.city(), start, c);
        if (r.received < keep_from) continue;
        r.closed = std::max(r.received, minute_of(start, c.t_closed));
        r.outcome = c.dropped ? "dropped" : "resolved";
        out.push_back(std::move(r));
      }
    if (day_done) day_done(o.day());
  }
  const Observation o = sim.observe();
  for (std::uint32_t u = 0; u < o.units(); ++u)
    o.unit(u).for_each_open([&](const Case& c) {
      if (!std::isfinite(c.t_report)) return;
      CaseRecord r = reported_record(o.city(), start, c);
      if (r.received < keep_from) return;
      r.outcome = "open";
      out.push_back(std::move(r));
    });
  return out;
}

}  // namespace govsim::batch
