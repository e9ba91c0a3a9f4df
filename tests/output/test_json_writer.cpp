#include <catch2/catch.hpp>
#include <string>

#include "output/json_writer.hpp"

using govsim::Json;

TEST_CASE("summary JSON writes NaN as null and the state hash as 16 hex digits") {
  govsim::RunSummary s;
  s.cases = 1234;
  s.response_time_p50_h = 3.5;
  s.state_hash = 0x00ab00cd00ef0012ULL;
  const Json j = govsim::summary_to_json(s);
  CHECK(j["cases"] == 1234);
  CHECK(j["response_time_p50_h"] == 3.5);
  CHECK(j["response_time_p90_h"].is_null());
  CHECK(j["state_hash"] == "00ab00cd00ef0012");
  CHECK(j.begin().key() == "days");  // schema order, not alphabetical
  // A file reader sees the same: null, not NaN (which is not JSON).
  const std::string text = govsim::to_file_text(j);
  CHECK(text.find("\"response_time_p90_h\": null") != std::string::npos);
  CHECK(text.find("NaN") == std::string::npos);
  CHECK(text.back() == '\n');
  CHECK(nlohmann::json::parse(text)["cases"] == 1234);
}

TEST_CASE("resolved scenario JSON has every group and choice and the policy changes") {
  govsim::Scenario s;
  s.name = "test";
  s.source = "somewhere/test.yaml";
  govsim::PolicyChange change;
  change.day = 90;
  change.summary = "governance.platform.level=1";
  change.governance.platform.level = 1;
  s.changes.push_back(change);
  const Json j = govsim::scenario_to_json(s);
  CHECK(j["name"] == "test");
  CHECK_FALSE(j.contains("source"));  // a machine's path does not belong in a scenario
  CHECK(j["run"]["days"] == s.run.days);
  CHECK(j["governance"]["routing"]["small"] ==
        govsim::kLevelNames[static_cast<std::size_t>(s.governance.routing.small)]);
  s.governance.structure = govsim::Structure::Fragmented;
  CHECK(govsim::scenario_to_json(s)["governance"]["structure"] == "fragmented");
  CHECK(j["governance"]["volunteers"]["procedures"] == false);
  CHECK(j["model"]["effort_median_h"]["big"] == s.model.effort_median_h.big);
  REQUIRE(j["changes"].size() == 1);
  CHECK(j["changes"][0]["day"] == 90);
  CHECK(j["changes"][0]["summary"] == "governance.platform.level=1");
  CHECK(j["changes"][0]["governance"]["platform"]["level"] == 1.0);
  CHECK(j["changes"][0]["governance"]["staffing"]["departments"] ==
        change.governance.staffing.departments);
}

TEST_CASE("the scenario hash follows what shapes results and not the name") {
  govsim::Scenario a;
  govsim::Scenario b = a;
  b.name = "other";
  b.description = "other words";
  b.source = "elsewhere.yaml";
  CHECK(govsim::scenario_hash(a) == govsim::scenario_hash(b));

  govsim::Scenario c = a;
  c.governance.leadership = 0.41;
  CHECK(govsim::scenario_hash(a) != govsim::scenario_hash(c));

  govsim::Scenario d = a;
  d.grid_table.push_back(
      {"S1", "C1", "G1", 1000, 400, govsim::HousingType::Mixed, 0.2, 0.1, 0.2, 1.0, 2.0, {}});
  govsim::Scenario e = d;
  e.grid_table[0].population = 1001;
  CHECK(govsim::scenario_hash(a) != govsim::scenario_hash(d));
  CHECK(govsim::scenario_hash(d) != govsim::scenario_hash(e));
}

TEST_CASE("FNV-1a 64 and hex formatting match the published values") {
  CHECK(govsim::fnv1a64("") == 0xcbf29ce484222325ULL);
  CHECK(govsim::fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
  CHECK(govsim::hex16(0) == "0000000000000000");
  CHECK(govsim::hex16(0xcbf29ce484222325ULL) == "cbf29ce484222325");
}
