// The acceptance tests of batch experiments, on the real govsim binary and small cities.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <set>
#include <thread>

#include "csv_round_trip.hpp"
#include "e2e_helpers.hpp"
#include "experiments/comparison.hpp"
#include "experiments/export_csv.hpp"

using namespace govsim;
using namespace govsim::batch;
using namespace govsim::batch::testing;

namespace {

ResultGrid grid_from(const Store& store) {
  const Json plan = store.plan();
  std::vector<std::string> labels;
  for (const auto& d : plan["designs"]) labels.push_back(d["label"].get<std::string>());
  ResultGrid grid(labels);
  const auto summaries = store.summaries();
  for (const RunRow& r : store.runs()) {
    if (r.status == "done")
      grid.add(static_cast<std::size_t>(r.design), r.replication, summaries.at(r.key));
  }
  return grid;
}

const std::vector<std::string> kSweep = {"sweep",  "grid-one-branch",
                                         "--vary", "governance.platform.level=0:1:0.5",
                                         "--vary", "governance.routing.small=grid,community",
                                         "-r",     "3"};

}  // namespace

TEST_CASE("common random numbers: the same seed gives identical runs of identical designs",
          "[e2e][crn]") {
  const std::string dir = fresh_dir("crn_identical");
  const std::string db = dir + "/same.db";
  const Result r = run_govsim(
      {"compare", "grid-one-branch", "grid-one-branch", "-r", "3", "--db", db}, dir, small_city());
  REQUIRE(r.code == 0);
  const Store store(db, StoreMode::Read);
  const auto summaries = store.summaries();
  std::map<std::pair<std::int64_t, std::int64_t>, std::string> key_of;
  for (const RunRow& run : store.runs()) key_of[{run.design, run.replication}] = run.key;
  for (std::int64_t rep = 0; rep < 3; ++rep) {
    const std::string a = key_of.at({0, rep});
    const std::string b = key_of.at({1, rep});
    CHECK(a != b);
    CHECK(summaries.at(a) == summaries.at(b));  // state hash included
    CHECK(store.series(a) == store.series(b));
  }
  // Different replications are different runs.
  CHECK_FALSE(summaries.at(key_of.at({0, 0})) == summaries.at(key_of.at({0, 1})));
  const OutcomeComparison c = compare_outcome(grid_from(store), outcome_column("trust_mean", "t"));
  CHECK(c.paired[1].mean == 0);
  CHECK(c.paired[1].half_width == 0);
  CHECK_THAT(r.out, Catch::Contains("grid-one-branch#2"));
}

TEST_CASE("common random numbers: a replication is `govsim run` with its seed", "[e2e][crn]") {
  const std::string dir = fresh_dir("crn_run");
  const std::string db = dir + "/cmp.db";
  REQUIRE(
      run_govsim({"compare", "fragmented", "modern", "-r", "2", "--seed", "7", "--db", db, "-q"},
                 dir, small_city())
          .code == 0);
  // Replication 1 of modern ran with seed 7 + 1, on one thread; `govsim run` uses every core.
  REQUIRE(
      run_govsim({"run", "modern", "--seed", "8", "--threads", "2", "--out", dir + "/run", "-q"},
                 dir, small_city())
          .code == 0);
  const Json run_summary = Json::parse(slurp(dir + "/run/summary.json"));
  const Store store(db, StoreMode::Read);
  std::string key;
  std::string manifest;
  for (const RunRow& r : store.runs()) {
    if (r.design == 1 && r.replication == 1) {
      key = r.key;
      manifest = r.manifest;
      CHECK(r.seed == 8);
    }
  }
  const CellRow stored = *store.summary(key);
  std::size_t hash_column = 0;
  for (std::size_t c = 0; c < summary_columns().size(); ++c) {
    if (summary_columns()[c].kind == CellKind::Hash) hash_column = c;
  }
  CHECK(hex16(stored[hash_column].as_hash()) == run_summary["state_hash"].get<std::string>());
  const Json m = Json::parse(manifest);
  CHECK(m["seed"] == 8);
  CHECK(m["state_hash"] == run_summary["state_hash"]);
}

