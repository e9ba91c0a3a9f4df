// The baseline city against the public figures of the model guide, section 6: each simulated
// mean must lie in its band (cli/validation/calibration.cpp, docs/CALIBRATION.md).
#include <catch2/catch.hpp>
#include <cstdio>

#include "validation/calibration.hpp"
#include "validation/designs.hpp"

using namespace govsim;

TEST_CASE("the baseline city reproduces the public figures within their bands",
          "[validation][calibration]") {
  validation::DesignRuns runs;
  runs.designs = {validation::kCalibrationScenario};
  runs.replications = 5;
  const auto grid = validation::run_designs(runs);
  const auto results = validation::check_calibration(grid, 0);
  REQUIRE(results.size() == validation::calibration_targets().size());
  std::printf("%-34s %12s %8s %16s  %s\n", "figure", "simulated", "target", "band", "result");
  for (const auto& r : results) {
    std::printf("%-34s %12.4g %8.4g %7.4g - %-6.4g  %s\n", r.target.figure.c_str(),
                r.simulated.mean, r.target.target, r.target.low, r.target.high,
                r.pass ? "pass" : "FAIL");
  }
  for (const auto& r : results) {
    INFO(r.target.figure << ": simulated " << r.simulated.mean << " " << r.target.unit << ", band ["
                         << r.target.low << ", " << r.target.high << "]");
    REQUIRE(r.simulated.n == 5);
    CHECK(r.pass);
  }
}

TEST_CASE("a calibration check fails outside its band", "[validation][calibration]") {
  validation::DesignRuns runs;
  runs.designs = {validation::kCalibrationScenario};
  runs.replications = 2;
  runs.days = 120;
  const auto grid = validation::run_designs(runs);
  validation::CalibrationTarget t = validation::calibration_targets().front();
  const double value = validation::check_calibration(grid, 0, {t}).front().simulated.mean;
  REQUIRE(value > 0);
  t.low = value * 1.01, t.high = value * 2;  // just above
  CHECK_FALSE(validation::check_calibration(grid, 0, {t}).front().pass);
  t.low = value * 0.5, t.high = value * 0.99;  // just below
  CHECK_FALSE(validation::check_calibration(grid, 0, {t}).front().pass);
  t.low = value * 0.99, t.high = value * 1.01;
  CHECK(validation::check_calibration(grid, 0, {t}).front().pass);
}
