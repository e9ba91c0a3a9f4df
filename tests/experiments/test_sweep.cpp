#include <catch2/catch.hpp>
#include <set>

#include "engine/errors.hpp"
#include "experiments/sweep.hpp"
#include "tests/experiments/input_error.hpp"

using namespace govsim;
using namespace govsim::batch;
using govsim::batch::testing::input_error;

TEST_CASE("vary: lists and stepped ranges, with the schema's types", "[sweep]") {
  const VarySpec list = parse_vary("governance.routing.small=grid, community", "--vary");
  CHECK(list.type == "choice");
  CHECK(list.values == std::vector<std::string>{"grid", "community"});

  const VarySpec range = parse_vary("governance.platform.level=0:1:0.25", "--vary");
  CHECK(range.type == "number");
  CHECK(range.values == std::vector<std::string>{"0.00", "0.25", "0.50", "0.75", "1.00"});

  // 0.1 steps must not accumulate into 0.30000000000000004.
  const VarySpec tenths = parse_vary("governance.platform.level=0:0.3:0.1", "--vary");
  CHECK(tenths.values == std::vector<std::string>{"0.0", "0.1", "0.2", "0.3"});

  const VarySpec ints = parse_vary("governance.grids_per_branch=1:7:3", "--vary");
  CHECK(ints.values == std::vector<std::string>{"1", "4", "7"});

  const VarySpec continuous = parse_vary("governance.platform.level=0.2:0.8", "--vary");
  CHECK(continuous.range);
  CHECK(continuous.values.empty());
  CHECK(continuous.lo == 0.2);
  CHECK(continuous.hi == 0.8);
}

TEST_CASE("vary: refuses what cannot be swept, saying what would be valid", "[sweep]") {
  CHECK_THAT(input_error([] { parse_vary("governance.platfrom.level=0,1", "--vary"); }),
             Catch::Contains("did you mean 'governance.platform.level'"));
  CHECK_THAT(input_error([] { parse_vary("run.seed=1,2", "--vary"); }), Catch::Contains("--seed"));
  CHECK_THAT(input_error([] { parse_vary("governance.platform.level", "--vary"); }),
             Catch::Contains("KEY=v1,v2"));
  CHECK_THAT(input_error([] { parse_vary("governance.platform.level=1:0:0.1", "--vary"); }),
             Catch::Contains("lo must not exceed hi"));
  CHECK_THAT(input_error([] { parse_vary("governance.platform.level=0:1:0", "--vary"); }),
             Catch::Contains("step must be positive"));
  CHECK_THAT(input_error([] { parse_vary("governance.grids_per_branch=1:4:0.5", "--vary"); }),
             Catch::Contains("integer key"));
  CHECK_THAT(input_error([] { parse_vary("governance.platform.level=a:1:0.5", "--vary"); }),
             Catch::Contains("not a number"));
  CHECK_THAT(input_error([] { parse_vary("governance.routing.small=grid,grid", "--vary"); }),
             Catch::Contains("listed twice"));
  CHECK_THAT(input_error([] {
               factorial_designs("baseline",
                                 {parse_vary("governance.platform.level=0:1", "--vary")});
             }),
             Catch::Contains("needs a step"));
}

TEST_CASE("a factorial design crosses every level, the last key fastest", "[sweep]") {
  const std::vector<VarySpec> specs = {
      parse_vary("governance.staffing.grid_workers_per_grid=1,2", "--vary"),
      parse_vary("governance.platform.level=0,0.5,1", "--vary")};
  const std::vector<Design> designs = factorial_designs("grid-one-branch", specs);
  REQUIRE(designs.size() == 6);
  CHECK(designs[0].label == "grid_workers_per_grid=1 level=0");
  CHECK(designs[1].label == "grid_workers_per_grid=1 level=0.5");
  CHECK(designs[5].label == "grid_workers_per_grid=2 level=1");
  CHECK(designs[4].overrides ==
        std::vector<std::string>{"governance.staffing.grid_workers_per_grid=2",
                                 "governance.platform.level=0.5"});
  CHECK(designs[4].scenario == "grid-one-branch");
  std::set<std::string> labels;
  for (const Design& d : designs) labels.insert(d.label);
  CHECK(labels.size() == 6);
}

TEST_CASE("a Latin hypercube uses every stratum of every key exactly once", "[sweep]") {
  const std::vector<VarySpec> specs = {
      parse_vary("governance.platform.level=0:1", "--vary"),
      parse_vary("governance.staffing.grid_workers_per_grid=0:10", "--vary"),
      parse_vary("governance.grids_per_branch=1:20", "--vary")};
  const std::int64_t n = 10;
  const std::vector<Design> designs = latin_hypercube_designs("baseline", specs, n, 7);
  REQUIRE(designs.size() == 10);
  for (std::size_t k = 0; k < 2; ++k) {
    const double width = (specs[k].hi - specs[k].lo) / static_cast<double>(n);
    std::set<int> strata;
    for (const Design& d : designs) {
      const double x = std::stod(d.params[k].second);
      CHECK(x >= specs[k].lo);
      CHECK(x <= specs[k].hi);
      strata.insert(
          std::min<int>(static_cast<int>((x - specs[k].lo) / width), static_cast<int>(n) - 1));
    }
    CHECK(strata.size() == static_cast<std::size_t>(n));
  }
  for (const Design& d : designs) {
    const std::string& v = d.params[2].second;
    CHECK(v.find('.') == std::string::npos);  // an integer key gets whole values
  }
  // The same seed gives the same points; another seed gives others.
  CHECK(latin_hypercube_designs("baseline", specs, n, 7)[3].overrides == designs[3].overrides);
  CHECK(latin_hypercube_designs("baseline", specs, n, 8)[3].overrides != designs[3].overrides);
}

TEST_CASE("a Latin hypercube over listed levels spreads the samples evenly", "[sweep]") {
  const std::vector<VarySpec> specs = {
      parse_vary("governance.routing.small=grid,community", "--vary")};
  const std::vector<Design> designs = latin_hypercube_designs("baseline", specs, 6, 1);
  int grid = 0;
  for (const Design& d : designs) grid += d.params[0].second == "grid" ? 1 : 0;
  CHECK(grid == 3);
}
