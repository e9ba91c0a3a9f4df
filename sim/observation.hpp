// A read-only view of a running simulation, for the GUI, validation and tests: what a front end
// may see of the world without reaching into its state. Valid until the Simulation steps again
// or is destroyed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "agents/households.hpp"
#include "sim/world.hpp"

namespace govsim {

class Observation {
 public:
  explicit Observation(const World& w) : w_(w) {}

  const City& city() const { return w_.city; }
  const Scenario& scenario() const { return w_.scenario; }
  std::int64_t day() const { return w_.state.day; }  // days completed
  // Today's new cases of a grid, and its residents' sums (the day last stepped).
  const std::vector<NewCase>& new_cases(std::uint32_t grid) const { return w_.today.outbox[grid]; }
  const ResidentSums& grid_sums(std::uint32_t grid) const { return w_.today.resident_sums[grid]; }
  const GridVolunteers& volunteers(std::uint32_t grid) const { return w_.state.volunteers[grid]; }
  // The neighbour network (MODEL.md 7.24): each resident's ties, as compressed rows.
  const NeighbourNetwork& network() const { return w_.state.network; }
  // What each street office saw on the day last stepped (traces when tracing is on).
  const std::vector<UnitDay>& unit_days() const { return w_.today.unit_days; }
  std::size_t units() const { return w_.state.units.size(); }
  const HandlingUnit& unit(std::uint32_t street) const { return w_.state.units[street]; }
  // The design set with set_governance() that takes effect tomorrow, if any.
  const GovernanceConfig* pending_design() const {
    return w_.state.pending_design ? &w_.state.pending : nullptr;
  }
  // The texts of the changes that take effect at the start of the next day.
  std::string coming_changes() const {
    std::string text;
    const auto& changes = w_.scenario.changes;
    for (std::size_t i = w_.state.next_change; i < changes.size() && changes[i].day <= day(); ++i)
      text += (text.empty() ? "" : ", ") + changes[i].summary;
    if (w_.state.pending_design) text += (text.empty() ? "" : ", ") + w_.state.pending_summary;
    return text;
  }
  // Every first response after the warm-up, to the minute.
  const MinuteHistogram& response_times() const { return w_.tally.response_hist; }

 private:
  const World& w_;
};

}  // namespace govsim
