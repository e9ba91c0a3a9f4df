#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <thread>
#include <vector>

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

TEST_CASE("the quit chance's ceiling bounds it across the motivations a volunteer can have") {
  // step_grid_volunteers skips the chance's exp for a draw at or above the ceiling, so the
  // ceiling must be at least the chance at every float motivation in [0, 1], whatever the slope:
  // the chance is monotone in the motivation, so its ends bound it; checked on a fine grid of
  // motivations and next to the ends.
  for (const double base : {0.0, 1e-9, 0.15 / 365, 0.5, 3.0})
    for (const double slope : {-40.0, -2.5, -1e-9, 0.0, 1e-9, 2.5, 40.0})
      for (const double qm : {0.0, 0.3, 0.7, 1.0}) {
        VolunteerBehaviour b;
        b.quit_slope = slope;
        b.quit_motivation = qm;
        const double ceiling = quit_ceiling(base, b);
        for (int k = 0; k <= 4096; ++k) {
          const auto motivation = static_cast<float>(k) / 4096.0f;
          REQUIRE(base * std::exp(slope * (qm - motivation)) <= ceiling);
        }
        // Floats next to the ends too.
        for (const float motivation : {std::nextafter(0.0f, 1.0f), std::nextafter(1.0f, 0.0f)})
          REQUIRE(base * std::exp(slope * (qm - motivation)) <= ceiling);
        // And no more than the margin above the largest.
        const double top = std::max(base * std::exp(slope * qm), base * std::exp(slope * (qm - 1)));
        CHECK(ceiling <= top * (1.0 + 0x1p-19));
      }
  VolunteerBehaviour nan_slope;
  nan_slope.quit_slope = std::numeric_limits<double>::quiet_NaN();
  CHECK(std::isinf(quit_ceiling(0.001, nan_slope)));
}

TEST_CASE("the quitting ceiling kept between grid-days follows the parameters") {
  // step_grid_volunteers keeps the last ceiling it computed on the thread. Two models whose quit
  // parameters differ, stepped day by day in turn on one thread, must each end where it ends
  // stepped alone on a fresh thread (whose cache is empty). Each parameter of the ceiling is
  // raised and lowered in turn: a stale ceiling that is too low changes who quits, so a key that
  // missed a parameter fails whichever model runs after the one with the higher ceiling.
  GovernanceConfig gov;
  gov.volunteers.per_1k = 0;  // no recruiting: quits alone
  ModelConfig base;
  base.volunteer_quit_base = 3.0;
  // Motivation stays at 0, where the chance of quitting is the ceiling itself (less its margin):
  // a ceiling left from other parameters would show at once.
  base.behaviour.volunteers.motivation_rate = 0;
  base.behaviour.volunteers.load_wear = 0;
  std::vector<ModelConfig> others(6, base);
  others[0].volunteer_quit_base = 30.0;
  others[1].volunteer_quit_base = 0.3;
  others[2].behaviour.volunteers.quit_slope *= 3.0;
  others[3].behaviour.volunteers.quit_slope /= 3.0;
  others[4].behaviour.volunteers.quit_motivation = 0.95;
  others[5].behaviour.volunteers.quit_motivation = 0.3;
  constexpr int kDays = 60;
  auto start = [](Residents& r, GridVolunteers& v) {
    r = town(400);
    for (std::uint32_t i = 0; i < 300; ++i) {
      r.flags[i] |= kVolunteer;
      v.add(i, 0.5f, 0.0f, 0.0f);
    }
  };
  auto alone = [&](const ModelConfig& m) {
    Residents r;
    GridVolunteers v;
    std::thread([&] {
      start(r, v);
      for (int d = 0; d < kDays; ++d) step_grid_volunteers(v, r, 0, 400, 0, d, 0.6, 7, gov, m);
    }).join();
    return v.resident;
  };
  const std::vector<std::uint32_t> base_alone = alone(base);
  for (std::size_t k = 0; k < others.size(); ++k) {
    INFO("variant " << k);
    Residents r1, r2;
    GridVolunteers v1, v2;
    start(r1, v1), start(r2, v2);
    for (int d = 0; d < kDays; ++d) {  // in turn
      step_grid_volunteers(v1, r1, 0, 400, 0, d, 0.6, 7, gov, base);
      step_grid_volunteers(v2, r2, 0, 400, 0, d, 0.6, 7, gov, others[k]);
    }
    CHECK(v1.resident == base_alone);
    CHECK(v2.resident == alone(others[k]));
    CHECK(v1.size() != v2.size());  // the parameters matter here
  }
}
