#include <catch2/catch.hpp>
#include <string>

#include "output/manifest.hpp"
#include "output/platform.hpp"

TEST_CASE("the manifest records what is needed to repeat and compare a run") {
  govsim::Scenario s;
  s.name = "unit";
  s.source = "<built-in>";
  s.run.seed = 77;
  govsim::RunRecord run;
  run.scenario = &s;
  run.overrides = {"run.days=5"};
  run.threads_requested = 0;
  run.threads_used = 4;
  run.start_time_utc = "2024-01-02T03:04:05Z";
  run.wall_seconds = 1.5;
  run.days_run = 5;
  run.state_hash = 0xffULL;
  run.profile = {{"arise", "handle"}, {0.25, 0.5}, {"residents", "network"}, {1.25, 0.75}};
  const govsim::Json m = govsim::make_manifest(run);
  CHECK_FALSE(m["govsim_version"].get<std::string>().empty());
  CHECK(m.contains("git_revision"));
  CHECK(m["scenario"]["name"] == "unit");
  CHECK(m["scenario"]["source"] == "<built-in>");
  CHECK(m["scenario"]["hash"] == govsim::hex16(govsim::scenario_hash(s)));
  CHECK(m["scenario"]["overrides"][0] == "run.days=5");
  CHECK(m["seed"] == 77);
  CHECK(m["threads"]["used"] == 4);
  CHECK_FALSE(m["platform"]["os"].get<std::string>().empty());
  CHECK_FALSE(m["platform"]["compiler"].get<std::string>().empty());
  CHECK(m["state_hash"] == "00000000000000ff");
  CHECK(m["profile_s"]["handle"] == 0.5);
  CHECK(m["setup_s"]["residents"] == 1.25);
  CHECK(m["setup_s"]["network"] == 0.75);
  CHECK(m["resolved_scenario"]["run"]["seed"] == 77);
}

TEST_CASE("times are ISO-8601 UTC") {
  const auto epoch = std::chrono::system_clock::time_point{};
  CHECK(govsim::iso8601_utc(epoch) == "1970-01-01T00:00:00Z");
}