TEST_CASE("common random numbers: on a real comparison the paired interval is narrower",
          "[e2e][crn]") {
  const std::string dir = fresh_dir("crn_paired");
  const std::string db = dir + "/cmp.db";
  REQUIRE(run_govsim({"compare", "fragmented", "grid-one-branch", "-r", "6", "--db", db, "-q"}, dir,
                     small_city())
              .code == 0);
  const Store store(db, StoreMode::Read);
  const ResultGrid grid = grid_from(store);
  // Outcomes that the same residents and the same arising cases drive in both designs.
  for (const char* name :
       {"disputes_per_10k_year", "cost_per_resident_year", "happiness_mean", "security_mean"}) {
    const OutcomeComparison c = compare_outcome(grid, outcome_column(name, "t"));
    INFO(name << ": paired ±" << c.paired[1].half_width << ", unpaired ±"
              << c.unpaired[1].half_width);
    CHECK(c.paired[1].n == 6);
    CHECK(c.paired[1].half_width < c.unpaired[1].half_width);
  }
}

TEST_CASE("resume after a kill: the results equal an uninterrupted run's", "[e2e][resume]") {
  const std::string dir = fresh_dir("resume");
  const std::string killed = dir + "/killed.db";
  const std::string whole = dir + "/whole.db";
  std::vector<std::string> sweep = {
      "sweep", "grid-one-branch", "--vary", "governance.platform.level=0:1:0.2", "-r", "4", "-q"};
  const std::int64_t total = 6 * 4;
  // One job, so that the sweep is still running when a few runs are in.
  const pid_t pid = spawn(govsim_args(sweep,
                                      [&] {
                                        std::vector<std::string> more = small_city();
                                        more.insert(more.end(), {"--db", killed, "-j", "1"});
                                        return more;
                                      }()),
                          dir + "/killed.out", dir + "/killed.err");
  std::int64_t done_at_kill = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    try {
      const Store peek(killed, StoreMode::Read);
      done_at_kill = peek.count_done();
    } catch (const std::exception&) {
      continue;  // not created yet
    }
    if (done_at_kill >= 3) break;
  }
  ::kill(pid, SIGKILL);
  CHECK(wait_for(pid) == 128 + SIGKILL);
  {
    const Store after(killed, StoreMode::Read);
    const std::int64_t kept = after.count_done();
    INFO("runs kept after the kill: " << kept);
    CHECK(kept >= done_at_kill);
    REQUIRE(kept < total);  // part-way, truly
    for (const RunRow& r : after.runs()) CHECK(after.series(r.key).size() == 60);
  }
  std::vector<std::string> more = small_city();
  more.insert(more.end(), {"--db", killed, "--resume"});
  REQUIRE(run_govsim(sweep, dir, more).code == 0);
  more = small_city();
  more.insert(more.end(), {"--db", whole});
  REQUIRE(run_govsim(sweep, dir, more).code == 0);
  require_same_results(killed, whole);
  CHECK(Store(killed, StoreMode::Read).count_done() == total);

  // A finished experiment resumed again runs nothing.
  more = small_city();
  more.insert(more.end(), {"--db", killed, "--resume", "--outcomes", "dropped"});
  const Result again = run_govsim(
      {"sweep", "grid-one-branch", "--vary", "governance.platform.level=0:1:0.2", "-r", "4"}, dir,
      more);
  CHECK(again.code == 0);
  CHECK_THAT(again.out, Catch::Contains("(0 run now, 24 from the store)"));
}

TEST_CASE("shard K/N and merge equal a single-process run", "[e2e][shard]") {
  const std::string dir = fresh_dir("shard");
  std::vector<std::string> more = small_city();
  more.insert(more.end(), {"--db", dir + "/single.db", "-q"});
  REQUIRE(run_govsim(kSweep, dir, more).code == 0);
  std::vector<std::string> merge = {"merge", dir + "/merged.db"};
  for (int k = 1; k <= 3; ++k) {
    const std::string db = dir + "/shard" + std::to_string(k) + ".db";
    more = small_city();
    more.insert(more.end(), {"--db", db, "--shard", std::to_string(k) + "/3", "-q"});
    REQUIRE(run_govsim(kSweep, dir, more).code == 0);
    CHECK(Store(db, StoreMode::Read).count_done() == 6);
    merge.push_back(db);
  }
  const Result m = run_govsim(merge, dir);
  REQUIRE(m.code == 0);
  CHECK_THAT(m.out, Catch::Contains("18 runs"));
  require_same_results(dir + "/single.db", dir + "/merged.db");
}

