// The day's row as the phases put it together, checked each day against a plain recount of what
// the world holds: the response-time percentiles from the units' sorted runs (merged) against a
// brute-force nearest rank over the window's days, and the grid counts the residents phase takes
// (new disputes, active volunteers) against the grids' own lists.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <deque>
#include <vector>

#include "sim/observation.hpp"
#include "sim_fixtures.hpp"

using namespace govsim;

namespace {

// Nearest rank over every value of the window: the k-th smallest, k = ceil(q n).
double nearest_rank(std::vector<double> all, double q, std::size_t min_count) {
  if (all.empty() || all.size() < min_count) return std::nan("");
  std::sort(all.begin(), all.end());
  const auto k = static_cast<std::size_t>(std::ceil(q * double(all.size())));
  return all[std::clamp<std::size_t>(k, 1, all.size()) - 1];
}

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

}  // namespace

TEST_CASE("each day's percentiles and grid counts equal a plain recount of the day") {
  for (int threads : {1, 2}) {
    Scenario sc = testing::small_town(60);
    sc.run.percentile_window_days = 5;
    auto ex = make_tbb_executor(threads);
    Simulation sim(sc, *ex);
    std::deque<std::vector<double>> window;  // the responses of the last days, by unit order
    std::int64_t days_with_responses = 0, run_disputes = 0;
    while (!sim.done()) {
      sim.step();
      const Observation o = sim.observe();
      const DayMetrics& d = sim.series().back();
      std::vector<double> today;
      REQUIRE(o.unit_days().size() == o.units());  // the street offices and the city tier
      for (const UnitDay& u : o.unit_days()) {
        std::vector<double> sorted = u.response_h;
        std::sort(sorted.begin(), sorted.end());
        REQUIRE(u.response_sorted_h == sorted);
        today.insert(today.end(), u.response_h.begin(), u.response_h.end());
      }
      days_with_responses += today.empty() ? 0 : 1;
      window.push_back(today);
      if (window.size() > std::size_t(sc.run.percentile_window_days)) window.pop_front();
      std::vector<double> all;
      for (const std::vector<double>& day : window) all.insert(all.end(), day.begin(), day.end());
      const auto least = static_cast<std::size_t>(sc.run.percentile_min_responses);
      CHECK(same(d.response_time_p50_h, nearest_rank(all, 0.5, least)));
      CHECK(same(d.response_time_p90_h, nearest_rank(all, 0.9, least)));
      std::int64_t disputes = 0, volunteers = 0;
      for (std::uint32_t g = 0; g < o.city().grids; ++g) {
        for (const NewCase& n : o.new_cases(g)) disputes += n.domain == Domain::Dispute ? 1 : 0;
        volunteers += static_cast<std::int64_t>(o.volunteers(g).size());
      }
      CHECK(d.new_disputes == disputes);
      CHECK(d.volunteers_active == volunteers);
      CHECK(volunteers > 0);
      run_disputes += disputes;
    }
    // The checks above compared real percentiles and counts, not blanks and zeros.
    CHECK(days_with_responses > 50);
    CHECK(run_disputes > 0);
  }
}
