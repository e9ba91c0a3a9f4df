// govsim._core: the engine and the experiments libraries for Python (pybind11). Only the thin
// layer that turns C++ values into Python ones lives here; govsim/__init__.py builds the public
// API (Scenario, run, Result, Simulation, compare, ...) on it. docs/PYTHON.md documents both.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/errors.hpp"
#include "engine/executor.hpp"
#include "output/json_writer.hpp"
#include "output/key_table.hpp"
#include "output/manifest.hpp"
#include "output/platform.hpp"
#include "output/run_files.hpp"
#include "python/batch.hpp"
#include "scenarios/changes.hpp"
#include "scenarios/loader.hpp"
#include "scenarios/yaml_tree.hpp"
#include "sim/observation.hpp"
#include "sim/simulation.hpp"

namespace py = pybind11;

namespace govsim::python {
namespace {

// The visitors of the describe lists (sim/metrics.hpp): column names and kinds, then values.
struct ColumnNames {
  std::vector<std::pair<std::string, char>> cols;
  void col(const char* n, std::int64_t) { cols.emplace_back(n, 'i'); }
  void col(const char* n, double) { cols.emplace_back(n, 'f'); }
  void col(const char* n, std::uint64_t) { cols.emplace_back(n, 'u'); }
};

struct ColumnFiller {
  const std::vector<void*>& data;
  std::size_t row = 0;
  std::size_t c = 0;
  template <class T>
  void col(const char*, const T& x) {
    static_cast<T*>(data[c++])[row] = x;
  }
};

// One DataFrame's worth of columns, in describe order: a dict of name -> 1-D NumPy array
// (int64 for counts, float64 for quantities with NaN for "no data", uint64 for hashes).
template <class Row>
py::dict columns_of_rows(const std::vector<Row>& rows) {
  ColumnNames names;
  describe(names, Row{});
  const auto n = static_cast<py::ssize_t>(rows.size());
  std::vector<py::array> arrays;
  std::vector<void*> data;
  for (const auto& [name, kind] : names.cols) {
    py::array a = kind == 'i'   ? py::array(py::array_t<std::int64_t>(n))
                  : kind == 'f' ? py::array(py::array_t<double>(n))
                                : py::array(py::array_t<std::uint64_t>(n));
    data.push_back(a.mutable_data());
    arrays.push_back(std::move(a));
  }
  ColumnFiller filler{data};
  for (std::size_t r = 0; r < rows.size(); ++r) {
    filler.row = r;
    filler.c = 0;
    describe(filler, rows[r]);
  }
  py::dict out;
  for (std::size_t c = 0; c < arrays.size(); ++c) out[py::str(names.cols[c].first)] = arrays[c];
  return out;
}

// A scenario loaded and validated by the same loader as the CLI.
Scenario load(const std::string& name_or_path, const std::vector<std::string>& overrides) {
  return name_or_path.empty() ? load_builtin_default(overrides)
                              : load_scenario(name_or_path, overrides);
}

// A running (or finished) simulation with what its manifest records. The engine runs with the
// GIL released; Ctrl-C (any pending Python signal) is looked at about every 50 ms between days,
// and stops the run at a day boundary with KeyboardInterrupt, the simulation left whole.
class PySimulation {
 public:
  PySimulation(const Scenario& scenario, int threads, std::vector<std::string> overrides)
      : scenario_(scenario), overrides_(std::move(overrides)), threads_requested_(threads) {
    if (threads < 0 || threads > 1024) {
      throw InputError("threads: " + std::to_string(threads) +
                       " is out of range (0 = every core, up to 1024)");
    }
    start_time_ = iso8601_utc(std::chrono::system_clock::now());
    const auto started = std::chrono::steady_clock::now();
    py::gil_scoped_release release;
    executor_ = make_tbb_executor(threads);
    sim_ = std::make_unique<Simulation>(scenario_, *executor_);
    // The manifest's wall time counts the city's construction, as `govsim run`'s does.
    wall_seconds_ =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  }

