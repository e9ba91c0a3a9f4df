// What compare, sweep and seek share: checking the common options, the cluster, the results
// store on rank 0, the runs, the report, and the exit code when runs failed.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cli/batch_commands.hpp"
#include "experiments/cluster.hpp"
#include "experiments/comparison.hpp"
#include "experiments/experiment.hpp"
#include "experiments/runner.hpp"
#include "experiments/seek_search.hpp"
#include "experiments/store.hpp"
#include "experiments/sweep.hpp"
#include "output/output_paths.hpp"

namespace govsim {

struct Session {
  explicit Session(batch::Cluster& c) : cluster(c) {}
  batch::Cluster& cluster;
  std::optional<batch::Store> store;  // rank 0 only
  batch::RunnerOptions runner;
  batch::Shard shard;
  std::vector<std::size_t> outcomes;
  bool quiet = false;
  bool printing() const { return cluster.root() && !quiet; }
};

// --set values plus --days, in the order the loader applies them.
std::vector<std::string> common_overrides(const BatchArgs& args);

// The plan of a search over a grid (seek, frontier): every point of the grid over the keys is a
// design, the last key changing fastest, so that the store and the report see the whole grid.
batch::Plan grid_plan(const std::string& kind, const std::string& scenario, const BatchArgs& args,
                      const std::vector<batch::VarySpec>& specs);

// The seed of a sampled design: --sample-seed as given, or the base seed when it is "".
std::uint64_t sample_seed(const std::string& text, std::uint64_t base_seed);

// Checks the shared options (the same on every rank, so they fail alike) and fills session.
// Every file it names (--db, --report and `more`, e.g. sensitivity's --json) is checked before
// any run: regular files or none, writable, each a file of its own.
void check_batch_args(const BatchArgs& args, Session& session, bool adaptive,
                      const std::vector<CommandPath>& more = {});

// Opens (or resumes) the store on rank 0 and records the plan there.
void open_store(Session& session, const BatchArgs& args, const batch::Experiment& experiment);

// This job's share of the whole plan's runs: every N-th run under --shard K/N, counted over the
// whole plan so that the shards are the same in every job.
std::vector<batch::RunSpec> owned_specs(const Session& session, const batch::Experiment& experiment,
                                        std::int64_t replications);

batch::BatchOutcome run(Session& session, const batch::Experiment& experiment,
                        const std::vector<batch::RunSpec>& specs, const std::string& label);

// Writes --report and says where the results are. Rank 0 only.
void finish(Session& session, const BatchArgs& args);

// 0 when every run finished; else reports the first failure: 2 if it was the input, else 1.
int failures_exit_code(const Session& session, std::int64_t failed, bool input_error,
                       const std::string& first_error);

// Runs body with a cluster. On ranks other than 0 errors are silent (rank 0 reports them) and
// only the exit code is kept.
int with_cluster(const std::function<int(batch::Cluster&)>& body);

}  // namespace govsim
