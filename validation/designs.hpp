// Replications of several shipped designs on common random numbers, through the batch runner:
// replication i of every design runs with seed i + 1, as `govsim compare` does, so the figures
// here are the ones `govsim compare` prints for the same designs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "experiments/cluster.hpp"
#include "experiments/comparison.hpp"
#include "experiments/experiment.hpp"

namespace govsim::validation {

struct DesignRuns {
  std::vector<std::string> designs;  // shipped names or scenario files
  std::int64_t replications = 3;
  std::int64_t days = 365;
  int jobs = 0;  // parallel runs; 0 = every core
  bool progress = false;
};

// Runs every design's replications; throws InputError if a design cannot be loaded and
// std::runtime_error if a run fails.
batch::ResultGrid run_designs(const DesignRuns& runs);

// Runs every given design (a scenario and its overrides) with runs.replications on common random
// numbers, over the cluster's ranks (every rank calls it; each gets the whole grid back).
// runs.designs is not used. The grid's designs are in the given order.
batch::ResultGrid run_design_list(std::vector<batch::Design> designs, const DesignRuns& runs,
                                  batch::Cluster& cluster);

// Index of a summary column by name; throws std::logic_error when there is none.
std::size_t column(const std::string& name);

}  // namespace govsim::validation
