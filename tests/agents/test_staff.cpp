#include <catch2/catch.hpp>
#include <cmath>

#include "agents/staff.hpp"

using namespace govsim;

namespace {
City city() {
  Scenario sc;
  return build_city(sc);
}
std::size_t count(const Roster& r, Role role) {
  return static_cast<std::size_t>(std::count(r.role.begin(), r.role.end(), role));
}
}  // namespace

TEST_CASE("fractional rates spread evenly over units") {
  std::uint32_t sum = 0;
  for (int i = 0; i < 10; ++i) sum += spread_count(0.5, i);
  CHECK(sum == 5);
  sum = 0;
  for (int i = 0; i < 7; ++i) sum += spread_count(1.0, i);
  CHECK(sum == 7);
}

TEST_CASE("the roster follows the design") {
  const City c = city();
  GovernanceConfig grid, frag;
  frag.structure = Structure::Fragmented;
  grid.mediators.per_community = 1;
  const auto gb = plan_branches(c, 0, grid);
  const Roster rg = plan_roster(c, 0, gb, grid, StaffBehaviour{}, 1, nullptr);
  const Roster rf =
      plan_roster(c, 0, plan_branches(c, 0, frag), frag, StaffBehaviour{}, 1, nullptr);
  const std::uint32_t grids = c.street_first_grid[1] - c.street_first_grid[0];
  CHECK(gb.size() == grids);
  CHECK(count(rg, Role::GridWorker) == grids);
  CHECK(count(rf, Role::GridWorker) == 0);
  CHECK(count(rg, Role::Mediator) == c.street_first_community[1] - c.street_first_community[0]);
  CHECK(count(rg, Role::CommunityOfficial) > 50);  // 18 per 10 000 of about 50 000
  GovernanceConfig multi = grid;
  multi.grids_per_branch = 4;
  CHECK(plan_branches(c, 0, multi).size() < gb.size());
}

TEST_CASE("a member who stays through a design change keeps their experience") {
  const City c = city();
  GovernanceConfig g;
  Roster a = plan_roster(c, 0, plan_branches(c, 0, g), g, StaffBehaviour{}, 1, nullptr);
  a.experience[0] = 999.0f;
  GovernanceConfig g2 = g;
  g2.legal_clarity = 0.9;
  const Roster b = plan_roster(c, 0, plan_branches(c, 0, g2), g2, StaffBehaviour{}, 1, &a);
  REQUIRE(b.key[0] == a.key[0]);
  CHECK(b.experience[0] == 999.0f);
  CHECK(b.skill[0] == a.skill[0]);
}

TEST_CASE("paper reviews of waiting cases take officials' time, the platform's tracking none") {
  GovernanceConfig g;
  g.leadership = 1;
  g.platform.level = 0;
  StaffBehaviour none, reviews;
  none.review_h = 0;
  reviews.review_h = 2;
  reviews.reviews_per_week = none.reviews_per_week = 3;
  const double lost =
      case_share(Role::StreetOfficial, g, none) - case_share(Role::StreetOfficial, g, reviews);
  // Three reviews of two hours a week, out of seven days of official_hours.
  CHECK(lost == Approx(3 * 2 / (7 * g.staffing.official_hours)));
  g.platform.level = 1;  // every waiting case tracked: no paper reviews
  CHECK(case_share(Role::StreetOfficial, g, none) == case_share(Role::StreetOfficial, g, reviews));
}

TEST_CASE("the city tier's roster: its officials per resident, split over its departments") {
  const City c = city();
  GovernanceConfig g;
  g.city_tier.officials_per_100k = 12;
  g.city_tier.departments = 5;
  const Roster r = plan_city_roster(c, g, StaffBehaviour{}, 1, nullptr);
  REQUIRE(r.size() == std::size_t(std::lround(12.0 * double(c.residents) / 1e5)));
  for (std::size_t i = 0; i < r.size(); ++i) {
    CHECK(r.level[i] == Level::City);
    CHECK(r.department[i] == i % 5);
  }
  g.city_tier.officials_per_100k = 0;
  CHECK(plan_city_roster(c, g, StaffBehaviour{}, 1, nullptr).size() == 0);
}

TEST_CASE("admin burden leaves less time for cases") {
  GovernanceConfig light, heavy;
  light.admin_burden.officials = 0.1;
  heavy.admin_burden.officials = 0.7;
  CHECK(case_share(Role::CommunityOfficial, heavy, StaffBehaviour{}) <
        case_share(Role::CommunityOfficial, light, StaffBehaviour{}));
}
