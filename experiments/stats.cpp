#include "experiments/stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace govsim::batch {
namespace {

// Continued fraction of the regularised incomplete beta function (modified Lentz), valid for
// x < (a + 1) / (a + b + 2); the caller uses the symmetry relation otherwise.
double beta_fraction(double a, double b, double x) {
  constexpr double tiny = 1e-300;
  constexpr double epsilon = 1e-15;
  double c = 1;
  double d = 1 - (a + b) * x / (a + 1);
  if (std::fabs(d) < tiny) d = tiny;
  d = 1 / d;
  double h = d;
  for (int m = 1; m <= 1000; ++m) {
    const double dm = m;
    double aa = dm * (b - dm) * x / ((a + 2 * dm - 1) * (a + 2 * dm));
    d = 1 + aa * d;
    if (std::fabs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + dm) * (a + b + dm) * x / ((a + 2 * dm) * (a + 2 * dm + 1));
    d = 1 + aa * d;
    if (std::fabs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1 / d;
    const double step = d * c;
    h *= step;
    if (std::fabs(step - 1) < epsilon) break;
  }
  return h;
}

double incomplete_beta(double a, double b, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const double log_front =
      std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
  const double front = std::exp(log_front);
  if (x < (a + 1) / (a + b + 2)) return front * beta_fraction(a, b, x) / a;
  return 1 - front * beta_fraction(b, a, 1 - x) / b;
}

Estimate finish(double mean, double variance_of_mean, double sd, std::int64_t n, double df) {
  Estimate e;
  e.n = n;
  e.mean = mean;
  e.sd = sd;
  if (n >= 2 && df > 0) {
    e.se = std::sqrt(variance_of_mean);
    e.df = df;
    e.half_width = e.se == 0 ? 0 : student_t_quantile(0.975, df) * e.se;
  }
  return e;
}

}  // namespace

bool Estimate::significant() const { return !std::isnan(half_width) && (low() > 0 || high() < 0); }

double Estimate::upper_bound(double confidence) const {
  if (std::isnan(se)) return kNaN;
  return se == 0 ? mean : mean + student_t_quantile(confidence, df) * se;
}

double Estimate::lower_bound(double confidence) const {
  if (std::isnan(se)) return kNaN;
  return se == 0 ? mean : mean - student_t_quantile(confidence, df) * se;
}

double student_t_cdf(double t, double df) {
  const double tail = 0.5 * incomplete_beta(df / 2, 0.5, df / (df + t * t));
  return t >= 0 ? 1 - tail : tail;
}

double student_t_quantile(double p, double df) {
  if (!(p > 0 && p < 1) || !(df > 0)) return kNaN;
  if (p == 0.5) return 0;
  if (p < 0.5) return -student_t_quantile(1 - p, df);
  // Bisection on the CDF: slow by numerical standards, but a comparison needs a handful of
  // quantiles and this cannot fail to converge.
  double lo = 0;
  double hi = 1;
  while (student_t_cdf(hi, df) < p && hi < 1e12) hi *= 2;
  for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    (student_t_cdf(mid, df) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

Estimate estimate(const std::vector<double>& values) {
  std::int64_t n = 0;
  double sum = 0;
  for (const double x : values) {
    if (std::isfinite(x)) {
      sum += x;
      ++n;
    }
  }
  if (n == 0) return {};
  const double mean = sum / static_cast<double>(n);
  double squares = 0;
  for (const double x : values) {
    if (std::isfinite(x)) squares += (x - mean) * (x - mean);
  }
  const double dn = static_cast<double>(n);
  const double sd = n >= 2 ? std::sqrt(squares / (dn - 1)) : kNaN;
  return finish(mean, n >= 2 ? sd * sd / dn : kNaN, sd, n, dn - 1);
}

Estimate paired_difference(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> d;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (std::isfinite(a[i]) && std::isfinite(b[i])) d.push_back(a[i] - b[i]);
  }
  return estimate(d);
}

Estimate welch_difference(const std::vector<double>& a, const std::vector<double>& b) {
  const Estimate ea = estimate(a);
  const Estimate eb = estimate(b);
  if (ea.n < 2 || eb.n < 2) {
    Estimate e;
    e.n = std::min(ea.n, eb.n);
    e.mean = ea.mean - eb.mean;
    return e;
  }
  const double va = ea.sd * ea.sd / static_cast<double>(ea.n);
  const double vb = eb.sd * eb.sd / static_cast<double>(eb.n);
  const double v = va + vb;
  const double denominator =
      va * va / static_cast<double>(ea.n - 1) + vb * vb / static_cast<double>(eb.n - 1);
  const double df = denominator > 0 ? v * v / denominator : static_cast<double>(ea.n + eb.n - 2);
  return finish(ea.mean - eb.mean, v, kNaN, std::min(ea.n, eb.n), df);
}

}  // namespace govsim::batch
