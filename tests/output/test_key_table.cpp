#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "model/params.hpp"
#include "output/key_table.hpp"

namespace {

const govsim::KeyRow* find(const std::vector<govsim::KeyRow>& rows, const std::string& key) {
  for (const auto& r : rows) {
    if (r.key == key) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("the key table lists every key once with its dotted path and default") {
  const auto rows = govsim::scenario_keys();
  std::set<std::string> keys;
  for (const auto& r : rows) CHECK(keys.insert(r.key).second);

  const auto* days = find(rows, "run.days");
  REQUIRE(days);
  CHECK(days->type == "integer");
  CHECK(days->default_value == std::to_string(govsim::Scenario{}.run.days));
  CHECK(days->range == "[1, 36500]");
  CHECK(days->unit == "days");

  const auto* small = find(rows, "governance.routing.small");
  REQUIRE(small);
  CHECK(small->type == "choice");
  CHECK(small->default_value ==
        govsim::kLevelNames[static_cast<std::size_t>(govsim::Scenario{}.governance.routing.small)]);
  CHECK(small->range == "grid, community, street");

  const auto* area = find(rows, "city.grid_area_km2");
  REQUIRE(area);
  CHECK(area->range == "[0.001, 100]");

  const auto* housing = find(rows, "city.housing");
  REQUIRE(housing);
  CHECK(housing->type == "group");
  CHECK(find(rows, "city.housing.mixed"));
  CHECK(find(rows, "model.effort_median_h.hard"));
}

TEST_CASE("the key listings name every key") {
  const auto rows = govsim::scenario_keys();
  const std::string text = govsim::keys_text(rows);
  const std::string markdown = govsim::keys_markdown(rows);
  CHECK(markdown.rfind("| Key | Type | Default | Range | Unit | Meaning | Source |\n", 0) == 0);
  for (const auto& r : rows) {
    CHECK(text.find(r.key) != std::string::npos);
    CHECK(markdown.find("`" + r.key + "`") != std::string::npos);
  }
}
