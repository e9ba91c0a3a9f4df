#include <catch2/catch.hpp>
#include <charconv>
#include <cmath>
#include <filesystem>

#include "csv_round_trip.hpp"
#include "engine/errors.hpp"
#include "experiments/export_csv.hpp"
#include "experiments/merge.hpp"
#include "experiments/report_html.hpp"
#include "store_fixtures.hpp"

using namespace govsim;
using namespace govsim::batch;
using namespace govsim::batch::testing;

TEST_CASE("CSV export round-trips: every value reads back with the same bits", "[export]") {
  const std::string path = scratch("export.db");
  Store store(path, StoreMode::Fresh);
  fill(store, 3, 2, 4);
  const std::string dir = scratch("export-csv");
  const std::vector<std::string> files = export_csv(store, dir);
  CHECK(files.size() == 6);  // runs, summaries, series, periods, grids, statistics
  check_csv_round_trip(store, dir);
  const CsvTable runs = read_csv(dir + "/runs.csv");
  CHECK(runs.column("governance.platform.level") < runs.header.size());
  const CsvTable stats = read_csv(dir + "/statistics.csv");
  CHECK(stats.column("mean") < stats.header.size());
  // Every file has the label and numbers replications from 1, as the report does; summaries
  // and statistics carry the varied keys too.
  const CsvTable summaries = read_csv(dir + "/summaries.csv");
  const CsvTable series = read_csv(dir + "/series.csv");
  for (const CsvTable* t : {&runs, &summaries, &series}) {
    REQUIRE(t->column("label") < t->header.size());
    REQUIRE(t->column("replication") < t->header.size());
    CHECK(t->rows.front()[t->column("replication")] == "1");
  }
  CHECK(summaries.column("governance.platform.level") < summaries.header.size());
  CHECK(stats.column("governance.platform.level") < stats.header.size());
  CHECK(summaries.rows.front()[summaries.column("governance.platform.level")] ==
        runs.rows.front()[runs.column("governance.platform.level")]);
  for (const auto& file : std::filesystem::directory_iterator(dir)) {
    CHECK(file.path().filename().string().find(".tmp-") == std::string::npos);
  }
}

TEST_CASE("merge unions shards and refuses conflicting results", "[merge]") {
  const std::string a = scratch("shard-a.db");
  const std::string b = scratch("shard-b.db");
  {
    Store sa(a, StoreMode::Fresh);
    sa.begin(plan_json(2), "test", "1/2");
    sa.commit(run_row(0, 0), summary_row(0), series_rows(0, 3));
    sa.commit(run_row(1, 1), summary_row(11), series_rows(11, 3));
    Store sb(b, StoreMode::Fresh);
    sb.begin(plan_json(2), "test", "2/2");
    sb.commit(run_row(0, 1), summary_row(1), series_rows(1, 3));
    sb.commit(run_row(1, 1), summary_row(11), series_rows(11, 3));  // in both, identical
  }
  const std::string out = scratch("merged.db");
  const MergeReport report = merge_stores(out, {a, b}, false);
  CHECK(report.runs == 3);
  CHECK(report.duplicates == 1);
  CHECK(report.missing_shards.empty());
  const Store merged(out, StoreMode::Read);
  CHECK(same_cells(*merged.summary("k0-1"), summary_row(1)));
  CHECK(merged.series("k1-1").size() == 3);
  CHECK(merged.meta("shard").value_or("?").empty());

  const std::string c = scratch("shard-c.db");
  {
    Store sc(c, StoreMode::Fresh);
    sc.begin(plan_json(2), "test", "");
    sc.commit(run_row(0, 0), summary_row(99), series_rows(0, 3));  // other results, same key
  }
  CHECK_THROWS_AS(merge_stores(scratch("conflict.db"), {a, c}, false), InputError);
  const std::string d = scratch("shard-d.db");
  {
    Store sd(d, StoreMode::Fresh);
    sd.begin(plan_json(3), "test", "");
  }
  CHECK_THROWS_AS(merge_stores(scratch("other-plan.db"), {a, d}, false), InputError);
  CHECK(merge_stores(scratch("half.db"), {a}, false).missing_shards ==
        std::vector<std::string>{"2/2"});
}

