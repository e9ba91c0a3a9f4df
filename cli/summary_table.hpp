// The readable end-of-run report on stdout: the key figures of a RunSummary in an aligned table,
// and where the files went. The files hold everything; this is what a person reads first.
#pragma once

#include <string>
#include <vector>

#include "model/params.hpp"
#include "sim/metrics.hpp"

namespace govsim {

struct RunReport {
  const Scenario* scenario = nullptr;
  const RunSummary* summary = nullptr;
  int threads = 0;
  double wall_seconds = 0;
  std::string out_dir;
  std::vector<std::string> files;
};

std::string format_run_report(const RunReport& report);

}  // namespace govsim