#ifdef GOVSIM_MPIRUN
TEST_CASE("mpirun -np 2 equals a single-process run, bit for bit", "[e2e][mpi]") {
  const std::string dir = fresh_dir("mpi");
  std::vector<std::string> more = small_city();
  more.insert(more.end(), {"--db", dir + "/single.db", "-q"});
  REQUIRE(run_govsim(kSweep, dir, more).code == 0);
  more = small_city();
  more.insert(more.end(), {"--db", dir + "/mpi.db", "-q"});
  std::vector<std::string> argv = {GOVSIM_MPIRUN, "--allow-run-as-root", "--oversubscribe", "-np",
                                   "2"};
  for (const std::string& a : govsim_args(kSweep, more)) argv.push_back(a);
  const Result r = run_command(argv, dir);
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE(r.code == 0);
  require_same_results(dir + "/single.db", dir + "/mpi.db");
  // Both ranks ran some of the runs, and rank 0 wrote them all.
  std::set<std::string> hosts;
  for (const RunRow& run : Store(dir + "/mpi.db", StoreMode::Read).runs()) hosts.insert(run.host);
  CHECK(hosts.size() == 2);

  // An adaptive experiment takes the same steps on every rank.
  std::vector<std::string> seek = {"seek",     "grid-one-branch",
                                   "--target", "response_time_p90_h<=24",
                                   "--over",   "governance.platform.level=0:1:0.25",
                                   "-r",       "3",
                                   "-q"};
  more = small_city();
  more.insert(more.end(), {"--db", dir + "/seek-single.db"});
  REQUIRE(run_govsim(seek, dir, more).code == 0);
  more = small_city();
  more.insert(more.end(), {"--db", dir + "/seek-mpi.db"});
  argv = {GOVSIM_MPIRUN, "--allow-run-as-root", "--oversubscribe", "-np", "2"};
  for (const std::string& a : govsim_args(seek, more)) argv.push_back(a);
  REQUIRE(run_command(argv, dir).code == 0);
  require_same_results(dir + "/seek-single.db", dir + "/seek-mpi.db");
  CHECK(Store(dir + "/seek-single.db", StoreMode::Read).meta("seek") ==
        Store(dir + "/seek-mpi.db", StoreMode::Read).meta("seek"));

  // A mistake is reported once, by rank 0, and every rank leaves with exit code 2.
  argv = {GOVSIM_MPIRUN,
          "--allow-run-as-root",
          "--oversubscribe",
          "-np",
          "2",
          GOVSIM_EXE,
          "sweep",
          "baseline",
          "--vary",
          "governance.platfrom.level=0,1"};
  const Result bad = run_command(argv, dir);
  CHECK(bad.code == 2);
  CHECK_THAT(bad.err, Catch::Contains("did you mean 'governance.platform.level'"));
}
#endif

TEST_CASE("CSV export of real runs round-trips", "[e2e][export]") {
  const std::string dir = fresh_dir("export");
  std::vector<std::string> more = small_city();
  more.insert(more.end(), {"--db", dir + "/sweep.db", "-q"});
  REQUIRE(run_govsim(kSweep, dir, more).code == 0);
  const Result r = run_govsim({"export", dir + "/sweep.db", "--csv", dir + "/csv"}, dir);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("series.csv"));
  check_csv_round_trip(Store(dir + "/sweep.db", StoreMode::Read), dir + "/csv");
}

