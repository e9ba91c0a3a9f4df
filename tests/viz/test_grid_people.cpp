// The GUI's people, incidents and distance (MODEL.md 7.24, 7.25) without a display: the map's
// incidents and distance colours from a run, the inspector's rows of a grid's households, open
// disputes with both parties and incidents, in both languages, and the knob panel's notes on
// keys that do nothing in a run or cannot change during it.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "engine/i18n.hpp"
#include "model/geometry.hpp"
#include "scenarios/loader.hpp"
#include "sim/observation.hpp"
#include "sim/simulation.hpp"
#include "viz/colour_scale.hpp"
#include "viz/grid_people.hpp"
#include "viz/knob_editor.hpp"
#include "viz/lane_stats.hpp"

using namespace govsim;
using namespace govsim::viz;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Sets a language for one test and puts English back.
struct InLanguage {
  explicit InLanguage(i18n::Language l) { i18n::set_language(l); }
  ~InLanguage() { i18n::set_language(i18n::Language::En); }
  InLanguage(const InLanguage&) = delete;
  InLanguage& operator=(const InLanguage&) = delete;
};

// A small town whose open disputes turn into incidents often, so that 60 days show some.
struct Run {
  Run()
      : scenario(load_scenario("classroom-town", {"model.behaviour.people.escalation_per_year=3"})),
        sim(scenario, ex),
        stats(sim.observe().city()) {
    sim.set_tracing(true);
    for (int d = 0; d < 60; ++d) {
      sim.step();
      stats.after_step(sim.observe());
      incident_cases += sim.series().back().incident_cases;
    }
  }
  Scenario scenario;
  SerialExecutor ex;
  Simulation sim;
  LaneStats stats;
  std::int64_t incident_cases = 0;
};

}  // namespace

TEST_CASE("the map's incidents and distance colours come from the run", "[people]") {
  Run run;
  REQUIRE(run.incident_cases > 0);
  LaneView v;
  run.stats.fill(run.sim.observe(), -1, v);
  const City& c = run.sim.observe().city();
  const auto& incidents = v.grid_metric[int(MapMetric::Incidents)];
  const auto& distance = v.grid_metric[int(MapMetric::StreetDistance)];
  double count = 0;
  std::uint32_t worst = 0;
  for (std::uint32_t g = 0; g < c.grids; ++g) {
    REQUIRE(!std::isnan(incidents[g]));
    CHECK(incidents[g] >= 0);
    // Back from per 10k residents a year over 60 days to a count.
    count += double(incidents[g]) * c.grid_population[g] / 10000.0 * 60.0 / 365.0;
    if (incidents[g] > incidents[worst]) worst = g;
    const Place office = street_office(c, c.grid_street[g]);
    CHECK(distance[g] == Approx(reach_km(c, office, g)));
  }
  CHECK(count == Approx(double(run.incident_cases)).epsilon(1e-4));
  // The grid with the most incidents is at the red (worse) end of its scale.
  const MetricInfo& info = kMetricInfo[int(MapMetric::Incidents)];
  CHECK(std::string(info.key) == "incidents");
  const ColourScale scale = fit_scale({&incidents}, info.higher_is_better, false, true);
  CHECK(scale.lo == 0);
  const Rgb hot = scale.colour(incidents[worst]);
  CHECK(hot.r > hot.b);
}

TEST_CASE("the inspector lists a grid's households, disputes with both parties and incidents",
          "[people]") {
  Run run;
  const City& c = run.sim.observe().city();
  // The grid with the most incidents so far, so that every part has rows.
  LaneView all;
  run.stats.fill(run.sim.observe(), -1, all);
  const auto& incidents = all.grid_metric[int(MapMetric::Incidents)];
  int grid = 0;
  for (std::uint32_t g = 0; g < c.grids; ++g)
    if (incidents[g] > incidents[static_cast<std::size_t>(grid)]) grid = static_cast<int>(g);
  LaneView v;
  run.stats.fill(run.sim.observe(), grid, v);
  const GridDetail& d = v.detail;
  REQUIRE(d.grid == grid);
  CHECK(d.households == c.grid_households[static_cast<std::size_t>(grid)]);
  CHECK(d.tie_ends > 0);
  CHECK(d.tie_ends % 2 == 0);  // ties join residents of the same building, so of the same grid
  REQUIRE(d.incidents > 0);
  REQUIRE(!d.incident_rows.empty());
  CHECK(d.open_disputes >= static_cast<int>(d.disputes.size()));
  for (const DisputeRow& r : d.disputes) CHECK(case_grid(r.id) == std::uint32_t(grid));
  for (const IncidentRow& r : d.incident_rows) CHECK(case_grid(r.id) == std::uint32_t(grid));
  const double now_h = double(run.sim.observe().day()) * 24;
  {
    const PeopleRows rows = people_rows(d, now_h);
    CHECK(has(rows.households, std::to_string(d.households) + " households"));
    CHECK(has(rows.disputes_heading, "open disputes: " + std::to_string(d.open_disputes)));
    REQUIRE(rows.disputes.size() == d.disputes.size());
    for (const PeopleRow& r : rows.disputes) {
      CHECK(has(r.parties, "resident #"));
      CHECK(has(r.parties, " and "));
      CHECK(has(r.status, "dispute, "));
      CHECK(has(r.status, ", open "));
    }
    CHECK(has(rows.incidents_heading, std::to_string(d.incidents)));
    REQUIRE(rows.incidents.size() == d.incident_rows.size());
    for (const PeopleRow& r : rows.incidents) CHECK(has(r.status, "incident, arose on day "));
  }
  InLanguage zh(i18n::Language::Zh);
  const PeopleRows rows = people_rows(d, now_h);
  CHECK(has(rows.households, "户"));
  CHECK(has(rows.disputes_heading, "纠纷"));
  for (const PeopleRow& r : rows.disputes) CHECK(has(r.parties, "居民"));
  for (const PeopleRow& r : rows.incidents) CHECK(has(r.status, "事件"));
}

