// govsim calibrate: parameter recovery (records synthesised from a scenario whose keys differ from
// the defaults are fitted back within their 95 % intervals), the fitted scenario's text, and the
// out-of-sample check with a policy change in the holdout.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "engine/errors.hpp"
#include "engine/executor.hpp"
#include "experiments/calibrate.hpp"
#include "experiments/fit_report.hpp"
#include "experiments/synth_records.hpp"
#include "scenarios/loader.hpp"

using namespace govsim;
using namespace govsim::batch;

namespace {

constexpr LocalMinutes kDay = 1440;

struct City {
  std::string scenario;
  std::vector<std::string> overrides;
};

// Two small cities: the baseline design on 20 grids, and the modern design (platform, mediators,
// clear duties) on 30 grids of a larger town.
const std::vector<City>& cities() {
  static const std::vector<City> c = {
      {"baseline",
       {"city.residents=20000", "city.grids=20", "city.communities=4", "city.streets=2"}},
      {"modern",
       {"city.residents=30000", "city.grids=30", "city.communities=6", "city.streets=3"}}};
  return c;
}

// The truth: keys moved away from the scenario's values.
const std::vector<std::pair<std::string, double>>& truth() {
  static const std::vector<std::pair<std::string, double>> t = {
      {"model.rates.dispute", 0.0098},
      {"model.rates.environment", 0.0364},
      {"model.process_median_h.small", 18},
      {"model.process_median_h.big", 50},
      {"model.behaviour.effort.process_sigma", 0.6},
      {"model.behaviour.routing.lost_on_bounce", 0.2},
      {"model.behaviour.success.staff_task", 0.7},
  };
  return t;
}

const std::vector<std::string>& fitted_keys() {
  static const std::vector<std::string> k = {"model.rates.dispute",
                                             "model.rates.administrative",
                                             "model.rates.livelihood",
                                             "model.rates.environment",
                                             "model.rates.safety",
                                             "model.rates.emergency",
                                             "model.process_median_h.small",
                                             "model.process_median_h.big",
                                             "model.behaviour.effort.process_sigma",
                                             "model.behaviour.routing.lost_on_bounce",
                                             "model.behaviour.success.staff_task",
                                             "model.behaviour.routing.misroute_unclear"};
  return k;
}

// Records of `days` days after a 30-day warm-up, from the city with the true keys.
std::vector<CaseRecord> true_records(const City& city, std::uint64_t seed, int days,
                                     LocalMinutes& first_day) {
  std::vector<std::string> o = city.overrides;
  for (const auto& [key, value] : truth()) o.push_back(key + "=" + std::to_string(value));
  o.push_back("run.seed=" + std::to_string(seed));
  o.push_back("run.warmup_days=30");
  o.push_back("run.days=" + std::to_string(30 + days));
  o.push_back("run.start_date=2025-03-03");
  const Scenario s = load_scenario(city.scenario, o);
  const LocalMinutes day0 = *local_midnight(2025, 3, 3);
  first_day = day0 + 30 * kDay;
  auto executor = make_tbb_executor(0);
  return synthesize_records(s, *executor, day0, {}, first_day);
}

CalibrateOptions options_for(const City& city, LocalMinutes from, LocalMinutes to) {
  CalibrateOptions o;
  o.scenario = city.scenario;
  o.overrides = city.overrides;
  o.from = from;
  o.to = to;
  o.replications = 3;
  o.max_evaluations = 100;
  o.bootstrap = 100;
  o.seed = 1;
  const Scenario base = load_scenario(city.scenario, city.overrides);
  for (const std::string& key : fitted_keys()) o.parameters.push_back(fit_parameter(base, key));
  return o;
}

double true_value(const FitParameter& p) {
  for (const auto& [key, value] : truth())
    if (key == p.key) return value;
  return p.start;  // not moved: the scenario's value is the truth
}

}  // namespace