  // Advances `days` days (or to the end of the run, when days < 0); returns the days stepped.
  std::int64_t step(std::int64_t days) {
    const auto started = std::chrono::steady_clock::now();
    std::int64_t stepped = 0;
    {
      py::gil_scoped_release release;
      auto last_check = started;
      while ((days < 0 || stepped < days) && !sim_->done()) {
        sim_->step();
        ++stepped;
        const auto now = std::chrono::steady_clock::now();
        if (now - last_check > std::chrono::milliseconds(50)) {
          last_check = now;
          py::gil_scoped_acquire acquire;
          if (PyErr_CheckSignals() != 0) {
            wall_seconds_ += std::chrono::duration<double>(now - started).count();
            throw py::error_already_set();
          }
        }
      }
    }
    wall_seconds_ +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return stepped;
  }

  // `key` is a governance key, "platform.level" or "governance.platform.level"; `value` is YAML
  // text. Read as a `changes:` entry would be, on top of the design in force; it takes effect
  // at the start of the next day.
  void set(const std::string& key, const std::string& value) {
    const std::string relative = key.rfind("governance.", 0) == 0 ? key.substr(11) : key;
    const bool plain =
        !relative.empty() &&
        relative.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_.") == std::string::npos;
    if (!plain) throw InputError("Simulation.set: '" + key + "' is not a governance key");
    if (value.find_first_of("\n\r") != std::string::npos)
      throw InputError("Simulation.set " + key + ": a value is one line");
    const std::string text = "changes:\n- day: 1\n  set:\n    " + relative + ": " + value + "\n";
    const Tree root = parse_yaml(text, "<Simulation.set " + key + ">");
    ReadChanges changes = read_changes(*root.find("changes"), sim_->governance());
    sim_->set_governance(changes.changes.at(0).governance, changes.changes.at(0).summary);
  }

  RunRecord record() const {
    RunRecord r;
    r.scenario = &sim_->scenario();
    r.overrides = overrides_;
    r.threads_requested = threads_requested_;
    r.threads_used = executor_->concurrency();
    r.start_time_utc = start_time_;
    r.wall_seconds = wall_seconds_;
    r.days_run = sim_->day();
    r.state_hash = sim_->state_hash();
    r.profile = sim_->profile();
    return r;
  }

  void save(const std::string& dir) const {
    RunRecord r = record();
    const auto as_if_started = std::chrono::steady_clock::now() -
                               std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                   std::chrono::duration<double>(wall_seconds_));
    write_run_files(dir, *sim_, r, as_if_started);
  }

  const Simulation& sim() const { return *sim_; }

 private:
  Scenario scenario_;
  std::vector<std::string> overrides_;
  int threads_requested_;
  std::string start_time_;
  double wall_seconds_ = 0;
  std::unique_ptr<Executor> executor_;
  std::unique_ptr<Simulation> sim_;
};

py::list keys_list() {
  py::list out;
  for (const KeyRow& k : scenario_keys()) {
    py::dict d;
    d["key"] = k.key;
    d["type"] = k.type;
    d["default"] = k.default_value;
    d["range"] = k.range;
    d["unit"] = k.unit;
    d["doc"] = k.doc;
    d["source"] = k.source;
    out.append(d);
  }
  return out;
}

// InputError becomes govsim.ScenarioError (govsim/__init__.py parses file, line, column and key
// from the message, which is the CLI's).
void translate_input_error(std::exception_ptr p) {
  try {
    if (p) std::rethrow_exception(p);
  } catch (const InputError& e) {
    py::object cls;
    try {
      cls = py::module_::import("govsim").attr("ScenarioError");
    } catch (const py::error_already_set&) {
      PyErr_SetString(PyExc_ValueError, e.what());
      return;
    }
    PyErr_SetObject(cls.ptr(), py::str(e.what()).ptr());
  }
}

}  // namespace
}  // namespace govsim::python

