// The paper's claims as paired comparisons on the baseline city (cli/validation/claims.cpp):
// each must hold, with the 95 % interval of the paired difference wholly on the claimed side,
// except where the model is known to disagree (and then it must still disagree, so that a
// change of the model that settles the question shows here).
#include <catch2/catch.hpp>
#include <cstdio>

#include "validation/claims.hpp"
#include "validation/designs.hpp"

using namespace govsim;

TEST_CASE("the paper's claims hold as paired comparisons", "[validation][claims]") {
  validation::DesignRuns runs;
  runs.designs = validation::claim_designs();
  runs.replications = 5;
  const auto grid = validation::run_designs(runs);
  const auto results = validation::check_claims(grid);
  REQUIRE(results.size() == validation::paper_claims().size());
  for (const auto& r : results) {
    std::printf("%-58s %-16s -> %-16s %-30s %+10.4g +/- %-9.3g %s\n", r.claim.text.c_str(),
                r.claim.from.c_str(), r.claim.to.c_str(), r.claim.outcome.c_str(), r.paired.mean,
                r.paired.half_width, r.holds ? "holds" : "DISAGREES");
  }
  for (const auto& r : results) {
    INFO(r.claim.text << " (" << r.claim.from << " -> " << r.claim.to << ", " << r.claim.outcome
                      << "): paired difference " << r.paired.mean << " +/- "
                      << r.paired.half_width);
    REQUIRE(r.paired.n == 5);
    INFO("known disagreement: " << (r.claim.disagreement.empty() ? "none" : r.claim.disagreement));
    CHECK(r.expected());
  }
}
