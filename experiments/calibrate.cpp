#include "experiments/calibrate.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
#include <limits>
#include <map>
#include <nlopt.hpp>
#include <sstream>

#include "engine/calendar.hpp"
#include "engine/errors.hpp"
#include "engine/executor.hpp"
#include "engine/input_text.hpp"
#include "experiments/synth_records.hpp"
#include "model/case.hpp"
#include "model/city.hpp"
#include "output/json_writer.hpp"
#include "output/key_table.hpp"
#include "scenarios/loader.hpp"
#include "sim/simulation.hpp"

namespace govsim::batch {
namespace {

constexpr double kMinutesPerDay = 1440;
constexpr double kZ95 = 1.959963984540054;  // two-sided 95 % normal quantile
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Bounds of a searched key around its value, for keys whose scale is unknown (rates, times).
constexpr double kScaleBound = 4;
// Shares and probabilities are searched inside [kShareEdge, 1 - kShareEdge] of their range.
constexpr double kShareEdge = 0.02;
// A statistic's standard deviation in the weights is at least this share of its value, so that
// a statistic the bootstrap finds (nearly) constant cannot take the whole distance.
constexpr double kRelativeSdFloor = 0.01;
// A bootstrap spread below this share of the value is rounding: the statistic did not vary.
constexpr double kNegligibleSd = 1e-9;
// ... or one defined in fewer than this share of the resamples.
constexpr double kMostResamples = 0.9;
// ... and at least what one case more or less would change it (a share: 1 / cases; a rate: 1 /
// days), a minute for a time in hours, and a hundredth for a ratio or a lognormal parameter.
constexpr double kMinuteInHours = 1.0 / 60;
constexpr double kOtherResolution = 0.01;
// A statistic the simulation leaves undefined (no case of a tier, say) counts as two standard
// deviations off.
constexpr double kUndefinedPenalty = 4;
// Finite differences for the Jacobian: a step of this share of the searched range (on the
// searched scale), wide enough to average over the jumps of a simulation with whole cases.
constexpr double kJacobianStep = 0.05;
// Identification: a key is not identified when moving it across its whole searched range moves
// the statistics by less than one standard deviation in all, or its interval covers more than
// half of the range; or when it lies in a direction the statistics cannot see (a singular value
// below kSingular of the largest, on which it loads by more than kLoading).
constexpr double kMinSensitivity = 1;
constexpr double kMaxIntervalShare = 0.5;
constexpr double kSingular = 1e-4;
constexpr double kLoading = 0.3;
// The moments stage: BOBYQA on the unit cube of the searched keys.
constexpr double kInitialStep = 0.1;
constexpr double kDampedPower = 0.5;  // the ratio step's later steps go half way (in logs)
constexpr double kStepTolerance = 2e-3;

// The statistics the distance compares (experiments/record_stats.hpp stat_values): rates and
// day-off ratios per domain, response and closure quantiles and lognormal fits, the hand-off and
// outcome shares. Per-10 000 rates repeat the daily rates; repeats and satisfaction are not in
// the model's records.
bool compared(const std::string& name) {
  static const std::vector<std::string> prefixes = {
      "per_day.",         "day_off_ratio.",    "response_p50_h", "response_p90_h",
      "response_mean_h",  "closure_p50_h",     "closure_p90_h",  "closure.",
      "closure_by_tier.", "closure_by_level.", "handed_share",   "escalated_share",
      "referred_share",   "dropped_share",     "open_share",     "handoffs_per_case"};
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](const std::string& p) { return name.rfind(p, 0) == 0; });
}

std::string number_text(double x) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, x);
  return std::string(buffer, result.ptr);
}

double to_searched(const FitParameter& p, double value) {
  return p.log_scale ? std::log(value) : value;
}
double from_searched(const FitParameter& p, double x) { return p.log_scale ? std::exp(x) : x; }
double searched_low(const FitParameter& p) { return to_searched(p, p.low); }
double searched_high(const FitParameter& p) { return to_searched(p, p.high); }

class Evaluator {
 public:
  Evaluator(const CalibrateOptions& options, std::vector<std::string> names,
            const RecordWindow& window)
      : options_(options),
        names_(std::move(names)),
        window_(window),
        executor_(make_tbb_executor(options.jobs)) {}

