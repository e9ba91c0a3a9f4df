#include "output/manifest.hpp"

#include "engine/version.hpp"
#include "output/platform.hpp"

namespace govsim {

Json make_manifest(const RunRecord& run) {
  const Scenario& scenario = *run.scenario;
  const PlatformInfo platform = current_platform();
  Json m = Json::object();
  m["govsim_version"] = kVersion;
  m["git_revision"] = git_revision();
  m["scenario"] = {{"name", scenario.name},
                   {"source", scenario.source},
                   {"hash", hex16(scenario_hash(scenario))},
                   {"overrides", run.overrides}};
  m["seed"] = scenario.run.seed;
  m["days"] = run.days_run;
  m["threads"] = {{"requested", run.threads_requested}, {"used", run.threads_used}};
  m["platform"] = {{"os", platform.os},
                   {"os_release", platform.os_release},
                   {"arch", platform.arch},
                   {"compiler", platform.compiler},
                   {"build_type", platform.build_type}};
  m["start_time_utc"] = run.start_time_utc;
  m["wall_time_s"] = run.wall_seconds;
  m["state_hash"] = hex16(run.state_hash);
  Json phases = Json::object();
  for (std::size_t i = 0; i < run.profile.names.size() && i < run.profile.seconds.size(); ++i) {
    phases[run.profile.names[i]] = run.profile.seconds[i];
  }
  m["profile_s"] = std::move(phases);
  Json setup = Json::object();
  for (std::size_t i = 0;
       i < run.profile.setup_names.size() && i < run.profile.setup_seconds.size(); ++i)
    setup[run.profile.setup_names[i]] = run.profile.setup_seconds[i];
  m["setup_s"] = std::move(setup);
  m["resolved_scenario"] = scenario_to_json(scenario);
  return m;
}

}  // namespace govsim