TEST_CASE("a party is a resident with the household, or the kind of party from outside",
          "[people]") {
  GridDetail d;
  d.first_resident = 100;
  d.residents = 10;
  d.households = 4;
  CHECK(party_text(d, 100, 0) == "resident #100 (household 1)");
  CHECK(party_text(d, 109, 0) == "resident #109 (household 4)");
  CHECK(party_text(d, kNoParty, 3) == "a landlord living elsewhere");
  CHECK(party_text(d, kNoParty, 4) == "an employer or a business outside the grid");
  CHECK(party_text(d, kNoParty, 0xFF) == "a party outside the grid");
  DisputeRow r;
  r.resident = 101;
  r.kind = 3;
  r.state = CaseState::Queued;
  r.level = Level::Community;
  r.people = kRepeatDispute;
  r.t_arise = 24;
  d.disputes.push_back(r);
  d.open_disputes = 3;
  const PeopleRows rows = people_rows(d, 24 + 72);
  REQUIRE(rows.disputes.size() == 1);
  CHECK(rows.disputes_heading == "open disputes: 3 (the oldest 1 shown)");
  CHECK(rows.disputes[0].parties == "resident #101 (household 1) and a landlord living elsewhere");
  CHECK(rows.disputes[0].status == "housing dispute, waiting at a desk (community), open 3.0 d");
  CHECK(rows.disputes[0].flags == "repeat");
  d.disputes[0].people = kCrisis | kEscalated;
  CHECK(people_rows(d, 0).disputes[0].flags == "crisis · escalated into an incident");
  InLanguage zh(i18n::Language::Zh);
  CHECK(party_text(d, kNoParty, 3) == "住在别处的房东");
  CHECK(people_rows(d, 24 + 72).disputes[0].status.find("房屋宅基地纠纷") == 0);
}

TEST_CASE("the knob panel says which keys do nothing in this run or cannot change in it",
          "[people]") {
  GovernanceConfig g;
  CalendarConfig calendar;
  calendar.on = false;
  CHECK(knob_idle_reason("deadlines.small_h", g, calendar) == nullptr);
  CHECK(knob_idle_reason("deadlines.small_wd", g, calendar) != nullptr);
  CHECK(knob_idle_reason("counsellors.per_community", g, calendar) == nullptr);
  calendar.on = true;
  CHECK(knob_idle_reason("deadlines.hard_h", g, calendar) != nullptr);
  CHECK(knob_idle_reason("deadlines.hard_wd", g, calendar) == nullptr);
  CHECK(knob_idle_reason("deadlines.emergency_h", g, calendar) == nullptr);
  CHECK(knob_idle_reason("mediators.grid_rooms", g, calendar) == nullptr);
  g.structure = Structure::Fragmented;
  CHECK(knob_idle_reason("mediators.grid_rooms", g, calendar) != nullptr);
  Scenario s;
  s.calendar.on = true;
  const std::string en = fixed_keys_note(s);
  CHECK(has(en, "calendar.*, now on"));
  CHECK(has(en, "model.behaviour.people.*"));
  CHECK(has(en, "model.space.*"));
  InLanguage zh(i18n::Language::Zh);
  CHECK(has(fixed_keys_note(s), "工作日历"));
  CHECK(has(knob_idle_reason("deadlines.hard_h", g, s.calendar), "工作日历"));
}