  // The mean over replications of each compared statistic (NaN where no replication defines it).
  // With `keep`, replication 0's records are kept for the report.
  std::vector<double> operator()(const std::vector<std::pair<std::string, double>>& values,
                                 std::vector<CaseRecord>* keep = nullptr) {
    // The same keys again (the start, then the ratio step's first look at it): the same
    // simulations on the same seeds, so the last answer stands.
    if (!keep && values == last_values_) return last_;
    ++evaluations_;
    const auto reps = static_cast<std::size_t>(options_.replications);
    std::vector<std::vector<double>> per_rep(reps);
    Scenario scenario = window_scenario(options_, values);
    const LocalMinutes start = simulation_start(options_);
    executor_->parallel_for(reps, [&](std::size_t b, std::size_t e) {
      for (std::size_t r = b; r < e; ++r) {
        Scenario s = scenario;
        s.run.seed = options_.seed + r;
        SerialExecutor serial;
        std::vector<CaseRecord> records = synthesize_records(s, serial, start);
        per_rep[r] = pick(stat_values(record_stats(records, window_)));
        if (r == 0 && keep) *keep = std::move(records);
      }
    });
    std::vector<double> mean(names_.size(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t k = 0; k < names_.size(); ++k) {
      double sum = 0;
      int n = 0;
      for (const auto& rep : per_rep)
        if (std::isfinite(rep[k])) {
          sum += rep[k];
          ++n;
        }
      if (n > 0) mean[k] = sum / n;
    }
    last_values_ = values;
    last_ = mean;
    return mean;
  }

  int evaluations() const { return evaluations_; }

 private:
  std::vector<double> pick(const std::vector<std::pair<std::string, double>>& stats) const {
    std::map<std::string, double> by_name(stats.begin(), stats.end());
    std::vector<double> out(names_.size(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t k = 0; k < names_.size(); ++k) {
      const auto it = by_name.find(names_[k]);
      if (it != by_name.end()) out[k] = it->second;
    }
    return out;
  }

  const CalibrateOptions& options_;
  std::vector<std::string> names_;
  RecordWindow window_;
  std::unique_ptr<Executor> executor_;
  int evaluations_ = 0;
  std::vector<std::pair<std::string, double>> last_values_;
  std::vector<double> last_;
};

struct Observed {
  std::vector<std::string> names;
  std::vector<double> values, sd, weights;
  Eigen::MatrixXd covariance;
};

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// The smallest change of a statistic that one case makes, roughly: the floor of its spread.
double resolution(const std::string& name, const RecordStats& stats) {
  if (ends_with(name, "_share") || name == "handoffs_per_case")
    return 1.0 / double(std::max<std::int64_t>(stats.cases, 1));
  if (name.rfind("per_day", 0) == 0) return 1.0 / std::max(stats.days, 1.0);
  if (ends_with(name, "_h")) return kMinuteInHours;
  return kOtherResolution;
}

// A lognormal fit's parameters are compared only when at least this many cases closed under it:
// fewer give a fit the records hardly define (all closed at one time gives a spread of ~0).
constexpr std::int64_t kMinClosedForFit = 30;

// The closed cases behind a statistic that is a lognormal fit's parameter; -1 for any other.
std::int64_t fit_cases(const std::string& name, const RecordStats& stats) {
  const auto part = [&](const char* prefix) -> std::string {
    const std::string p = prefix;
    if (name.rfind(p, 0) != 0) return "";
    return name.substr(p.size(), name.find('.', p.size()) - p.size());
  };
  if (name.rfind("closure.", 0) == 0) return stats.closure.closed;
  if (const std::string tier = part("closure_by_tier."); !tier.empty())
    for (std::size_t t = 0; t < stats.closure_by_tier.size(); ++t)
      if (tier == kTierNames[t]) return stats.closure_by_tier[t].closed;
  if (const std::string level = part("closure_by_level."); !level.empty())
    for (std::size_t l = 0; l < stats.closure_by_level.size(); ++l)
      if (level == kLevelNames[l]) return stats.closure_by_level[l].closed;
  return -1;
}

// The compared statistics the records define, their bootstrap spread and weights.
Observed observed_moments(const RecordStats& stats, const Bootstrap& boot) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < boot.intervals.size(); ++i) index[boot.intervals[i].name] = i;
  Observed o;
  std::vector<std::size_t> rows;
  int resamples = 0;
  for (const BootstrapInterval& b : boot.intervals) resamples = std::max(resamples, b.replicates);
  for (const auto& [name, value] : stat_values(stats)) {
    const auto it = index.find(name);
    if (!compared(name) || !std::isfinite(value) || it == index.end()) continue;
    // Defined in most resamples, or its spread (and weight) rests on a few.
    if (boot.intervals[it->second].replicates < kMostResamples * resamples) continue;
    const double sd = boot.intervals[it->second].sd;
    // Defined in too few resamples to have a spread, or the same in every resample (no case of
    // the kind, say): the records give no spread to weigh it by, and it is left out; so is a
    // lognormal fit to too few closed cases.
    if (!std::isfinite(sd) || sd <= kNegligibleSd * std::max(1.0, std::abs(value))) continue;
    if (const std::int64_t n = fit_cases(name, stats); n >= 0 && n < kMinClosedForFit) continue;
    o.names.push_back(name);
    o.values.push_back(value);
    const double floor = std::max(kRelativeSdFloor * std::abs(value), resolution(name, stats));
    o.sd.push_back(sd);
    o.weights.push_back(1.0 / (sd * sd + floor * floor));
    rows.push_back(it->second);
  }
  const std::size_t n = boot.intervals.size(), m = rows.size();
  o.covariance = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(m));
  if (boot.covariance.size() == n * n)
    for (std::size_t a = 0; a < m; ++a)
      for (std::size_t b = 0; b < m; ++b)
        o.covariance(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)) =
            boot.covariance[rows[a] * n + rows[b]];
  return o;
}

