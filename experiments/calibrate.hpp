// `govsim calibrate`: fits a scenario to a district's case records (docs/RECORDS.md,
// docs/CALIBRATION.md "Calibrating to your own district"). The records are summarised by
// experiments/record_stats.hpp; the model's own records of the same window, simulated on the
// district's scenario, are summarised by the same function, and the scenario's keys are moved
// until the two agree:
//   1. a ratio step for the keys one statistic answers almost alone (the rate of each domain
//      from its reported cases a day, the day-off rhythm from its day-off ratio);
//   2. the simulated method of moments for the rest (handling times, hand-offs, behavioural
//      coefficients): a weighted distance between observed and simulated statistics over common
//      random numbers, minimised by NLopt's BOBYQA within bounds from the schema;
//   3. intervals from the sandwich formula (the statistics' bootstrap covariance and the
//      model's finite-difference Jacobian), with the keys the records do not identify named.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "experiments/record_stats.hpp"
#include "model/params.hpp"

namespace govsim::batch {

enum class FitStage { Ratio, Moments };

struct FitParameter {
  std::string key;           // scenario key
  double start = 0;          // the scenario's value
  double low = 0, high = 0;  // search bounds (within the schema's range)
  bool log_scale = false;    // searched as ln(value): rates and times, whose scale is unknown
  FitStage stage = FitStage::Moments;
  std::string statistic;  // Ratio: the statistic proportional to the key
};

// The keys fitted unless --fit names others: the six rates, the day-off rhythms (when the
// calendar is on), the median process times by tier and their spread, the escalation wait, and
// three behavioural coefficients of routing and success (grade C).
std::vector<std::string> default_fit_keys(const Scenario& scenario);
// A key with its value in the scenario and bounds: rates and times x 1/4 to x 4 of the value,
// shares and probabilities their schema range narrowed to [0.02, 0.98], others x 0.25 to x 4;
// always within the schema. Throws InputError for a key that is not a number of the schema.
FitParameter fit_parameter(const Scenario& scenario, const std::string& key);

struct CalibrateOptions {
  std::string scenario;                // path or shipped name (the district)
  std::vector<std::string> overrides;  // --set, before the fitted keys
  std::vector<FitParameter> parameters;
  LocalMinutes from = 0, to = 0;  // the records' window the fit reads
  int replications = 4;           // simulated districts per evaluation (common seeds)
  int max_evaluations = 120;      // of the moments stage
  int ratio_steps = 3;
  int bootstrap = 200;
  std::uint64_t seed = 1;  // of the simulations (replication r: seed + r) and the bootstrap
  int jobs = 0;            // parallel simulations; 0 = every core
  std::function<void(const std::string&)> progress;  // one line at a time; may be empty
};

// One statistic at the fitted values.
struct Moment {
  std::string name;
  double observed = 0, simulated = 0;
  double sd = 0;      // the observed statistic's bootstrap standard deviation
  double weight = 0;  // in the distance: 1 / sd^2 (sd floored, see calibrate.cpp)
};

struct FittedValue {
  FitParameter parameter;
  double value = 0;
  double low = 0, high = 0;  // 95 % interval
  double se = 0;             // standard error, on the searched scale (ln for log_scale)
  bool identified = true;
  std::string note;  // why not identified, or "" when it is
};

struct CalibrationResult {
  std::vector<FittedValue> values;
  // Covariance of the fitted keys on their searched scale (row-major, values.size() squared):
  // the sandwich's correlations with each key's standard error.
  std::vector<double> covariance;
  std::vector<Moment> moments;
  RecordStats observed;
  std::vector<CaseRecord> simulated_records;  // replication 0 at the fitted values
  RecordStats simulated;                      // of those records
  Bootstrap bootstrap;
  double distance_start = 0, distance = 0;  // weighted squared distance, before and after
  int evaluations = 0;                      // simulated evaluations (each of `replications`)
  int replications = 0;
  double residents = 0;
  std::string window_text;  // "2025-01-01 to 2025-12-31"
};

// Days simulated before the window's first day, so that the queues are in their stride.
inline constexpr int kCalibrationWarmupDays = 60;
// Midnight of the simulation's first day (the warm-up's), in the records' local time.
LocalMinutes simulation_start(const CalibrateOptions& options);
// The simulation's day of a local time.
std::int64_t simulation_day(const CalibrateOptions& options, LocalMinutes t);

// The scenario the fit simulates for a window: the district's scenario with the fitted keys set,
// run from kCalibrationWarmupDays before `from`'s day to `to`.
Scenario window_scenario(const CalibrateOptions& options,
                         const std::vector<std::pair<std::string, double>>& values);

CalibrationResult calibrate(const std::vector<CaseRecord>& records,
                            const CalibrateOptions& options);

// The fitted scenario: `extends:` the given one (a path relative to the output file's folder, or
// a shipped name), with only the fitted keys, each with a comment giving its interval and method.
std::string fitted_yaml(const CalibrationResult& result, const CalibrateOptions& options,
                        const std::string& extends, const std::string& records_name);

// The fit as JSON, for scripts: the window, each key (start, value, interval, standard error on
// its searched scale, identified, note), each statistic (observed, its bootstrap sd, simulated),
// the distances and the evaluations.
std::string fit_json(const CalibrationResult& result, const CalibrateOptions& options);

}  // namespace govsim::batch
