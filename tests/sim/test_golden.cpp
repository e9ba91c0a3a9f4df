// Golden hashes: optimisations that keep every random stream must keep every bit of the
// results. When the model is changed on purpose, these values change with it, and the commit
// says why.
#include <catch2/catch.hpp>
#include <cstdio>

#include "sim_fixtures.hpp"

using namespace govsim;
using namespace govsim::testing;

namespace {
std::string hex(std::uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}
}  // namespace

TEST_CASE("golden state hashes") {
  Scenario grid = small_town(120);
  grid.governance.mediators.per_community = 1;
  grid.governance.platform.level = 0.5;
  Scenario frag = small_town(120);
  frag.governance.structure = Structure::Fragmented;
  frag.governance.city_tier.officials_per_100k = 10;  // and its city tier's departments
  Scenario queue = mmc_network(120);
  queue.model.queue_escalate_p = 0.3;
  queue.model.effort_median_h = {1, 1, 1};
  CHECK(hex(run(grid, 2).hash) == "cd94772a9c9ade91");
  CHECK(hex(run(frag, 2).hash) == "9c9ffd02f1d3c437");
  CHECK(hex(run(queue, 1).hash) == "3e052b3d28c1cb21");
}
