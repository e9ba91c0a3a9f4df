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
  std::vector<UnitDay> unit_days;            // per unit, today
  UnitDay city;                              // the units' days added up
};

struct World {
  Scenario scenario;
  City city;
  std::unique_ptr<CaseBehaviour> behaviour;  // the rules cases follow
  double city_elderly_share = 0;             // population-weighted, of the city as built
  ModelState state;
  DayBuffers today;
  RunTally tally;
  std::unique_ptr<Calendar> calendar;                // the run's dates and days off
  std::vector<std::array<double, kDomains>> rhythm;  // per day: arising x, when calendar.on
  std::vector<Calendar::Break> festivals;            // Spring Festival breaks, when calendar.on
  std::vector<double> phase_seconds;                 // wall time per phase, summed over the run
};

}  // namespace govsim
