// The results store: one SQLite file per experiment.
//
//   meta       key/value: schema version, govsim version and git revision, the plan, the
//              command line, the shard, a seek's answer
//   runs       one row per run: design, replication, seed, parameters, status, timings and the
//              run's manifest (JSON)
//   summaries  one row per finished run: the RunSummary columns
//   series     one row per run and day: the DayMetrics columns
//   periods    one row per run and period between policy changes: the PeriodMetrics columns
//   grids      one row per run and grid: the GridMetrics columns and the grid's names
//
// The summary and series columns come from the describe lists in sim/metrics.hpp. Each finished
// run is committed in its own transaction (WAL journal), so a killed experiment keeps every run
// that had finished and `--resume` skips them.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "experiments/columns.hpp"
#include "experiments/sqlite.hpp"
#include "output/json_writer.hpp"

namespace govsim::batch {
class StoreLock;

inline constexpr int kSchemaVersion = 1;

enum class StoreMode {
  Fresh,      // a new store; an existing file that holds runs is an error
  Resume,     // continue the experiment in the file, or start one if there is none
  Overwrite,  // replace an existing store
  Read,       // an existing store, read only
  Scratch,    // a new file no other process knows of (merge's temporary file): no lock
};

// A grid's names: its street, community and grid.
struct GridNames {
  std::string street, community, grid;
};

// What a run adds besides its summary and series: periods and grids (empty under --no-series).
struct RunTables {
  std::vector<CellRow> periods;
  std::vector<CellRow> grids;
  std::vector<GridNames> grid_names;  // one per row of grids
};

struct RunRow {
  std::string key;
  std::int64_t design = 0;
  std::string label;
  std::int64_t replication = 0;
  std::uint64_t seed = 0;
  std::string params = "{}";  // JSON object: varied key -> value
  std::string scenario;
  std::string scenario_hash;
  std::string status;  // "done" or "failed"
  std::string error;
  std::string started_utc;
  double wall_seconds = 0;
  std::string host;      // where it ran: host name, and MPI rank when there are several
  std::string manifest;  // JSON text, as `govsim run` writes manifest.json
};

class Store {
 public:
  // path ":memory:" keeps the results in memory only (no --db given).
  Store(const std::string& path, StoreMode mode);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return db_->path(); }
  SqliteDb& db() { return *db_; }

  // A new store records the plan; a resumed one must hold the same plan, made by the same build
  // and the same shard, or it is an InputError that says what differs.
  void begin(const Json& plan, const std::string& command, const std::string& shard);

  std::optional<std::string> meta(const std::string& key) const;
  void set_meta(const std::string& key, const std::string& value);
  Json plan() const;  // throws InputError when the file holds no experiment

  std::unordered_set<std::string> done_keys() const;
  std::int64_t count_done() const;
  // The runs this store's experiment (or shard) is to hold, recorded before they run, so that a
  // reader can tell an incomplete store from a complete one.
  void add_planned(const std::vector<std::string>& run_keys);
  std::vector<std::string> planned() const;
  // Planned runs not (yet) finished, in plan order.
  std::vector<std::string> missing_runs() const;
  // Throws when the file at path is no longer the one this store opened (replaced or removed):
  // a command must not report results that are not there.
  void check_still_there() const;
  std::optional<CellRow> summary(const std::string& run_key) const;

  // One transaction: the run row and, for a finished run, its summary, series, periods and grids.
  void commit(const RunRow& run, const CellRow& summary, const std::vector<CellRow>& series,
              const RunTables& tables = {});

  std::vector<RunRow> runs() const;                  // every run, by design and replication
  std::map<std::string, CellRow> summaries() const;  // by run key, finished runs
  std::vector<CellRow> series(const std::string& run_key) const;   // by day
  std::vector<CellRow> periods(const std::string& run_key) const;  // by period
  // By grid; names (when given) receive each grid's names in the same order.
  std::vector<CellRow> grids(const std::string& run_key,
                             std::vector<GridNames>* names = nullptr) const;

 private:
  void create_schema();
  void check_schema() const;

  std::unique_ptr<SqliteDb> db_;
  std::unique_ptr<StoreLock> lock_;  // a writer's, for the store's whole life
  std::uint64_t inode_ = 0;
  std::unique_ptr<Statement> insert_run_;
  std::unique_ptr<Statement> insert_summary_;
  std::unique_ptr<Statement> insert_day_;
  std::unique_ptr<Statement> delete_days_[3];  // a run's series, periods and grids
  std::unique_ptr<Statement> insert_period_;
  std::unique_ptr<Statement> insert_grid_;
};

// Throws InputError unless path is absent, an empty regular file or a govsim results database:
// what --overwrite may replace.
void check_replaceable(const std::string& path);

// A digest of the metric columns: a store written by a build with other metrics is refused.
std::string metrics_signature();

}  // namespace govsim::batch