double distance(const Observed& o, const std::vector<double>& simulated) {
  double d = 0;
  for (std::size_t k = 0; k < o.values.size(); ++k) {
    if (!std::isfinite(simulated[k])) {
      d += kUndefinedPenalty;
      continue;
    }
    const double diff = simulated[k] - o.values[k];
    d += o.weights[k] * diff * diff;
  }
  return d;
}

std::vector<std::pair<std::string, double>> key_values(const std::vector<FitParameter>& params,
                                                       const std::vector<double>& values) {
  std::vector<std::pair<std::string, double>> out;
  for (std::size_t j = 0; j < params.size(); ++j) out.emplace_back(params[j].key, values[j]);
  return out;
}

void say(const CalibrateOptions& options, const std::string& line) {
  if (options.progress) options.progress(line);
}

// Where each ratio key's statistic is among the compared ones (o.names.size() where it is not).
std::vector<std::size_t> ratio_statistics(const std::vector<FitParameter>& params,
                                          const Observed& o) {
  std::vector<std::size_t> stat(params.size(), o.names.size());
  for (std::size_t j = 0; j < params.size(); ++j)
    if (params[j].stage == FitStage::Ratio)
      stat[j] = static_cast<std::size_t>(
          std::find(o.names.begin(), o.names.end(), params[j].statistic) - o.names.begin());
  return stat;
}

// Step 1: each ratio key times observed / simulated of its statistic, all at once: a full step
// first, then half steps (the geometric mean of the key and its full step), because whole
// simulated cases make the simulated figure jump as a rate moves and undamped steps can cycle
// between two values. The point of least distance is kept.
void ratio_steps(const CalibrateOptions& options, const Observed& o, Evaluator& evaluate,
                 std::vector<double>& values) {
  const auto& params = options.parameters;
  const std::vector<std::size_t> stat = ratio_statistics(params, o);
  if (std::none_of(stat.begin(), stat.end(), [&](std::size_t k) { return k < o.names.size(); }))
    return;
  std::vector<double> best = values;
  double best_distance = std::numeric_limits<double>::infinity();
  for (int step = 0; step <= options.ratio_steps; ++step) {
    const std::vector<double> sim = evaluate(key_values(params, values));
    const double d = distance(o, sim);
    if (d < best_distance) {
      best_distance = d;
      best = values;
    }
    say(options, "calibrate: ratio step " + std::to_string(step) + "/" +
                     std::to_string(options.ratio_steps) + ", distance " + format_rounded(d));
    if (step == options.ratio_steps) break;
    const double power = step == 0 ? 1.0 : kDampedPower;
    for (std::size_t j = 0; j < params.size(); ++j) {
      if (stat[j] >= o.names.size()) continue;
      const double obs = o.values[stat[j]], sim_j = sim[stat[j]];
      if (std::isfinite(sim_j) && sim_j > 0 && obs > 0)
        values[j] =
            std::clamp(values[j] * std::pow(obs / sim_j, power), params[j].low, params[j].high);
    }
  }
  values = best;
}