#ifdef GOVSIM_CHROMIUM
TEST_CASE("the report opens in headless Chromium without errors, with its charts",
          "[e2e][report]") {
  const std::string dir = fresh_dir("report");
  std::vector<std::string> more = small_city();
  more.insert(more.end(), {"--db", dir + "/cmp.db", "--report", dir + "/compare.html", "-q"});
  REQUIRE(run_govsim({"compare", "fragmented", "grid-one-branch", "modern", "-r", "3"}, dir, more)
              .code == 0);
  more = small_city();
  more.insert(more.end(), {"--db", dir + "/sweep.db", "-q"});
  REQUIRE(run_govsim(kSweep, dir, more).code == 0);
  REQUIRE(run_govsim({"report", dir + "/sweep.db", "--out", dir + "/sweep.html"}, dir).code == 0);
  REQUIRE(run_govsim({"report", dir + "/cmp.db", "--out", dir + "/compare-zh.html", "--lang", "zh"},
                     dir)
              .code == 0);

  struct Page {
    std::string file;
    std::vector<std::string> ids;
    std::string text;  // in the page as the browser parsed it
  };
  const std::vector<Page> pages = {
      {"compare.html",
       {"comparison-table", "bars-response_time_p90_h", "bars-cost_per_resident_year",
        "series-response_time_p90_h", "series-trust_mean", "runs-table", "manifest-table",
        "design-notes"},
       "fragmented</b>: Today"},
      {"sweep.html", {"comparison-table", "surface-response_time_p90_h", "series-backlog"}, ""},
      // In Chinese: the headings, the tables and what each shipped design is.
      {"compare-zh.html", {"comparison-table", "design-notes"}, "今天各自为政的做法"}};
  for (const Page& page : pages) {
    const std::string html = slurp(dir + "/" + page.file);
    CHECK_THAT(html, !Catch::Contains("http:") && !Catch::Contains("https:") &&
                         !Catch::Contains("<script") && !Catch::Contains("<link"));
    const std::string profile = dir + "/chromium-profile-" + page.file;
    const std::vector<std::string> argv = {GOVSIM_CHROMIUM,
                                           "--headless",
                                           "--no-sandbox",
                                           "--disable-gpu",
                                           "--no-first-run",
                                           "--disable-background-networking",
                                           "--disable-component-update",
                                           "--disable-sync",
                                           "--user-data-dir=" + profile,
                                           "--enable-logging=stderr",
                                           "--v=0",
                                           "--dump-dom",
                                           "file://" + dir + "/" + page.file};
    const Result r = run_command(argv, dir);
    INFO(page.file << ": chromium stderr:\n" << r.err);
    REQUIRE(r.code == 0);
    // The page as the browser parsed it: every chart is there and drawn as SVG.
    for (const std::string& id : page.ids) {
      CHECK_THAT(r.out, Catch::Contains("id=\"" + id + "\""));
    }
    if (!page.text.empty()) CHECK_THAT(r.out, Catch::Contains(page.text));
    std::size_t charts = 0;
    for (std::size_t at = r.out.find("<svg"); at != std::string::npos;
         at = r.out.find("<svg", at + 1)) {
      const std::size_t end = r.out.find('>', at);
      if (r.out.substr(at, end - at).find("class=\"chart\"") != std::string::npos) ++charts;
    }
    CHECK(charts >= 3);
    CHECK_THAT(r.out, Catch::Contains("<polygon class=\"band\""));
    // No script errors or failed loads in the browser's console log.
    CHECK_THAT(r.err, !Catch::Contains("CONSOLE") && !Catch::Contains("Uncaught") &&
                          !Catch::Contains("Failed to load resource"));
  }
}
#endif

TEST_CASE("until-precise adds replications until the interval is narrow enough", "[e2e][precise]") {
  const std::string dir = fresh_dir("precise");
  const std::string db = dir + "/precise.db";
  const std::vector<std::string> compare = {"compare", "fragmented", "grid-one-branch", "-r", "3"};
  std::vector<std::string> more = small_city();
  more.insert(more.end(), {"--db", db, "-q"});
  REQUIRE(run_govsim(compare, dir, more).code == 0);
  // Ask for intervals 2.5 times narrower than three replications give: about 6 times the runs.
  double widest = 0;
  {
    const OutcomeComparison pilot =
        compare_outcome(grid_from(Store(db, StoreMode::Read)), outcome_column("trust_mean", "t"));
    widest = std::max(
        {pilot.means[0].half_width, pilot.means[1].half_width, pilot.paired[1].half_width});
  }
  const double wanted = widest / 2.5;
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", wanted);
  more = small_city();
  more.insert(more.end(), {"--db", db, "--resume", "--until-precise", text, "--outcome",
                           "trust_mean", "--max-replications", "200", "--outcomes", "dropped"});
  const Result r = run_govsim(compare, dir, more);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("precise enough"));
  CHECK_THAT(r.out, Catch::Contains("trust (0-1)"));  // the watched outcome is in the table
  const ResultGrid grid = grid_from(Store(db, StoreMode::Read));
  CHECK(grid.max_replications() > 3);
  const OutcomeComparison c = compare_outcome(grid, outcome_column("trust_mean", "t"));
  for (std::size_t d = 0; d < 2; ++d) CHECK(c.means[d].half_width <= std::stod(text));
  CHECK(c.paired[1].half_width <= std::stod(text));
}

