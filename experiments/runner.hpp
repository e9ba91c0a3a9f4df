// Runs a batch of run specs: those the store already holds are reused, the rest run in parallel
// over this process's cores with oneTBB (and over every rank of an MPI job), each run on one
// thread with the serial executor: many independent runs fill the cores better than one run
// split finely, and the engine gives the same bits either way. Every finished run is committed
// to the store at once, in its own transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "experiments/cluster.hpp"
#include "experiments/codec.hpp"
#include "experiments/experiment.hpp"
#include "experiments/store.hpp"

namespace govsim::batch {

struct RunnerOptions {
  int jobs = 0;  // parallel runs in this process; 0 = this rank's share of the node's cores
  bool store_series = true;
  bool progress = true;
  std::string label = "runs";  // names the batch in the progress line
};

struct BatchOutcome {
  std::vector<std::optional<CellRow>> summaries;  // per spec; empty for a failed run
  std::int64_t ran = 0;                           // run now, by every rank
  std::int64_t reused = 0;                        // found done in the store
  std::int64_t failed = 0;
  std::string first_error;
  bool input_error = false;  // some run failed on its input
  int jobs = 1;              // parallel runs per rank
};

// Every rank calls this with the same arguments; store is non-null on rank 0 only. On return
// every rank holds every spec's summary, so that adaptive commands (seek, --until-precise)
// take the same next step everywhere.
BatchOutcome run_batch(const Experiment& experiment, const std::vector<RunSpec>& specs,
                       Store* store, Cluster& cluster, const RunnerOptions& options);

// One run, start to end, on the calling thread.
RunResult simulate(const Experiment& experiment, const RunSpec& spec, std::size_t index,
                   bool store_series, const std::string& host);

int default_jobs(const Cluster& cluster);

}  // namespace govsim::batch