// Step 2: BOBYQA over the moments keys, on the unit cube of their searched ranges.
void moments_stage(const CalibrateOptions& options, const Observed& o, Evaluator& evaluate,
                   std::vector<double>& values) {
  const auto& params = options.parameters;
  std::vector<std::size_t> free;
  for (std::size_t j = 0; j < params.size(); ++j)
    if (params[j].stage == FitStage::Moments) free.push_back(j);
  if (free.empty() || options.max_evaluations <= 0) return;
  const auto n = static_cast<unsigned>(free.size());
  auto to_values = [&](const std::vector<double>& u) {
    std::vector<double> v = values;
    for (std::size_t i = 0; i < free.size(); ++i) {
      const FitParameter& p = params[free[i]];
      const double x = searched_low(p) + u[i] * (searched_high(p) - searched_low(p));
      v[free[i]] = std::clamp(from_searched(p, x), p.low, p.high);
    }
    return v;
  };
  // NLopt's C++ wrapper turns whatever the objective throws into its own "nlopt failure": the
  // objective keeps the exception and stops the search, and it is thrown again from here.
  struct Context {
    const std::function<double(const std::vector<double>&)>* f;
    std::exception_ptr error;
    nlopt::opt* opt;
  };
  int calls = 0;
  double best = std::numeric_limits<double>::infinity();
  std::vector<double> best_u;
  const std::function<double(const std::vector<double>&)> objective =
      [&](const std::vector<double>& u) {
        const double d = distance(o, evaluate(key_values(params, to_values(u))));
        ++calls;
        if (d < best) {
          best = d;
          best_u = u;
        }
        say(options, "calibrate: moments " + std::to_string(calls) + "/" +
                         std::to_string(options.max_evaluations) + ", distance " +
                         format_rounded(d) + " (best " + format_rounded(best) + ")");
        return d;
      };
  nlopt::opt opt(n >= 2 ? nlopt::LN_BOBYQA : nlopt::LN_COBYLA, n);
  Context context{&objective, nullptr, &opt};
  opt.set_lower_bounds(std::vector<double>(n, 0.0));
  opt.set_upper_bounds(std::vector<double>(n, 1.0));
  opt.set_maxeval(options.max_evaluations);
  opt.set_xtol_abs(kStepTolerance);
  opt.set_initial_step(kInitialStep);
  opt.set_min_objective(
      [](const std::vector<double>& u, std::vector<double>& /*grad*/, void* data) {
        auto* c = static_cast<Context*>(data);
        try {
          return (*c->f)(u);
        } catch (...) {
          c->error = std::current_exception();
          c->opt->force_stop();
          return std::numeric_limits<double>::infinity();
        }
      },
      &context);
  std::vector<double> u(n);
  for (std::size_t i = 0; i < free.size(); ++i) {
    const FitParameter& p = params[free[i]];
    u[i] = std::clamp(
        (to_searched(p, values[free[i]]) - searched_low(p)) / (searched_high(p) - searched_low(p)),
        0.0, 1.0);
  }
  double minimum = 0;
  try {
    opt.optimize(u, minimum);
  } catch (const nlopt::roundoff_limited&) {
    // The distance of whole simulated cases is a step function at fine scales: the best point
    // found stands.
  } catch (const nlopt::forced_stop&) {
  }
  if (context.error) std::rethrow_exception(context.error);
  if (!best_u.empty()) values = to_values(best_u);  // the best point evaluated
}

