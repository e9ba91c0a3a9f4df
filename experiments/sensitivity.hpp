// `govsim sensitivity`: which parameters drive an outcome. Morris elementary effects with the
// improvements of Campolongo et al. (2007): r trajectories on a p-level grid of the unit
// hypercube, each starting at a random grid point and changing one factor at a time by
// delta = p / (2 (p - 1)) in a random order, chosen among M random candidates for the widest
// spread. Each step gives one elementary effect of its factor,
//
//   EE = (y(x + delta e_i) - y(x)) / delta      (x scaled to [0, 1] over the factor's range),
//
// that is the change of the outcome over the factor's whole range if the response were linear.
// mu* = mean |EE| ranks the factors (Campolongo); mu = mean EE keeps the sign; sigma, the
// standard deviation of the EEs, is large when the effect depends on where the other factors are
// (interactions or curvature). The interval of mu* is a percentile bootstrap over the
// trajectories.
//
// The one-at-a-time alternative (`--method oat`) moves each factor from its low to its high end
// with the others at their midpoints: 2k points, one effect per factor, whose interval comes
// from the paired replications.
//
// Every random draw is a Philox stream of Purpose::Sampling keyed by the sample seed, so the same
// seed gives the same design and the same intervals on any machine and at any thread count.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "experiments/comparison.hpp"
#include "experiments/experiment.hpp"
#include "output/json_writer.hpp"

namespace govsim::batch {

// A numeric scenario key and the range it is varied over.
struct Factor {
  std::string key;
  bool integer = false;  // an integer key: values are rounded to whole numbers
  double lo = 0;
  double hi = 0;
  std::string why;  // for the default set: why this range
};

// The main governance and behaviour knobs with ranges around the shipped designs.
const std::vector<Factor>& default_factors();

// `--param KEY=lo:hi`, or `--param KEY` for a key of the default set with its default range.
// The range must lie inside the schema's bounds of the key. Throws InputError.
Factor parse_factor(const std::string& text);

// Labels for tables and charts: the keys without their "governance.", "model." and "staffing."
// prefixes (platform.level, admin_burden.officials, community_officials_per_10k), or the whole
// key where that would make two alike.
std::vector<std::string> factor_labels(const std::vector<Factor>& factors);

// The value a run uses at `unit` in [0, 1] of the factor's range, as the loader reads it (six
// significant digits; whole numbers for integer keys), and where that value sits in the range.
std::string factor_value(const Factor& factor, double unit);
double factor_unit(const Factor& factor, const std::string& value);

// ---- Morris trajectories -------------------------------------------------------------------

// Grid levels per factor p must be even (so that delta is p/2 grid steps), from 2 to 100.
inline double morris_delta(int levels) { return levels / (2.0 * (levels - 1)); }

struct Trajectory {
  // k + 1 points, each the grid level (0 .. p-1) of every factor; point j+1 differs from point j
  // in factor order[j] only, by p/2 levels (delta in the unit cube).
  std::vector<std::vector<int>> points;
  std::vector<std::size_t> order;
};

std::vector<Trajectory> morris_candidates(std::size_t factors, std::size_t count, int levels,
                                          std::uint64_t seed);

// Campolongo's spread of two trajectories: the sum of the Euclidean distances (in the unit cube)
// between every point of one and every point of the other.
double trajectory_distance(const Trajectory& a, const Trajectory& b, int levels);

// The r of the candidates with the widest spread (the sum of squared distances over all pairs),
// found by removing, one at a time, the candidate that adds least to it. Indices ascending.
std::vector<std::size_t> select_by_spread(const std::vector<Trajectory>& candidates, std::size_t r,
                                          int levels);

// ---- A design of points and steps, for either method ---------------------------------------

struct Step {
  std::size_t from = 0;  // points
  std::size_t to = 0;
  std::size_t factor = 0;
  std::size_t group = 0;  // trajectory (morris) or factor (oat)
};

struct SensitivityDesign {
  std::string method;  // "morris" or "oat"
  int levels = 0;      // morris only
  std::size_t trajectories = 0;
  std::size_t candidates = 0;
  std::uint64_t sample_seed = 0;
  std::vector<Factor> factors;
  std::vector<std::vector<double>> points;  // in the unit cube, one coordinate per factor
  std::vector<Step> steps;
};

inline constexpr std::size_t kMaxFactors = 200;

SensitivityDesign morris_design(const std::vector<Factor>& factors, std::size_t trajectories,
                                int levels, std::size_t candidates, std::uint64_t seed);
SensitivityDesign oat_design(const std::vector<Factor>& factors, std::uint64_t seed);

// The batch designs (one per point: every factor set by --set) and the record the results store
// keeps in the plan, from which `govsim report` and `govsim export` redo the analysis.
std::vector<Design> sensitivity_designs(const std::string& scenario,
                                        const SensitivityDesign& design);
Json design_json(const SensitivityDesign& design);
SensitivityDesign design_from_json(const Json& json);

// ---- Effects ---------------------------------------------------------------------------------

struct FactorEffect {
  std::size_t factor = 0;
  std::int64_t n = 0;  // elementary effects used (morris) or replications (oat)
  double mu = kNaN;
  double mu_star = kNaN;
  double sigma = kNaN;   // morris only
  double ci_low = kNaN;  // 95 % interval of mu*
  double ci_high = kNaN;
};

inline constexpr int kBootstrapResamples = 1000;

// y[point][replication]: the outcome of each run, NaN where a run failed or has no value.
// `stream` tells the bootstrap resamples of different outcomes apart. Returned in factor order.
std::vector<FactorEffect> elementary_effects(const SensitivityDesign& design,
                                             const std::vector<std::vector<double>>& y,
                                             std::uint64_t stream);

// The effects on one summary column, from the runs of an experiment whose designs are the
// design's points in order.
std::vector<FactorEffect> effects_on(const SensitivityDesign& design, const ResultGrid& grid,
                                     std::size_t column);

// Largest mu* first; factors without a value last; ties in factor order.
std::vector<FactorEffect> ranked(std::vector<FactorEffect> effects);

// The printed table of one outcome, ranked.
std::string format_ranking(const SensitivityDesign& design, const std::string& outcome,
                           const std::vector<FactorEffect>& ranked_effects);

// The rankings of several outcomes as JSON (for --json) and as tidy CSV (for `govsim export`):
// outcome, rank, key, lo, hi, n, mu_star, ci_low, ci_high, mu, sigma.
Json rankings_json(const SensitivityDesign& design, const ResultGrid& grid,
                   const std::vector<std::size_t>& columns);
std::string rankings_csv(const SensitivityDesign& design, const ResultGrid& grid,
                         const std::vector<std::size_t>& columns);

// The outcomes ranked unless --outcomes says otherwise: response time, dispute rate, the senses.
std::vector<std::size_t> default_sensitivity_outcomes();

}  // namespace govsim::batch
