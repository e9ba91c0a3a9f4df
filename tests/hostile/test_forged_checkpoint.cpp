// Hostile input 1: forged checkpoints. A forger can recompute the digest, so everything a
// checkpoint holds passes the checks a loaded scenario passes, and every index in its state is
// range-checked before the first step: an InputError, never a crash, a hang or a huge allocation.
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>

#include "agents/residents.hpp"
#include "engine/checkpoint_io.hpp"
#include "engine/errors.hpp"
#include "engine/version.hpp"
#include "model/city.hpp"
#include "sim/observation.hpp"
#include "sim/simulation.hpp"
#include "tests/sim/sim_fixtures.hpp"

using namespace govsim;

namespace {

constexpr std::size_t kDigestBytes = sizeof(std::uint64_t);

Scenario tiny(std::int64_t days = 40) {
  Scenario sc = testing::small_town(days);
  sc.city.residents = 3000;
  sc.run.warmup_days = 5;
  return sc;
}

std::string checkpoint_after(const Scenario& sc, int days) {
  auto executor = make_tbb_executor(1);
  Simulation sim(sc, *executor);
  for (int d = 0; d < days; ++d) sim.step();
  return sim.checkpoint();
}

// The payload begins where the scenario's describe fields begin: its length is just before it.
std::size_t payload_offset(const std::string& file) {
  return file.size() - kDigestBytes - [&] {
    std::uint64_t length = 0;
    const std::size_t at = sizeof kCheckpointMagic + sizeof kCheckpointFormat;
    std::uint64_t version_length = 0;
    std::memcpy(&version_length, file.data() + at, sizeof version_length);
    std::memcpy(&length, file.data() + at + sizeof version_length + version_length, sizeof length);
    return static_cast<std::size_t>(length);
  }();
}

// The digest a forger recomputes after the edit.
void redigest(std::string& file) {
  const std::size_t begin = payload_offset(file);
  const std::uint64_t digest =
      checkpoint_digest(file.data() + begin, file.size() - begin - kDigestBytes);
  std::memcpy(file.data() + file.size() - kDigestBytes, &digest, sizeof digest);
}

// Replaces the scenario's describe fields (the first bytes of the payload) by those of `forged`,
// which must differ only in fixed-size fields.
std::string forge_scenario(const std::string& file, const Scenario& real,
                           const std::function<void(Scenario&)>& edit) {
  Scenario forged = real;
  edit(forged);
  CheckpointWriter a, b;
  a.config(real);
  b.config(forged);
  REQUIRE(a.bytes().size() == b.bytes().size());
  std::string out = file;
  const std::size_t at = payload_offset(out);
  REQUIRE(out.compare(at, a.bytes().size(), a.bytes()) == 0);
  out.replace(at, b.bytes().size(), b.bytes());
  redigest(out);
  return out;
}

void require_refused(const std::string& file, const std::string& words) {
  auto executor = make_tbb_executor(1);
  try {
    auto sim = Simulation::restore(file, "forged.bin", *executor);
    FAIL("a forged checkpoint was accepted");
  } catch (const InputError& e) {
    INFO(e.what());
    CHECK(std::string(e.what()).find("forged.bin: not a usable checkpoint") == 0);
    CHECK(std::string(e.what()).find(words) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("a forged checkpoint's scenario is checked as a loaded one is") {
  const Scenario sc = tiny();
  const std::string file = checkpoint_after(sc, 3);
  // Each of these crashed, hung or allocated without bound before the check (issue item 1).
  require_refused(forge_scenario(file, sc, [](Scenario& s) { s.city.grids = 0; }), "city.grids");
  require_refused(forge_scenario(file, sc, [](Scenario& s) { s.city.communities = 0; }),
                  "city.communities");
  require_refused(forge_scenario(file, sc, [](Scenario& s) { s.run.days = -5; }), "run.days");
  require_refused(forge_scenario(file, sc, [](Scenario& s) { s.run.warmup_days = 60; }),
                  "run.warmup_days");
  require_refused(
      forge_scenario(file, sc, [](Scenario& s) { s.city.residents = 1'000'000'000'000; }),
      "city.residents");
  require_refused(forge_scenario(file, sc, [](Scenario& s) { s.city.grids = 100'000'000; }),
                  "city.grids");
  require_refused(forge_scenario(file, sc, [](Scenario& s) { s.governance.platform.level = 7; }),
                  "governance.platform.level");
}

TEST_CASE("a forged staff index of a case in service is refused before it is used") {
  const Scenario sc = tiny();
  auto executor = make_tbb_executor(1);
  Simulation sim(sc, *executor);
  Case victim{};
  while (victim.id == 0 && !sim.done()) {
    sim.step();
    const Observation view = sim.observe();
    for (std::uint32_t u = 0; u < view.units() && victim.id == 0; ++u)
      view.unit(u).for_each_open([&](const Case& c) {
        if (victim.id == 0 && c.state == CaseState::InService && c.server >= 0 && c.pool >= 0)
          victim = c;
      });
  }
  REQUIRE(victim.id != 0);
  std::string file = sim.checkpoint();
  const std::string needle(reinterpret_cast<const char*>(&victim), sizeof victim);
  const std::size_t at = file.find(needle);
  REQUIRE(at != std::string::npos);
  const std::int64_t forged_server = 1'000'000'000;
  std::memcpy(file.data() + at + offsetof(Case, server), &forged_server, sizeof forged_server);
  redigest(file);
  require_refused(file, "member of staff");
}

TEST_CASE("a flag byte other than 0 or 1 in a checkpoint is refused") {
  // Loading a bool from any other byte is undefined behaviour; the reader refuses it instead.
  const Scenario sc = tiny();
  const std::string file = checkpoint_after(sc, 2);
  Scenario with_flag = sc;
  with_flag.governance.volunteers.procedures = !sc.governance.volunteers.procedures;
  CheckpointWriter a, b;
  a.config(sc);
  b.config(with_flag);
  REQUIRE(a.bytes().size() == b.bytes().size());
  std::size_t i = 0;
  while (a.bytes()[i] == b.bytes()[i]) ++i;
  std::string forged = file;
  forged[payload_offset(forged) + i] = 2;
  redigest(forged);
  require_refused(forged, "neither true nor false");
}

TEST_CASE("fuzz finding 4: a resident's state far outside [0, 1] is refused, not drawn from") {
  // A forged hardship of 1e30 made a Poisson mean of 7e30 from the dispute hazard, cast to an
  // integer (UBSan). The forgery: a checkpoint taken before the first step, when the residents
  // are exactly as init_residents draws them, with resident 0's hardship replaced.
  const Scenario sc = tiny();
  const std::string file = checkpoint_after(sc, 0);
  const City city = build_city(sc);
  Residents residents;
  init_residents(residents, city, sc);
  const std::string needle(reinterpret_cast<const char*>(residents.hardship.data()),
                           residents.hardship.size() * sizeof(float));
  const std::size_t at = file.find(needle);
  REQUIRE(at != std::string::npos);
  // Also a negative zero, which no step writes and the daily update's vector versions would not
  // all treat alike.
  for (const float value : {1e30f, -0.0f}) {
    INFO("hardship " << value);
    std::string forged = file;
    std::memcpy(forged.data() + at, &value, sizeof value);
    redigest(forged);
    require_refused(forged, "a resident's state is outside [0, 1] or a negative zero");
  }
}