// Step 3: the sandwich covariance of the fitted keys, on their searched scale.
void intervals(const CalibrateOptions& options, const Observed& o, Evaluator& evaluate,
               const std::vector<double>& values, std::vector<FittedValue>& out,
               std::vector<double>& covariance) {
  const auto& params = options.parameters;
  const auto n = static_cast<Eigen::Index>(params.size());
  const auto m = static_cast<Eigen::Index>(o.names.size());
  Eigen::MatrixXd G = Eigen::MatrixXd::Zero(m, n);
  std::vector<double> range(params.size());
  for (std::size_t j = 0; j < params.size(); ++j) {
    const FitParameter& p = params[j];
    range[j] = searched_high(p) - searched_low(p);
    const double x = to_searched(p, values[j]), h = kJacobianStep * range[j];
    const double up = std::min(x + h, searched_high(p)), down = std::max(x - h, searched_low(p));
    std::vector<double> a = values, b = values;
    a[j] = from_searched(p, up);
    b[j] = from_searched(p, down);
    const std::vector<double> sa = evaluate(key_values(params, a));
    const std::vector<double> sb = evaluate(key_values(params, b));
    for (Eigen::Index k = 0; k < m; ++k) {
      const auto kk = static_cast<std::size_t>(k);
      if (std::isfinite(sa[kk]) && std::isfinite(sb[kk]) && up > down)
        G(k, static_cast<Eigen::Index>(j)) = (sa[kk] - sb[kk]) / (up - down);
    }
    say(options, "calibrate: intervals " + std::to_string(j + 1) + "/" +
                     std::to_string(params.size()) + " (" + p.key + ")");
  }
  Eigen::VectorXd w(m);
  for (Eigen::Index k = 0; k < m; ++k) w(k) = o.weights[static_cast<std::size_t>(k)];
  const Eigen::MatrixXd WG = w.asDiagonal() * G;
  const Eigen::MatrixXd A = G.transpose() * WG;
  const Eigen::MatrixXd B = WG.transpose() * o.covariance * WG;
  const Eigen::MatrixXd Ainv = A.completeOrthogonalDecomposition().pseudoInverse();
  const double sim_noise = 1.0 + 1.0 / options.replications;
  const Eigen::MatrixXd V = sim_noise * Ainv * B * Ainv;
  // Directions the statistics cannot see: singular vectors of the weighted Jacobian per unit of
  // searched range.
  Eigen::MatrixXd scaled = w.cwiseSqrt().asDiagonal() * G;
  for (Eigen::Index j = 0; j < n; ++j) scaled.col(j) *= range[static_cast<std::size_t>(j)];
  const Eigen::JacobiSVD<Eigen::MatrixXd> svd(scaled, Eigen::ComputeThinV);
  const Eigen::VectorXd& sv = svd.singularValues();
  // A ratio key solves "simulated figure = observed figure" for its own statistic, which is
  // proportional to the key: its spread is that statistic's relative spread, observed and
  // simulated (the delta method), whatever the other statistics say.
  const std::vector<std::size_t> stat = ratio_statistics(params, o);
  std::vector<double> se(params.size());
  for (std::size_t j = 0; j < params.size(); ++j) {
    const auto jj = static_cast<Eigen::Index>(j);
    se[j] = std::isfinite(V(jj, jj)) ? std::sqrt(std::max(0.0, V(jj, jj))) : kNaN;
    if (stat[j] < o.names.size() && std::isfinite(se[j])) {
      const double relative = o.sd[stat[j]] / std::abs(o.values[stat[j]]) * std::sqrt(sim_noise);
      const double delta = params[j].log_scale ? relative : relative * values[j];
      se[j] = std::max(se[j], delta);
    }
  }
  for (std::size_t j = 0; j < params.size(); ++j) {
    const auto jj = static_cast<Eigen::Index>(j);
    const FitParameter& p = params[j];
    FittedValue f;
    f.parameter = p;
    f.value = values[j];
    f.se = se[j];
    const double sensitivity = scaled.col(jj).norm();
    bool blind = false;
    for (Eigen::Index s = 0; s < sv.size(); ++s)
      blind = blind || ((sv(0) <= 0 || sv(s) < kSingular * sv(0)) &&
                        std::abs(svd.matrixV()(jj, s)) > kLoading);
    // With fewer statistics than keys some directions have no singular value at all.
    blind = blind || sv.size() < n;
    const double x = to_searched(p, values[j]), h = kJacobianStep * range[j];
    if (!std::isfinite(f.se)) {
      f.identified = false;
      f.note = "its interval could not be computed (the statistics' covariance is incomplete)";
    } else if (sensitivity < kMinSensitivity) {
      f.identified = false;
      f.note = "the records barely respond to it: across its whole range the statistics move by " +
               format_rounded(sensitivity) + " standard deviations";
    } else if (blind) {
      f.identified = false;
      f.note = "it moves the statistics only together with other fitted keys (confounded)";
    } else if (x - searched_low(p) < h || searched_high(p) - x < h) {
      f.identified = false;
      f.note = "the fit stopped at the edge of the range searched";
    } else if (2 * kZ95 * f.se > kMaxIntervalShare * range[j]) {
      f.identified = false;
      f.note = "its interval covers more than half of the range searched";
    }
    if (f.identified) {
      f.low = from_searched(p, std::max(searched_low(p), x - kZ95 * f.se));
      f.high = from_searched(p, std::min(searched_high(p), x + kZ95 * f.se));
    } else {
      f.low = p.low;
      f.high = p.high;
    }
    out.push_back(f);
  }
  // The joint covariance for the holdout's draws, with the ratio keys' spread as above.
  covariance.assign(params.size() * params.size(), 0.0);
  for (std::size_t a = 0; a < params.size(); ++a)
    for (std::size_t b = 0; b < params.size(); ++b) {
      const double v = V(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b));
      const double va = V(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(a));
      const double vb = V(static_cast<Eigen::Index>(b), static_cast<Eigen::Index>(b));
      // The correlation from the sandwich, the spreads from se.
      const double corr = a == b ? 1.0 : (va > 0 && vb > 0 ? v / std::sqrt(va * vb) : 0.0);
      covariance[a * params.size() + b] =
          std::isfinite(corr) && std::isfinite(se[a]) && std::isfinite(se[b]) ? corr * se[a] * se[b]
                                                                              : 0.0;
    }
}

}  // namespace

