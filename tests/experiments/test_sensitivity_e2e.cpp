// `govsim sensitivity` on the real binary and a small city.
#include <catch2/catch.hpp>
#include <set>

#include "e2e_helpers.hpp"
#include "experiments/export_csv.hpp"

using namespace govsim;
using namespace govsim::batch;
using namespace govsim::batch::testing;

namespace {

// The baseline's fragmented design: there are no grids and so no grid workers, and unit costs
// only price what the run did.
const std::vector<std::string> kParams = {
    "--param", "governance.staffing.community_officials_per_10k=9:36",
    "--param", "governance.staffing.grid_workers_per_grid=0.5:2",
    "--param", "governance.costs.mediator=50000:150000",
    "--param", "governance.platform.level=0:1",
    "--param", "governance.volunteers.training=0:1"};

std::vector<std::string> sensitivity(const std::string& db, std::vector<std::string> more) {
  std::vector<std::string> args = {"sensitivity", "baseline"};
  args.insert(args.end(), kParams.begin(), kParams.end());
  args.insert(args.end(), {"--trajectories", "4", "--db", db, "--outcomes",
                           "response_time_mean_h,disputes_per_10k_year"});
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// The ranked rows of one outcome's block in the printed table: "rank key mu* ...".
std::vector<std::string> ranking_of(const std::string& out, const std::string& outcome) {
  std::vector<std::string> rows;
  const std::size_t at = out.find("[" + outcome + "]");
  REQUIRE(at != std::string::npos);
  std::size_t line = out.find('\n', out.find('\n', at) + 1) + 1;  // past the header line
  while (line < out.size() && out[line] != '\n') {
    const std::size_t end = out.find('\n', line);
    rows.push_back(out.substr(line, end - line));
    line = end + 1;
  }
  return rows;
}

double field(const Json& rankings, const std::string& outcome, const std::string& key,
             const std::string& name) {
  for (const Json& row : rankings["outcomes"][outcome]) {
    if (row["key"] == key) return row[name].is_number() ? row[name].get<double>() : kNaN;
  }
  FAIL("no row for " << key);
  return kNaN;
}

}  // namespace

TEST_CASE("sensitivity: the same table and runs at 1 and 2 threads, and on --resume",
          "[e2e][sensitivity]") {
  const std::string dir = fresh_dir("sensitivity_threads");
  const Result one = run_govsim(
      sensitivity(dir + "/one.db", {"-j", "1", "--json", dir + "/one.json"}), dir, small_city());
  REQUIRE(one.code == 0);
  const Result two = run_govsim(
      sensitivity(dir + "/two.db", {"-j", "2", "--json", dir + "/two.json"}), dir, small_city());
  REQUIRE(two.code == 0);
  // The same tables (the lines that name the files differ).
  CHECK(one.out.substr(0, one.out.find("rankings:")) ==
        two.out.substr(0, two.out.find("rankings:")));
  CHECK(slurp(dir + "/one.json") == slurp(dir + "/two.json"));
  require_same_results(dir + "/one.db", dir + "/two.db");
  CHECK_THAT(one.out, Catch::Contains("4 trajectories on a 4-level grid"));
  CHECK_THAT(one.out,
             Catch::Contains("24 points x 1 replication\n  (24 run now, 0 from the store)"));

  // Resumed, nothing runs again, and the table is the same.
  const Result again = run_govsim(sensitivity(dir + "/one.db", {"--resume"}), dir, small_city());
  REQUIRE(again.code == 0);
  CHECK_THAT(again.out, Catch::Contains("(0 run now, 24 from the store)"));
  CHECK(ranking_of(again.out, "response_time_mean_h") ==
        ranking_of(one.out, "response_time_mean_h"));
}

TEST_CASE("sensitivity: staff drive response time, and what cannot act has mu* = 0",
          "[e2e][sensitivity]") {
  const std::string dir = fresh_dir("sensitivity_ranking");
  const std::string db = dir + "/sens.db";
  const Result r =
      run_govsim(sensitivity(db, {"--json", dir + "/sens.json", "--report", dir + "/sens.html"}),
                 dir, small_city());
  REQUIRE(r.code == 0);
  const Json j = Json::parse(slurp(dir + "/sens.json"));
  const std::string rt = "response_time_mean_h";
  // No grid workers exist under the fragmented design, and a unit cost changes no run.
  for (const char* inert :
       {"governance.staffing.grid_workers_per_grid", "governance.costs.mediator"}) {
    INFO(inert);
    CHECK(field(j, rt, inert, "mu_star") == 0);
    CHECK(field(j, "disputes_per_10k_year", inert, "mu_star") == 0);
    CHECK(field(j, rt, inert, "n") == 4);
  }
  // Officials answer the cases of a fragmented city, and the platform speeds every hand-off:
  // these two rank first (in an order that depends on the seed), and more of either means shorter
  // waits. The inert keys come last.
  const std::vector<std::string> rows = ranking_of(r.out, rt);
  REQUIRE(rows.size() == 5);
  const std::set<std::string> top = {j["outcomes"][rt][0]["key"].get<std::string>(),
                                     j["outcomes"][rt][1]["key"].get<std::string>()};
  CHECK(top == std::set<std::string>{"governance.staffing.community_officials_per_10k",
                                     "governance.platform.level"});
  CHECK(field(j, rt, "governance.staffing.community_officials_per_10k", "mu") < 0);
  CHECK(field(j, rt, "governance.platform.level", "mu") < 0);
  CHECK(field(j, rt, "governance.platform.level", "mu_star_ci_low") > 0);
  // The printed table ranks as the JSON does.
  const std::string first = j["outcomes"][rt][0]["key"].get<std::string>();
  CHECK(rows[0].find(first.substr(first.rfind('.') + 1)) != std::string::npos);
  CHECK(rows[4].find("  0  ") != std::string::npos);

  const std::string html = slurp(dir + "/sens.html");
  CHECK_THAT(html, Catch::Contains("<section id=\"sensitivity\">"));
  CHECK_THAT(html, Catch::Contains("id=\"sensitivity-response_time_mean_h\""));
  CHECK_THAT(html, Catch::Contains("id=\"sensitivity-disputes_per_10k_year\""));
  CHECK_THAT(html, Catch::Contains("Morris"));

  // `govsim report` and `govsim export` redo the analysis from the store alone.
  REQUIRE(run_govsim({"report", db, "--out", dir + "/again.html"}, dir).code == 0);
  CHECK_THAT(slurp(dir + "/again.html"), Catch::Contains("<section id=\"sensitivity\">"));
  REQUIRE(run_govsim({"export", db, "--csv", dir + "/csv"}, dir).code == 0);
  const std::string csv = slurp(dir + "/csv/sensitivity.csv");
  CHECK_THAT(csv, Catch::StartsWith("outcome,rank,key,lo,hi,n,mu_star"));
  CHECK_THAT(csv, Catch::Contains("response_time_mean_h,1," + first + ","));
  CHECK_THAT(csv, Catch::Contains("governance.costs.mediator,50000,150000,4,0,0,0,0,0\n"));
}

TEST_CASE("sensitivity: one at a time, low and high ends with paired replications",
          "[e2e][sensitivity]") {
  const std::string dir = fresh_dir("sensitivity_oat");
  const Result r = run_govsim(
      {"sensitivity", "baseline", "--method", "oat", "--param",
       "governance.staffing.community_officials_per_10k=9:36", "--param",
       "governance.costs.mediator=50000:150000", "-r", "2", "--json", dir + "/oat.json", "-q"},
      dir, small_city());
  REQUIRE(r.code == 0);
  const Json j = Json::parse(slurp(dir + "/oat.json"));
  CHECK(j["method"] == "oat");
  CHECK(field(j, "response_time_mean_h", "governance.costs.mediator", "mu_star") == 0);
  CHECK(field(j, "response_time_mean_h", "governance.staffing.community_officials_per_10k", "n") ==
        2);
}

TEST_CASE("sensitivity: a bad --param is an input error (exit 2) naming the valid range",
          "[e2e][sensitivity]") {
  const std::string dir = fresh_dir("sensitivity_bad");
  Result r = run_govsim({"sensitivity", "baseline", "--param", "governance.platform.level=0:2"},
                        dir, small_city());
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("governance.platform.level's valid range is [0, 1]"));
  r = run_govsim({"sensitivity", "baseline", "--param", "governance.plaform.level=0:1"}, dir);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("did you mean 'governance.platform.level'"));
  r = run_govsim({"sensitivity", "baseline", "--levels", "5"}, dir);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("even"));
  r = run_govsim({"sensitivity", "baseline", "--method", "sobol"}, dir);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("expected morris or oat"));
}

