// MSER-5 (White 1997; White, Cobb & Spratt 2000): the truncation point of an output series that
// minimises the marginal standard error of the mean of what is left. The series is cut into
// batches of five; for each candidate truncation d (in batches, up to half the series) the
// statistic is the variance of the remaining batch means divided by their count squared. A
// minimum at the half-way limit means the series never settles within the run.
#pragma once

#include <cstddef>
#include <vector>

namespace govsim {

struct MserResult {
  std::size_t truncation = 0;  // observations to delete (a multiple of the batch size)
  bool settled = false;        // false when the minimum lies at the half-way limit
  bool enough = false;         // false when the series has too few batches to judge
};

// NaN values are left out (the series of the values that exist is used in order).
MserResult mser5(const std::vector<double>& series);

}  // namespace govsim
