// The loader's semantics: extends, --set overrides, changes, defaults and names.
#include <set>

#include "fixtures.hpp"
#include "scenario_fields.hpp"
#include "scenarios/loader.hpp"

using namespace govsim;
using govsim::test::differing_keys;
using govsim::test::fixture;
using govsim::test::require_input_error;

TEST_CASE("extends overrides only what the child states") {
  const Scenario parent = load_scenario("grid-one-branch");
  const Scenario child = load_scenario("grid-volunteers");
  CHECK(differing_keys(parent, child) == std::set<std::string>{"name", "description",
                                                               "governance.volunteers.per_1k",
                                                               "governance.volunteers.training",
                                                               "governance.volunteers.procedures"});
  CHECK(differing_keys(load_scenario("baseline"), load_scenario("fragmented")) ==
        std::set<std::string>{"name", "description"});
}

TEST_CASE("name and description are not inherited, and name defaults to the file stem") {
  const Scenario s = load_scenario(fixture("good/extends-shipped.yaml"));
  CHECK(s.name == "extends-shipped");
  CHECK(s.description.empty());
  CHECK(s.source == fixture("good/extends-shipped.yaml"));
  // A file extending a shipped name with no such file beside it gets the shipped scenario.
  CHECK(s.governance.platform.level == 0.9);
  CHECK(s.governance.leadership == 0.5);
}

TEST_CASE("an empty file is refused with advice, not run as the built-in baseline") {
  govsim::test::require_input_error(
      [] { load_scenario(fixture("broken/empty.yaml")); },
      {"broken/empty.yaml: the scenario file sets nothing", "'extends: baseline'"});
}

TEST_CASE("set overrides apply after extends and before validation") {
  const Scenario s = load_scenario("modern", {"governance.platform.level=0.25", "run.days = 100",
                                              "governance.structure=fragmented", "name=my run"});
  CHECK(s.governance.platform.level == 0.25);
  CHECK(s.run.days == 100);
  CHECK(s.governance.structure == Structure::Fragmented);
  CHECK(s.name == "my run");
  CHECK(differing_keys(load_scenario("modern"), s) ==
        std::set<std::string>{"name", "governance.platform.level", "run.days",
                              "governance.structure"});
  CHECK(load_builtin_default({"governance.volunteers.procedures=yes"})
            .governance.volunteers.procedures);
}

TEST_CASE("set override mistakes are reported against the command line") {
  require_input_error([] { load_scenario("baseline", {"governance.platfrom.level=0.5"}); },
                      {"<command line>: --set governance.platfrom.level: unknown key; did you "
                       "mean 'platform'?"});
  require_input_error([] { load_scenario("baseline", {"governance.legal_clarity=high"}); },
                      {"<command line>: --set governance.legal_clarity: expected a number in "
                       "[0, 1], got 'high'"});
  require_input_error([] { load_scenario("baseline", {"governance.platform=0.5"}); },
                      {"--set governance.platform: is a group of settings; set one of its keys: "
                       "'level', 'sensor_coverage'"});
  require_input_error([] { load_scenario("baseline", {"run.days"}); },
                      {"--set run.days: expected key=value"});
  require_input_error([] { load_scenario("baseline", {"run.seed=-1"}); },
                      {"--set run.seed: -1 is out of range [0, 9007199254740991]"});
  require_input_error([] { load_scenario("baseline", {"city.grids=3"}); },
                      {"city.grids: 3 cannot be shared among 14 communities"});
}

TEST_CASE("changes apply in day order, each on top of the one before") {
  const Scenario s = load_scenario(fixture("good/changes.yaml"));
  REQUIRE(s.changes.size() == 2);
  CHECK(s.changes[0].day == 100);
  CHECK(s.changes[0].summary == "platform.level=0.5, platform.sensor_coverage=0.25");
  CHECK(s.changes[0].governance.platform.level == 0.5);
  CHECK(s.changes[0].governance.legal_clarity == s.governance.legal_clarity);
  CHECK(s.changes[1].day == 200);
  CHECK(s.changes[1].summary == "legal_clarity=0.9, routing.escalate_wait_h=24");
  CHECK(s.changes[1].governance.platform.level == 0.5);
  CHECK(s.changes[1].governance.legal_clarity == 0.9);
  CHECK(s.changes[1].governance.routing.escalate_wait_h == 24);
}

TEST_CASE("a set override of governance carries into the changes") {
  const Scenario s = load_scenario("classroom-town", {"governance.leadership=0.7"});
  REQUIRE(s.changes.size() == 1);
  CHECK(s.changes[0].governance.leadership == 0.7);
  require_input_error([] { load_scenario("classroom-town", {"run.days=60"}); },
                      {"<built-in:classroom-town>:", "changes[0].day: 90 is outside [1, 60)"});
}

TEST_CASE("seeds are read exactly up to 2^53 - 1") {
  CHECK(load_builtin_default({"run.seed=9007199254740991"}).run.seed == 9007199254740991ULL);
  CHECK(load_builtin_default({"run.seed=1e3"}).run.seed == 1000);
}
