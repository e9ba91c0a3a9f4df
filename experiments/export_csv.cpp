#include "experiments/export_csv.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <map>
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

// runs.csv: one row per run, with the values of the varied keys.
std::string runs_csv(const std::vector<RunRow>& runs, const std::vector<std::string>& vary_keys) {
  std::string text =
      "run_key,design,label,replication,seed,status,error,scenario,scenario_hash,"
      "started_utc,wall_seconds,host";
  for (const std::string& k : vary_keys) text += "," + csv_field(k);
  text += "\n";
  for (const RunRow& r : runs) {
    text += r.key + "," + std::to_string(r.design) + "," + csv_field(r.label) + "," +
            std::to_string(r.replication) + "," + std::to_string(r.seed) + "," + r.status + "," +
            csv_field(r.error) + "," + csv_field(r.scenario) + "," + r.scenario_hash + "," +
            r.started_utc + "," + format_csv_number(r.wall_seconds) + "," + csv_field(r.host);
    const Json params = Json::parse(r.params, nullptr, false);
    for (const std::string& k : vary_keys) {
      text += ",";
      if (params.is_object() && params.contains(k)) text += csv_field(params[k].get<std::string>());
    }
    text += "\n";
  }
  return text;
}

// periods.csv or grids.csv: one row per finished run and period (or grid), one column per
// figure, the grids with their names.
std::string per_run_table(const Store& store, const std::vector<RunRow>& runs,
                          const std::string& path, const std::vector<Column>& columns, bool grids) {
  StreamedFile file(path);
  std::string head = "run_key,design,label,replication";
  for (const Column& c : columns) head += "," + c.name;
  if (grids) head += ",street_name,community_name,grid_name";
  file.write(head + "\n");
  for (const RunRow& r : runs) {
    if (r.status != "done") continue;
    const std::string prefix = r.key + "," + std::to_string(r.design) + "," + csv_field(r.label) +
                               "," + std::to_string(r.replication);
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
  return path;
}

std::vector<std::string> export_csv(const Store& store, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    throw InputError("cannot create directory '" + dir +
                     "': " + (ec ? ec.message() : std::string("a file of that name exists")));
  }
  const Json plan = store.plan();
  std::vector<std::string> vary_keys;
  for (const auto& k : plan["vary_keys"]) vary_keys.push_back(k.get<std::string>());
  std::vector<std::string> labels;
  for (const auto& d : plan["designs"]) labels.push_back(d["label"].get<std::string>());
  const std::vector<RunRow> runs = store.runs();
  const std::map<std::string, CellRow> summaries = store.summaries();
  const auto path = [&](const char* name) { return (std::filesystem::path(dir) / name).string(); };
  std::vector<std::string> written;

  write_file_atomically(path("runs.csv"), runs_csv(runs, vary_keys));
  written.push_back(path("runs.csv"));

  const std::vector<Column>& sum_columns = summary_columns();
  {
    std::string text = "run_key,design,label,replication,seed,metric,value\n";
    for (const RunRow& r : runs) {
      const auto it = summaries.find(r.key);
      if (it == summaries.end()) continue;
      const std::string prefix = r.key + "," + std::to_string(r.design) + "," + csv_field(r.label) +
                                 "," + std::to_string(r.replication) + "," +
                                 std::to_string(r.seed) + ",";
      for (std::size_t c = 0; c < sum_columns.size(); ++c) {
        text += prefix + sum_columns[c].name + "," + format_cell(it->second[c]) + "\n";
      }
    }
    write_file_atomically(path("summaries.csv"), text);
    written.push_back(path("summaries.csv"));
  }

  {
    const std::vector<Column>& day_columns = series_columns();
    StreamedFile file(path("series.csv"));
    file.write("run_key,design,replication,day,metric,value\n");
    for (const RunRow& r : runs) {
      if (r.status != "done") continue;
      std::string text;
      for (const CellRow& day : store.series(r.key)) {
        // "day" is the first column of DayMetrics; it is the row's coordinate, not a metric.
        const std::string prefix = r.key + "," + std::to_string(r.design) + "," +
                                   std::to_string(r.replication) + "," + format_cell(day[0]) + ",";
        for (std::size_t c = 1; c < day_columns.size(); ++c) {
          text += prefix + day_columns[c].name + "," + format_cell(day[c]) + "\n";
        }
      }
      file.write(text);
    }
    file.commit();
    written.push_back(path("series.csv"));
  }

  // One row per run and period, and per run and grid, with every column: the before and after
  // of a run's policy changes, and who gains and who loses.
  written.push_back(per_run_table(store, runs, path("periods.csv"), period_columns(), false));
  written.push_back(per_run_table(store, runs, path("grids.csv"), grid_columns(), true));

  {
    ResultGrid grid(labels);
    for (const RunRow& r : runs) {
      const auto it = summaries.find(r.key);
      if (it != summaries.end() && static_cast<std::size_t>(r.design) < labels.size()) {
        grid.add(static_cast<std::size_t>(r.design), r.replication, it->second);
      }
    }
    std::string text =
        "design,label,metric,n,mean,sd,ci_low,ci_high,diff_vs_first,diff_ci_low,"
        "diff_ci_high,diff_significant\n";
    for (std::size_t c = 0; c < sum_columns.size(); ++c) {
      if (sum_columns[c].kind == CellKind::Hash) continue;
      const OutcomeComparison cmp = compare_outcome(grid, c);
      for (std::size_t d = 0; d < labels.size(); ++d) {
        const Estimate& m = cmp.means[d];
        const Estimate& p = cmp.paired[d];
        const bool paired = d > 0 && p.n > 0;
        text += std::to_string(d) + "," + csv_field(labels[d]) + "," + sum_columns[c].name + "," +
                std::to_string(m.n) + "," + format_csv_number(m.mean) + "," +
                format_csv_number(m.sd) + "," + format_csv_number(m.low()) + "," +
                format_csv_number(m.high()) + "," +
                (paired ? format_csv_number(p.mean) + "," + format_csv_number(p.low()) + "," +
                              format_csv_number(p.high()) + "," + (p.significant() ? "1" : "0")
                        : std::string(",,,")) +
                "\n";
      }
    }
    write_file_atomically(path("statistics.csv"), text);
    written.push_back(path("statistics.csv"));
    if (plan.value("kind", std::string()) == "sensitivity" && plan.contains("analysis")) {
      std::vector<std::size_t> outcomes;
      for (std::size_t c = 0; c < sum_columns.size(); ++c) {
        if (sum_columns[c].kind != CellKind::Hash) outcomes.push_back(c);
      }
      write_file_atomically(path("sensitivity.csv"),
                            rankings_csv(design_from_json(plan["analysis"]), grid, outcomes));
      written.push_back(path("sensitivity.csv"));
    }
  }
  return written;
}

}  // namespace govsim::batch
