#include "experiments/store.hpp"

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>

#include "engine/errors.hpp"
#include "engine/file_kind.hpp"
#include "engine/version.hpp"
#include "experiments/store_lock.hpp"
#include "output/platform.hpp"

namespace govsim::batch {
namespace {

enum class StoreFile { Missing, Empty, Govsim, Other };

const char* kind_sql(CellKind kind) {
  switch (kind) {
    case CellKind::Integer:
      return "INTEGER";
    case CellKind::Real:
      return "REAL";
    case CellKind::Hash:
      return "TEXT";
  }
  return "TEXT";
}

std::string column_list(const std::vector<Column>& columns) {
  std::string out;
  for (const Column& c : columns) out += ", " + quote_identifier(c.name);
  return out;
}

std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ",?" : "?";
  return out;
}

// What a file on disk is, without changing it: a store of ours, something else, or nothing yet.
StoreFile probe(const std::string& path, std::string& detail) {
  // Only a regular file can be a store: a device, a FIFO or a dangling link is never opened,
  // and so never deleted by --overwrite.
  const PathKind what = path_kind(path);
  if (what.kind == FileKind::Missing) return StoreFile::Missing;
  if (what.kind != FileKind::Regular) {
    detail = "it is " + what.words + ", not a regular file";
    return StoreFile::Other;
  }
  std::error_code ec;
  if (std::filesystem::file_size(path, ec) == 0 && !ec) return StoreFile::Empty;
  try {
    SqliteDb db(path, true);
    Statement s(db, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'");
    s.step();
    if (s.integer(0) == 1) return StoreFile::Govsim;
    Statement any(db, "SELECT count(*) FROM sqlite_master");
    any.step();
    if (any.integer(0) == 0) return StoreFile::Empty;
    detail = "it is an SQLite database of something else";
  } catch (const std::exception& e) {
    detail = e.what();
  }
  return StoreFile::Other;
}

std::string typed_columns(const std::vector<Column>& columns) {
  std::string out;
  for (const Column& c : columns) out += ", " + quote_identifier(c.name) + " " + kind_sql(c.kind);
  return out;
}

constexpr const char* kGridNameFields = "street_name, community_name, grid_name";

std::string run_columns_sql() {
  return "run_key TEXT PRIMARY KEY, design INTEGER NOT NULL, label TEXT NOT NULL, "
         "replication INTEGER NOT NULL, seed INTEGER NOT NULL, params TEXT NOT NULL, "
         "scenario TEXT NOT NULL, scenario_hash TEXT NOT NULL, status TEXT NOT NULL, "
         "error TEXT NOT NULL, started_utc TEXT NOT NULL, wall_seconds REAL NOT NULL, "
         "host TEXT NOT NULL, manifest TEXT NOT NULL";
}

constexpr const char* kRunFields =
    "run_key, design, label, replication, seed, params, scenario, scenario_hash, status, error, "
    "started_utc, wall_seconds, host, manifest";

// Names the first thing that differs between two plans, so that a refused --resume says why.
std::string plan_difference(const Json& stored, const Json& wanted) {
  for (const auto& [key, value] : wanted.items()) {
    if (!stored.contains(key)) return "the stored plan has no '" + key + "'";
    if (stored[key] == value) continue;
    if (key == "designs" && stored[key].is_array() && value.is_array()) {
      if (stored[key].size() != value.size()) {
        return "it has " + std::to_string(stored[key].size()) + " designs, this command " +
               std::to_string(value.size());
      }
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (stored[key][i] != value[i]) {
          return "design " + std::to_string(i + 1) + " differs: stored " + stored[key][i].dump() +
                 ", now " + value[i].dump();
        }
      }
    }
    return "'" + key + "' differs: stored " + stored[key].dump() + ", now " + value.dump();
  }
  return "the plans differ";
}

}  // namespace

