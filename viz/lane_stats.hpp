// Per-grid live figures for the map and the inspector, kept beside one running Simulation by the
// simulation thread. They are computed from the World after each day (today's new cases, closed
// cases with their paths, moves between levels, open cases), so the engine pays nothing for them
// when no GUI is attached; the engine's only part is set_tracing(true).
#pragma once

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "sim/observation.hpp"
#include "viz/snapshot.hpp"

namespace govsim::viz {

class LaneStats {
 public:
  static constexpr int kWindowDays = 30;     // rolling window of the dispute rate and response time
  static constexpr float kFlowDecay = 0.7f;  // weight of the rate so far against today's count

  explicit LaneStats(const City& city);

  // Reads the day just completed. Call after every Simulation::step().
  void after_step(const Observation& w);

  // Fills the per-grid figures, the flows and the details of grid `selected` (-1 for none).
  void fill(const Observation& w, int selected, LaneView& out) const;

 private:
  struct Response {
    std::uint32_t grid;
    float hours;
  };
  void add_recent(const CaseRow& row, std::uint32_t grid);
  void fill_detail(const Observation& w, int grid, GridDetail& d) const;
  // The people part of the detail: households and ties, the disputes (already gathered) sorted
  // and cut, the incidents with the states of those still open.
  void fill_people(const Observation& w, std::uint32_t g,
                   std::vector<std::pair<std::uint64_t, CaseState>>& open_incidents,
                   GridDetail& d) const;

  std::uint32_t grids_ = 0;
  std::int64_t days_seen_ = 0;
  std::array<std::vector<std::uint32_t>, kWindowDays> dispute_days_;  // grid of each dispute
  std::array<std::vector<Response>, kWindowDays> response_days_;
  std::vector<std::uint32_t> disputes_in_window_;  // per grid
  std::vector<std::uint32_t> backlog_;             // per grid, reported and open
  std::vector<float> open_;                        // per grid, all open
  std::vector<std::uint32_t> incidents_;           // per grid, since day 1
  // Every incident so far, in the order they arose (they are rare: a few per 10k residents a
  // year), for the inspector's list of the selected grid's.
  struct Incident {
    std::uint32_t grid;
    IncidentRow row;
  };
  std::vector<Incident> incident_log_;
  FlowRates flows_;
  FlowRates today_;  // scratch
  // The latest closed cases of each grid, a ring of recent_per_grid_ rows per grid (fewer, or
  // none, for cities so large that it would cost more than a few tens of MB).
  std::size_t recent_per_grid_ = 0;
  std::vector<CaseRow> recent_;
  std::vector<std::uint8_t> recent_next_, recent_count_;
};

}  // namespace govsim::viz