TEST_CASE("calibrate recovers keys of synthesised records within their intervals", "[calibrate]") {
  // Coverage counts the identified keys only: a key called unidentified gets its whole searched
  // range as its interval, which covers the truth by construction.
  int covered = 0, total = 0, identified = 0, moved = 0, moved_covered = 0;
  std::string missed;
#ifdef GOVSIM_SANITIZED
  const std::vector<City> fitted_cities(cities().begin(), cities().begin() + 1);
  const std::vector<std::uint64_t> seeds = {101};
#else
  const std::vector<City>& fitted_cities = cities();
  const std::vector<std::uint64_t> seeds = {101, 202};
#endif
  for (const City& city : fitted_cities)
    for (const std::uint64_t seed : seeds) {
      LocalMinutes from = 0;
      const std::vector<CaseRecord> records = true_records(city, seed, 150, from);
      const CalibrateOptions options = options_for(city, from, from + 150 * kDay);
      const CalibrationResult r = calibrate(records, options);
      REQUIRE(r.values.size() == fitted_keys().size());
      CHECK(r.distance <= r.distance_start);  // the best point found is kept
      for (const FittedValue& f : r.values) {
        ++total;
        if (!f.identified) continue;
        ++identified;
        const double t = true_value(f.parameter);
        const bool inside = t >= f.low && t <= f.high;
        covered += inside ? 1 : 0;
        if (t != f.parameter.start) {
          ++moved;
          moved_covered += inside ? 1 : 0;
        }
        if (!inside)
          missed += city.scenario + "/" + std::to_string(seed) + " " + f.parameter.key + " " +
                    std::to_string(t) + " not in [" + std::to_string(f.low) + ", " +
                    std::to_string(f.high) + "]\n";
      }
    }
  INFO(missed);
  INFO(covered << " of " << identified << " identified keys covered, " << moved_covered << " of "
               << moved << " moved ones; " << identified << " of " << total << " identified");
  CHECK(identified > 0);
  CHECK(moved > 0);
#ifndef GOVSIM_SANITIZED
  CHECK(10 * covered >= 9 * identified);  // at least 90 % of the identified keys
  CHECK(4 * identified >= 3 * total);     // and most keys are identified
#endif
}

TEST_CASE("the fitted scenario extends the district's and loads", "[calibrate]") {
  const City& city = cities()[0];
  LocalMinutes from = 0;
  const std::vector<CaseRecord> records = true_records(city, 7, 90, from);
  CalibrateOptions options = options_for(city, from, from + 90 * kDay);
  options.parameters.resize(2);  // two rates are enough here
  options.max_evaluations = 0;
  options.replications = 2;
  const CalibrationResult r = calibrate(records, options);
  const std::string yaml = fitted_yaml(r, options, "baseline", "records.csv");
  CHECK(yaml.find("extends: baseline\n") != std::string::npos);
  CHECK(yaml.find("model:\n  rates:\n    administrative: ") != std::string::npos);
  CHECK(yaml.find("\n    dispute: ") != std::string::npos);
  CHECK(yaml.find("  grids: 20  # given with --set\n") != std::string::npos);
  CHECK(yaml.find("# 95 % ") != std::string::npos);
}

TEST_CASE("the holdout forecast with the policy change covers what happened", "[calibrate]") {
  // The truth switches to a 24-hour platform on day 120 of the records; the model is fitted on the
  // 120 days before and forecasts the 56 after, without and with the change.
  const City& city = cities()[0];
  std::vector<std::string> o = city.overrides;
  o.push_back("run.seed=303");
  o.push_back("run.warmup_days=30");
  o.push_back("run.days=206");
  o.push_back("run.start_date=2025-03-03");
  Scenario truth_run = load_scenario(city.scenario, o);
  std::vector<std::string> changed_o = o;
  changed_o.push_back("governance.platform.level=1");
  const Scenario changed = load_scenario(city.scenario, changed_o);
  truth_run.changes.push_back({150, changed.governance, "governance.platform.level=1"});
  const LocalMinutes day0 = *local_midnight(2025, 3, 3);
  auto executor = make_tbb_executor(0);
  const std::vector<CaseRecord> records =
      synthesize_records(truth_run, *executor, day0, {}, day0 + 30 * kDay);
  const LocalMinutes from = day0 + 30 * kDay, holdout = day0 + 150 * kDay, end = day0 + 206 * kDay;
  CalibrateOptions options = options_for(city, from, holdout);
  options.parameters.resize(6);  // the rates
  options.max_evaluations = 0;
  const CalibrationResult fit = calibrate(records, options);
  const HoldoutForecast h =
      holdout_forecast(records, options, fit, end, {"governance.platform.level=1"}, 40);
  REQUIRE(h.forecasts.size() == 2);
  REQUIRE(h.weekly_observed.size() == 8);
  const Forecast& same = h.forecasts[0];
  const Forecast& with_change = h.forecasts[1];
  // The forecast with the change covers the weeks; the one without it misses more of them.
  CHECK(with_change.weeks_covered >= 6);
  CHECK(with_change.weeks_covered > same.weeks_covered);
  CHECK_THROWS_AS(holdout_forecast(records, options, fit, end, {"model.rates.dispute=1"}, 2),
                  InputError);
}