TEST_CASE("seek answers as an exhaustive search of the grid would", "[e2e][seek]") {
  const std::string dir = fresh_dir("seek");
  // More grid workers per grid shorten the grid desks' queues and cost more: a lever whose
  // effect on the p90 response is monotone by mechanism.
  const std::string range = "governance.staffing.grid_workers_per_grid=0.5:2.5:0.25";
  const std::size_t points = 9;
  // Every point of the grid, with the same replications and seeds seek will use.
  std::vector<std::string> more = small_city();
  more.insert(more.end(), {"--db", dir + "/all.db", "-q"});
  REQUIRE(run_govsim({"sweep", "grid-one-branch", "--vary", range, "-r", "4"}, dir, more).code ==
          0);
  const Store all(dir + "/all.db", StoreMode::Read);
  const ResultGrid grid = grid_from(all);
  const std::size_t p90 = outcome_column("response_time_p90_h", "t");
  std::vector<double> bound(points);
  for (std::size_t d = 0; d < points; ++d)
    bound[d] = estimate(grid.values(d, p90)).upper_bound(0.95);
  // A target between the ends' bounds, so that feasibility changes somewhere along the line.
  const double target = (bound.front() + bound.back()) / 2;
  INFO("upper bounds of the points: " << Json(bound).dump() << ", target " << target);
  REQUIRE(bound.back() < bound.front());
  char target_text[64];
  std::snprintf(target_text, sizeof target_text, "response_time_p90_h<=%.6g", target);

  more = small_city();
  more.insert(more.end(), {"--db", dir + "/seek.db", "--report", dir + "/seek.html"});
  const Result r = run_govsim(
      {"seek", "grid-one-branch", "--target", target_text, "--minimize", "cost", "--over",
       "governance.staffing.grid_workers_per_grid", "--vary", range, "-r", "4"},
      dir, more);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("answer: grid_workers_per_grid="));
  const Store store(dir + "/seek.db", StoreMode::Read);
  const Json seek = Json::parse(*store.meta("seek"));
  REQUIRE_FALSE(seek["answer"].is_null());
  const Json& answer = seek["steps"][seek["answer"].get<std::size_t>()];
  const auto chosen = answer["design"].get<std::size_t>();
  CHECK(answer["feasible"] == true);
  CHECK(answer["bound"].get<double>() == Approx(bound[chosen]));
  CHECK(bound[chosen] <= target);
  // Its neighbour towards the infeasible end was tried and fails the target.
  REQUIRE_FALSE(seek["next_cheaper"].is_null());
  const auto neighbour =
      seek["steps"][seek["next_cheaper"].get<std::size_t>()]["design"].get<std::size_t>();
  CHECK(neighbour + 1 == chosen);
  CHECK(bound[neighbour] > target);
  // Where feasibility is monotone along the line, that is exactly the brute-force answer.
  std::size_t first_feasible = points;
  bool monotone = true;
  for (std::size_t d = 0; d < points; ++d) {
    const bool ok = bound[d] <= target;
    if (ok && first_feasible == points) first_feasible = d;
    if (!ok && first_feasible != points) monotone = false;
  }
  if (monotone) CHECK(chosen == first_feasible);
  // Bisection visits some of the points, not all, and its runs are the sweep's runs.
  CHECK(seek["steps"].size() < points);
  CHECK(store.count_done() == static_cast<std::int64_t>(seek["steps"].size()) * 4);
  const auto seek_runs = store.summaries();
  const auto all_runs = all.summaries();
  for (const auto& [key, cells] : seek_runs) CHECK(all_runs.at(key) == cells);
  CHECK_THAT(slurp(dir + "/seek.html"), Catch::Contains("id=\"seek-answer\""));
}

