#include "output/run_files.hpp"

#include <system_error>

#include "output/atomic_file.hpp"
#include "output/csv_writer.hpp"
#include "output/json_writer.hpp"
#include "output/periods.hpp"
#include "output/run_folder.hpp"
#include "sim/observation.hpp"

namespace govsim {

const std::vector<std::string>& run_file_names() {
  static const std::vector<std::string> names = {"timeseries.csv", "grids.csv", "summary.json",
                                                 "manifest.json"};
  return names;
}

std::string timeseries_csv_text(const Simulation& sim) { return to_csv(sim.series()); }
// With the street, community and grid names of the city (output/run_folder.hpp).
std::string grids_csv_text(const Simulation& sim) {
  return with_grid_names(to_csv(sim.grid_metrics()), sim.observe().city());
}
// With the figures of each period between policy changes (output/periods.hpp).
std::string summary_json_text(const Simulation& sim) {
  return summary_json_text(sim, sim.summary());
}

std::string summary_json_text(const Simulation& sim, const RunSummary& figures) {
  Json summary = summary_to_json(figures);
  Json periods = Json::array();
  for (const PeriodMetrics& p : periods_of(sim.series(), sim.scenario().run.warmup_days))
    periods.push_back(row_to_json(p));
  summary["periods"] = std::move(periods);
  const City& city = sim.observe().city();
  Json costs = Json::array();
  for (const PlaceCost& c : sim.place_costs()) {
    Json row = row_to_json(c);
    if (c.level == "street")
      row["name"] = city.street_names[std::size_t(c.street)];
    else if (c.level == "community")
      row["name"] = city.community_names[std::size_t(c.community)];
    costs.push_back(std::move(row));
  }
  summary["costs"] = std::move(costs);
  return to_file_text(summary);
}

RunSummary write_run_files(const std::filesystem::path& out_dir, const Simulation& sim,
                           RunRecord& record, std::chrono::steady_clock::time_point wall_start) {
  const std::vector<std::string>& files = run_file_names();
  RunSummary summary = sim.summary();
  record.scenario = &sim.scenario();
  record.days_run = sim.day();
  record.state_hash = summary.state_hash;
  record.profile = sim.profile();
  std::error_code ignored;
  std::filesystem::remove(out_dir / files[3], ignored);
  write_file_atomically((out_dir / files[0]).string(), timeseries_csv_text(sim));
  write_file_atomically((out_dir / files[1]).string(), grids_csv_text(sim));
  write_file_atomically((out_dir / files[2]).string(), summary_json_text(sim, summary));
  record.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  write_file_atomically((out_dir / files[3]).string(), to_file_text(make_manifest(record)));
  return summary;
}

}  // namespace govsim