#ifdef GOVSIM_CHROMIUM
TEST_CASE("sensitivity: the report opens in headless Chromium with a ranked chart per outcome",
          "[e2e][sensitivity][report]") {
  const std::string dir = fresh_dir("sensitivity_report");
  REQUIRE(run_govsim(sensitivity(dir + "/sens.db", {"--report", dir + "/sens.html", "-q"}), dir,
                     small_city())
              .code == 0);
  const std::string html = slurp(dir + "/sens.html");
  CHECK_THAT(html, !Catch::Contains("http:") && !Catch::Contains("https:") &&
                       !Catch::Contains("<script") && !Catch::Contains("<link"));
  const Result r = run_command(
      {GOVSIM_CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
       "--disable-background-networking", "--disable-component-update", "--disable-sync",
       "--user-data-dir=" + dir + "/chromium-profile", "--enable-logging=stderr", "--v=0",
       "--dump-dom", "file://" + dir + "/sens.html"},
      dir);
  INFO("chromium stderr:\n" << r.err);
  REQUIRE(r.code == 0);
  for (const char* id : {"sensitivity-factors", "sensitivity-response_time_mean_h",
                         "sensitivity-table-response_time_mean_h",
                         "sensitivity-disputes_per_10k_year", "runs-table", "manifest-table"}) {
    CHECK_THAT(r.out, Catch::Contains("id=\"" + std::string(id) + "\""));
  }
  CHECK_THAT(r.out, Catch::Contains("<rect class=\"bar\""));
  CHECK_THAT(r.err, !Catch::Contains("CONSOLE") && !Catch::Contains("Uncaught") &&
                        !Catch::Contains("Failed to load resource"));
}
#endif
