#include "experiments/merge.hpp"

#include <filesystem>
#include <set>

#include "engine/errors.hpp"
#include "experiments/names.hpp"
#include "experiments/store.hpp"

namespace govsim::batch {
namespace {

std::int64_t count(SqliteDb& db, const std::string& sql) {
  Statement s(db, sql);
  s.step();
  return s.integer(0);
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
  Json plan;
  std::string build;
  std::set<std::string> shards;
  std::string shard_count;
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
    const std::string shard = in.meta("shard").value_or("");
    if (!shard.empty()) {
      shards.insert(shard);
      shard_count = shard.substr(shard.find('/') + 1);
    }
  }

  Store merged(out, overwrite ? StoreMode::Overwrite : StoreMode::Fresh);
  merged.begin(plan, "govsim merge " + out + " " + join(inputs, " "), "");
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
      db.exec("DELETE FROM main.series WHERE run_key IN (SELECT run_key FROM temp.fresh)");
      db.exec(
          "INSERT INTO main.series SELECT * FROM src.series WHERE run_key IN "
          "(SELECT run_key FROM temp.fresh)");
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
