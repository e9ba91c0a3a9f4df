// The shipped scenarios: all load, the binary holds the current files, and each design in the
// chain adds exactly its remedy to the one before.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "fixtures.hpp"
#include "scenario_fields.hpp"
#include "scenarios/loader.hpp"

using namespace govsim;
using govsim::test::differing_keys;
using govsim::test::source_path;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::set<std::string> with_name(std::set<std::string> keys) {
  keys.insert("name");
  keys.insert("description");
  return keys;
}

}  // namespace

TEST_CASE("every shipped scenario loads, by name and from its file") {
  const std::vector<ShippedScenario> shipped = shipped_scenarios();
  REQUIRE(shipped.size() >= 11);
  for (const ShippedScenario& entry : shipped) {
    INFO("scenario " << entry.name);
    const Scenario by_name = load_scenario(entry.name);
    CHECK(by_name.name == entry.name);
    CHECK(by_name.source == "<built-in:" + entry.name + ">");
    CHECK_FALSE(entry.title.empty());
    // Every shipped scenario is described in English and Chinese, each on one line.
    CHECK(entry.description.has_every_language());
    CHECK(entry.description.en.find('\n') == std::string::npos);
    CHECK(entry.description.zh.find('\n') == std::string::npos);
    CHECK(scenario_description(by_name) == entry.description);
    const Scenario from_file = load_scenario(source_path("scenarios/" + entry.name + ".yaml"));
    CHECK(differing_keys(by_name, from_file).empty());
    CHECK(from_file.changes.size() == by_name.changes.size());
    CHECK(from_file.grid_table.size() == by_name.grid_table.size());
  }
}

TEST_CASE("the binary holds every scenario file as it is now") {
  std::set<std::string> on_disk;
  for (const auto& file : std::filesystem::directory_iterator(source_path("scenarios"))) {
    if (file.path().extension() == ".yaml") on_disk.insert(file.path().stem().string());
  }
  std::set<std::string> embedded;
  for (const ShippedScenario& entry : shipped_scenarios()) {
    embedded.insert(entry.name);
    CHECK(shipped_scenario_text(entry.name) ==
          read_file(source_path("scenarios/" + entry.name + ".yaml")));
  }
  CHECK(embedded == on_disk);
  CHECK(shipped_scenario_text("baseline.yaml") == shipped_scenario_text("baseline"));
  CHECK_THROWS_AS(shipped_scenario_text("no-such-scenario"), InputError);
}

TEST_CASE("shipped scenarios are listed sorted, with titles") {
  const std::vector<ShippedScenario> shipped = shipped_scenarios();
  for (std::size_t i = 1; i < shipped.size(); ++i) CHECK(shipped[i - 1].name < shipped[i].name);
  CHECK(shipped.front().name == "baseline");
  CHECK(shipped.front().title.en == "Baseline city under today's design");
  CHECK(shipped.front().title.in(i18n::Language::Zh) == "基准城市，今天的做法");
  CHECK(shipped.front().title.in(i18n::Language::En) == "Baseline city under today's design");
}

TEST_CASE("the baseline is the built-in default: today's fragmented design") {
  const Scenario s = load_builtin_default();
  CHECK(s.name == "baseline");
  CHECK(s.city.residents == 100000);
  CHECK(s.city.streets == 2);
  CHECK(s.city.communities == 14);
  CHECK(s.city.grids == 100);
  CHECK(s.governance.structure == Structure::Fragmented);
  CHECK(s.governance.mediators.per_community == 0);
  CHECK(s.governance.volunteers.training == 0.1);
  CHECK_FALSE(s.governance.volunteers.procedures);
  CHECK(s.governance.legal_clarity == 0.3);
  CHECK(s.governance.platform.level == 0);
  CHECK(s.governance.admin_burden.officials == 0.55);
  CHECK(s.governance.leadership == 0.3);
  CHECK(s.governance.participation == 0.25);
  CHECK(s.changes.empty());
  CHECK(differing_keys(s, load_scenario("baseline")).empty());
}

TEST_CASE("each design in the chain adds only its remedy") {
  const auto diff = [](const char* a, const char* b) {
    return differing_keys(load_scenario(a), load_scenario(b));
  };
  CHECK(diff("baseline", "grid-one-branch") ==
        with_name({"governance.structure", "governance.staffing.grid_workers_per_grid",
                   "governance.city_tier.departments"}));
  CHECK(diff("grid-one-branch", "grid-multi-branch") == with_name({"governance.grids_per_branch"}));
  CHECK(diff("grid-volunteers", "grid-mediators") ==
        with_name({"governance.mediators.per_community", "governance.mediators.per_street",
                   "governance.counsellors.per_community", "governance.counsellors.per_street"}));
  CHECK(diff("grid-mediators", "grid-legal") == with_name({"governance.legal_clarity"}));
  CHECK(diff("grid-legal", "grid-platform") ==
        with_name({"governance.platform.level", "governance.platform.sensor_coverage"}));
  CHECK(diff("grid-platform", "modern") ==
        with_name({"governance.leadership", "governance.participation",
                   "governance.admin_burden.officials", "governance.admin_burden.grid_workers"}));

  const Scenario modern = load_scenario("modern");
  CHECK(modern.governance.structure == Structure::Grid);
  CHECK(modern.governance.grids_per_branch == 1);
  CHECK(modern.governance.staffing.grid_workers_per_grid == 1);
  CHECK(modern.governance.volunteers.training == 0.8);
  CHECK(modern.governance.mediators.per_street == 2);
  CHECK(modern.governance.legal_clarity == 0.85);
  CHECK(modern.governance.platform.level == 0.9);
  CHECK(modern.governance.admin_burden.officials == 0.3);
}

TEST_CASE("the classroom town switches the platform on at day 90") {
  const Scenario s = load_scenario("classroom-town");
  CHECK(s.city.residents == 20000);
  CHECK(s.city.grids == 20);
  CHECK(s.run.days == 180);
  CHECK(s.governance.structure == Structure::Fragmented);
  REQUIRE(s.changes.size() == 1);
  CHECK(s.changes[0].day == 90);
  CHECK(s.changes[0].summary == "platform.level=0.8");
  CHECK(s.changes[0].governance.platform.level == 0.8);
  Scenario switched = s;
  switched.governance = s.changes[0].governance;
  CHECK(differing_keys(s, switched) == std::set<std::string>{"governance.platform.level"});
}

TEST_CASE("the city-table scenario reads its shipped district") {
  const Scenario s = load_scenario("city-table");
  CHECK(s.city.table == "cities/sample-district.csv");
  REQUIRE(s.grid_table.size() == 30);
  std::set<std::string> streets;
  std::set<std::string> communities;
  for (const GridRecord& g : s.grid_table) {
    streets.insert(g.street);
    communities.insert(g.community);
  }
  CHECK(streets.size() == 3);
  CHECK(communities.count("Hexi, Old Town") == 1);
}
