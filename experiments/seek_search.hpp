// A whole seek (experiments/seek.hpp has the search itself): the grid of points over the keys,
// each point a design of one experiment, the rounds of runs the search asks for, and the record
// of its steps and answer that the store keeps. `govsim seek` and Python's govsim.seek share it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "experiments/comparison.hpp"
#include "experiments/experiment.hpp"
#include "experiments/runner.hpp"
#include "experiments/seek.hpp"
#include "experiments/sweep.hpp"
#include "output/json_writer.hpp"

namespace govsim::batch {

struct SeekQuestion {
  std::string scenario;                       // path or shipped name; "" = the baseline
  std::vector<VarySpec> over;                 // the grid's keys, each with its values
  std::vector<std::string> common_overrides;  // every point's --set values and --days
  std::uint64_t base_seed = 1;
  std::int64_t replications = 5;  // paired replications per point
  // The search: the cheapest point that meets `target` (seek_cheapest), or, with `budget`, the
  // point of best mean `cost` (greatest with `maximize`) whose bound of `target` is within it
  // (seek_within_budget; `target` is then the budget, an upper limit).
  Target target;
  std::size_t cost = 0;  // the summary column to minimise (or, with maximize, maximise)
  double confidence = 0.95;
  bool budget = false;
  bool maximize = false;  // only with budget
};

// A one-sided bound needs the spread of at least two replications, and below 50 % it would be no
// bound at all. `replications_option` and `confidence_option` name the options in messages.
void check_seek_question(const SeekQuestion& q, const std::string& replications_option,
                         const std::string& confidence_option);

// With a budget: it is an upper limit (EXPR<=VALUE); maximising goes only with a budget.
// `budget_option` names the budget in messages.
void check_seek_budget(const SeekQuestion& q, const std::string& budget_option);

// Every point of the grid over the keys is a design, so that the store and the report see the
// whole grid; a seek runs only the points it visits.
Experiment seek_experiment(const SeekQuestion& q);

// Runs the given specs of the experiment and returns their outcome; `label` names the round.
using RunSpecs =
    std::function<BatchOutcome(const std::vector<RunSpec>& specs, const std::string& label)>;

struct SeekRun {
  SeekResult result;
  int rounds = 0;
  std::int64_t runs_used = 0;  // runs at the points visited, reused or not
  std::int64_t ran = 0;        // run now
  std::int64_t failed = 0;
  bool input_error = false;
  std::string first_error;
};

SeekRun run_seek(const Experiment& experiment, const SeekQuestion& q, const RunSpecs& run);

// The results of a batch's specs, by design and replication.
ResultGrid result_grid(const Experiment& experiment, const std::vector<RunSpec>& specs,
                       const BatchOutcome& outcome);

// Every step of the search and its answer, as the store's meta "seek" keeps it for the report
// and for seek.csv.
Json seek_record(const SeekQuestion& q, const Experiment& experiment, const SeekResult& result);

}  // namespace govsim::batch