std::string metrics_signature() {
  std::string text;
  for (const Column& c : summary_columns()) text += c.name + ":" + kind_sql(c.kind) + ";";
  text += "|";
  for (const Column& c : series_columns()) text += c.name + ":" + kind_sql(c.kind) + ";";
  text += "|";
  for (const Column& c : period_columns()) text += c.name + ":" + kind_sql(c.kind) + ";";
  text += "|";
  for (const Column& c : grid_columns()) text += c.name + ":" + kind_sql(c.kind) + ";";
  return hex16(fnv1a64(text));
}

void check_replaceable(const std::string& path) {
  std::string detail;
  if (probe(path, detail) == StoreFile::Other)
    throw InputError("'" + path + "' is not a govsim results database (" + detail +
                     "); not overwriting it");
}

Store::~Store() = default;

Store::Store(const std::string& path, StoreMode mode) {
  const bool memory = path == ":memory:";
  // The writer's lock comes first: an --overwrite must not remove a file another experiment is
  // writing, and two fresh writers must not both create the schema.
  if (!memory && mode != StoreMode::Read && mode != StoreMode::Scratch) {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    lock_ = std::make_unique<StoreLock>(path);
  }
  std::string detail;
  const StoreFile kind = memory ? StoreFile::Missing : probe(path, detail);
  if (kind == StoreFile::Other) {
    throw InputError("'" + path + "' is not a govsim results database (" + detail + ")" +
                     (mode == StoreMode::Overwrite ? "; not overwriting it" : ""));
  }
  if (mode == StoreMode::Read && (kind == StoreFile::Missing || kind == StoreFile::Empty)) {
    throw InputError("no results database at '" + path + "'");
  }
  if (mode == StoreMode::Overwrite && kind != StoreFile::Missing) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::error_code ec;
      std::filesystem::remove(path + suffix, ec);
      if (ec) {
        throw std::system_error(ec, "cannot remove '" + path + suffix + "' to overwrite it");
      }
    }
  }
  db_ = std::make_unique<SqliteDb>(path, mode == StoreMode::Read);
  if (struct stat st{}; !memory && ::stat(path.c_str(), &st) == 0)
    inode_ = static_cast<std::uint64_t>(st.st_ino);
  if (mode == StoreMode::Read) {
    check_schema();
    return;
  }
  // WAL: a committed run survives a kill of the writer, and readers never block it. NORMAL
  // syncs at checkpoints only: a power cut may lose the last runs, a killed process never.
  db_->exec("PRAGMA journal_mode=WAL");
  db_->exec("PRAGMA synchronous=NORMAL");
  if (kind == StoreFile::Govsim && mode != StoreMode::Overwrite) {
    check_schema();
    if (mode == StoreMode::Fresh && meta("plan")) {
      throw InputError("'" + path + "' already holds an experiment (" +
                       std::to_string(count_done()) +
                       " runs done); add --resume to continue it, --overwrite to replace it, or "
                       "name another --db file");
    }
  } else {
    create_schema();
  }
  const std::vector<Column>& sum = summary_columns();
  const std::vector<Column>& day = series_columns();
  insert_run_ =
      std::make_unique<Statement>(*db_, std::string("INSERT OR REPLACE INTO runs (") + kRunFields +
                                            ") VALUES (" + placeholders(14) + ")");
  insert_summary_ = std::make_unique<Statement>(*db_, "INSERT OR REPLACE INTO summaries (run_key" +
                                                          column_list(sum) + ") VALUES (" +
                                                          placeholders(sum.size() + 1) + ")");
  insert_day_ =
      std::make_unique<Statement>(*db_, "INSERT INTO series (run_key" + column_list(day) +
                                            ") VALUES (" + placeholders(day.size() + 1) + ")");
  const char* tables[3] = {"series", "periods", "grids"};
  for (int i = 0; i < 3; ++i)
    delete_days_[i] = std::make_unique<Statement>(
        *db_, std::string("DELETE FROM ") + tables[i] + " WHERE run_key = ?");
  insert_period_ = std::make_unique<Statement>(
      *db_, "INSERT INTO periods (run_key" + column_list(period_columns()) + ") VALUES (" +
                placeholders(period_columns().size() + 1) + ")");
  insert_grid_ = std::make_unique<Statement>(
      *db_, "INSERT INTO grids (run_key" + column_list(grid_columns()) + ", " + kGridNameFields +
                ") VALUES (" + placeholders(grid_columns().size() + 4) + ")");
}

