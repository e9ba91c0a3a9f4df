// The step: a fixed table of named phases, run in order once a day, each timed into the
// manifest's profile. docs/ARCHITECTURE.md says what each reads and writes.
//
// Every parallel phase writes only to slots owned by its index (a grid, a street office), and
// every sum over them is taken afterwards in a fixed order, so results are the same bits
// whatever the number of threads.
#pragma once

#include <array>

#include "engine/executor.hpp"
#include "sim/world.hpp"

namespace govsim {

struct Phase {
  const char* name;
  void (*run)(World& w, Executor& ex);
};

//   policy     serial. Reads the scenario's changes and any pending design; writes the design in
//              force, every unit's roster and desks, sensors and rounds.
//   residents  parallel over grids. Reads yesterday's climate and feedback of the grid; writes
//              the grid's residents, volunteers, today's new cases (outbox), their disputes
//              counted, and sums.
//   cases      parallel over street offices. Reads the outboxes of its grids; writes its cases,
//              staff, its grids' totals, feedback and volunteers' experience, and its day (with
//              its responses sorted).
//   metrics    serial. Adds the grids' and units' days in order into today's row of the series
//              and, after the warm-up, into the run's tally; merges the units' sorted responses
//              for the percentiles.
//   climate    parallel over grids, in two loops. Reads each grid's totals of today, then what
//              reaches each grid from its neighbours (a gather whose sums run in a fixed order,
//              model/geometry.hpp); writes tomorrow's climate.
//   cohort     serial. On the cohort day, records who volunteers (for retention).
extern const std::array<Phase, 6> kStep;

// Puts a design in force from the start of the current day (also used when a run is built).
void put_design_in_force(World& w, const GovernanceConfig& gov, Executor& ex);

}  // namespace govsim
