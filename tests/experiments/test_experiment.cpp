#include <catch2/catch.hpp>
#include <set>

#include "engine/errors.hpp"
#include "experiments/experiment.hpp"

using namespace govsim;
using namespace govsim::batch;

namespace {

Plan two_designs() {
  Plan plan;
  plan.kind = "compare";
  plan.base_seed = 40;
  plan.common_overrides = {"run.days=5", "run.warmup_days=0"};
  for (const char* name : {"fragmented", "grid-one-branch", "fragmented"}) {
    Design d;
    d.scenario = name;
    plan.designs.push_back(d);
  }
  return plan;
}

}  // namespace

TEST_CASE("replication i runs with the same seed in every design (common random numbers)",
          "[experiment]") {
  const Experiment e(two_designs());
  for (std::int64_t r = 0; r < 4; ++r) {
    for (std::size_t d = 0; d < e.size(); ++d) {
      CHECK(e.spec(d, r).seed == 40 + static_cast<std::uint64_t>(r));
      CHECK(e.run_scenario(e.spec(d, r)).run.seed == 40 + static_cast<std::uint64_t>(r));
      CHECK(e.run_scenario(e.spec(d, r)).run.days == 5);
    }
  }
  CHECK(e.run_overrides(e.spec(1, 2)) ==
        std::vector<std::string>{"run.days=5", "run.warmup_days=0", "run.seed=42"});
}

TEST_CASE("run keys are stable and tell every run apart", "[experiment]") {
  const Experiment a(two_designs());
  const Experiment b(two_designs());
  std::set<std::string> keys;
  for (const RunSpec& s : a.all_specs(5)) {
    keys.insert(s.key);
    CHECK(b.spec(s.design, s.replication).key == s.key);  // another process, the same key
  }
  CHECK(keys.size() == 15);  // the two equal designs differ by position
  CHECK(a.design_hash(0) == a.design_hash(2));
  CHECK(a.design_hash(0) != a.design_hash(1));
  CHECK(a.plan_json() == b.plan_json());
  Plan other = two_designs();
  other.common_overrides = {"run.days=6", "run.warmup_days=0"};
  CHECK(Experiment(other).spec(0, 0).key != a.spec(0, 0).key);
}

TEST_CASE("designs are labelled by scenario name, repeats numbered", "[experiment]") {
  const Experiment e(two_designs());
  CHECK(e.design(0).label == "fragmented");
  CHECK(e.design(1).label == "grid-one-branch");
  CHECK(e.design(2).label == "fragmented#2");
}

TEST_CASE("a bad design stops the experiment before any run", "[experiment]") {
  Plan plan = two_designs();
  plan.designs[1].overrides = {"governance.platform.level=7"};
  CHECK_THROWS_AS(Experiment(plan), InputError);
  plan = two_designs();
  plan.designs[1].scenario = "no-such-design";
  CHECK_THROWS_AS(Experiment(plan), InputError);
}

TEST_CASE("shards split the plan into disjoint jobs that cover it", "[experiment]") {
  CHECK_THROWS_AS(parse_shard("0/3"), InputError);
  CHECK_THROWS_AS(parse_shard("4/3"), InputError);
  CHECK_THROWS_AS(parse_shard("1-3"), InputError);
  CHECK_THROWS_AS(parse_shard("a/3"), InputError);
  std::vector<int> owners(100, 0);
  for (int k = 1; k <= 3; ++k) {
    const Shard s = parse_shard(std::to_string(k) + "/3");
    for (std::size_t i = 0; i < owners.size(); ++i) owners[i] += s.owns(i) ? 1 : 0;
  }
  for (const int n : owners) CHECK(n == 1);
  CHECK(parse_shard("1/1").whole());
}
