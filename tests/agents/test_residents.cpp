#include <catch2/catch.hpp>
#include <cmath>

#include "agents/residents.hpp"

using namespace govsim;

namespace {
Residents two_residents() {
  Residents r;
  for (auto* v :
       {&r.hardship, &r.trust, &r.expectation, &r.gain, &r.happiness, &r.security, &r.propensity})
    v->assign(2, 0.5f);
  r.flags.assign(2, 0);
  return r;
}
}  // namespace

TEST_CASE("a well-handled case raises its resident's trust more than a dropped one") {
  Residents r = two_residents();
  ModelConfig model;
  GridClimate climate;
  step_grid_residents(r, 0, 2, {{0, 1.0f, -0.1f}, {1, -0.8f, 0.1f}}, climate, model);
  CHECK(r.trust[0] > r.trust[1]);
  CHECK(r.hardship[0] < r.hardship[1]);
  CHECK(r.grievance(0) < r.grievance(1));
}

TEST_CASE("open hazards in the grid lower the sense of security") {
  Residents a = two_residents(), b = two_residents();
  ModelConfig model;
  GridClimate calm, risky;
  risky.hazard_exposure = 5.0;
  for (int d = 0; d < 30; ++d) {
    step_grid_residents(a, 0, 2, {}, calm, model);
    step_grid_residents(b, 0, 2, {}, risky, model);
  }
  CHECK(b.security[0] < a.security[0] - 0.1f);
}

TEST_CASE("a problem nobody reported judges no office: trust stays, hardship and security move") {
  Residents r = two_residents();
  ModelConfig model;
  GridClimate climate;
  Feedback never_told{0, -0.8f, 0.05f, -0.1f, false};
  Feedback told{1, -0.8f, 0.05f, 0.0f, true};
  step_grid_residents(r, 0, 2, {never_told, told}, climate, model);
  // Both relax toward the same anchor; only the resident who contacted an office lost trust.
  CHECK(r.trust[0] > r.trust[1] + 0.1f);
  CHECK(r.security[0] < r.security[1]);
  CHECK(r.hardship[0] == Approx(r.hardship[1]));
}

TEST_CASE("grievance follows Epstein's form and drives dispute hazard") {
  Residents r = two_residents();
  r.hardship[0] = 0.8f;
  r.trust[0] = 0.2f;
  r.hardship[1] = 0.8f;
  r.trust[1] = 0.9f;
  CHECK(r.grievance(0) == Approx(0.8 * 0.8));
  ModelConfig m;
  CHECK(dispute_hazard(r, 0, 0.01, 1.0, m) > dispute_hazard(r, 1, 0.01, 1.0, m));
}

TEST_CASE("a platform and trust make residents report more") {
  Residents r = two_residents();
  GovernanceConfig none, full;
  full.platform.level = 1.0;
  CHECK(report_probability(r, 0, full, ReportingBehaviour{}) >
        report_probability(r, 0, none, ReportingBehaviour{}));
  r.trust[1] = 0.9f;
  CHECK(report_probability(r, 1, none, ReportingBehaviour{}) >
        report_probability(r, 0, none, ReportingBehaviour{}));
}

TEST_CASE("no resident starts with a negative zero, even from a start of -0 with no spread") {
  // -0 + 0 x (a negative draw) is -0, and std::clamp keeps it; clamp01 turns it into +0, since
  // the daily update's vector versions need every value free of negative zeros to agree.
  Scenario sc;
  ResidentStart& st = sc.model.behaviour.residents;
  st.gain = st.happiness = st.security = st.expectation = -0.0;
  st.sense_sd = 0.0;
  const City city = build_city(sc);
  Residents r;
  init_residents(r, city, sc);
  REQUIRE(r.size() > 100);
  for (const auto* v : {&r.expectation, &r.gain, &r.happiness, &r.security})
    for (const float x : *v) {
      REQUIRE(x == 0.0f);
      REQUIRE_FALSE(std::signbit(x));
    }
}