TEST_CASE("seek within a budget answers as an exhaustive search of the grid would",
          "[e2e][seek][budget]") {
  const std::string dir = fresh_dir("seek-budget");
  const std::string workers = "governance.staffing.grid_workers_per_grid=0.5:2.5:0.5";
  const std::string platform = "governance.platform.level=0,1";
  const std::size_t points = 10;
  std::vector<std::string> more = small_city();
  more.insert(more.end(), {"--db", dir + "/all.db", "-q"});
  REQUIRE(run_govsim({"sweep", "grid-one-branch", "--vary", platform, "--vary", workers, "-r", "3"},
                     dir, more)
              .code == 0);
  const Store all(dir + "/all.db", StoreMode::Read);
  const ResultGrid grid = grid_from(all);
  const std::size_t cost = outcome_column("cost_total_cny_year", "t");
  const std::size_t trust = outcome_column("trust_mean", "t");
  std::vector<double> bound(points), mean(points);
  for (std::size_t d = 0; d < points; ++d) {
    bound[d] = estimate(grid.values(d, cost)).upper_bound(0.95);
    mean[d] = estimate(grid.values(d, trust)).mean;
  }
  std::vector<double> sorted = bound;
  std::sort(sorted.begin(), sorted.end());
  // A budget between the fourth and fifth dearest point's bound: some points are within it.
  const double budget = (sorted[4] + sorted[5]) / 2;
  std::optional<std::size_t> best;
  for (std::size_t d = 0; d < points; ++d)
    if (bound[d] <= budget && (!best || mean[d] > mean[*best])) best = d;
  REQUIRE(best);
  char text[64];
  std::snprintf(text, sizeof text, "cost_total_cny_year<=%.17g", budget);
  INFO("bounds " << Json(bound).dump() << ", trust " << Json(mean).dump() << ", " << text);

  more = small_city();
  more.insert(more.end(), {"--db", dir + "/seek.db", "--report", dir + "/seek.html"});
  const Result r = run_govsim({"seek", "grid-one-branch", "--budget", text, "--maximize",
                               "trust_mean", "--over", platform, "--over", workers, "-r", "3"},
                              dir, more);
  REQUIRE(r.code == 0);
  // The words say what was done, and no heading runs into the next.
  CHECK_THAT(r.out, Catch::Contains("the point of greatest trust_mean (by its mean) within the "
                                    "budget cost_total_cny_year<="));
  CHECK_THAT(r.out, Catch::Contains("cost_total_cny_year (95% CI)  "));
  CHECK_THAT(r.out, !Catch::Contains("cheapest"));
  const Store store(dir + "/seek.db", StoreMode::Read);
  const Json seek = Json::parse(*store.meta("seek"));
  CHECK(seek["mode"] == "budget");
  CHECK(seek["maximize"] == true);
  REQUIRE_FALSE(seek["answer"].is_null());
  const Json& answer = seek["steps"][seek["answer"].get<std::size_t>()];
  CHECK(answer["design"].get<std::size_t>() == *best);
  CHECK(answer["feasible"] == true);
  // The runs are the sweep's runs, bit for bit.
  const auto all_runs = all.summaries();
  for (const auto& [key, cells] : store.summaries()) CHECK(all_runs.at(key) == cells);
  const std::string html = slurp(dir + "/seek.html");
  CHECK_THAT(html, Catch::Contains("within the budget"));
  // The heat maps mark the points within the budget and the answer.
  CHECK_THAT(html, Catch::Contains("class=\"meets\""));
  CHECK_THAT(html, Catch::Contains("<rect class=\"answer\""));
}

TEST_CASE("a sweep's differences are taken against an explicit baseline, never a random sample",
          "[e2e][budget]") {
  const std::string dir = fresh_dir("sweep-baseline");
  std::vector<std::string> more = small_city();
  more.insert(more.end(), {"-q", "--report", dir + "/lhs.html"});
  REQUIRE(run_govsim({"sweep", "grid-one-branch", "--vary", "governance.platform.level=0:1",
                      "--method", "lhs", "--samples", "3", "-r", "2"},
                     dir, more)
              .code == 0);
  const std::string lhs = slurp(dir + "/lhs.html");
  CHECK_THAT(lhs, !Catch::Contains("Δ "));
  CHECK_THAT(lhs, Catch::Contains("--baseline"));
  more = small_city();
  more.insert(more.end(), {"-q", "--report", dir + "/base.html", "--db", dir + "/base.db"});
  REQUIRE(run_govsim({"sweep", "grid-one-branch", "--vary", "governance.platform.level=0:1",
                      "--method", "lhs", "--samples", "3", "-r", "2", "--baseline"},
                     dir, more)
              .code == 0);
  const Store store(dir + "/base.db", StoreMode::Read);
  CHECK(store.plan()["designs"][0]["label"] == "baseline");
  CHECK(store.plan()["designs"].size() == 4);
  const std::string base = slurp(dir + "/base.html");
  CHECK_THAT(base, Catch::Contains("Δ "));
  CHECK_THAT(base, Catch::Contains("paired difference from</small>") ||
                       Catch::Contains("<b>baseline</b>"));
}

