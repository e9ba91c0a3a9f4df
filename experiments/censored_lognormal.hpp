// Maximum-likelihood fit of a lognormal distribution to durations of which some are right-censored
// (cases still open when the records end: only a lower bound of their duration is known).
#pragma once

#include <cstdint>
#include <vector>

namespace govsim {

// ln T ~ N(mu, sigma^2), T in hours, fitted with the censored cases' lower bounds (maximum
// likelihood). mu and sigma are NaN when nothing closed: with only lower bounds the likelihood
// grows without end as mu grows, so there is no estimate.
struct LognormalFit {
  double mu = 0, sigma = 0;
  std::int64_t closed = 0, censored = 0;
  double median_h() const;  // e^mu
};

// Durations in hours, each with a weight (a bootstrap replicate's multiplicity; 1 otherwise).
// Closed durations are kept as sums of their logarithms, so the fit's cost grows with the censored
// ones only.
class CensoredSample {
 public:
  void add_closed(double hours, double weight = 1);
  void add_censored(double hours, double weight = 1);
  LognormalFit fit() const;

 private:
  double shift_ = 0;  // the first closed log-time: the sums are of x - shift (no cancellation)
  double closed_w_ = 0, sum_x_ = 0, sum_xx_ = 0;
  std::vector<double> censored_x_, censored_w_;
};

// The fit of closed and censored durations (hours), all of weight 1.
LognormalFit fit_censored_lognormal(const std::vector<double>& closed_h,
                                    const std::vector<double>& censored_h);

}  // namespace govsim
