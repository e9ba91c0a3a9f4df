#include "experiments/runner.hpp"

#include <unistd.h>

#include <chrono>
#include <exception>
#include <iostream>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "engine/errors.hpp"
#include "engine/executor.hpp"
#include "engine/parallel.hpp"
#include "experiments/progress.hpp"
#include "output/manifest.hpp"
#include "output/periods.hpp"
#include "output/platform.hpp"
#include "sim/observation.hpp"
#include "sim/simulation.hpp"

namespace govsim::batch {
namespace {

constexpr int kTagResult = 1;
constexpr int kTagFinished = 2;

std::string host_name(const Cluster& cluster) {
  char buf[256] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0) buf[0] = '\0';
  std::string host = buf[0] ? buf : "unknown";
  if (cluster.size() > 1) host += " rank " + std::to_string(cluster.rank());
  return host;
}

std::string encode_outcome(const BatchOutcome& o) {
  ByteWriter w;
  w.u64(static_cast<std::uint64_t>(o.ran));
  w.u64(static_cast<std::uint64_t>(o.reused));
  w.u64(static_cast<std::uint64_t>(o.failed));
  w.u64(o.input_error ? 1 : 0);
  w.str(o.first_error);
  w.str(encode(o.summaries));
  return w.take();
}

void decode_outcome(const std::string& bytes, BatchOutcome& o) {
  ByteReader in(bytes);
  o.ran = static_cast<std::int64_t>(in.u64());
  o.reused = static_cast<std::int64_t>(in.u64());
  o.failed = static_cast<std::int64_t>(in.u64());
  o.input_error = in.u64() != 0;
  o.first_error = in.str();
  o.summaries = decode_summaries(in.str());
}

}  // namespace

int default_jobs(const Cluster& cluster) {
  const int cores = default_concurrency();
  return std::max(1, cores / std::max(1, cluster.ranks_on_node()));
}

RunResult simulate(const Experiment& experiment, const RunSpec& spec, std::size_t index,
                   bool store_series, const std::string& host) {
  const auto wall_start = std::chrono::steady_clock::now();
  RunResult result;
  result.spec = index;
  RunRow& row = result.row;
  const Design& design = experiment.design(spec.design);
  row.key = spec.key;
  row.design = static_cast<std::int64_t>(spec.design);
  row.label = design.label;
  row.replication = spec.replication;
  row.seed = spec.seed;
  row.params = experiment.params_json(spec.design);
  row.scenario = design.scenario.empty() ? "baseline" : design.scenario;
  row.scenario_hash = hex16(experiment.design_hash(spec.design));
  row.started_utc = iso8601_utc(std::chrono::system_clock::now());
  row.host = host;
  try {
    const Scenario scenario = experiment.run_scenario(spec);
    SerialExecutor executor;
    Simulation sim(scenario, executor);
    while (!sim.done()) sim.step();
    const RunSummary summary = sim.summary();
    result.summary = cells_of(summary);
    if (store_series) {
      for (const DayMetrics& day : sim.series()) result.series.push_back(cells_of(day));
      for (const PeriodMetrics& p : periods_of(sim.series(), scenario.run.warmup_days))
        result.tables.periods.push_back(cells_of(p));
      const City& city = sim.observe().city();
      for (const GridMetrics& g : sim.grid_metrics()) {
        result.tables.grids.push_back(cells_of(g));
        const auto i = static_cast<std::size_t>(g.grid);
        if (i < city.grid_names.size())
          result.tables.grid_names.push_back({city.street_names[city.grid_street[i]],
                                              city.community_names[city.grid_community[i]],
                                              city.grid_names[i]});
        else
          result.tables.grid_names.emplace_back();
      }
    }
    RunRecord record;
    record.scenario = &scenario;
    record.overrides = experiment.run_overrides(spec);
    record.threads_requested = 1;
    record.threads_used = 1;
    record.start_time_utc = row.started_utc;
    record.days_run = sim.day();
    record.state_hash = summary.state_hash;
    record.profile = sim.profile();
    record.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
    row.manifest = make_manifest(record).dump();
    row.status = "done";
  } catch (const std::exception& e) {
    result.summary.clear();
    result.series.clear();
    result.tables = {};
    result.input_error = dynamic_cast<const InputError*>(&e) != nullptr;
    row.status = "failed";
    row.error = e.what();
    row.manifest = "{}";
  }
  row.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  return result;
}

