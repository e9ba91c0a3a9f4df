// All the state of one simulation, split by how long it lives:
//   the frozen description (the scenario, the city built from it, the case behaviour),
//   ModelState — what the model carries from one day to the next (checkpointed),
//   DayBuffers — what one day's phases hand each other (rebuilt every day, never checkpointed),
//   RunTally   — what the run has measured (checkpointed; sim/tally.hpp).
// The Simulation steps it; the GUI and validation read it only through an Observation
// (sim/observation.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "agents/residents.hpp"
#include "agents/volunteers.hpp"
#include "model/case.hpp"
#include "model/city.hpp"
#include "model/geometry.hpp"
#include "model/params.hpp"
#include "sim/case_behaviour.hpp"
#include "sim/day_records.hpp"
#include "sim/handling.hpp"
#include "sim/tally.hpp"

namespace govsim {

struct ModelState {
  GovernanceConfig gov;  // in force
  Residents residents;
  std::vector<GridVolunteers> volunteers;       // per grid
  std::vector<GridClimate> climate;             // per grid, read by residents
  std::vector<std::vector<Feedback>> feedback;  // per grid, applied next morning
  std::vector<GridTotals> grid_totals;          // per grid, whole run
  std::vector<std::uint8_t> has_sensors;        // per grid, under the design in force
  std::vector<double> rounds_hours;             // per grid, under the design in force
  std::vector<HandlingUnit> units;              // per street office, then the city tier's
  std::int64_t day = 0;                         // days completed
  std::size_t next_change = 0;                  // index into the scenario's changes
  bool pending_design = false;                  // set_governance() waiting for tomorrow
  std::string pending_summary;
  GovernanceConfig pending;
  // People (MODEL.md 7.24): the neighbour network (rebuilt from the scenario, not checkpointed)
  // and each grid's incidents and repeat disputes to come (checkpointed).
  NeighbourNetwork network;
  std::vector<std::vector<PendingCase>> pending_cases;
};

struct DayBuffers {
  bool policy_changed = false;               // a design came into force this morning
  std::vector<std::vector<NewCase>> outbox;  // per grid, today's new cases
  std::vector<ResidentSums> resident_sums;   // per grid, today
  std::vector<VolunteerDay> volunteer_day;   // per grid, today
  std::vector<std::int64_t> new_disputes;    // per grid, today's new disputes
  std::vector<UnitDay> unit_days;            // per unit, today
  std::vector<double> merge_scratch;         // the metrics phase's memory for merging responses
  // The climate phase's per-grid accounts, hazards and disputes: memory kept from day to day,
  // not a fresh allocation (and fresh pages to fault in) every day.
  std::vector<double> climate_own[3];
  UnitDay city;  // the units' days added up
};

struct World {
  Scenario scenario;
  City city;
  std::unique_ptr<CaseBehaviour> behaviour;  // the rules cases follow
  double city_elderly_share = 0;             // population-weighted, of the city as built
  SpillShares spill;  // what crosses each grid boundary by word of mouth (MODEL.md 7.25)
  ModelState state;
  DayBuffers today;
  RunTally tally;
  std::unique_ptr<Calendar> calendar;                // the run's dates and days off
  std::vector<std::array<double, kDomains>> rhythm;  // per day: arising x, when calendar.on
  std::vector<Calendar::Break> festivals;            // Spring Festival breaks, when calendar.on
  // The staff's yearly cost by part, and each member's cost with where it is counted (unit by
  // unit, in roster order), and the counsellors on the rosters: the rosters and the cost model
  // change only with the design, so this is worked out once per design (sim/phases.cpp
  // staff_costs) and not kept in a checkpoint.
  struct StaffCosts {
    struct Entry {
      std::uint32_t street_slot;    // into RunTally::cost_street (row x kCostParts + part)
      std::int64_t community_slot;  // into RunTally::cost_community, or -1
      double yuan;                  // a year
    };
    bool valid = false;
    double part[kCostParts] = {};
    std::vector<Entry> entries;
    std::vector<std::uint32_t> unit_first;  // unit u's entries: [unit_first[u], unit_first[u + 1])
    bool crosses_streets = false;           // a unit's staff counted in another street's rows
    std::int64_t counsellors = 0;           // on the rosters
  } staff_costs;
  std::vector<double> phase_seconds;     // wall time per phase, summed over the run
  std::vector<std::string> setup_names;  // the set-up's steps (not kept in a checkpoint)
  std::vector<double> setup_seconds;     // wall time of each
};

}  // namespace govsim
