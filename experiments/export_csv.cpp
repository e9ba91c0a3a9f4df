#include "experiments/export_csv.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <system_error>

#include "engine/errors.hpp"
#include "experiments/comparison.hpp"
#include "experiments/sensitivity.hpp"
#include "output/atomic_file.hpp"
#include "output/csv_writer.hpp"

namespace govsim::batch {
namespace {

// series.csv of a large sweep does not fit in memory as one string: it is streamed to a
// temporary file beside the target and renamed over it when complete.
class StreamedFile {
 public:
  explicit StreamedFile(std::string path)
      : path_(std::move(path)),
        temp_(std::filesystem::path(path_).parent_path() /
              ("." + std::filesystem::path(path_).filename().string() + ".tmp-" +
               std::to_string(::getpid()))) {
    file_ = std::fopen(temp_.c_str(), "wb");
    if (!file_)
      throw std::system_error(errno, std::generic_category(), "cannot write " + temp_.string());
  }
  ~StreamedFile() {
    if (file_) {
      std::fclose(file_);
      std::error_code ec;
      std::filesystem::remove(temp_, ec);
    }
  }
  StreamedFile(const StreamedFile&) = delete;
  StreamedFile& operator=(const StreamedFile&) = delete;

  void write(const std::string& text) {
    if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
      throw std::system_error(errno, std::generic_category(), "cannot write " + temp_.string());
    }
  }
  void commit() {
    const bool ok = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
    const int error = errno;
    std::fclose(file_);
    file_ = nullptr;
    if (!ok)
      throw std::system_error(error, std::generic_category(), "cannot write " + temp_.string());
    std::filesystem::rename(temp_, path_);
  }

 private:
  std::string path_;
  std::filesystem::path temp_;
  std::FILE* file_ = nullptr;
};

}  // namespace

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string format_cell(const Cell& cell) {
  switch (cell.kind) {
    case CellKind::Integer:
      return format_csv_number(cell.as_integer());
    case CellKind::Real:
      return format_csv_number(cell.as_real());
    case CellKind::Hash:
      return hex16(cell.as_hash());
  }
  return "";
}

namespace {

struct PlanNames {
  std::vector<std::string> vary_keys;
  std::vector<std::string> labels;
  std::string kind;
};

PlanNames plan_names(const Store& store) {
  const Json plan = store.plan();
  PlanNames out;
  for (const auto& k : plan["vary_keys"]) out.vary_keys.push_back(k.get<std::string>());
  for (const auto& d : plan["designs"]) out.labels.push_back(d["label"].get<std::string>());
  out.kind = plan.value("kind", std::string());
  return out;
}

// The run's value of each varied key, as CSV fields each preceded by a comma.
std::string varied_fields(const RunRow& r, const std::vector<std::string>& vary_keys) {
  if (vary_keys.empty()) return "";
  const Json params = Json::parse(r.params, nullptr, false);
  std::string text;
  for (const std::string& k : vary_keys) {
    text += ",";
    if (params.is_object() && params.contains(k)) text += csv_field(params[k].get<std::string>());
  }
  return text;
}

std::string varied_header(const std::vector<std::string>& vary_keys) {
  std::string text;
  for (const std::string& k : vary_keys) text += "," + csv_field(k);
  return text;
}

// Replications are numbered from 1 in every file, as the report numbers them; the store keeps
// them from 0 (replication i runs with seed base + i).
std::string replication_number(const RunRow& r) { return std::to_string(r.replication + 1); }

ResultGrid result_grid(const std::vector<std::string>& labels, const std::vector<RunRow>& runs,
                       const std::map<std::string, CellRow>& summaries) {
  ResultGrid grid(labels);
  for (const RunRow& r : runs) {
    const auto it = summaries.find(r.key);
    if (it != summaries.end() && static_cast<std::size_t>(r.design) < labels.size()) {
      grid.add(static_cast<std::size_t>(r.design), r.replication, it->second);
    }
  }
  return grid;
}

}  // namespace

std::string runs_csv(const Store& store) {
  const PlanNames names = plan_names(store);
  std::string text =
      "run_key,design,label,replication,seed,status,error,scenario,scenario_hash,"
      "started_utc,wall_seconds,host" +
      varied_header(names.vary_keys) + "\n";
  for (const RunRow& r : store.runs()) {
    text += r.key + "," + std::to_string(r.design) + "," + csv_field(r.label) + "," +
            replication_number(r) + "," + std::to_string(r.seed) + "," + r.status + "," +
            csv_field(r.error) + "," + csv_field(r.scenario) + "," + r.scenario_hash + "," +
            r.started_utc + "," + format_csv_number(r.wall_seconds) + "," + csv_field(r.host) +
            varied_fields(r, names.vary_keys) + "\n";
  }
  return text;
}

