// Statistics of replications: means with Student-t confidence intervals, paired differences (the
// payoff of common random numbers) and Welch's unpaired difference for contrast. NaN marks a
// replication without data (a run that failed, or an outcome a design does not have) and is
// left out.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/metrics.hpp"

namespace govsim::batch {

struct Estimate {
  std::int64_t n = 0;  // finite values used
  double mean = kNaN;
  double sd = kNaN;          // sample standard deviation (n - 1)
  double se = kNaN;          // standard error of the mean
  double df = kNaN;          // degrees of freedom of the t distribution
  double half_width = kNaN;  // of the two-sided 95 % interval; NaN with fewer than 2 values

  double low() const { return mean - half_width; }
  double high() const { return mean + half_width; }
  // The interval excludes zero: the difference is significant at the 5 % level.
  bool significant() const;
  // One-sided bounds at the given confidence, e.g. 0.95: mean + t(0.95) se.
  double upper_bound(double confidence) const;
  double lower_bound(double confidence) const;
};

// Quantile of Student's t distribution with df degrees of freedom (df > 0, 0 < p < 1).
double student_t_quantile(double p, double df);
double student_t_cdf(double t, double df);

Estimate estimate(const std::vector<double>& values);

// Mean of a[i] - b[i] over the i where both are finite: replication i of both designs used the
// same random numbers, so the noise they share cancels.
Estimate paired_difference(const std::vector<double>& a, const std::vector<double>& b);

// Mean of a minus mean of b as if the replications were independent (Welch-Satterthwaite).
Estimate welch_difference(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace govsim::batch