std::vector<std::string> default_fit_keys(const Scenario& scenario) {
  std::vector<std::string> keys;
  for (const char* d : kDomainNames) keys.push_back(std::string("model.rates.") + d);
  if (scenario.calendar.on)
    for (const char* d : kDomainNames) keys.push_back(std::string("calendar.rhythms.day_off.") + d);
  for (const char* k :
       {"model.process_median_h.small", "model.process_median_h.big", "model.process_median_h.hard",
        "model.behaviour.effort.process_sigma", "governance.routing.escalate_wait_h",
        "model.behaviour.routing.misroute_unclear", "model.behaviour.routing.lost_on_bounce",
        "model.behaviour.success.staff_task"})
    keys.emplace_back(k);
  return keys;
}

FitParameter fit_parameter(const Scenario& scenario, const std::string& key) {
  const std::vector<KeyRow> rows = scenario_keys(scenario);
  const auto row =
      std::find_if(rows.begin(), rows.end(), [&](const KeyRow& r) { return r.key == key; });
  if (row == rows.end() || (row->type != "number" && row->type != "integer"))
    throw InputError("--fit: '" + key +
                     "' is not a number of the scenario; `govsim keys` lists them");
  if (row->type == "integer")
    throw InputError(
        "--fit: '" + key +
        "' takes whole numbers, which the optimiser cannot search; set it with --set " + key +
        "=N and compare a few values with `govsim sweep`");
  FitParameter p;
  p.key = key;
  p.start = row->value;
  const bool unit_range = row->lo == 0 && row->hi == 1;
  if (unit_range) {
    p.low = kShareEdge;
    p.high = 1 - kShareEdge;
    p.start = std::clamp(p.start, p.low, p.high);
  } else {
    if (!(p.start > 0))
      throw InputError("--fit: '" + key + "' is " + format_rounded(p.start) +
                       " in the scenario; only a positive value can be fitted (set a start with "
                       "--set " +
                       key + "=VALUE)");
    p.log_scale = true;
    p.low = std::max(row->lo, p.start / kScaleBound);
    p.high = std::min(row->hi, p.start * kScaleBound);
  }
  if (key.rfind("model.rates.", 0) == 0) {
    p.stage = FitStage::Ratio;
    p.statistic = "per_day." + key.substr(std::string("model.rates.").size());
  } else if (key.rfind("calendar.rhythms.day_off.", 0) == 0) {
    p.stage = FitStage::Ratio;
    p.statistic = "day_off_ratio." + key.substr(std::string("calendar.rhythms.day_off.").size());
  }
  if (!(p.low < p.high))
    throw InputError("--fit: '" + key + "' has no room to move within its valid range " +
                     row->range);
  return p;
}