PYBIND11_MODULE(_core, m) {
  using namespace govsim;
  using namespace govsim::python;
  m.doc() = "govsim's engine and experiments libraries; use the govsim package, not this module";
  py::register_exception_translator(&translate_input_error);

  py::class_<Scenario>(m, "CoreScenario", "A loaded, validated scenario (model/params.hpp)")
      .def_property_readonly("name", [](const Scenario& s) { return s.name; })
      .def_property_readonly("days", [](const Scenario& s) { return s.run.days; })
      .def_property_readonly("seed", [](const Scenario& s) { return s.run.seed; })
      .def_property_readonly("warmup_days", [](const Scenario& s) { return s.run.warmup_days; })
      .def_property_readonly("source", [](const Scenario& s) { return s.source; })
      .def("to_json", [](const Scenario& s) { return scenario_to_json(s).dump(); })
      .def("hash", [](const Scenario& s) { return hex16(scenario_hash(s)); });

  m.def("load", &load, py::arg("name_or_path"), py::arg("overrides"),
        "Loads a scenario (a path or a shipped name; '' = the baseline) with key=value overrides");
  m.def("warmup_to_fit", &warmup_to_fit, py::arg("warmup_days"), py::arg("days"));
  m.def("keys", &keys_list, "Every key of the scenario schema, in schema order");
  m.def("shipped", [] {
    std::vector<std::pair<std::string, std::string>> out;
    for (const ShippedScenario& s : shipped_scenarios()) out.emplace_back(s.name, s.title.shown());
    return out;
  });
  m.def("series_columns", [] { return columns_of_rows(std::vector<DayMetrics>{}); });
  m.def("grid_columns", [] { return columns_of_rows(std::vector<GridMetrics>{}); });

  py::class_<PySimulation>(m, "CoreSimulation", "A simulation the engine steps day by day")
      .def(py::init<const Scenario&, int, std::vector<std::string>>(), py::arg("scenario"),
           py::arg("threads"), py::arg("overrides"))
      .def("step", &PySimulation::step, py::arg("days"))
      .def("set", &PySimulation::set, py::arg("key"), py::arg("value"))
      .def("done", [](const PySimulation& p) { return p.sim().done(); })
      .def("day", [](const PySimulation& p) { return p.sim().day(); })
      .def("series", [](const PySimulation& p) { return columns_of_rows(p.sim().series()); })
      .def("grids",
           [](const PySimulation& p) {
             // The columns of grids.csv: the figures, then the names of the grid, its community
             // and its street office (output/run_folder.hpp, with_grid_names).
             py::dict out = columns_of_rows(p.sim().grid_metrics());
             const City& city = p.sim().observe().city();
             py::list streets, communities, grids;
             for (std::size_t g = 0; g < city.grid_names.size(); ++g) {
               streets.append(city.street_names[city.grid_street[g]]);
               communities.append(city.community_names[city.grid_community[g]]);
               grids.append(city.grid_names[g]);
             }
             out["street_name"] = streets;
             out["community_name"] = communities;
             out["grid_name"] = grids;
             return out;
           })
      .def("last_day",
           [](const PySimulation& p) {
             const std::vector<DayMetrics>& s = p.sim().series();
             return columns_of_rows(s.empty() ? s : std::vector<DayMetrics>{s.back()});
           })
      .def("governance",
           [](const PySimulation& p) { return governance_to_json(p.sim().governance()).dump(); })
      .def("summary_json", [](const PySimulation& p) { return summary_json_text(p.sim()); })
      .def("manifest_json",
           [](const PySimulation& p) {
             const RunRecord r = p.record();
             return make_manifest(r).dump();
           })
      .def("timeseries_csv", [](const PySimulation& p) { return timeseries_csv_text(p.sim()); })
      .def("grids_csv", [](const PySimulation& p) { return grids_csv_text(p.sim()); })
      .def("save", &PySimulation::save, py::arg("dir"));

  add_batch(m);
}
