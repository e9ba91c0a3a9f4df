#include <catch2/catch.hpp>

#include "agents/volunteers.hpp"

using namespace govsim;

namespace {
Residents town(std::size_t n) {
  Residents r;
  for (auto* v :
       {&r.hardship, &r.trust, &r.expectation, &r.gain, &r.happiness, &r.security, &r.propensity})
    v->assign(n, 0.5f);
  r.flags.assign(n, 0);
  return r;
}

std::size_t after_a_year(const GovernanceConfig& gov, std::size_t start) {
  Residents r = town(5000);
  GridVolunteers v;
  for (std::uint32_t i = 0; i < start; ++i) {
    r.flags[i] |= kVolunteer;
    v.add(i, 0.5f, 5.0f, 0.7f);
  }
  ModelConfig m;
  for (int d = 0; d < 365; ++d) step_grid_volunteers(v, r, 0, 5000, 0, d, 0.6, 7, gov, m);
  for (std::size_t i = 0; i < v.size(); ++i) REQUIRE((r.flags[v.resident[i]] & kVolunteer) != 0);
  return v.size();
}
}  // namespace

TEST_CASE("recruitment closes the gap to the target, leadership helps") {
  GovernanceConfig weak, strong;
  weak.volunteers.per_1k = strong.volunteers.per_1k = 8;  // 40 wanted
  weak.leadership = 0.1;
  strong.leadership = 0.9;
  const auto w = after_a_year(weak, 5), s = after_a_year(strong, 5);
  CHECK(w > 15);
  CHECK(s > w);
}

TEST_CASE("recognition and procedures keep volunteers longer") {
  GovernanceConfig poor, good;
  poor.volunteers.per_1k = good.volunteers.per_1k = 0;  // no recruiting: pure retention
  poor.leadership = 0.0;
  good.leadership = 1.0;
  good.volunteers.procedures = true;
  const auto p = after_a_year(poor, 200), g = after_a_year(good, 200);
  CHECK(p < 200);
  CHECK(g > p);
}

TEST_CASE("experience and training raise volunteer mediation success") {
  GovernanceConfig gov;
  CHECK(volunteer_success(1.0f, 0.0f, gov, SuccessBehaviour{}) >
        volunteer_success(0.0f, 0.0f, gov, SuccessBehaviour{}));
  CHECK(volunteer_success(0.5f, 50.0f, gov, SuccessBehaviour{}) >
        volunteer_success(0.5f, 0.0f, gov, SuccessBehaviour{}));
  gov.volunteers.procedures = true;
  GovernanceConfig none;
  CHECK(volunteer_success(0.5f, 5.0f, gov, SuccessBehaviour{}) >
        volunteer_success(0.5f, 5.0f, none, SuccessBehaviour{}));
}
