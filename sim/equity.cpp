#include "sim/equity.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace govsim {
namespace {

constexpr std::size_t kDecile = 10;
constexpr std::size_t kQuartile = 4;

double mean_of(const std::vector<double>& v) {
  return v.empty() ? kNaN : std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
}

double cv_of(const std::vector<double>& v) {
  const double m = mean_of(v);
  if (v.size() < 2 || !(m != 0)) return kNaN;
  double ss = 0;
  for (double x : v) ss += (x - m) * (x - m);
  return std::sqrt(ss / double(v.size() - 1)) / m;
}

// Gini of non-negative values: sum over pairs |a - b| / (2 n^2 mean), from the sorted values.
double gini_of(std::vector<double> v) {
  const double m = mean_of(v);
  if (v.size() < 2 || !(m > 0)) return kNaN;
  std::sort(v.begin(), v.end());
  double weighted = 0;
  const double n = double(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) weighted += (double(2 * i + 1) - n) * v[i];
  return weighted / (n * n * m);
}

// Mean of the worst tenth (at least one grid): the highest values if `high_is_bad`, else the
// lowest.
double worst_decile(std::vector<double> v, bool high_is_bad) {
  if (v.empty()) return kNaN;
  std::sort(v.begin(), v.end());
  if (high_is_bad) std::reverse(v.begin(), v.end());
  const std::size_t k = std::max<std::size_t>(1, v.size() / kDecile);
  return std::accumulate(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), 0.0) / double(k);
}

// Least-squares slope of y on x over the pairs with both finite.
double slope_of(const std::vector<std::pair<double, double>>& xy) {
  double sx = 0, sy = 0, n = 0;
  for (const auto& [x, y] : xy) sx += x, sy += y, n += 1;
  if (n < 2) return kNaN;
  const double mx = sx / n, my = sy / n;
  double sxy = 0, sxx = 0;
  for (const auto& [x, y] : xy) sxy += (x - mx) * (y - my), sxx += (x - mx) * (x - mx);
  return sxx > 0 ? sxy / sxx : kNaN;
}

}  // namespace

void add_equity(const std::vector<GridMetrics>& grids, RunSummary& s) {
  std::vector<double> response, trust;
  std::vector<std::pair<double, double>> response_km, resolution_km;
  std::vector<std::pair<double, double>> by_distance;  // street_km, response
  double housing_w[kHousingNames.size()] = {}, housing_resp_w[kHousingNames.size()] = {};
  double housing_resp[kHousingNames.size()] = {}, housing_trust[kHousingNames.size()] = {};
  for (const GridMetrics& g : grids) {
    trust.push_back(g.trust_mean);
    const auto h = static_cast<std::size_t>(g.housing);
    const double w = double(g.residents);
    if (h < kHousingNames.size()) housing_w[h] += w, housing_trust[h] += w * g.trust_mean;
    if (std::isfinite(g.response_time_mean_h)) {
      response.push_back(g.response_time_mean_h);
      if (h < kHousingNames.size())
        housing_resp_w[h] += w, housing_resp[h] += w * g.response_time_mean_h;
      if (std::isfinite(g.street_km)) {
        response_km.emplace_back(g.street_km, g.response_time_mean_h);
        by_distance.emplace_back(g.street_km, g.response_time_mean_h);
      }
    }
    if (std::isfinite(g.resolution_time_mean_h) && std::isfinite(g.street_km))
      resolution_km.emplace_back(g.street_km, g.resolution_time_mean_h);
  }
  s.response_time_grid_cv = cv_of(response);
  s.response_time_grid_gini = gini_of(response);
  s.response_time_worst_decile_h = worst_decile(response, true);
  s.trust_grid_cv = cv_of(trust);
  s.trust_grid_gini = gini_of(trust);
  s.trust_worst_decile = worst_decile(trust, false);
  s.response_time_per_street_km_h = slope_of(response_km);
  s.resolution_time_per_street_km_h = slope_of(resolution_km);
  if (!by_distance.empty()) {
    std::stable_sort(by_distance.begin(), by_distance.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    const std::size_t q = std::max<std::size_t>(1, by_distance.size() / kQuartile);
    double near = 0, far = 0;
    for (std::size_t i = 0; i < q; ++i)
      near += by_distance[i].second, far += by_distance[by_distance.size() - 1 - i].second;
    s.response_time_near_quartile_h = near / double(q);
    s.response_time_far_quartile_h = far / double(q);
  }
  for (std::size_t h = 0; h < kHousingNames.size(); ++h) {
    if (housing_w[h] > 0) s.trust_by_housing[h] = housing_trust[h] / housing_w[h];
    if (housing_resp_w[h] > 0)
      s.response_time_by_housing_h[h] = housing_resp[h] / housing_resp_w[h];
  }
}

}  // namespace govsim