void Store::create_schema() {
  const std::string sum_columns = typed_columns(summary_columns());
  const std::string day_columns = typed_columns(series_columns());
  Transaction t(*db_);
  db_->exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  db_->exec("CREATE TABLE runs (" + run_columns_sql() + ")");
  db_->exec("CREATE INDEX runs_by_design ON runs (design, replication)");
  db_->exec("CREATE TABLE summaries (run_key TEXT PRIMARY KEY" + sum_columns + ")");
  // Days are stored per run: (run_key, day) is the key, and "day" is the first metric column.
  db_->exec("CREATE TABLE series (run_key TEXT NOT NULL" + day_columns +
            ", PRIMARY KEY (run_key, day)) WITHOUT ROWID");
  db_->exec("CREATE TABLE periods (run_key TEXT NOT NULL" + typed_columns(period_columns()) +
            ", PRIMARY KEY (run_key, period)) WITHOUT ROWID");
  db_->exec("CREATE TABLE grids (run_key TEXT NOT NULL" + typed_columns(grid_columns()) +
            ", street_name TEXT NOT NULL, community_name TEXT NOT NULL, grid_name TEXT NOT NULL, "
            "PRIMARY KEY (run_key, grid)) WITHOUT ROWID");
  db_->exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
  set_meta("schema_version", std::to_string(kSchemaVersion));
  set_meta("metrics_signature", metrics_signature());
  t.commit();
}

void Store::check_schema() const {
  Statement version(*db_, "PRAGMA user_version");
  version.step();
  const std::int64_t found = version.integer(0);
  if (found != kSchemaVersion) {
    throw InputError("database '" + path() + "' has schema version " + std::to_string(found) +
                     "; this govsim reads version " + std::to_string(kSchemaVersion) +
                     " (export it to CSV with the govsim that wrote it)");
  }
  const std::optional<std::string> signature = meta("metrics_signature");
  if (!signature || *signature != metrics_signature()) {
    throw InputError("database '" + path() +
                     "' was written by a govsim with other metric columns; use that govsim, or "
                     "start a new database");
  }
}

void Store::begin(const Json& plan, const std::string& command, const std::string& shard) {
  const std::optional<std::string> stored = meta("plan");
  const std::string build = std::string(kVersion) + " (git " + git_revision() + ")";
  if (!stored) {
    Transaction t(*db_);
    set_meta("plan", plan.dump());
    set_meta("govsim", build);
    set_meta("created_utc", iso8601_utc(std::chrono::system_clock::now()));
    set_meta("command", command);
    set_meta("shard", shard);
    t.commit();
    return;
  }
  const Json old = Json::parse(*stored);
  if (old != plan) {
    throw InputError("--resume: '" + path() +
                     "' holds another experiment: " + plan_difference(old, plan));
  }
  const std::string old_build = meta("govsim").value_or("?");
  if (old_build != build) {
    throw InputError("--resume: '" + path() + "' was written by govsim " + old_build +
                     ", this is govsim " + build +
                     "; results of two builds must not be mixed, so start a new database");
  }
  const std::string old_shard = meta("shard").value_or("");
  if (old_shard != shard) {
    throw InputError("--resume: '" + path() + "' holds shard " +
                     (old_shard.empty() ? "(none)" : old_shard) + ", not " +
                     (shard.empty() ? "the whole plan" : shard));
  }
  set_meta("resumed_by", command);
}

void Store::add_planned(const std::vector<std::string>& run_keys) {
  Json keys = Json::array();
  std::unordered_set<std::string> seen;
  for (const std::string& k : planned()) {
    seen.insert(k);
    keys.push_back(k);
  }
  for (const std::string& k : run_keys)
    if (seen.insert(k).second) keys.push_back(k);
  set_meta("planned_runs", keys.dump());
}