TEST_CASE("batch runs keep their periods and grids, with names, in the store and the export",
          "[e2e][budget][periods]") {
  const std::string dir = fresh_dir("grids-periods");
  std::vector<std::string> more = small_city();
  more.insert(more.end(), {"--db", dir + "/c.db", "-q"});
  REQUIRE(run_govsim({"compare", "fragmented", "grid-one-branch", "-r", "2"}, dir, more).code == 0);
  const Store store(dir + "/c.db", StoreMode::Read);
  const std::vector<RunRow> runs = store.runs();
  REQUIRE(runs.size() == 4);
  std::vector<GridNames> names;
  const std::vector<CellRow> grids = store.grids(runs[0].key, &names);
  REQUIRE(grids.size() == 20);
  REQUIRE(names.size() == 20);
  CHECK_FALSE(names[0].grid.empty());
  CHECK_FALSE(names[0].street.empty());
  CHECK(grids[19][0].as_integer() == 19);  // the grid column comes first
  const std::vector<CellRow> periods = store.periods(runs[0].key);
  REQUIRE(periods.size() == 1);
  CHECK(periods[0][0].as_integer() == 0);
  const std::vector<std::string> files = export_csv(store, dir + "/csv");
  const std::string grids_csv = slurp(dir + "/csv/grids.csv");
  CHECK(grids_csv.rfind("run_key,design,label,replication,grid,street,community,", 0) == 0);
  CHECK_THAT(grids_csv, Catch::Contains(",street_name,community_name,grid_name\n"));
  CHECK(std::count(grids_csv.begin(), grids_csv.end(), '\n') == 1 + 4 * 20);
  const std::string periods_csv = slurp(dir + "/csv/periods.csv");
  CHECK(periods_csv.rfind("run_key,design,label,replication,period,first_day,", 0) == 0);
  CHECK(std::count(periods_csv.begin(), periods_csv.end(), '\n') == 1 + 4);
}

TEST_CASE("a compare of a design with two policy changes: three periods, both marked",
          "[e2e][budget][periods]") {
  const std::string dir = fresh_dir("two-changes");
  {
    std::ofstream yaml(dir + "/two-changes.yaml");
    yaml << "name: two-changes\n"
            "governance:\n  structure: fragmented\n"
            "changes:\n"
            "  - day: 30\n    set:\n      platform.level: 1\n"
            "  - day: 45\n    set:\n      structure: grid\n";
  }
  std::vector<std::string> more = small_city();
  more.insert(more.end(), {"--db", dir + "/c.db", "--report", dir + "/c.html"});
  const Result r =
      run_govsim({"compare", dir + "/two-changes.yaml", "fragmented", "-r", "2"}, dir, more);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("before and after, two-changes"));
  CHECK_THAT(r.out, Catch::Contains("days 30-44"));
  const Store store(dir + "/c.db", StoreMode::Read);
  for (const RunRow& run : store.runs())
    CHECK(store.periods(run.key).size() == (run.design == 0 ? 3u : 1u));
  const std::string html = slurp(dir + "/c.html");
  CHECK_THAT(html, Catch::Contains("id=\"periods\""));
  CHECK_THAT(html, Catch::Contains("policy change, day 30"));
  CHECK_THAT(html, Catch::Contains("policy change, day 45"));
  // The map of who gains and who loses: one square per grid of the small city, per outcome.
  const auto count = [&](const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = html.find(what); at != std::string::npos; at = html.find(what, at + 1))
      ++n;
    return n;
  };
  CHECK(count("class=\"grid-cell\"") == 2 * 20);
  CHECK_THAT(html, Catch::Contains("id=\"equity-table\""));
  // --periods chooses the periods and the reference: period 3 against period 2, from the store.
  std::vector<std::string> again = small_city();
  again.insert(again.end(), {"--db", dir + "/c.db", "--resume", "--periods", "2,3"});
  const Result chosen =
      run_govsim({"compare", dir + "/two-changes.yaml", "fragmented", "-r", "2"}, dir, again);
  INFO(chosen.err);
  REQUIRE(chosen.code == 0);
  CHECK_THAT(chosen.out, Catch::Contains("against period 2, days 30-44"));
  CHECK_THAT(chosen.out, Catch::Contains("period 3, days 45-"));
  CHECK_THAT(chosen.out, !Catch::Contains("period 1, days"));
  again.back() = "1,4";  // the runs have three periods: said, not a failure
  const Result beyond =
      run_govsim({"compare", dir + "/two-changes.yaml", "fragmented", "-r", "2"}, dir, again);
  CHECK(beyond.code == 0);
  CHECK_THAT(beyond.err, Catch::Contains("period 4 does not exist: the runs have 3 periods"));
  again.back() = "2";  // a comparison needs two periods: refused before any run
  const Result one =
      run_govsim({"compare", dir + "/two-changes.yaml", "fragmented", "-r", "2"}, dir, again);
  CHECK(one.code == 2);
  CHECK_THAT(one.err, Catch::Contains("--periods: name at least two periods"));
}

