// The GUI's parts that need no display: the shared series, the per-grid live figures, the map's
// geometry, the colour scale and the simulation thread (commands, snapshots, compare mode).
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "scenarios/loader.hpp"
#include "sim/observation.hpp"
#include "sim/simulation.hpp"
#include "viz/colour_scale.hpp"
#include "viz/lane_stats.hpp"
#include "viz/map_layout.hpp"
#include "viz/series_export.hpp"
#include "viz/sim_thread.hpp"
#include "viz/snapshot.hpp"

using namespace govsim;
using namespace govsim::viz;

namespace {

// Waits (up to a minute) for a snapshot that satisfies `ok`.
template <class F>
std::shared_ptr<const Snapshot> wait_for(const SimThread& sim, F&& ok) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (std::chrono::steady_clock::now() < until) {
    auto snap = sim.latest();
    if (snap && ok(*snap)) return snap;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  FAIL("no snapshot in time");
  return nullptr;
}

}  // namespace

TEST_CASE("a series view keeps its rows while the log grows") {
  SeriesLog log;
  for (int d = 0; d < 300; ++d) {
    DayMetrics m;
    m.day = d;
    log.push(m);
  }
  const SeriesView early = log.view();
  for (int d = 300; d < 700; ++d) {
    DayMetrics m;
    m.day = d;
    log.push(m);
  }
  const SeriesView late = log.view();
  REQUIRE(early.size() == 300);
  REQUIRE(late.size() == 700);
  for (std::size_t d = 0; d < late.size(); ++d) CHECK(late[d].day == std::int64_t(d));
  CHECK(early.back().day == 299);
}

TEST_CASE("per-grid figures add up to the city's") {
  const Scenario s = load_scenario("classroom-town");
  SerialExecutor ex;
  Simulation sim(s, ex);
  sim.set_tracing(true);
  LaneStats stats(sim.observe().city());
  std::int64_t disputes = 0;
  for (int d = 0; d < 45; ++d) {
    sim.step();
    stats.after_step(sim.observe());
    if (d >= 45 - LaneStats::kWindowDays) disputes += sim.series().back().new_disputes;
  }
  LaneView v;
  stats.fill(sim.observe(), 3, v);
  const City& c = sim.observe().city();
  double backlog = 0, rate = 0, open = 0;
  for (std::uint32_t g = 0; g < c.grids; ++g) {
    backlog += v.grid_metric[int(MapMetric::Backlog)][g];
    // Back from per 1k residents a month over 30 days to a count.
    rate += double(v.grid_metric[int(MapMetric::DisputeRate)][g]) * c.grid_population[g] / 1000.0;
    open += v.grid_open[g];
    const float trust = v.grid_metric[int(MapMetric::Trust)][g];
    CHECK((trust >= 0 && trust <= 1));
  }
  CHECK(backlog == Approx(double(sim.series().back().backlog)));
  CHECK(rate == Approx(double(disputes)));
  CHECK(open == Approx(double(sim.series().back().open_total)));
  for (const auto* f : {&v.flows.new_cases, &v.flows.up_to_street, &v.flows.resolved_grid})
    for (float x : *f) CHECK(x >= 0);
  CHECK(v.detail.grid == 3);
  CHECK(v.detail.community_officials > 0);
  CHECK(!v.detail.recent.empty());
  for (const CaseRow& r : v.detail.recent) CHECK(case_grid(r.id) == 3);
}

TEST_CASE("the generated map tiles each community with one shape per grid") {
  const Scenario s = load_builtin_default();
  const City city = build_city(s);
  const MapLayout m = build_map_layout(city, true);
  REQUIRE(m.grid_first_vertex.size() == city.grids + 1);
  for (std::uint32_t g = 0; g < city.grids; ++g) {
    INFO("grid " << g);
    CHECK(m.grid_first_vertex[g + 1] - m.grid_first_vertex[g] >= 3);
    CHECK(pick_grid(m, m.grid_centre[g]) == int(g));
  }
  CHECK(!m.community_edges.empty());
  CHECK(!m.grid_edges.empty());
  CHECK(m.street_area.size() == city.streets);
  CHECK(m.community_centre.size() == city.communities);
  CHECK(pick_grid(m, {m.lo.x - 10, m.lo.y - 10}) == -1);
}

TEST_CASE("a GeoJSON city keeps its polygons, and its boundaries are classed") {
  const City city = build_city(load_scenario("geojson-district"));
  const MapLayout m = build_map_layout(city, false);
  for (std::uint32_t g = 0; g < city.grids; ++g) {
    INFO("grid " << city.grid_names[g]);
    CHECK(m.outline[g].size() == 1);
    CHECK(pick_grid(m, m.grid_centre[g]) == int(g));
  }
  CHECK(!m.street_edges.empty());
  CHECK(!m.community_edges.empty());
  CHECK(!m.grid_edges.empty());
  CHECK(m.street_area[0].empty());  // the polygons tile the ground
}

