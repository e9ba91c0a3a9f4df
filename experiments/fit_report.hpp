// What `govsim calibrate` shows besides the fitted scenario: the out-of-sample check of
// --holdout (the fitted model's forecast of the records after a date, with prediction intervals,
// against what happened) and the fit report, a self-contained HTML page like `govsim report`'s:
// the fitted keys with their intervals, the moments observed and simulated, observed against
// simulated distributions (response, closure, the weekly profile, per-grid rates), QQ plots, and
// the holdout's forecast.
#pragma once

#include <string>
#include <vector>

#include "experiments/calibrate.hpp"

namespace govsim::batch {

// One forecast of the holdout window: weekly volumes and the response and closure quantiles, each
// as the mean over simulated districts and a 95 % prediction interval (2.5 % and 97.5 % of the
// replicates; each replicate draws the identified keys jointly from their fitted covariance and
// the others uniformly over their searched range).
struct Forecast {
  std::string label;  // "the fitted model", "the fitted model with governance.x = v"
  std::vector<double> weekly_mean, weekly_low, weekly_high;
  struct Quantity {
    std::string name;  // response_p50_h, response_p90_h, closure_p50_h, closure_p90_h
    double observed = 0, mean = 0, low = 0, high = 0;
  };
  std::vector<Quantity> quantities;
  int weeks_covered = 0;  // weeks whose observed volume is inside the interval
};

struct HoldoutForecast {
  bool on = false;
  LocalMinutes from = 0, to = 0;        // the holdout window
  std::vector<double> weekly_observed;  // cases received per whole week of the window
  std::vector<Forecast> forecasts;      // the fitted model, then with the change (if given)
  int replications = 0;
};

// Forecasts the records received in [options.to, end) from the model fitted on those before:
// runs the fitted scenario from the fit window's start to `end`, `replications` times with
// parameter draws; with `change` (governance keys as KEY=VALUE) a second forecast in which the
// change takes effect on the holdout's first day. Throws InputError for a change that is not a
// governance key.
HoldoutForecast holdout_forecast(const std::vector<CaseRecord>& records,
                                 const CalibrateOptions& options, const CalibrationResult& fit,
                                 LocalMinutes end, const std::vector<std::string>& change = {},
                                 int replications = 100);
std::string holdout_text(const HoldoutForecast& holdout);

struct FitReport {
  const CalibrationResult* result = nullptr;
  const std::vector<CaseRecord>* records = nullptr;
  const CalibrateOptions* options = nullptr;
  std::string records_name;
  HoldoutForecast holdout;
};

std::string fit_report_html(const FitReport& report);

}  // namespace govsim::batch