TEST_CASE("the report is one page with its charts and nothing from outside", "[report]") {
  const std::string path = scratch("report.db");
  Store store(path, StoreMode::Fresh);
  fill(store, 3, 3, 30);
  const std::string html = render_report(store, {});
  for (const char* id :
       {"id=\"comparison-table\"", "id=\"bars-response_time_p90_h\"", "id=\"series-trust_mean\"",
        "id=\"surface-response_time_p90_h\"", "id=\"runs-table\"", "id=\"manifest-table\""}) {
    CHECK_THAT(html, Catch::Contains(id));
  }
  CHECK_THAT(html, Catch::Contains("odd, &quot;quoted&quot; &lt;b&gt;label&lt;/b&gt;"));
  CHECK_THAT(html, !Catch::Contains("<b>label</b>"));
  CHECK_THAT(html, !Catch::Contains("http:") && !Catch::Contains("https:"));
  CHECK_THAT(html,
             !Catch::Contains("<script") && !Catch::Contains("src=") && !Catch::Contains("<link"));
  CHECK(html.rfind("</html>") != std::string::npos);
}

TEST_CASE("a seek's path and answer export as seek.csv", "[export]") {
  const std::string path = scratch("export-seek.db");
  Store store(path, StoreMode::Fresh);
  fill(store, 3, 2, 2);
  const Json step = {{"design", 2},      {"label", "design 2"}, {"round", 1},
                     {"feasible", true}, {"target_mean", 20.5}, {"target_half_width", 1.5},
                     {"bound", 22.0},    {"cost_mean", 300.0},  {"cost_half_width", nullptr}};
  Json first = step;
  first["design"] = 0;
  first["label"] = "design 0";
  first["feasible"] = false;
  store.set_meta("seek", Json{{"target", "response_time_p90_h<=24"},
                              {"minimize", "cost_per_resident_year"},
                              {"steps", Json::array({first, step})},
                              {"answer", 1},
                              {"next_cheaper", 0}}
                             .dump());
  const std::string dir = scratch("export-seek-csv");
  const std::vector<std::string> files = export_csv(store, dir);
  CHECK(files.size() == 7);
  const CsvTable seek = read_csv(dir + "/seek.csv");
  REQUIRE(seek.rows.size() == 2);
  const auto at = [&](std::size_t row, const char* column) {
    return seek.rows[row][seek.column(column)];
  };
  CHECK(at(0, "step") == "1");
  CHECK(at(1, "governance.platform.level") == "2");
  CHECK(at(1, "target") == "response_time_p90_h<=24");
  CHECK(at(1, "bound") == "22");
  CHECK(at(1, "cost_half_width").empty());
  CHECK(at(0, "feasible") == "0");
  CHECK((at(1, "answer") == "1" && at(0, "answer") == "0"));
  CHECK((at(0, "next_cheaper") == "1" && at(1, "next_cheaper") == "0"));
  // A store from before the budget mode reads as a target's search.
  CHECK((at(0, "mode") == "target" && at(0, "maximize") == "0" && at(0, "runner_up") == "0"));
  // A budget's search: its mode, direction and runner-up.
  Json record = Json::parse(*store.meta("seek"));
  record["mode"] = "budget";
  record["maximize"] = true;
  record["runner_up"] = 0;
  store.set_meta("seek", record.dump());
  const std::string budget_dir = scratch("export-seek-budget-csv");
  export_csv(store, budget_dir);
  const CsvTable budget = read_csv(budget_dir + "/seek.csv");
  CHECK(budget.rows[0][budget.column("mode")] == "budget");
  CHECK(budget.rows[1][budget.column("maximize")] == "1");
  CHECK((budget.rows[0][budget.column("runner_up")] == "1" &&
         budget.rows[1][budget.column("runner_up")] == "0"));
  // A store without a seek has no seek.csv.
  Store plain(scratch("export-no-seek.db"), StoreMode::Fresh);
  fill(plain, 1, 1, 1);
  CHECK(seek_csv(plain).empty());
}
