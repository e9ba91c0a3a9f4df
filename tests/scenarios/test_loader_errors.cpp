// Every broken fixture fails with an InputError that names the file, the line and the key.
#include <filesystem>
#include <fstream>

#include "fixtures.hpp"
#include "scenarios/loader.hpp"

using govsim::load_scenario;
using govsim::test::fixture;
using govsim::test::require_input_error;

namespace {

void require_broken(const std::string& name, std::initializer_list<std::string> parts) {
  require_input_error([&] { load_scenario(fixture("broken/" + name)); }, parts);
}

}  // namespace

TEST_CASE("a YAML syntax error is reported with a 1-based position") {
  require_broken("syntax.yaml", {"broken/syntax.yaml:4:16: YAML syntax error: ", "flow"});
}

TEST_CASE("an unknown key suggests the nearest valid one") {
  require_broken("unknown-key.yaml", {"broken/unknown-key.yaml:4:3: governance.platfrom: "
                                      "unknown key; did you mean 'platform'?"});
}

TEST_CASE("a swapped pair of letters still finds the key") {
  require_broken("bad-change-key.yaml", {"broken/bad-change-key.yaml:5:7: "
                                         "changes[0].set.platform.levle: unknown key; did you "
                                         "mean 'level'?"});
}

TEST_CASE("an unknown key far from any valid one lists the valid keys") {
  require_input_error([] { load_scenario("baseline", {"run.zzzzzz=1"}); },
                      {"<command line>: --set run.zzzzzz: unknown key; valid keys: 'days', "
                       "'seed', 'warmup_days'"});
}

TEST_CASE("a value of the wrong type names the expected type and range") {
  require_broken("wrong-type.yaml", {"broken/wrong-type.yaml:3:18: governance.legal_clarity: "
                                     "expected a number in [0, 1], got 'high'"});
  require_broken("map-for-number.yaml", {"broken/map-for-number.yaml:4:5: run.days: expected a "
                                         "whole number in [1, 36500], got a map"});
  require_broken("fractional-days.yaml", {"broken/fractional-days.yaml:3:9: run.days: expected "
                                          "a whole number in [1, 36500], got '36.5'"});
}

TEST_CASE("a choice outside its names lists them") {
  require_broken("bad-choice.yaml",
                 {"broken/bad-choice.yaml:3:14: governance.structure: expected one of "
                  "'fragmented', 'grid', got 'grdi'; did you mean 'grid'?"});
}

TEST_CASE("negative staff is out of range") {
  require_broken("negative-staff.yaml",
                 {"broken/negative-staff.yaml:5:28: governance.staffing.grid_workers_per_grid: "
                  "-3 is out of range [0, 20]"});
}

TEST_CASE("a share above 1 is out of range, and shares must sum to 1") {
  require_broken("share-above-one.yaml", {"broken/share-above-one.yaml:3:18: city.elderly_share: "
                                          "1.2 is out of range [0, 1]"});
  require_broken("housing-sum.yaml", {"broken/housing-sum.yaml:3:3: city.housing: shares sum to "
                                      "1.2, must sum to 1"});
}

TEST_CASE("a missing extends file is named at the extends line") {
  require_broken(
      "missing-extends.yaml",
      {"broken/missing-extends.yaml:3:10: extends: cannot find '", "broken/no-such-parent.yaml'"});
}

TEST_CASE("cyclic extends lists the chain") {
  require_broken("cycle-a.yaml", {"broken/cycle-b.yaml:2:10: extends: cycle: ", "cycle-a.yaml -> ",
                                  "cycle-b.yaml -> ", "cycle-a.yaml"});
}

TEST_CASE("an error in an extended file names that file, not the child") {
  require_broken("child-of-bad-parent.yaml", {"broken/bad-parent.yaml:4:3: city.gridz: unknown "
                                              "key; did you mean 'grids'?"});
}

TEST_CASE("an alias bomb stops at the node limit") {
  require_broken("alias-bomb.yaml", {"broken/alias-bomb.yaml:", "more than 20000 values"});
}

TEST_CASE("deep nesting stops at the depth limit") {
  require_broken("deep-nesting.yaml",
                 {"broken/deep-nesting.yaml:34:", "nested more than 32 levels deep"});
}

TEST_CASE("a change day outside the run is reported at its line") {
  require_broken("bad-change-day.yaml", {"broken/bad-change-day.yaml:7:10: changes[1].day: 400 "
                                         "is outside [1, 365)"});
}

TEST_CASE("two changes on one day are refused") {
  require_broken("duplicate-change-day.yaml",
                 {"broken/duplicate-change-day.yaml:5:10: changes[1].day: day 100 already has a "
                  "change (line 3)"});
}

TEST_CASE("a change is validated like the base governance") {
  require_broken("bad-change-value.yaml", {"broken/bad-change-value.yaml:6:16: "
                                           "changes[0].set.platform.level: 1.5 is out of range"});
}

TEST_CASE("a bad city-table cell is reported in the CSV file") {
  require_broken("bad-city-table.yaml", {"broken/bad-city.csv:3:19: column 'population': 'abc' "
                                         "is not a whole number ≥ 1"});
  require_broken("missing-table.yaml", {"broken/missing-table.yaml:3:10: city.table: cannot open",
                                        "broken/no-such-table.csv"});
}

TEST_CASE("document-level mistakes are located") {
  require_broken("two-documents.yaml", {"broken/two-documents.yaml:3:1: a second YAML document"});
  require_broken("duplicate-key.yaml", {"broken/duplicate-key.yaml:4:3: governance.legal_clarity: "
                                        "key given twice (first on line 3)"});
  require_broken("list-at-top.yaml", {"broken/list-at-top.yaml:1:1: expected a map of settings"});
}

TEST_CASE("unknown scenario names and missing files are refused") {
  require_input_error([] { load_scenario("modrn"); },
                      {"unknown scenario 'modrn'; did you mean 'modern'?"});
  require_input_error([] { load_scenario("modern.yaml"); },
                      {"modern.yaml: no such file; for the shipped scenario, write 'modern'"});
  require_input_error([] { load_scenario(fixture("no/such/file.yaml")); },
                      {"no/such/file.yaml: no such file"});
  require_input_error([] { load_scenario(fixture("broken")); }, {"broken: not a file"});
}

TEST_CASE("a file over 1 MiB is refused before it is parsed") {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "govsim-test-too-large.yaml";
  {
    std::ofstream out(path);
    out << "name: too-large\n";
    const std::string comment = "# " + std::string(1022, 'x') + "\n";
    for (int i = 0; i < 1100; ++i) out << comment;
  }
  require_input_error([&] { load_scenario(path.string()); },
                      {"govsim-test-too-large.yaml: larger than 1 MiB"});
  std::filesystem::remove(path);
}

TEST_CASE("a change key given both dotted and nested is refused") {
  require_broken("change-key-twice.yaml", {"broken/change-key-twice.yaml:4:43: "
                                           "changes[0].set.platform.level: key given twice "
                                           "(first on line 4)"});
}

TEST_CASE("nesting past yaml-cpp's own guard gives the same message") {
  require_broken("deep-flow.yaml", {"broken/deep-flow.yaml:", "nested more than 32 levels deep"});
}
