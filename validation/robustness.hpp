// The robustness of the paper's claims: each claim is evaluated over the plausible ranges of every
// grade-C coefficient of the model at once, on a Latin hypercube of points. At every point all the
// designs a claim compares run with the same coefficient values and the same seeds (common random
// numbers), and the claim holds there when its paired difference has the claimed sign. The report
// gives the share of points where each claim holds with its Wilson interval, the coefficients
// its margin depends on most (partial rank correlation when the points allow it, else Spearman's
// rank correlation, each against a Bonferroni noise threshold), and a label: "robust", or
// "depends on KEY, ...". docs/VALIDATION.md ("Robustness of the claims") gives the reasons.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/numeric.hpp"
#include "experiments/cluster.hpp"
#include "experiments/sensitivity.hpp"
#include "output/key_table.hpp"
#include "validation/claims.hpp"

namespace govsim::validation {

// ---- The factors: every grade-C coefficient of the model, from the schema --------------------

// A numeric key under `model.` whose source grade is C. Design keys (`governance.*`), the run's
// and the city's keys are not coefficients of the model and are never factors.
bool is_grade_c_coefficient(const KeyRow& row);

// The plausible range of a coefficient, from its default d and valid range [a, b]:
//  - a key whose valid range is [0, 1] (a probability, share or weight): the odds d / (1 - d)
//    times 0.5 to 1.5, so that near 0 it is the rule below and near 1 it stays inside;
//    at a default of exactly 0 or 1, the tenth of the range next to it ([0, 0.1] or [0.9, 1]);
//  - any other key: d times 0.5 to 1.5 (either order for a negative d), clipped to [a, b];
//  - an integer key: the same, rounded to whole numbers.
// Where that leaves no range (a default of 0 outside [0, 1], or an integer that rounds to one
// value), the factor's lo equals its hi: the key is held at its default.
batch::Factor plausible_range(const KeyRow& row);

struct RobustnessFactors {
  std::vector<batch::Factor> varied;  // in schema order
  std::vector<std::string> held;      // "key = value (why)": held at one value
  std::vector<std::string> pinned;    // key=value overrides every run gets (--range k=v:v)
};

// Every grade-C coefficient with its plausible range, with `--range KEY=lo:hi` (repeatable)
// overriding a key's range: any numeric `model.` key, lo <= hi inside the key's valid range
// (lo = hi holds the key there). Throws InputError on an unknown or non-model key, a malformed
// range, lo > hi, or a range outside the valid one.
RobustnessFactors robustness_factors(const std::vector<std::string>& range_options);

// ---- Statistics --------------------------------------------------------------------------------

// A share k / n with its Wilson score interval at the given normal quantile (1.96: 95 %).
struct Proportion {
  std::int64_t k = 0, n = 0;
  double share = kNaN, low = kNaN, high = kNaN;
};
Proportion wilson(std::int64_t k, std::int64_t n, double z = 1.959963984540054);

// The largest half-width of a Wilson interval of n points, over every share (the worst case).
double worst_wilson_half_width(std::int64_t n);

// Ranks 1..n, ties sharing their mean rank.
std::vector<double> ranks(const std::vector<double>& values);

// How strongly an outcome depends on one factor: a rank correlation and the noise threshold
// its absolute value must pass (two-sided, Bonferroni over the factors at a family-wise 5 %).
struct Dependence {
  std::size_t factor = 0;
  double r = kNaN;
  double threshold = kNaN;
  bool significant() const { return r == r && (r > threshold || -r > threshold); }
};

// "prcc" when there are at least factors + kPrccSpare points, else "spearman".
inline constexpr std::size_t kPrccSpare = 20;
std::string dependence_method(std::size_t points, std::size_t factors);

// x[point][factor], y[point] (points with a non-finite y are left out). Partial rank correlation
// (each factor's rank against y's, both with the other factors' ranks regressed out) or
// Spearman's, as dependence_method says. Largest |r| first; factors without a value last.
std::vector<Dependence> rank_dependence(const std::vector<std::vector<double>>& x,
                                        const std::vector<double>& y, const std::string& method);

// ---- A claim over the space
// ----------------------------------------------------------------------

inline constexpr double kRobustShare = 0.95;   // a claim holding at this share of points is robust
inline constexpr std::size_t kMaxDrivers = 3;  // coefficients a label names at most

struct ClaimRobustness {
  Claim claim;
  std::vector<double> margin;       // per point: paired difference times direction (> 0 holds)
  Proportion holds;                 // points where the claim holds, of those with a value
  std::vector<Dependence> drivers;  // ranked, the significant first
  std::string method;               // prcc or spearman
  std::string label;                // "robust" or "depends on KEY (+0.62), ..."
  bool robust = false;
};

// margin[point]: the claim's paired difference at the point times its direction (> 0: holds).
ClaimRobustness assess_claim(const Claim& claim, const std::vector<batch::Factor>& factors,
                             const std::vector<std::vector<double>>& x,
                             const std::vector<double>& margin);

struct RobustnessOptions {
  std::int64_t points = 100;
  std::int64_t days = 365;
  std::int64_t replications = 1;  // of every design at every point (seeds 1..R at every point)
  std::uint64_t seed = 1;         // of the Latin hypercube
  int jobs = 0;                   // parallel runs; 0 = every core
  bool progress = false;
  std::vector<std::string> ranges;  // --range KEY=lo:hi
};

struct RobustnessReport {
  RobustnessOptions options;
  RobustnessFactors factors;
  std::vector<std::vector<double>> x;  // [point][factor], in the unit cube, as the runs used
  std::vector<ClaimRobustness> claims;
};

// Throws InputError on options that cannot run: fewer than 10 or more than 100 000 points, a
// run no longer than the designs' warm-up, bad replications or a bad --range.
void check_robustness_options(const RobustnessOptions& options);

// Checks the options (InputError), draws the design, runs every point's designs through the
// batch runner (over the cluster's ranks) and assesses each claim; then, for each claim made
// against several designs (the same text and `to`), the joint claim, which holds at a point when
// every one of them does (from: "each of N"). Every rank gets the report.
RobustnessReport run_robustness(const RobustnessOptions& options, const std::vector<Claim>& claims,
                                batch::Cluster& cluster);

// The table `govsim validate --robustness` prints, and the Markdown of the docs: the full table
// for docs/VALIDATION.md and the one-column summary for the README's claims table.
std::string format_robustness(const RobustnessReport& report);
std::string robustness_markdown(const RobustnessReport& report);
std::string robustness_readme_markdown(const RobustnessReport& report);

}  // namespace govsim::validation
