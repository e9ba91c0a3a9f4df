#include "experiments/merge.hpp"

#include <unistd.h>

#include <filesystem>
#include <set>

#include "engine/errors.hpp"
#include "experiments/names.hpp"
#include "experiments/store.hpp"
#include "experiments/store_lock.hpp"

namespace govsim::batch {
namespace {

std::int64_t count(SqliteDb& db, const std::string& sql) {
  Statement s(db, sql);
  s.step();
  return s.integer(0);
}

// The merge is written to a temporary file beside OUT and renamed over it only when complete,
// so a merge killed part-way leaves OUT as it was (and a file of govsim's temporary pattern).
class TempStore {
 public:
  explicit TempStore(const std::string& out) {
    const std::filesystem::path target(out);
    path_ = (target.parent_path() /
             ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid())))
                .string();
    remove_files();
  }
  ~TempStore() {
    if (!done_) remove_files();
  }
  TempStore(const TempStore&) = delete;
  TempStore& operator=(const TempStore&) = delete;
  const std::string& path() const { return path_; }
  void rename_to(const std::string& out) {
    std::error_code ec;
    for (const char* suffix : {"-wal", "-shm", "-journal"})
      std::filesystem::remove(out + suffix, ec);
    std::filesystem::rename(path_, out);  // throws filesystem_error (a system_error)
    done_ = true;
  }

 private:
  void remove_files() const {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      std::filesystem::remove(path_ + suffix, ec);
  }
  std::string path_;
  bool done_ = false;
};

// What an existing OUT may be: nothing, or (with --overwrite) a store or an empty file.
void check_out(const std::string& out, bool overwrite) {
  std::error_code ec;
  if (!std::filesystem::exists(out, ec)) return;
  check_replaceable(out);
  if (!overwrite && std::filesystem::file_size(out, ec) > 0)
    throw InputError("merge: '" + out +
                     "' exists; add --overwrite to replace it, or name another output");
}

MergeReport merge_into(const std::string& path, const std::string& out,
                       const std::vector<std::string>& inputs, const Json& plan,
                       const std::string& build, const std::vector<std::string>& planned) {
  Store merged(path, StoreMode::Scratch);
  merged.begin(plan, "govsim merge " + out + " " + join(inputs, " "), "");
  merged.add_planned(planned);
  // The results are the inputs' own: record their build, not the one that merged them.
  merged.set_meta("govsim", build);
  merged.set_meta("merged_from", join(inputs, " "));
  SqliteDb& db = merged.db();

  std::string same_summary = "1";
  for (const Column& c : summary_columns()) {
    const std::string q = quote_identifier(c.name);
    same_summary += " AND s." + q + " IS m." + q;
  }
  MergeReport report;
  for (const std::string& in : inputs) {
    Statement attach(db, "ATTACH DATABASE ? AS src");
    attach.bind(1, in);
    attach.step();
    try {
      const std::int64_t conflicts =
          count(db,
                "SELECT count(*) FROM src.summaries s JOIN main.summaries m USING (run_key) "
                "JOIN src.runs r USING (run_key) WHERE r.status = 'done' AND NOT (" +
                    same_summary + ")");
      if (conflicts > 0) {
        throw InputError("merge: " + std::to_string(conflicts) + " runs in '" + in +
                         "' have other results than the same runs in an earlier input");
      }
      report.duplicates += count(db,
                                 "SELECT count(*) FROM src.runs r JOIN main.runs m USING (run_key) "
                                 "WHERE r.status = 'done' AND m.status = 'done'");
      Transaction t(db);
      const std::string fresh =
          "(SELECT run_key FROM src.runs WHERE status = 'done' AND run_key NOT IN "
          "(SELECT run_key FROM main.runs WHERE status = 'done'))";
      db.exec("CREATE TEMP TABLE fresh AS SELECT run_key FROM " + fresh);
      db.exec(
          "INSERT OR REPLACE INTO main.runs SELECT * FROM src.runs WHERE run_key IN "
          "(SELECT run_key FROM temp.fresh)");
      db.exec(
          "INSERT OR REPLACE INTO main.summaries SELECT * FROM src.summaries WHERE run_key IN "
          "(SELECT run_key FROM temp.fresh)");
      for (const char* table : {"series", "periods", "grids"}) {
        const std::string name = table;
        db.exec("DELETE FROM main." + name + " WHERE run_key IN (SELECT run_key FROM temp.fresh)");
        db.exec("INSERT INTO main." + name + " SELECT * FROM src." + name +
                " WHERE run_key IN (SELECT run_key FROM temp.fresh)");
      }
      // A failure is kept only where no input has the run finished.
      db.exec("INSERT OR IGNORE INTO main.runs SELECT * FROM src.runs WHERE status <> 'done'");
      db.exec("DROP TABLE temp.fresh");
      t.commit();
    } catch (...) {
      db.exec("DETACH DATABASE src");
      throw;
    }
    db.exec("DETACH DATABASE src");
  }
  report.runs = merged.count_done();
  report.missing_runs = merged.missing_runs();
  return report;
}

}  // namespace

MergeReport merge_stores(const std::string& out, const std::vector<std::string>& inputs,
                         bool overwrite) {
  if (inputs.empty()) throw InputError("merge: name the databases to merge");
  std::error_code ec;
  for (const std::string& in : inputs) {
    if (std::filesystem::exists(out, ec) && std::filesystem::equivalent(out, in, ec)) {
      throw InputError("merge: the output '" + out + "' is also an input");
    }
  }
  const StoreLock lock(out);  // no experiment or other merge writes OUT meanwhile
  check_out(out, overwrite);
  Json plan;
  std::string build;
  std::string replications;
  std::set<std::string> shards;
  std::string shard_count;
  std::vector<std::string> planned;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const Store in(inputs[i], StoreMode::Read);
    const Json p = in.plan();
    const std::string b = in.meta("govsim").value_or("?");
    if (i == 0) {
      plan = p;
      build = b;
    } else if (p != plan) {
      throw InputError("merge: '" + inputs[i] + "' holds another experiment than '" + inputs[0] +
                       "' (the plans differ)");
    } else if (b != build) {
      throw InputError("merge: '" + inputs[i] + "' was written by govsim " + b + ", '" + inputs[0] +
                       "' by " + build + "; results of two builds must not be mixed");
    }
    // Shards of one plan split the same replications: shards run with -r 2 and -r 5 hold
    // different experiments even though their designs agree.
    const std::string r = in.meta("shard_replications").value_or("");
    if (i == 0) {
      replications = r;
    } else if (r != replications) {
      throw InputError("merge: '" + inputs[i] + "' is a shard of a plan of " +
                       (r.empty() ? "unknown" : r) + " replications, '" + inputs[0] + "' of " +
                       (replications.empty() ? "unknown" : replications) +
                       "; shards of different plans cannot be merged");
    }
    for (const std::string& k : in.planned()) planned.push_back(k);
    const std::string shard = in.meta("shard").value_or("");
    if (!shard.empty()) {
      shards.insert(shard);
      shard_count = shard.substr(shard.find('/') + 1);
    }
  }

  TempStore temp(out);
  MergeReport report = merge_into(temp.path(), out, inputs, plan, build, planned);
  temp.rename_to(out);
  if (!shard_count.empty()) {
    const int n = std::stoi(shard_count);
    for (int k = 1; k <= n; ++k) {
      const std::string s = std::to_string(k) + "/" + shard_count;
      if (!shards.count(s)) report.missing_shards.push_back(s);
    }
  }
  return report;
}

}  // namespace govsim::batch
