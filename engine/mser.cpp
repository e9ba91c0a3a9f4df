#include "engine/mser.hpp"

#include <algorithm>
#include <cmath>

#include "engine/numeric.hpp"

namespace govsim {

MserResult mser5(const std::vector<double>& series) {
  constexpr std::size_t kBatch = 5;
  constexpr std::size_t kMinBatches = 4;  // fewer cannot show a level
  std::vector<double> batches;
  double sum = 0;
  std::size_t in_batch = 0;
  for (double v : series) {
    if (std::isnan(v)) continue;
    sum += v;
    if (++in_batch == kBatch) {
      batches.push_back(sum / double(kBatch));
      sum = 0;
      in_batch = 0;
    }
  }
  MserResult r;
  const std::size_t k = batches.size();
  if (k < kMinBatches) return r;
  r.enough = true;
  // Suffix sums give each candidate's mean and sum of squares in one pass from the end.
  std::vector<double> s1(k + 1, 0.0), s2(k + 1, 0.0);
  for (std::size_t j = k; j-- > 0;) {
    s1[j] = s1[j + 1] + batches[j];
    s2[j] = s2[j + 1] + batches[j] * batches[j];
  }
  const std::size_t limit = k / 2;
  std::size_t best = 0;
  double best_value = kInf;
  for (std::size_t d = 0; d <= limit; ++d) {
    const double n = double(k - d);
    const double mean = s1[d] / n;
    const double ss = std::max(0.0, s2[d] - n * mean * mean);
    const double value = ss / (n * n);
    if (value < best_value) best_value = value, best = d;
  }
  r.truncation = best * kBatch;
  r.settled = best < limit;
  return r;
}

}  // namespace govsim