std::vector<std::string> Store::planned() const {
  const std::optional<std::string> text = meta("planned_runs");
  std::vector<std::string> keys;
  if (!text) return keys;  // a store of an older govsim: its plan is not known
  const Json list = Json::parse(*text, nullptr, false);
  if (!list.is_array())
    throw InputError("database '" + path() + "': its list of planned runs is damaged");
  for (const Json& k : list)
    if (k.is_string()) keys.push_back(k.get<std::string>());
  return keys;
}

std::vector<std::string> Store::missing_runs() const {
  const std::unordered_set<std::string> done = done_keys();
  std::vector<std::string> missing;
  for (const std::string& k : planned())
    if (!done.count(k)) missing.push_back(k);
  return missing;
}

void Store::check_still_there() const {
  struct stat st {};
  if (path() == ":memory:") return;
  if (::stat(path().c_str(), &st) != 0 || static_cast<std::uint64_t>(st.st_ino) != inode_)
    throw std::runtime_error("'" + path() +
                             "' was replaced or removed by another process while this experiment "
                             "wrote it; its results are not in that file");
}

std::optional<std::string> Store::meta(const std::string& key) const {
  Statement s(*db_, "SELECT value FROM meta WHERE key = ?");
  s.bind(1, key);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

void Store::set_meta(const std::string& key, const std::string& value) {
  Statement s(*db_, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
  s.bind(1, key);
  s.bind(2, value);
  s.step();
}

Json Store::plan() const {
  const std::optional<std::string> text = meta("plan");
  if (!text) throw InputError("database '" + path() + "' holds no experiment yet");
  return Json::parse(*text);
}

std::unordered_set<std::string> Store::done_keys() const {
  std::unordered_set<std::string> keys;
  Statement s(*db_, "SELECT run_key FROM runs WHERE status = 'done'");
  while (s.step()) keys.insert(s.text(0));
  return keys;
}

std::int64_t Store::count_done() const {
  Statement s(*db_, "SELECT count(*) FROM runs WHERE status = 'done'");
  s.step();
  return s.integer(0);
}

std::optional<CellRow> Store::summary(const std::string& run_key) const {
  const std::vector<Column>& columns = summary_columns();
  Statement s(*db_, "SELECT 0" + column_list(columns) +
                        " FROM summaries JOIN runs USING (run_key) WHERE run_key = ? AND "
                        "status = 'done'");
  s.bind(1, run_key);
  if (!s.step()) return std::nullopt;
  CellRow row;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    row.push_back(s.cell(static_cast<int>(i + 1), columns[i].kind));
  }
  return row;
}

void Store::commit(const RunRow& run, const CellRow& summary, const std::vector<CellRow>& series,
                   const RunTables& tables) {
  Transaction t(*db_);
  Statement& r = *insert_run_;
  r.bind(1, run.key);
  r.bind(2, run.design);
  r.bind(3, run.label);
  r.bind(4, run.replication);
  r.bind(5, static_cast<std::int64_t>(run.seed));
  r.bind(6, run.params);
  r.bind(7, run.scenario);
  r.bind(8, run.scenario_hash);
  r.bind(9, run.status);
  r.bind(10, run.error);
  r.bind(11, run.started_utc);
  r.bind(12, run.wall_seconds);
  r.bind(13, run.host);
  r.bind(14, run.manifest);
  r.step();
  r.reset();
  for (const auto& del : delete_days_) {
    del->bind(1, run.key);
    del->step();
    del->reset();
  }
  if (!summary.empty()) {
    Statement& s = *insert_summary_;
    s.bind(1, run.key);
    for (std::size_t i = 0; i < summary.size(); ++i) s.bind(static_cast<int>(i + 2), summary[i]);
    s.step();
    s.reset();
  }
  for (const CellRow& day : series) {
    Statement& d = *insert_day_;
    d.bind(1, run.key);
    for (std::size_t i = 0; i < day.size(); ++i) d.bind(static_cast<int>(i + 2), day[i]);
    d.step();
    d.reset();
  }
  for (const CellRow& period : tables.periods) {
    Statement& p = *insert_period_;
    p.bind(1, run.key);
    for (std::size_t i = 0; i < period.size(); ++i) p.bind(static_cast<int>(i + 2), period[i]);
    p.step();
    p.reset();
  }
  for (std::size_t g = 0; g < tables.grids.size(); ++g) {
    Statement& q = *insert_grid_;
    const CellRow& grid = tables.grids[g];
    q.bind(1, run.key);
    for (std::size_t i = 0; i < grid.size(); ++i) q.bind(static_cast<int>(i + 2), grid[i]);
    const GridNames none;
    const GridNames& n = g < tables.grid_names.size() ? tables.grid_names[g] : none;
    const int at = static_cast<int>(grid.size() + 2);
    q.bind(at, n.street);
    q.bind(at + 1, n.community);
    q.bind(at + 2, n.grid);
    q.step();
    q.reset();
  }
  t.commit();
}

std::vector<RunRow> Store::runs() const {
  std::vector<RunRow> out;
  Statement s(*db_, std::string("SELECT ") + kRunFields +
                        " FROM runs ORDER BY design, replication, run_key");
  while (s.step()) {
    RunRow r;
    r.key = s.text(0);
    r.design = s.integer(1);
    r.label = s.text(2);
    r.replication = s.integer(3);
    r.seed = static_cast<std::uint64_t>(s.integer(4));
    r.params = s.text(5);
    r.scenario = s.text(6);
    r.scenario_hash = s.text(7);
    r.status = s.text(8);
    r.error = s.text(9);
    r.started_utc = s.text(10);
    r.wall_seconds = s.real(11);
    r.host = s.text(12);
    r.manifest = s.text(13);
    out.push_back(std::move(r));
  }
  return out;
}

std::map<std::string, CellRow> Store::summaries() const {
  const std::vector<Column>& columns = summary_columns();
  std::map<std::string, CellRow> out;
  Statement s(*db_, "SELECT run_key" + column_list(columns) +
                        " FROM summaries JOIN runs USING (run_key) WHERE status = 'done'");
  while (s.step()) {
    CellRow row;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      row.push_back(s.cell(static_cast<int>(i + 1), columns[i].kind));
    }
    out.emplace(s.text(0), std::move(row));
  }
  return out;
}

