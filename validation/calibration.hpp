// Calibration: the baseline city's figures against the public figures of the model guide
// (section 6), each with the tolerance band it must fall in, its source and its grade. The same
// table drives `govsim validate`, the calibration test and docs/CALIBRATION.md.
#pragma once

#include <string>
#include <vector>

#include "experiments/comparison.hpp"
#include "experiments/stats.hpp"

namespace govsim::validation {

struct CalibrationTarget {
  std::string figure;  // what it is, in words
  std::string column;  // summary column it is read from
  double scale;        // column value x scale = figure in `unit`
  std::string unit;    // of target, low and high
  double target;       // the public figure (mid-point where the source gives a range)
  double low, high;    // the tolerance band the simulated mean must fall in
  std::string grade;   // A official / peer-reviewed, B secondary or derived, C guess
  std::string source;
};

const std::vector<CalibrationTarget>& calibration_targets();

// The scenario the targets are checked on.
inline const char* const kCalibrationScenario = "baseline";

struct CalibrationResult {
  CalibrationTarget target;
  batch::Estimate simulated;  // mean over replications, in the target's unit, with its 95 % CI
  bool pass = false;          // the mean lies inside [low, high]
};

// `design` is the calibration scenario's row in grid.
std::vector<CalibrationResult> check_calibration(
    const batch::ResultGrid& grid, std::size_t design,
    const std::vector<CalibrationTarget>& targets = calibration_targets());

}  // namespace govsim::validation
