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

CaseRecord record_of(const City& city, std::uint64_t id, std::uint32_t grid, Domain domain,
                     Tier tier, Channel channel) {
  CaseRecord r;
  r.id = std::to_string(id);
  r.street = city.street_names[city.grid_street[grid]];
  r.community = city.community_names[city.grid_community[grid]];
  r.grid = city.grid_names[grid];
  r.domain = static_cast<int>(domain);
  r.category = kDomainNames[static_cast<std::size_t>(domain)];
  r.tier = static_cast<int>(tier);
  r.channel = kChannelNames[static_cast<std::size_t>(channel)];
  return r;
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

}  // namespace

std::vector<CaseRecord> synthesize_records(const Scenario& scenario, Executor& executor,
                                           LocalMinutes start,
                                           const std::function<void(std::int64_t)>& day_done) {
  Simulation sim(scenario, executor);
  sim.set_tracing(true);
  std::vector<CaseRecord> out;
  while (!sim.done()) {
    sim.step();
    const Observation o = sim.observe();
    for (const UnitDay& u : o.unit_days())
      for (const CaseTrace& c : u.closed) {
        if (!std::isfinite(c.t_report)) continue;  // never reported: no record
        CaseRecord r = record_of(o.city(), c.id, c.grid, c.domain, c.tier, c.channel);
        r.received = minute_of(start, c.t_report);
        if (std::isfinite(c.t_first))
          r.first_response = std::max(r.received, minute_of(start, c.t_first));
        add_handoffs(r, start, c.t_arise, c.path_len, c.path, c.path_t_h);
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
      CaseRecord r = record_of(o.city(), c.id, c.grid, c.domain, c.tier, c.channel);
      r.received = minute_of(start, c.t_report);
      if (std::isfinite(c.t_first))
        r.first_response = std::max(r.received, minute_of(start, c.t_first));
      add_handoffs(r, start, c.t_arise, c.path_len, c.path, c.path_t_h);
      r.outcome = "open";
      out.push_back(std::move(r));
    });
  return out;
}

}  // namespace govsim::batch