namespace {

// The rows of one run in a per-run table, in the order of its first column.
std::vector<CellRow> rows_of(SqliteDb& db, const char* table, const std::vector<Column>& columns,
                             const std::string& run_key, std::vector<GridNames>* names) {
  std::string fields;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    fields += (i ? ", " : "") + quote_identifier(columns[i].name);
  }
  if (names) fields += std::string(", ") + kGridNameFields;
  Statement s(db, "SELECT " + fields + " FROM " + table + " WHERE run_key = ? ORDER BY " +
                      quote_identifier(columns[0].name));
  s.bind(1, run_key);
  std::vector<CellRow> out;
  while (s.step()) {
    CellRow row;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      row.push_back(s.cell(static_cast<int>(i), columns[i].kind));
    }
    out.push_back(std::move(row));
    if (names) {
      const int at = static_cast<int>(columns.size());
      names->push_back({s.text(at), s.text(at + 1), s.text(at + 2)});
    }
  }
  return out;
}

}  // namespace

std::vector<CellRow> Store::series(const std::string& run_key) const {
  return rows_of(*db_, "series", series_columns(), run_key, nullptr);
}

std::vector<CellRow> Store::periods(const std::string& run_key) const {
  return rows_of(*db_, "periods", period_columns(), run_key, nullptr);
}

std::vector<CellRow> Store::grids(const std::string& run_key, std::vector<GridNames>* names) const {
  if (names) names->clear();
  return rows_of(*db_, "grids", grid_columns(), run_key, names);
}

}  // namespace govsim::batch
