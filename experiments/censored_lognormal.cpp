#include "experiments/censored_lognormal.hpp"

#include <algorithm>
#include <cmath>

#include "engine/numeric.hpp"
#include "engine/units.hpp"

namespace govsim {
namespace {

// A duration of zero minutes (closed within the minute it came in) is taken as half a minute:
// the records are kept to the minute, and the logarithm needs a positive time.
constexpr double kShortestHours = 0.5 / kMinutesPerHour;
// When every closed time is the same and none is censored the likelihood grows without end as
// sigma shrinks to 0; sigma is held at this floor (a spread of 0.1 % in time), far below any real
// spread of handling times.
constexpr double kSigmaFloor = 1e-3;
// Starting sigma when the closed times alone give no spread (one case, or all equal).
constexpr double kSigmaStart = 1.0;
// Beyond this z the normal's upper tail is taken from its asymptotic series (erfc underflows near
// z = 37).
constexpr double kTailAsymptoticZ = 30.0;
constexpr int kMaxIterations = 200;
constexpr int kMaxHalvings = 60;
constexpr double kStepTolerance = 1e-12;
// Newton decrement (twice the expected gain in log-likelihood) below which the fit has converged.
constexpr double kDecrementTolerance = 1e-9;
constexpr double kSqrt2 = 1.4142135623730951;
constexpr double kLogSqrt2Pi = 0.91893853320467274;  // ln sqrt(2 pi)

double log_hours(double hours) { return std::log(std::max(hours, kShortestHours)); }

// ln(1 - Phi(z)), and the inverse Mills ratio phi(z) / (1 - Phi(z)).
double log_upper_tail(double z) {
  if (z < kTailAsymptoticZ) return std::log(0.5 * std::erfc(z / kSqrt2));
  const double r = 1 / (z * z);
  return -0.5 * z * z - std::log(z) - kLogSqrt2Pi + std::log(1 - r + 3 * r * r);
}
double mills_ratio(double z) {
  if (z < kTailAsymptoticZ)
    return std::exp(-0.5 * z * z - kLogSqrt2Pi) / (0.5 * std::erfc(z / kSqrt2));
  const double r = 1 / (z * z);
  return z / (1 - r + 3 * r * r);
}

// The log-likelihood in Olsen's parameters a = 1/sigma, b = mu/sigma, in which it is concave
// (Olsen 1978, for the censored normal), with its gradient and Hessian. Log-times are centred on
// the closed ones' mean. Constant terms are left out.
struct Point {
  double a = 1, b = 0;
};
struct Evaluation {
  double value = 0, ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
};

struct CentredSample {
  double n = 0, sx = 0, sxx = 0;  // closed: weight, sums of x and x^2
  const std::vector<double>* cx = nullptr;
  const std::vector<double>* cw = nullptr;
  double centre = 0;  // subtracted from the censored log-times

  Evaluation evaluate(const Point& p) const {
    const double a = p.a, b = p.b;
    Evaluation e;
    e.value = n * std::log(a) - 0.5 * (a * a * sxx - 2 * a * b * sx + b * b * n);
    e.ga = n / a - (a * sxx - b * sx);
    e.gb = a * sx - b * n;
    e.haa = -n / (a * a) - sxx;
    e.hab = sx;
    e.hbb = -n;
    for (std::size_t i = 0; i < cx->size(); ++i) {
      const double c = (*cx)[i] - centre, w = (*cw)[i];
      const double z = a * c - b;
      const double h = mills_ratio(z);
      const double hp = h * (h - z);  // derivative of the Mills ratio
      e.value += w * log_upper_tail(z);
      e.ga -= w * h * c;
      e.gb += w * h;
      e.haa -= w * hp * c * c;
      e.hab += w * hp * c;
      e.hbb -= w * hp;
    }
    return e;
  }
};

// The Newton step, or along b alone when a sits at its bound and would rise further.
Point newton_step(const Evaluation& e, const Point& p, double a_max) {
  if (p.a >= a_max && e.ga > 0) return {0, -e.gb / e.hbb};
  const double det = e.haa * e.hbb - e.hab * e.hab;
  if (!(det > 0) || !(e.haa < 0)) return {e.ga, e.gb};  // not expected (concave): go uphill
  return {-(e.hbb * e.ga - e.hab * e.gb) / det, -(e.haa * e.gb - e.hab * e.ga) / det};
}

// Maximises the log-likelihood from `p` by Newton's method with step halving, a kept in
// (0, a_max].
Point maximise(const CentredSample& s, Point p, double a_max) {
  Evaluation e = s.evaluate(p);
  for (int it = 0; it < kMaxIterations; ++it) {
    const Point d = newton_step(e, p, a_max);
    if (e.ga * d.a + e.gb * d.b < kDecrementTolerance) break;
    double t = 1;
    bool moved = false;
    for (int k = 0; k < kMaxHalvings; ++k, t *= 0.5) {
      const Point q{std::min(a_max, p.a + t * d.a), p.b + t * d.b};
      if (!(q.a > 0)) continue;
      const Evaluation f = s.evaluate(q);
      if (f.value >= e.value) {
        const double change = std::fabs(q.a - p.a) / p.a + std::fabs(q.b - p.b);
        p = q;
        e = f;
        moved = change > kStepTolerance;
        break;
      }
    }
    if (!moved) break;
  }
  return p;
}

}  // namespace

double LognormalFit::median_h() const { return std::exp(mu); }

void CensoredSample::add_closed(double hours, double weight) {
  const double x = log_hours(hours);
  if (closed_w_ == 0) shift_ = x;
  closed_w_ += weight;
  sum_x_ += weight * (x - shift_);
  sum_xx_ += weight * (x - shift_) * (x - shift_);
}

void CensoredSample::add_censored(double hours, double weight) {
  censored_x_.push_back(log_hours(hours));
  censored_w_.push_back(weight);
}

LognormalFit CensoredSample::fit() const {
  LognormalFit out;
  out.closed = static_cast<std::int64_t>(std::llround(closed_w_));
  double censored = 0;
  for (double w : censored_w_) censored += w;
  out.censored = static_cast<std::int64_t>(std::llround(censored));
  if (!(closed_w_ > 0)) {
    out.mu = out.sigma = kNaN;
    return out;
  }
  // Start from the closed times' own mean and spread (the uncensored estimate).
  const double mean = sum_x_ / closed_w_;
  const double var = std::max(0.0, sum_xx_ / closed_w_ - mean * mean);
  const double sd = std::sqrt(var);
  CentredSample s;
  s.n = closed_w_;
  s.sx = 0;
  s.sxx = var * closed_w_;
  s.cx = &censored_x_;
  s.cw = &censored_w_;
  s.centre = shift_ + mean;
  const Point start{1 / (sd > kSigmaFloor ? sd : kSigmaStart), 0};
  const Point p = maximise(s, start, 1 / kSigmaFloor);
  out.sigma = 1 / p.a;
  out.mu = s.centre + p.b / p.a;
  return out;
}

LognormalFit fit_censored_lognormal(const std::vector<double>& closed_h,
                                    const std::vector<double>& censored_h) {
  CensoredSample s;
  for (double h : closed_h) s.add_closed(h);
  for (double h : censored_h) s.add_censored(h);
  return s.fit();
}

}  // namespace govsim