TEST_CASE("red means worse on every colour scale") {
  ColourScale bad{0, 10, false}, good{0, 1, true};
  CHECK(bad.colour(10).r > bad.colour(10).b);  // a high backlog is red
  CHECK(good.colour(0).r > good.colour(0).b);  // low trust is red
  CHECK(good.colour(1).b > good.colour(1).r);  // high trust is blue
  CHECK(bad.colour(NAN).r == kNoData.r);
  const std::vector<float> values{0.41f, 0.47f, NAN, 0.52f};
  const ColourScale fitted = fit_scale({&values}, true, true, false);
  CHECK(fitted.lo <= 0.41f);
  CHECK(fitted.hi >= 0.52f);
  CHECK(fitted.lo >= 0.0f);
  CHECK(fitted.hi <= 1.0f);
}

TEST_CASE("the simulation thread steps, marks policy changes and answers every command") {
  SimThread sim(load_scenario("classroom-town"), 1);
  sim.start();
  auto snap = wait_for(sim, [](const Snapshot& s) { return !s.lanes.empty(); });
  CHECK(snap->day == 0);
  CHECK(snap->city->grids == 20);
  sim.run_until(5);
  snap = wait_for(sim, [](const Snapshot& s) { return s.day == 5 && !s.playing; });
  CHECK(snap->lanes[0].series.size() == 5);
  GovernanceConfig g = snap->lanes[0].governance;
  g.platform.level = 0.5;
  const std::uint64_t seq = sim.set_governance(0, g, "platform.level=0.5");
  snap = wait_for(sim, [&](const Snapshot& s) { return s.acknowledged >= seq; });
  REQUIRE(snap->lanes[0].pending.has_value());
  CHECK(snap->lanes[0].pending->platform.level == 0.5);
  sim.step();
  snap = wait_for(sim, [](const Snapshot& s) { return s.day == 6 && !s.playing; });
  REQUIRE(snap->lanes[0].markers.size() == 1);
  CHECK(snap->lanes[0].markers[0].day == 5);
  CHECK(snap->lanes[0].markers[0].text == "platform.level=0.5");
  CHECK(snap->lanes[0].governance.platform.level == 0.5);
  CHECK(!snap->lanes[0].pending.has_value());
  CHECK(snap->lanes[0].series[5].policy_change == 1);
  // The scenario's own change (platform at day 90) is marked too.
  sim.run_until(91);
  snap = wait_for(sim, [](const Snapshot& s) { return s.day == 91 && !s.playing; });
  CHECK(snap->lanes[0].markers.back().day == 90);
  CHECK(snap->lanes[0].markers.back().text == "platform.level=0.8");
  const std::uint64_t generation = snap->generation;
  sim.reset(7);
  snap = wait_for(sim, [&](const Snapshot& s) { return s.generation > generation; });
  CHECK(snap->day == 0);
  CHECK(snap->seed == 7);
  const std::uint64_t bad = sim.load("no-such-scenario", {});
  snap = wait_for(sim, [&](const Snapshot& s) { return s.acknowledged >= bad; });
  CHECK(snap->error.find("unknown scenario 'no-such-scenario'") != std::string::npos);
  CHECK(snap->scenario->name == "classroom-town");  // the running one is kept
}

TEST_CASE("compare mode runs two designs on the same random streams") {
  SimThread sim(load_scenario("classroom-town"), 1);
  sim.set_compare("classroom-town");  // the same design twice: no difference at all
  sim.run_until(30);
  sim.start();
  auto snap = wait_for(sim, [](const Snapshot& s) { return s.day == 30 && !s.playing; });
  REQUIRE(snap->lanes.size() == 2);
  for (std::size_t d = 0; d < 30; ++d) {
    CHECK(snap->lanes[0].series[d].new_cases == snap->lanes[1].series[d].new_cases);
    CHECK(snap->lanes[0].series[d].resolved == snap->lanes[1].series[d].resolved);
    CHECK(snap->lanes[0].series[d].trust_mean == snap->lanes[1].series[d].trust_mean);
  }
  // A different design changes the outcome, not the city.
  sim.set_compare("modern");
  sim.run_until(30);
  snap = wait_for(sim, [](const Snapshot& s) {
    return s.lanes.size() == 2 && s.lanes[1].label == "modern" && s.day == 30 && !s.playing;
  });
  CHECK(snap->lanes[1].governance.structure == Structure::Grid);
  CHECK(snap->lanes[0].series[0].residents == snap->lanes[1].series[0].residents);
  CHECK(snap->lanes[0].series[29].trust_mean != snap->lanes[1].series[29].trust_mean);
}

TEST_CASE("the series export writes one CSV per design, like govsim run's timeseries.csv") {
  SimThread sim(load_scenario("classroom-town"), 1);
  sim.set_compare("modern");
  sim.run_until(12);
  sim.start();
  const auto snap = wait_for(sim, [](const Snapshot& s) { return s.day == 12 && !s.playing; });
  const std::filesystem::path dir =
      std::filesystem::path(GOVSIM_BINARY_DIR) / "tests" / "viz" / "export";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string message = export_series(*snap, (dir / "series.csv").string());
  CHECK(message.find("wrote ") == 0);
  for (const char* name : {"series.csv", "series-b.csv"}) {
    std::ifstream in(dir / name);
    REQUIRE(in);
    std::string header, line;
    std::getline(in, header);
    CHECK(header.rfind("day,residents,new_cases", 0) == 0);
    int rows = 0;
    while (std::getline(in, line)) ++rows;
    CHECK(rows == 12);
  }
  CHECK(export_series(*snap, (dir / "no" / "such" / "dir.csv").string()).find("export failed") ==
        0);
}
