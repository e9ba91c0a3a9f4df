#include "python/batch.hpp"

#include <pybind11/stl.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "engine/errors.hpp"
#include "experiments/cluster.hpp"
#include "experiments/columns.hpp"
#include "experiments/experiment.hpp"
#include "experiments/export_csv.hpp"
#include "experiments/runner.hpp"
#include "experiments/seek_search.hpp"
#include "experiments/store.hpp"
#include "experiments/sweep.hpp"

namespace py = pybind11;

namespace govsim::python {
namespace {

using namespace batch;

// What every experiment takes besides its designs.
struct Common {
  std::vector<std::string> overrides;  // every design's, e.g. run.days=N
  std::uint64_t seed = 1;
  std::int64_t replications = 5;
  int jobs = 0;
  std::string db;  // "" = in memory
  std::string mode = "fresh";
  bool series = true;
  std::string command;  // recorded in the store's meta, as the CLI records its command line
};

StoreMode store_mode(const Common& c) {
  if (c.mode == "fresh") return StoreMode::Fresh;
  if (c.mode == "overwrite") return StoreMode::Overwrite;
  if (c.mode == "resume") return StoreMode::Resume;
  throw InputError("mode: '" + c.mode + "' is not one of fresh, overwrite, resume");
}

// A store read by Python: its tables as the CLI's `export` writes them.
class PyStore {
 public:
  PyStore(const std::string& path, StoreMode mode) : store_(std::make_unique<Store>(path, mode)) {}
  explicit PyStore(std::unique_ptr<Store> s) : store_(std::move(s)) {}
  Store& store() { return *store_; }
  std::string runs() const { return runs_csv(*store_); }
  std::string summaries() const { return summaries_csv(*store_); }
  std::string statistics() const { return statistics_csv(*store_); }
  std::string sensitivity() const { return sensitivity_csv(*store_); }
  std::string seek() const { return seek_csv(*store_); }
  std::string series() const {
    std::string out;
    series_csv(*store_, [&](const std::string& text) { out += text; });
    return out;
  }
  std::string plan() const { return store_->plan().dump(); }
  std::optional<std::string> meta(const std::string& key) const { return store_->meta(key); }