BatchOutcome run_batch(const Experiment& experiment, const std::vector<RunSpec>& specs,
                       Store* store, Cluster& cluster, const RunnerOptions& options) {
  BatchOutcome out;
  out.summaries.resize(specs.size());
  out.jobs = options.jobs > 0 ? options.jobs : default_jobs(cluster);

  // Rank 0 alone knows what the store holds; it tells the others what is left to run.
  std::vector<std::size_t> pending;
  std::string bytes;
  on_root(cluster, [&] {
    const std::unordered_set<std::string> done = store->done_keys();
    for (std::size_t i = 0; i < specs.size(); ++i) {
      if (done.count(specs[i].key)) {
        out.summaries[i] = store->summary(specs[i].key);
        ++out.reused;
      } else {
        pending.push_back(i);
      }
    }
    bytes = encode(pending);
  });
  cluster.broadcast(bytes);
  if (!cluster.root()) pending = decode_indices(bytes);

  std::vector<std::size_t> mine;
  for (std::size_t j = 0; j < pending.size(); ++j) {
    if (static_cast<int>(j % static_cast<std::size_t>(cluster.size())) == cluster.rank()) {
      mine.push_back(pending[j]);
    }
  }

  const std::string host = host_name(cluster);
  std::mutex commit_mutex;
  std::optional<BatchProgress> progress;
  if (cluster.root()) {
    progress.emplace(options.progress, static_cast<std::int64_t>(pending.size()), options.label,
                     out.jobs);
  }
  // Rank 0 commits; the others ship each run there as soon as it is done, so that a job killed
  // part-way keeps what had finished on every rank.
  const auto deliver = [&](const RunResult& r) {
    if (!cluster.root()) {
      cluster.send_to_root(kTagResult, encode(r));
      return;
    }
    const std::lock_guard<std::mutex> lock(commit_mutex);
    store->commit(r.row, r.summary, r.series, r.tables);
    ++out.ran;
    if (r.summary.empty()) {
      ++out.failed;
      if (out.first_error.empty())
        out.first_error = r.row.label + ", replication " + std::to_string(r.row.replication + 1) +
                          ": " + r.row.error;
      out.input_error = out.input_error || r.input_error;
    } else {
      out.summaries[r.spec] = r.summary;
    }
    progress->advance(r.summary.empty());
  };

  std::exception_ptr receiver_error;
  std::thread receiver;
  if (cluster.root() && cluster.size() > 1) {
    receiver = std::thread([&] {
      try {
        int finished = 0;
        std::string message;
        while (finished < cluster.size() - 1) {
          if (cluster.receive_at_root(message) == kTagFinished) {
            ++finished;
          } else {
            deliver(decode_result(message));
          }
        }
      } catch (...) {
        receiver_error = std::current_exception();
      }
    });
  }

  try {
    parallel_for_index(mine.size(), out.jobs, [&](std::size_t j) {
      const std::size_t i = mine[j];
      deliver(simulate(experiment, specs[i], i, options.store_series, host));
    });
    if (!cluster.root()) cluster.send_to_root(kTagFinished, std::string());
  } catch (const std::exception& e) {
    if (cluster.size() == 1) throw;
    // Other ranks wait in collectives that will never come: end the whole job.
    std::cerr << "govsim: error (rank " << cluster.rank() << "): " << e.what() << '\n';
    cluster.abort(exit_code_of(e));
  }
  if (receiver.joinable()) receiver.join();
  if (receiver_error) {
    try {
      std::rethrow_exception(receiver_error);
    } catch (const std::exception& e) {
      std::cerr << "govsim: error (rank 0): " << e.what() << '\n';
      cluster.abort(exit_code_of(e));
    }
  }
  progress.reset();

  if (cluster.size() > 1) {
    std::string shared = cluster.root() ? encode_outcome(out) : std::string();
    cluster.broadcast(shared);
    if (!cluster.root()) decode_outcome(shared, out);
  }
  return out;
}

}  // namespace govsim::batch
