// `govsim compare A B ...`: paired replications of several designs, and the comparison table.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/batch_session.hpp"
#include "engine/errors.hpp"
#include "engine/i18n.hpp"
#include "experiments/periods_compare.hpp"

namespace govsim {
namespace {

using namespace batch;

// The widest interval of the watched outcome: each design's mean and each paired difference.
double widest_interval(const OutcomeComparison& c) {
  double widest = kNaN;
  for (std::size_t d = 0; d < c.means.size(); ++d) {
    for (const Estimate* e : {&c.means[d], d > 0 ? &c.paired[d] : nullptr}) {
      if (e && std::isfinite(e->half_width)) {
        widest = std::isnan(widest) ? e->half_width : std::max(widest, e->half_width);
      }
    }
  }
  return widest;
}

// Replications that should bring every interval down to the wanted half-width: the width
// shrinks as 1/sqrt(n), so n (w / wanted)^2, at least one more and at most twice as many, since
// a standard deviation from few runs is itself uncertain.
std::int64_t next_replications(const OutcomeComparison& c, std::int64_t n, double wanted) {
  double needed = static_cast<double>(n + 1);
  for (std::size_t d = 0; d < c.means.size(); ++d) {
    for (const Estimate* e : {&c.means[d], d > 0 ? &c.paired[d] : nullptr}) {
      if (e && std::isfinite(e->half_width) && e->n >= 2) {
        const double ratio = e->half_width / wanted;
        needed = std::max(needed, std::ceil(static_cast<double>(e->n) * ratio * ratio));
      }
    }
  }
  return std::min<std::int64_t>(static_cast<std::int64_t>(needed), 2 * n);
}

std::string format_width(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4g", x);
  return buf;
}

// Designs with policy changes: their periods, before and after, run by run.
void print_periods(const Store& store, const Experiment& experiment, const PeriodSelection& periods,
                   const std::string& periods_text) {
  for (std::size_t d = 0; d < experiment.size(); ++d) {
    std::string missing;
    if (const auto c = compare_periods(store, d, periods, &missing))
      std::cout << format_periods(*c, experiment.design(d).label);
    else if (!missing.empty())
      std::cerr << "govsim: warning: --periods " << periods_text << ": "
                << experiment.design(d).label << ": " << missing << "\n";
  }
}

}  // namespace

int compare_command(const CompareArgs& args) {
  return with_cluster([&](Cluster& cluster) {
    Session session(cluster);
    const bool adaptive = args.until_precise != 0;
    check_batch_args(args.batch, session, adaptive);
    std::size_t watched = 0;
    if (adaptive) {
      if (!(args.until_precise > 0)) {
        throw InputError("--until-precise: the half-width must be a positive number");
      }
      watched = outcome_column(args.outcome, "--outcome");
      check_replications(args.max_replications, "--max-replications");
      if (args.max_replications < 2) {
        throw InputError("--max-replications: an interval needs at least 2 replications");
      }
      check_seed(args.batch.seed, args.max_replications);  // seed + i for every i it may run
    }
    const PeriodSelection periods = args.periods.empty()
                                        ? PeriodSelection{}
                                        : parse_period_selection(args.periods, "--periods");
    Plan plan;
    plan.kind = "compare";
    plan.common_overrides = common_overrides(args.batch);
    plan.base_seed = args.batch.seed;
    for (const std::string& name : args.designs) {
      Design d;
      d.scenario = name;
      plan.designs.push_back(d);
    }
    const Experiment experiment(std::move(plan));
    open_store(session, args.batch, experiment);

    std::int64_t replications = args.batch.replications;
    std::vector<RunSpec> specs;
    BatchOutcome outcome;
    std::int64_t failed = 0;
    std::int64_t ran = 0;
    bool input_error = false;
    std::string first_error;
    const auto account = [&](const BatchOutcome& o) {
      failed += o.failed;
      ran += o.ran;
      input_error = input_error || o.input_error;
      if (first_error.empty()) first_error = o.first_error;
    };
    if (!adaptive) {
      specs = owned_specs(session, experiment, replications);
      outcome = run(session, experiment, specs, "compare");
      account(outcome);
    } else {
      replications = std::max<std::int64_t>(2, replications);
      replications = std::min(replications, args.max_replications);
      while (true) {
        specs = experiment.all_specs(replications);
        outcome = run(session, experiment, specs,
                      "compare, " + std::to_string(replications) + " replications");
        account(outcome);
        const OutcomeComparison c =
            compare_outcome(result_grid(experiment, specs, outcome), watched);
        const double widest = widest_interval(c);
        if (std::isnan(widest)) {
          throw InputError("--outcome " + args.outcome +
                           ": no design has a value for it, so no interval can narrow");
        }
        const bool precise = widest <= args.until_precise;
        if (session.printing()) {
          std::cerr << "until-precise: " << replications << " replications, widest 95% interval of "
                    << summary_columns()[watched].name << " ±" << format_width(widest)
                    << " (wanted ±" << format_width(args.until_precise) << ")"
                    << (precise ? ": precise enough\n" : "\n");
        }
        if (precise) break;
        if (replications >= args.max_replications) {
          if (session.cluster.root()) {
            std::cerr << "govsim: warning: not precise enough after --max-replications "
                      << args.max_replications << "; the table shows what there is\n";
          }
          break;
        }
        replications =
            std::min(args.max_replications, next_replications(c, replications, args.until_precise));
      }
    }

    if (session.printing()) {
      if (!session.shard.whole()) {
        std::cout << "compare: shard " << session.shard.text() << ", " << specs.size()
                  << " of the plan's runs (" << ran << " run now); combine the shards with "
                  << "`govsim merge`, then `govsim report`\n";
      } else {
        char line[256];
        std::snprintf(line, sizeof line,
                      i18n::tr("compare: %lld designs x %lld replications (%lld run now, %lld from "
                               "the store); replication i used seed %llu + i\n"),
                      static_cast<long long>(experiment.size()),
                      static_cast<long long>(replications), static_cast<long long>(ran),
                      static_cast<long long>(outcome.reused),
                      static_cast<unsigned long long>(args.batch.seed));
        std::cout << line;
        std::vector<OutcomeComparison> table;
        std::vector<std::size_t> shown = session.outcomes;
        if (adaptive && std::find(shown.begin(), shown.end(), watched) == shown.end()) {
          shown.insert(shown.begin(), watched);
        }
        const ResultGrid grid = result_grid(experiment, specs, outcome);
        for (const std::size_t c : shown) table.push_back(compare_outcome(grid, c));
        std::cout << format_comparison(grid, table);
        if (session.store) print_periods(*session.store, experiment, periods, args.periods);
      }
    }
    finish(session, args.batch);
    return failures_exit_code(session, failed, input_error, first_error);
  });
}

}  // namespace govsim
