// The run loop. A Simulation owns the city, every population and every case, and advances them
// one day at a time through a fixed list of named phases (see simulation.cpp).
//
// The scenario is frozen when the Simulation is built; only the governance block can change
// while it runs, through the scenario's `changes:` list or set_governance(), and a change takes
// effect at the start of the next day.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/executor.hpp"
#include "model/params.hpp"
#include "sim/metrics.hpp"

namespace govsim {

struct World;       // all running state; defined in sim/world.hpp
class Calendar;     // engine/calendar.hpp
class Observation;  // sim/observation.hpp

// Wall-clock time spent in each phase of the step, summed over the run, and in each step of the
// set-up (for a simulation restored from a checkpoint: of the set-up its restore went through).
struct PhaseProfile {
  std::vector<std::string> names;
  std::vector<double> seconds;
  std::vector<std::string> setup_names;
  std::vector<double> setup_seconds;
};

// The scenario's calendar from run.start_date: its dates always, and its days off (weekends, the
// State Council's notices when calendar.official_table, the scenario's own holidays and working
// days), whether or not calendar.on makes them matter to the run. Laid out a year past the run.
// Throws InputError for a start date or a date list that is not one.
std::unique_ptr<Calendar> scenario_calendar(const Scenario& scenario);

class Simulation {
 public:
  // Builds the city and every population. Throws InputError if the scenario cannot be built
  // (for example a city table with no grids).
  Simulation(const Scenario& scenario, Executor& executor);
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  void step();               // advances one day
  bool done() const;         // true after run.days days
  std::int64_t day() const;  // days completed so far
  const Scenario& scenario() const;
  const GovernanceConfig& governance() const;  // the design in force

  // Replaces the governance design from the start of the next day.
  void set_governance(const GovernanceConfig& governance, const std::string& summary);

  const std::vector<DayMetrics>& series() const;
  std::vector<GridMetrics> grid_metrics() const;
  // The cost a year of each street office (the city tier last) and each community, over the
  // measured days (empty before they begin).
  std::vector<PlaceCost> place_costs() const;
  RunSummary summary() const;
  std::uint64_t state_hash() const;  // digest of every agent's and case's state
  PhaseProfile profile() const;

  // A read-only view of the world for the GUI, validation and tests (sim/observation.hpp).
  Observation observe() const;

  // The full state as checkpoint bytes (sim/checkpoint.cpp). Call between steps.
  std::string checkpoint() const;
  // Rebuilds a simulation from checkpoint bytes; `file` names them in errors. Throws InputError
  // for a corrupted, truncated or version-mismatched checkpoint.
  static std::unique_ptr<Simulation> restore(const std::string& bytes, const std::string& file,
                                             Executor& executor);
  // Keeps today's closed cases with their paths and today's moves between levels in
  // observe().unit_days() (off by default: the headless runs do not need them).
  void set_tracing(bool on);

 private:
  std::unique_ptr<World> world_;
  Executor* executor_;
};

}  // namespace govsim