 private:
  std::unique_ptr<Store> store_;
};

void check_common(const Common& c) {
  check_replications(c.replications, "replications");
  check_seed(c.seed, c.replications);
  if (c.jobs < 0 || c.jobs > 4096)
    throw InputError("jobs: " + std::to_string(c.jobs) + " is out of range (0 = every core)");
  if (c.mode != "fresh" && c.db.empty())
    throw InputError("mode '" + c.mode + "' needs db=FILE: without it the results live in memory");
}

// Raises KeyboardInterrupt (or whatever a signal handler raised) when a signal is pending; called
// with the GIL released, between batches of runs.
void check_signals() {
  py::gil_scoped_acquire acquire;
  if (PyErr_CheckSignals() != 0) throw py::error_already_set();
}

void add_planned(Store& store, const std::vector<RunSpec>& specs) {
  std::vector<std::string> keys;
  for (const RunSpec& s : specs) keys.push_back(s.key);
  store.add_planned(keys);
}

// Runs specs of an experiment as the CLI's batch commands do on one process: the runs in
// parallel over `jobs` cores, each committed to the store as it ends. Failed runs stay in the
// store with their error; a run refused for its input raises.
BatchOutcome run_specs(const Experiment& experiment, Store& store,
                       const std::vector<RunSpec>& specs, const Common& c,
                       const std::string& label) {
  Cluster local;
  RunnerOptions options;
  options.jobs = c.jobs;
  options.store_series = c.series;
  options.progress = false;
  options.label = label;
  BatchOutcome outcome = run_batch(experiment, specs, &store, local, options);
  if (outcome.failed > 0 && outcome.input_error) throw InputError(outcome.first_error);
  return outcome;
}

std::unique_ptr<PyStore> open_store(const Experiment& experiment, const Common& c) {
  auto out = std::make_unique<PyStore>(c.db.empty() ? ":memory:" : c.db, store_mode(c));
  out->store().begin(experiment.plan_json(), c.command, "");
  return out;
}

// Runs a plan as `govsim compare/sweep` do on one process, with the GIL released: every
// replication of every design.
std::unique_ptr<PyStore> run_plan(Plan plan, const Common& c) {
  check_common(c);
  plan.common_overrides = c.overrides;
  plan.base_seed = c.seed;
  py::gil_scoped_release release;
  const std::string kind = plan.kind;
  const Experiment experiment(std::move(plan));
  std::unique_ptr<PyStore> out = open_store(experiment, c);
  const std::vector<RunSpec> all = experiment.all_specs(c.replications);
  add_planned(out->store(), all);
  // In slices of a few runs per core, so that Ctrl-C is seen between two slices; the runs and
  // their results are the same in any slicing (each run is a function of its spec).
  const unsigned cores = c.jobs > 0 ? static_cast<unsigned>(c.jobs)
                                    : std::max(1U, std::thread::hardware_concurrency());
  const std::size_t slice = std::max<std::size_t>(8, 4 * std::size_t{cores});
  for (std::size_t first = 0; first < all.size(); first += slice) {
    const std::vector<RunSpec> specs(
        all.begin() + static_cast<std::ptrdiff_t>(first),
        all.begin() + static_cast<std::ptrdiff_t>(std::min(all.size(), first + slice)));
    run_specs(experiment, out->store(), specs, c, kind);
    check_signals();
  }
  return out;
}

// `govsim seek`: over maps each key to its values as --over writes them ("lo:hi:step" or a list).
// With a budget ("EXPR<=B"), the point of best mean `maximize` (or, without it, `minimize`)
// within it, as `govsim seek --budget`; `target` is then unused.
struct SeekGoal {
  std::string target, minimize, budget, maximize;
};

std::unique_ptr<PyStore> seek(const std::string& scenario, const std::vector<std::string>& over,
                              const SeekGoal& goal, double confidence, const Common& c) {
  check_common(c);
  SeekQuestion q;
  q.scenario = scenario;
  q.common_overrides = c.overrides;
  q.base_seed = c.seed;
  q.replications = c.replications;
  q.confidence = confidence;
  check_seek_question(q, "replications", "confidence");
  q.budget = !goal.budget.empty();
  q.maximize = !goal.maximize.empty();
  q.target = q.budget ? parse_target(goal.budget, "budget") : parse_target(goal.target);
  check_seek_budget(q, "budget");
  q.cost = q.maximize ? outcome_column(goal.maximize, "maximize")
                      : outcome_column(goal.minimize, "minimize");
  for (const std::string& text : over) {
    q.over.push_back(parse_vary(text, "over"));
    if (q.over.back().values.empty()) {
      throw InputError("over " + q.over.back().key +
                       ": seek searches a grid; give a step (lo:hi:step) or a list of values");
    }
    for (std::size_t k = 0; k + 1 < q.over.size(); ++k) {
      if (q.over[k].key == q.over.back().key)
        throw InputError("over: " + q.over.back().key + " is named twice");
    }
  }
  py::gil_scoped_release release;
  const Experiment experiment = seek_experiment(q);
  std::unique_ptr<PyStore> out = open_store(experiment, c);
  const SeekRun found =
      run_seek(experiment, q, [&](const std::vector<RunSpec>& specs, const std::string& label) {
        add_planned(out->store(), specs);
        BatchOutcome outcome = run_specs(experiment, out->store(), specs, c, label);
        check_signals();
        return outcome;
      });
  out->store().set_meta("seek", seek_record(q, experiment, found.result).dump());
  return out;
}

Common common_of(const py::kwargs& kw) {
  Common c;
  if (kw.contains("overrides")) c.overrides = kw["overrides"].cast<std::vector<std::string>>();
  if (kw.contains("seed")) c.seed = kw["seed"].cast<std::uint64_t>();
  if (kw.contains("replications")) c.replications = kw["replications"].cast<std::int64_t>();
  if (kw.contains("jobs")) c.jobs = kw["jobs"].cast<int>();
  if (kw.contains("db")) c.db = kw["db"].cast<std::string>();
  if (kw.contains("mode")) c.mode = kw["mode"].cast<std::string>();
  if (kw.contains("series")) c.series = kw["series"].cast<bool>();
  if (kw.contains("command")) c.command = kw["command"].cast<std::string>();
  return c;
}

}  // namespace

void add_batch(py::module_& m) {
  m.def("seek", [](const std::string& scenario, const std::vector<std::string>& over,
                   const std::string& target, const std::string& minimize, double confidence,
                   const py::kwargs& kw) {
    SeekGoal goal{target, minimize, "", ""};
    if (kw.contains("budget")) goal.budget = kw["budget"].cast<std::string>();
    if (kw.contains("maximize")) goal.maximize = kw["maximize"].cast<std::string>();
    return seek(scenario, over, goal, confidence, common_of(kw));
  });

  py::class_<PyStore>(m, "CoreStore", "A results store, read as the CLI's export writes it")
      .def(py::init([](const std::string& path) {
             return std::make_unique<PyStore>(path, StoreMode::Read);
           }),
           py::arg("path"))
      .def("runs_csv", &PyStore::runs)
      .def("summaries_csv", &PyStore::summaries)
      .def("series_csv", &PyStore::series)
      .def("statistics_csv", &PyStore::statistics)
      .def("sensitivity_csv", &PyStore::sensitivity)
      .def("seek_csv", &PyStore::seek)
      .def("plan_json", &PyStore::plan)
      .def("meta", &PyStore::meta, py::arg("key"));

  // designs: (label, scenario, overrides) per design; "" label = the scenario's name.
  m.def(
      "compare",
      [](const std::vector<std::tuple<std::string, std::string, std::vector<std::string>>>& designs,
         const py::kwargs& kw) {
        Plan plan;
        plan.kind = "compare";
        for (const auto& [label, scenario, overrides] : designs) {
          Design d;
          d.label = label;
          d.scenario = scenario;
          d.overrides = overrides;
          plan.designs.push_back(d);
        }
        return run_plan(std::move(plan), common_of(kw));
      });

  // vary: the CLI's --vary texts ("key=a,b,c" or "key=lo:hi:step"); method factorial or lhs.
  m.def("sweep", [](const std::string& scenario, const std::vector<std::string>& vary,
                    const std::string& method, std::int64_t samples, std::uint64_t sample_seed,
                    const py::kwargs& kw) {
    std::vector<VarySpec> specs;
    for (const std::string& text : vary) {
      specs.push_back(parse_vary(text, "vary"));
      for (std::size_t k = 0; k + 1 < specs.size(); ++k) {
        if (specs[k].key == specs.back().key)
          throw InputError("vary " + text + ": " + specs.back().key + " is varied twice");
      }
    }
    Plan plan;
    plan.kind = "sweep";
    plan.method = method;
    for (const VarySpec& s : specs) plan.vary_keys.push_back(s.key);
    if (method == "factorial") {
      if (samples != 0) throw InputError("samples goes with method='lhs'");
      plan.designs = factorial_designs(scenario, specs);
    } else if (method == "lhs") {
      if (samples == 0) throw InputError("method='lhs' needs samples=N (N >= 2)");
      plan.designs = latin_hypercube_designs(scenario, specs, samples, sample_seed);
    } else {
      throw InputError("method: '" + method + "' is not one of factorial, lhs");
    }
    return run_plan(std::move(plan), common_of(kw));
  });
}

}  // namespace govsim::python