LocalMinutes simulation_start(const CalibrateOptions& options) {
  return local_day_start(options.from) -
         static_cast<LocalMinutes>(kCalibrationWarmupDays * kMinutesPerDay);
}

std::int64_t simulation_day(const CalibrateOptions& options, LocalMinutes t) {
  return (t - simulation_start(options)) / static_cast<LocalMinutes>(kMinutesPerDay);
}

Scenario window_scenario(const CalibrateOptions& options,
                         const std::vector<std::pair<std::string, double>>& values) {
  std::vector<std::string> overrides = options.overrides;
  for (const auto& [key, value] : values) overrides.push_back(key + "=" + number_text(value));
  const LocalMinutes first = local_day_start(options.from);
  const auto days =
      static_cast<std::int64_t>(std::ceil(double(options.to - first) / kMinutesPerDay));
  overrides.push_back("run.warmup_days=" + std::to_string(kCalibrationWarmupDays));
  overrides.push_back("run.days=" + std::to_string(kCalibrationWarmupDays + days));
  overrides.push_back("run.start_date=" + local_date_text(simulation_start(options)));
  return load_scenario(options.scenario, overrides);
}

CalibrationResult calibrate(const std::vector<CaseRecord>& records,
                            const CalibrateOptions& options) {
  if (options.replications < 1) throw InputError("--replications must be at least 1");
  CalibrationResult result;
  result.replications = options.replications;
  const Scenario district = window_scenario(options, {});
  const City city = build_city(district);
  result.residents = double(city.residents);
  const std::unique_ptr<Calendar> calendar = scenario_calendar(district);
  const LocalMinutes day0 = simulation_start(options);
  RecordWindow window;
  window.from = options.from;
  window.to = options.to;
  window.residents = result.residents;
  const Calendar* cal = calendar.get();
  window.day_off = [cal, day0](LocalMinutes midnight) {
    return !cal->working((midnight - day0) / static_cast<LocalMinutes>(kMinutesPerDay));
  };
  result.window_text = local_date_text(options.from) + " to " + local_date_text(options.to - 1);

  result.observed = record_stats(records, window);
  say(options, "calibrate: " + std::to_string(result.observed.cases) + " cases from " +
                   result.window_text + "; bootstrap of " + std::to_string(options.bootstrap) +
                   " resamples");
  auto executor = make_tbb_executor(options.jobs);
  result.bootstrap = bootstrap_stats(
      records, window, options.bootstrap, options.seed,
      [&](std::size_t n, const std::function<void(std::size_t, std::size_t)>& body) {
        executor->parallel_for(n, body);
      });
  const Observed o = observed_moments(result.observed, result.bootstrap);
  if (o.names.empty())
    throw InputError("the records define none of the statistics calibrate compares");

  Evaluator evaluate(options, o.names, window);
  std::vector<double> values;
  for (const FitParameter& p : options.parameters) values.push_back(p.start);
  result.distance_start = distance(o, evaluate(key_values(options.parameters, values)));
  say(options,
      "calibrate: distance at the scenario's values " + format_rounded(result.distance_start));
  ratio_steps(options, o, evaluate, values);
  moments_stage(options, o, evaluate, values);

  const std::vector<double> sim =
      evaluate(key_values(options.parameters, values), &result.simulated_records);
  result.distance = distance(o, sim);
  result.simulated = record_stats(result.simulated_records, window);
  for (std::size_t k = 0; k < o.names.size(); ++k)
    result.moments.push_back({o.names[k], o.values[k], sim[k], o.sd[k], o.weights[k]});
  intervals(options, o, evaluate, values, result.values, result.covariance);
  result.evaluations = evaluate.evaluations();
  say(options, "calibrate: distance " + format_rounded(result.distance_start) + " -> " +
                   format_rounded(result.distance) + " after " +
                   std::to_string(result.evaluations) + " evaluations");
  return result;
}

