// cross_check: the rules that span several fields, each message led by the key path.
#include <catch2/catch.hpp>

#include "model/params.hpp"

using namespace govsim;

namespace {
bool starts_with(const std::string& text, const std::string& head) {
  return text.rfind(head, 0) == 0;
}
}  // namespace

TEST_CASE("the defaults pass cross_check") { CHECK(cross_check(Scenario{}).empty()); }

TEST_CASE("housing shares must sum to 1") {
  Scenario s;
  s.city.housing.mixed = 0.3;
  CHECK(cross_check(s) == "city.housing: shares sum to 1.2, must sum to 1");
  s.city.housing.mixed = 0.1 + 5e-7;  // inside the tolerance
  CHECK(cross_check(s).empty());
}

TEST_CASE("big and hard shares leave room for small matters") {
  Scenario s;
  s.model.share_big = 0.8;
  s.model.share_hard = 0.3;
  CHECK(cross_check(s) == "model.share_hard: share_big + share_hard is 1.1, must be at most 1");
}

TEST_CASE("a generated city must nest") {
  Scenario s;
  s.city.streets = 20;
  CHECK(starts_with(cross_check(s), "city.communities: 14 cannot be shared among 20 streets"));
  s = Scenario{};
  s.city.grids = 10;
  CHECK(starts_with(cross_check(s), "city.grids: 10 cannot be shared among 14 communities"));
  s = Scenario{};
  s.city.residents = 50;
  CHECK(starts_with(cross_check(s), "city.residents: 50 cannot fill 100 grids"));
  s.city.table = "district.csv";  // a table replaces the sizes
  CHECK(cross_check(s).empty());
}

TEST_CASE("the warm-up must be shorter than the run") {
  Scenario s;
  s.run.warmup_days = s.run.days;
  CHECK(cross_check(s) == "run.warmup_days: 365 must be less than run.days (365)");
}

TEST_CASE("change days lie inside the run") {
  Scenario s;
  s.changes.push_back(PolicyChange{0, s.governance, "x=1"});
  CHECK(starts_with(cross_check(s), "changes[0].day: 0 is outside [1, 365)"));
  s.changes[0].day = 365;
  CHECK(starts_with(cross_check(s), "changes[0].day: 365 is outside [1, 365)"));
  s.changes[0].day = 364;
  CHECK(cross_check(s).empty());
}

TEST_CASE("routing never sends harder matters to a lower level") {
  Scenario s;
  s.governance.routing.small = Level::Community;
  s.governance.routing.big = Level::Grid;
  CHECK(starts_with(cross_check(s),
                    "governance.routing.big: big matters go to 'grid', below "
                    "small matters ('community')"));
  s = Scenario{};
  s.governance.routing.hard = Level::Community;
  CHECK(cross_check(s).empty());  // hard may stay with big matters
  s.governance.routing.hard = Level::Grid;
  CHECK(starts_with(cross_check(s), "governance.routing.hard:"));
  s = Scenario{};
  s.changes.push_back(PolicyChange{10, s.governance, ""});
  s.changes[0].governance.routing.small = Level::Street;
  CHECK(starts_with(cross_check(s), "changes[0].governance.routing.big:"));
}