std::string summaries_csv(const Store& store) {
  const PlanNames names = plan_names(store);
  const std::vector<Column>& sum_columns = summary_columns();
  const std::map<std::string, CellRow> summaries = store.summaries();
  std::string text =
      "run_key,design,label,replication,seed" + varied_header(names.vary_keys) + ",metric,value\n";
  for (const RunRow& r : store.runs()) {
    const auto it = summaries.find(r.key);
    if (it == summaries.end()) continue;
    const std::string prefix = r.key + "," + std::to_string(r.design) + "," + csv_field(r.label) +
                               "," + replication_number(r) + "," + std::to_string(r.seed) +
                               varied_fields(r, names.vary_keys) + ",";
    for (std::size_t c = 0; c < sum_columns.size(); ++c) {
      text += prefix + sum_columns[c].name + "," + format_cell(it->second[c]) + "\n";
    }
  }
  return text;
}

void series_csv(const Store& store, const std::function<void(const std::string&)>& write) {
  const std::vector<Column>& day_columns = series_columns();
  write("run_key,design,label,replication,day,metric,value\n");
  for (const RunRow& r : store.runs()) {
    if (r.status != "done") continue;
    std::string text;
    for (const CellRow& day : store.series(r.key)) {
      // "day" is the first column of DayMetrics; it is the row's coordinate, not a metric.
      const std::string prefix = r.key + "," + std::to_string(r.design) + "," + csv_field(r.label) +
                                 "," + replication_number(r) + "," + format_cell(day[0]) + ",";
      for (std::size_t c = 1; c < day_columns.size(); ++c) {
        text += prefix + day_columns[c].name + "," + format_cell(day[c]) + "\n";
      }
    }
    write(text);
  }
}

std::string statistics_csv(const Store& store) {
  const PlanNames names = plan_names(store);
  const std::vector<Column>& sum_columns = summary_columns();
  const ResultGrid grid = result_grid(names.labels, store.runs(), store.summaries());
  const std::vector<std::string>& labels = names.labels;
  // A design's varied values, from its first run (every run of a design has the same).
  std::vector<std::string> varied(labels.size(), std::string(names.vary_keys.size(), ','));
  std::vector<bool> seen(labels.size(), false);
  for (const RunRow& r : store.runs()) {
    const auto d = static_cast<std::size_t>(r.design);
    if (d < labels.size() && !seen[d]) {
      varied[d] = varied_fields(r, names.vary_keys);
      seen[d] = true;
    }
  }
  std::string text = "design,label" + varied_header(names.vary_keys) +
                     ",metric,n,mean,sd,ci_low,ci_high,diff_vs_first,diff_ci_low,"
                     "diff_ci_high,diff_significant\n";
  for (std::size_t c = 0; c < sum_columns.size(); ++c) {
    if (sum_columns[c].kind == CellKind::Hash) continue;
    const OutcomeComparison cmp = compare_outcome(grid, c);
    for (std::size_t d = 0; d < labels.size(); ++d) {
      const Estimate& m = cmp.means[d];
      const Estimate& p = cmp.paired[d];
      const bool paired = d > 0 && p.n > 0;
      text += std::to_string(d) + "," + csv_field(labels[d]) + varied[d] + "," +
              sum_columns[c].name + "," + std::to_string(m.n) + "," + format_csv_number(m.mean) +
              "," + format_csv_number(m.sd) + "," + format_csv_number(m.low()) + "," +
              format_csv_number(m.high()) + "," +
              (paired ? format_csv_number(p.mean) + "," + format_csv_number(p.low()) + "," +
                            format_csv_number(p.high()) + "," + (p.significant() ? "1" : "0")
                      : std::string(",,,")) +
              "\n";
    }
  }
  return text;
}

std::string sensitivity_csv(const Store& store) {
  const Json plan = store.plan();
  if (plan.value("kind", std::string()) != "sensitivity" || !plan.contains("analysis")) return "";
  const PlanNames names = plan_names(store);
  const std::vector<Column>& sum_columns = summary_columns();
  std::vector<std::size_t> outcomes;
  for (std::size_t c = 0; c < sum_columns.size(); ++c) {
    if (sum_columns[c].kind != CellKind::Hash) outcomes.push_back(c);
  }
  return rankings_csv(design_from_json(plan["analysis"]),
                      result_grid(names.labels, store.runs(), store.summaries()), outcomes);
}

namespace {

std::string json_number(const Json& x) {
  return x.is_number() ? format_csv_number(x.get<double>()) : std::string();
}

}  // namespace