std::string fitted_yaml(const CalibrationResult& result, const CalibrateOptions& options,
                        const std::string& extends, const std::string& records_name) {
  std::ostringstream out;
  out << "# Fitted by govsim calibrate to " << records_name << ": " << result.observed.cases
      << " cases received " << result.window_text << ".\n"
      << "# " << result.replications << " simulated districts per evaluation (seeds "
      << options.seed << " to " << options.seed + std::uint64_t(result.replications) - 1 << "), "
      << result.evaluations << " evaluations; weighted distance "
      << format_rounded(result.distance_start) << " at the start, "
      << format_rounded(result.distance) << " fitted.\n"
      << "# Each value's comment gives its 95 % interval and how it was fitted. A key the records\n"
      << "# do not identify keeps its fitted value, but its interval is its whole searched range.\n"
      << "extends: " << extends << "\n";
  // The --set values the fit started from, then the fitted keys, nested under their groups
  // (sorted, so that the keys of a group are together); a fitted key replaces a --set one.
  struct Entry {
    std::string key, value, comment;
  };
  std::vector<Entry> entries;
  for (const std::string& o : options.overrides) {
    const std::size_t eq = o.find('=');
    const std::string key = o.substr(0, eq);
    const bool fitted = std::any_of(result.values.begin(), result.values.end(),
                                    [&](const FittedValue& f) { return f.parameter.key == key; });
    if (eq != std::string::npos && !fitted)
      entries.push_back({key, o.substr(eq + 1), "given with --set"});
  }
  for (const FittedValue& f : result.values) {
    std::string comment =
        "95 % " + format_rounded(f.low) + " to " + format_rounded(f.high) + "; " +
        (f.parameter.stage == FitStage::Ratio ? "ratio step on " + f.parameter.statistic
                                              : std::string("simulated method of moments")) +
        "; was " + format_rounded(f.parameter.start);
    if (!f.identified) comment += "; NOT IDENTIFIED: " + f.note;
    entries.push_back({f.parameter.key, format_rounded(f.value), comment});
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.key < b.key; });
  std::vector<std::string> open;
  for (const Entry& e : entries) {
    std::vector<std::string> parts;
    std::stringstream ss(e.key);
    for (std::string part; std::getline(ss, part, '.');) parts.push_back(part);
    std::size_t common = 0;
    while (common < open.size() && common + 1 < parts.size() && open[common] == parts[common])
      ++common;
    open.resize(common);
    for (std::size_t i = common; i + 1 < parts.size(); ++i) {
      out << std::string(2 * i, ' ') << parts[i] << ":\n";
      open.push_back(parts[i]);
    }
    out << std::string(2 * (parts.size() - 1), ' ') << parts.back() << ": " << e.value << "  # "
        << e.comment << "\n";
  }
  return out.str();
}

std::string fit_json(const CalibrationResult& result, const CalibrateOptions& options) {
  Json j;
  j["window"] = result.window_text;
  j["cases"] = result.observed.cases;
  j["residents"] = result.residents;
  j["replications"] = result.replications;
  j["seed"] = options.seed;
  j["evaluations"] = result.evaluations;
  j["distance_start"] = result.distance_start;
  j["distance"] = result.distance;
  Json keys = Json::array();
  for (const FittedValue& f : result.values)
    keys.push_back({{"key", f.parameter.key},
                    {"start", f.parameter.start},
                    {"value", f.value},
                    {"low", f.low},
                    {"high", f.high},
                    {"se", f.se},
                    {"log_scale", f.parameter.log_scale},
                    {"stage", f.parameter.stage == FitStage::Ratio ? "ratio" : "moments"},
                    {"identified", f.identified},
                    {"note", f.note}});
  j["keys"] = keys;
  Json moments = Json::array();
  for (const Moment& m : result.moments)
    moments.push_back({{"name", m.name},
                       {"observed", m.observed},
                       {"sd", m.sd},
                       {"simulated", m.simulated},
                       {"weight", m.weight}});
  j["statistics"] = moments;
  Json direct = Json::array();
  for (const BootstrapInterval& b : result.bootstrap.intervals)
    direct.push_back({{"name", b.name},
                      {"estimate", b.estimate},
                      {"low", b.low},
                      {"high", b.high},
                      {"sd", b.sd}});
  j["direct_estimates"] = direct;
  return to_file_text(j);
}

}  // namespace govsim::batch