// A planted frontier through the command itself. The street officials' yearly cost changes the
// cost and nothing else (same seed, same bits of every outcome), so each design at 200 000 is
// dominated by its twin at 100 000: the same outcome exactly, a higher cost. The cheapest design
// (no platform, cheap officials) is on the frontier since nothing costs less; the platform at
// level 1 costs more and answers faster (MODEL.md 7.6), so its cheap twin is on it too.
TEST_CASE("govsim frontier finds a planted frontier: cost-only twins dominated, the rest on it",
          "[e2e][frontier]") {
  const std::string dir = fresh_dir("frontier-planted");
  std::vector<std::string> more = small_city();
  more.insert(more.end(), {"--db", dir + "/f.db", "--report", dir + "/f.html"});
  const Result r = run_govsim(
      {"frontier", "baseline", "--over", "governance.costs.street_official=100000,200000", "--over",
       "governance.platform.level=0,1", "--outcome", "response_time_p90_h", "-r", "3",
       "--max-replications", "6"},
      dir, more);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("2 of 4 designs on the frontier"));
  const Store store(dir + "/f.db", StoreMode::Read);
  const Json record = Json::parse(*store.meta("frontier"));
  std::set<std::pair<double, double>> on, off;
  for (const Json& p : record["points"]) {
    const double official =
        std::stod(p["params"]["governance.costs.street_official"].get<std::string>());
    const double platform = std::stod(p["params"]["governance.platform.level"].get<std::string>());
    (p["on_frontier"].get<bool>() ? on : off).insert({official, platform});
    if (official > 100000) {
      // Dominated clearly, by its cheap twin among others: equal outcome, strictly dearer.
      CHECK(p["settled"].get<bool>());
      CHECK_FALSE(p["clearly_dominated_by"].empty());
    }
  }
  CHECK(on == std::set<std::pair<double, double>>{{100000, 0}, {100000, 1}});
  CHECK(off == std::set<std::pair<double, double>>{{200000, 0}, {200000, 1}});
  // The chart: the frontier's band (two designs on it), one dot per dominated design.
  const std::string html = slurp(dir + "/f.html");
  CHECK_THAT(html, Catch::Contains("class=\"frontier-band\""));
  CHECK_THAT(html, Catch::Contains("class=\"dominated\""));
  CHECK_THAT(html, !Catch::Contains("e+06"));  // yuan in whole units on the axis
}

// A sweep of six designs draws its time charts as small multiples (one design each), not six
// lines with their bands over one another.
TEST_CASE("a sweep of six designs draws small multiples over time", "[e2e][report]") {
  const std::string dir = fresh_dir("multiples");
  std::vector<std::string> more = small_city();
  more.insert(more.end(), {"--report", dir + "/s.html"});
  const Result r = run_govsim({"sweep", "baseline", "--vary", "governance.platform.level=0,0.5,1",
                               "--vary", "governance.volunteers.per_1k=2,8", "-r", "1"},
                              dir, more);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK_THAT(slurp(dir + "/s.html"), Catch::Contains("class=\"multiples\" id=\"series-backlog\""));
}
