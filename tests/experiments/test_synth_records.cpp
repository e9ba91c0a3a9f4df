// govsim synth: one record per reported case, consistent times, the same bits at any thread
// count, and records that the reader takes back unchanged.
#include <catch2/catch.hpp>

#include "engine/executor.hpp"
#include "experiments/synth_records.hpp"
#include "model/case.hpp"
#include "sim/simulation.hpp"

using namespace govsim;

namespace {
Scenario town() {
  Scenario sc;
  sc.source = "<test>";
  sc.city.residents = 20000;
  sc.city.streets = 2;
  sc.city.communities = 4;
  sc.city.grids = 20;
  sc.run.days = 40;
  sc.run.warmup_days = 5;
  return sc;
}
constexpr int kBeijing = 8 * 60;
}  // namespace

TEST_CASE("synth writes one record per reported case, with consistent times", "[records]") {
  const Scenario sc = town();
  const LocalMinutes start = *local_midnight(2025, 1, 1);
  auto one = make_tbb_executor(1);
  const std::vector<CaseRecord> records = batch::synthesize_records(sc, *one, start);
  // As many records as the run's reports, day by day from the first.
  std::int64_t reported = 0;
  {
    auto ex = make_tbb_executor(1);
    Simulation sim(sc, *ex);
    while (!sim.done()) sim.step();
    for (const DayMetrics& d : sim.series()) reported += d.reported;
  }
  CHECK(std::int64_t(records.size()) == reported);
  std::int64_t open = 0, escalated = 0;
  for (const CaseRecord& r : records) {
    CHECK(r.received >= start);
    CHECK(r.received < start + sc.run.days * 24 * 60);
    CHECK(r.domain >= 0);
    CHECK(r.domain < kDomains);
    if (r.first_response) CHECK(*r.first_response >= r.received);
    if (r.closed) {
      CHECK(*r.closed >= r.received);
      CHECK(r.outcome != "open");
    } else {
      CHECK(r.outcome == "open");
      ++open;
    }
    for (const Handoff& h : r.handoffs) {
      CHECK(h.at >= r.received);
      escalated += h.reason == "escalate" ? 1 : 0;
    }
  }
  CHECK(open > 0);  // cases still open at the end are written too (censored)
  CHECK(escalated > 0);
  // Two threads: the same file.
  auto two = make_tbb_executor(2);
  const std::string csv = case_records_csv(records, kBeijing);
  CHECK(case_records_csv(batch::synthesize_records(sc, *two, start), kBeijing) == csv);
  // The reader takes the file back: the same records, written again byte for byte.
  const RecordSet back = read_case_records(csv, "synth.csv", {});
  REQUIRE(back.records.size() == records.size());
  CHECK(case_records_csv(back.records, kBeijing) == csv);
}
