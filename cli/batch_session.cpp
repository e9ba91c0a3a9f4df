#include "cli/batch_session.hpp"

#include <charconv>
#include <iostream>
#include <system_error>

#include "cli/terminal_text.hpp"
#include "engine/errors.hpp"
#include "experiments/report_html.hpp"

namespace govsim {

using namespace batch;

std::vector<std::string> common_overrides(const BatchArgs& args) {
  std::vector<std::string> out = args.overrides;
  if (!args.days.empty()) out.push_back("run.days=" + args.days);
  return out;
}

Plan grid_plan(const std::string& kind, const std::string& scenario, const BatchArgs& args,
               const std::vector<VarySpec>& specs) {
  Plan plan;
  plan.kind = kind;
  plan.common_overrides = common_overrides(args);
  plan.base_seed = args.seed;
  plan.method = "grid";
  for (const VarySpec& s : specs) plan.vary_keys.push_back(s.key);
  plan.designs = factorial_designs(scenario, specs);
  return plan;
}

std::uint64_t sample_seed(const std::string& text, std::uint64_t base_seed) {
  if (text.empty()) return base_seed;
  std::uint64_t x = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (ec != std::errc() || end != text.data() + text.size()) {
    throw InputError("--sample-seed: '" + text + "' is not a whole number >= 0");
  }
  return x;
}

void check_batch_args(const BatchArgs& args, Session& session, bool adaptive,
                      const std::vector<CommandPath>& more) {
  std::vector<CommandPath> paths;
  if (!args.db.empty()) paths.push_back({"--db", args.db, PathRole::InputSelf});
  if (!args.report.empty()) paths.push_back({"--report", args.report, PathRole::OutputFile});
  paths.insert(paths.end(), more.begin(), more.end());
  // The files are rank 0's to check (and to write): another rank would see them as rank 0 is
  // already creating them. on_root tells every rank how the check ended.
  on_root(session.cluster, [&] { check_command_paths(paths); });
  check_replications(args.replications, "--replications");
  check_seed(args.seed, args.replications);
  if (args.jobs < 0 || args.jobs > 4096) {
    throw InputError("--jobs: " + std::to_string(args.jobs) +
                     " is out of range (0 = every core, up to 4096)");
  }
  if (args.resume && args.overwrite) {
    throw InputError("--resume and --overwrite contradict each other: choose one");
  }
  if ((args.resume || args.overwrite) && args.db.empty()) {
    throw InputError(std::string(args.resume ? "--resume" : "--overwrite") +
                     " needs --db FILE: without it the results live in memory only");
  }
  if (!args.shard.empty()) {
    session.shard = parse_shard(args.shard);
    if (adaptive) {
      throw InputError(
          "--shard: an adaptive experiment decides its next runs from the last "
          "ones, so it cannot be split into independent jobs; use MPI instead");
    }
    if (args.db.empty())
      throw InputError("--shard needs --db FILE: each job writes its own database");
  }
  session.outcomes =
      args.outcomes.empty() ? default_outcomes() : outcome_columns(args.outcomes, "--outcomes");
  session.quiet = args.quiet;
  session.runner.jobs = args.jobs;
  session.runner.store_series = !args.no_series;
  session.runner.progress = !args.quiet;
}

void open_store(Session& session, const BatchArgs& args, const Experiment& experiment) {
  on_root(session.cluster, [&] {
    const std::string path = args.db.empty() ? ":memory:" : args.db;
    const StoreMode mode = args.resume      ? StoreMode::Resume
                           : args.overwrite ? StoreMode::Overwrite
                                            : StoreMode::Fresh;
    session.store.emplace(path, mode);
    session.store->begin(experiment.plan_json(), command_line(),
                         session.shard.whole() ? "" : session.shard.text());
    // Shards split the runs of one plan of replications: merge refuses shards of two plans.
    if (!session.shard.whole())
      session.store->set_meta("shard_replications", std::to_string(args.replications));
  });
}

BatchOutcome run(Session& session, const Experiment& experiment, const std::vector<RunSpec>& specs,
                 const std::string& label) {
  RunnerOptions options = session.runner;
  options.label = label;
  // What the store is to hold: these runs, or under --shard the whole plan's, so that a merge
  // of some of the shards knows which runs it lacks. Only rank 0 has the store, but every rank
  // takes part in on_root's collective.
  on_root(session.cluster, [&] {
    if (!session.store) return;
    std::vector<std::string> keys;
    const std::optional<std::string> r = session.store->meta("shard_replications");
    for (const RunSpec& spec : r ? experiment.all_specs(std::stoll(*r)) : specs)
      keys.push_back(spec.key);
    session.store->add_planned(keys);
  });
  return run_batch(experiment, specs, session.store ? &*session.store : nullptr, session.cluster,
                   options);
}

std::vector<RunSpec> owned_specs(const Session& session, const Experiment& experiment,
                                 std::int64_t replications) {
  std::vector<RunSpec> mine;
  const std::vector<RunSpec> all = experiment.all_specs(replications);
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (session.shard.owns(i)) mine.push_back(all[i]);
  }
  return mine;
}

void finish(Session& session, const BatchArgs& args) {
  if (!session.cluster.root()) return;
  if (!args.report.empty()) {
    ReportOptions options;
    options.outcomes = session.outcomes;
    write_report(*session.store, options, args.report);
  }
  // Read back from the file itself: another process may have replaced it meanwhile.
  if (!args.db.empty()) session.store->check_still_there();
  if (session.quiet) return;
  if (!args.db.empty()) {
    std::cout << "\nresults: " << args.db << " (" << session.store->count_done()
              << " runs; govsim export " << args.db << " --csv DIR)";
  }
  if (!args.report.empty()) std::cout << "\nreport:  " << args.report;
  if (!args.db.empty() || !args.report.empty()) std::cout << '\n';
  std::cout << std::flush;
}

int failures_exit_code(const Session& session, std::int64_t failed, bool input_error,
                       const std::string& first_error) {
  if (failed == 0) return 0;
  if (session.cluster.root()) {
    std::cerr << "govsim: error: " << failed << (failed == 1 ? " run" : " runs")
              << " failed; the first: " << printable(first_error) << "\n";
  }
  return input_error ? 2 : 1;
}

int with_cluster(const std::function<int(Cluster&)>& body) {
  std::unique_ptr<Cluster> cluster = make_cluster();
  if (cluster->size() == 1) return body(*cluster);
  try {
    return body(*cluster);
  } catch (const RemoteFailure& f) {
    return f.exit_code;
  } catch (const std::exception& e) {
    // Rank 0 reports here, before MPI is finalised: once another rank has left with an error,
    // mpirun ends the job, and a message left for main() would never be printed.
    if (cluster->root()) {
      const bool ours =
          dynamic_cast<const InputError*>(&e) || dynamic_cast<const std::system_error*>(&e);
      std::cerr << (ours ? "govsim: error: " : "govsim: internal error: ") << printable(e.what())
                << std::endl;
    }
    return exit_code_of(e);
  }
}

}  // namespace govsim