std::string seek_csv(const Store& store) {
  const std::optional<std::string> text = store.meta("seek");
  if (!text) return "";
  const Json seek = Json::parse(*text, nullptr, false);
  if (!seek.is_object() || !seek.contains("steps")) return "";
  const Json plan = store.plan();
  const PlanNames names = plan_names(store);
  // The step of the answer and of its cheaper neighbour; -1 (no step) when there is none.
  const auto step_of = [&](const char* key) {
    return seek.contains(key) && seek[key].is_number() ? seek[key].get<std::int64_t>()
                                                       : std::int64_t{-1};
  };
  const std::int64_t answer = step_of("answer");
  const std::int64_t cheaper = step_of("next_cheaper");
  const std::int64_t runner_up = step_of("runner_up");
  // A budget's search (seek --budget) names its objective in "minimize" too; "maximize" says
  // which way. Stores from before the budget mode have neither "mode" nor "maximize".
  const std::string mode = seek.value("mode", std::string("target"));
  const std::string maximize = seek.value("maximize", false) ? "1" : "0";
  std::string out = "step,round,design,label" + varied_header(names.vary_keys) +
                    ",target,target_mean,target_half_width,bound,feasible,minimize,cost_mean,"
                    "cost_half_width,answer,next_cheaper,mode,maximize,runner_up\n";
  std::int64_t i = 0;
  for (const Json& step : seek["steps"]) {
    const auto d = step["design"].get<std::size_t>();
    std::string varied;
    const Json* params = d < plan["designs"].size() && plan["designs"][d].contains("params")
                             ? &plan["designs"][d]["params"]
                             : nullptr;
    for (const std::string& k : names.vary_keys) {
      varied += ",";
      if (params && params->is_object() && params->contains(k))
        varied += csv_field((*params)[k].get<std::string>());
    }
    out += std::to_string(i + 1) + "," + std::to_string(step["round"].get<int>()) + "," +
           std::to_string(d) + "," + csv_field(step["label"].get<std::string>()) + varied + "," +
           csv_field(seek["target"].get<std::string>()) + "," + json_number(step["target_mean"]) +
           "," + json_number(step["target_half_width"]) + "," + json_number(step["bound"]) + "," +
           (step["feasible"].get<bool>() ? "1" : "0") + "," +
           csv_field(seek["minimize"].get<std::string>()) + "," + json_number(step["cost_mean"]) +
           "," + json_number(step["cost_half_width"]) + "," + (answer == i ? "1" : "0") + "," +
           (cheaper == i ? "1" : "0") + "," + mode + "," + maximize + "," +
           (runner_up == i ? "1" : "0") + "\n";
    ++i;
  }
  return out;
}

namespace {

// periods.csv or grids.csv: one row per finished run and period (or grid), one column per
// figure, the grids with their names.
void per_run_table(const Store& store, const std::string& path, const std::vector<Column>& columns,
                   bool grids) {
  StreamedFile file(path);
  std::string head = "run_key,design,label,replication";
  for (const Column& c : columns) head += "," + c.name;
  if (grids) head += ",street_name,community_name,grid_name";
  file.write(head + "\n");
  for (const RunRow& r : store.runs()) {
    if (r.status != "done") continue;
    const std::string prefix = r.key + "," + std::to_string(r.design) + "," + csv_field(r.label) +
                               "," + replication_number(r);
    std::vector<GridNames> names;
    const std::vector<CellRow> rows = grids ? store.grids(r.key, &names) : store.periods(r.key);
    std::string text;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      text += prefix;
      for (const Cell& cell : rows[i]) text += "," + format_cell(cell);
      if (grids) {
        text += "," + csv_field(names[i].street) + "," + csv_field(names[i].community) + "," +
                csv_field(names[i].grid);
      }
      text += "\n";
    }
    file.write(text);
  }
  file.commit();
}

}  // namespace

std::vector<std::string> export_csv(const Store& store, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    throw InputError("cannot create directory '" + dir +
                     "': " + (ec ? ec.message() : std::string("a file of that name exists")));
  }
  const auto path = [&](const char* name) { return (std::filesystem::path(dir) / name).string(); };
  std::vector<std::string> written;
  const auto write = [&](const char* name, const std::string& text) {
    write_file_atomically(path(name), text);
    written.push_back(path(name));
  };
  write("runs.csv", runs_csv(store));
  write("summaries.csv", summaries_csv(store));
  {
    StreamedFile file(path("series.csv"));
    series_csv(store, [&](const std::string& text) { file.write(text); });
    file.commit();
    written.push_back(path("series.csv"));
  }
  // One row per run and period, and per run and grid, with every column: the before and after
  // of a run's policy changes, and who gains and who loses.
  per_run_table(store, path("periods.csv"), period_columns(), false);
  written.push_back(path("periods.csv"));
  per_run_table(store, path("grids.csv"), grid_columns(), true);
  written.push_back(path("grids.csv"));
  write("statistics.csv", statistics_csv(store));
  if (const std::string text = sensitivity_csv(store); !text.empty())
    write("sensitivity.csv", text);
  if (const std::string text = seek_csv(store); !text.empty()) write("seek.csv", text);
  return written;
}

}  // namespace govsim::batch
