// Every governance knob moves the outcome it should, in the direction the model guide implies.
// Each row runs the same town and seed twice (common random numbers), once with the knob low
// and once high, and checks the sign of the difference of one outcome.
#include <catch2/catch.hpp>
#include <functional>

#include "sim_fixtures.hpp"

using namespace govsim;
using namespace govsim::testing;

namespace {

double series_mean(const Run& r, double DayMetrics::*field, std::int64_t from = 20) {
  double s = 0;
  int n = 0;
  for (const DayMetrics& d : r.series)
    if (d.day >= from && !std::isnan(d.*field)) s += d.*field, ++n;
  return n ? s / n : kNaN;
}

double series_sum(const Run& r, std::int64_t DayMetrics::*field, std::int64_t from = 20) {
  double s = 0;
  for (const DayMetrics& d : r.series)
    if (d.day >= from) s += double(d.*field);
  return s;
}

struct Knob {
  const char* name;
  std::function<void(GovernanceConfig&)> low, high;
  const char* outcome;
  std::function<double(const Run&)> measure;
  int sign;  // +1: high knob gives a larger outcome, -1: smaller
};

Scenario town_with(const std::function<void(GovernanceConfig&)>& f) {
  Scenario sc = small_town(240);
  f(sc.governance);
  return sc;
}

}  // namespace

TEST_CASE("each governance knob moves its outcome in the expected direction") {
  const auto p50 = [](const Run& r) { return r.summary.response_time_p50_h; };
  const auto resp = [](const Run& r) { return r.summary.response_time_mean_h; };
  const auto bounces = [](const Run& r) { return double(r.summary.bounced); };
  const std::vector<Knob> knobs = {
      {"structure: grid vs fragmented",
       [](GovernanceConfig& g) { g.structure = Structure::Fragmented; },
       [](GovernanceConfig& g) { g.structure = Structure::Grid; }, "response time mean", resp, -1},
      {"structure: grid vs fragmented",
       [](GovernanceConfig& g) { g.structure = Structure::Fragmented; },
       [](GovernanceConfig& g) { g.structure = Structure::Grid; }, "cases reaching the street",
       [](const Run& r) { return double(r.summary.reached_street); }, -1},
      {"grids_per_branch", [](GovernanceConfig& g) { g.grids_per_branch = 1; },
       [](GovernanceConfig& g) { g.grids_per_branch = 5; }, "volunteers active",
       [](const Run& r) { return double(r.summary.volunteers_active); }, -1},
      {"grids_per_branch", [](GovernanceConfig& g) { g.grids_per_branch = 1; },
       [](GovernanceConfig& g) { g.grids_per_branch = 5; }, "response time p90 (pooled desks)",
       [](const Run& r) { return r.summary.response_time_p90_h; }, -1},
      {"staffing.grid_workers_per_grid",
       [](GovernanceConfig& g) { g.staffing.grid_workers_per_grid = 0.5; },
       [](GovernanceConfig& g) { g.staffing.grid_workers_per_grid = 2.0; }, "response time mean",
       resp, -1},
      {"staffing.grid_worker_hours", [](GovernanceConfig& g) { g.staffing.grid_worker_hours = 5; },
       [](GovernanceConfig& g) { g.staffing.grid_worker_hours = 10; }, "response time mean", resp,
       -1},
      {"staffing.community_officials_per_10k",
       [](GovernanceConfig& g) { g.staffing.community_officials_per_10k = 6; },
       [](GovernanceConfig& g) { g.staffing.community_officials_per_10k = 30; },
       "community utilisation",
       [](const Run& r) { return series_mean(r, &DayMetrics::utilization_community); }, -1},
      {"staffing.street_officials_per_10k",
       [](GovernanceConfig& g) { g.staffing.street_officials_per_10k = 2; },
       [](GovernanceConfig& g) { g.staffing.street_officials_per_10k = 12; }, "street utilisation",
       [](const Run& r) { return series_mean(r, &DayMetrics::utilization_street); }, -1},
      {"staffing.departments (fragmented)",
       [](GovernanceConfig& g) { g.structure = Structure::Fragmented, g.staffing.departments = 1; },
       [](GovernanceConfig& g) { g.structure = Structure::Fragmented, g.staffing.departments = 8; },
       "response time p90", [](const Run& r) { return r.summary.response_time_p90_h; }, +1},
      {"staffing.official_hours", [](GovernanceConfig& g) { g.staffing.official_hours = 5; },
       [](GovernanceConfig& g) { g.staffing.official_hours = 10; }, "community utilisation",
       [](const Run& r) { return series_mean(r, &DayMetrics::utilization_community); }, -1},
      {"staffing.shift_start_h", [](GovernanceConfig& g) { g.staffing.shift_start_h = 8; },
       [](GovernanceConfig& g) { g.staffing.shift_start_h = 14; }, "response time mean", resp, 0},
      {"admin_burden.officials", [](GovernanceConfig& g) { g.admin_burden.officials = 0.2; },
       [](GovernanceConfig& g) { g.admin_burden.officials = 0.8; }, "community utilisation",
       [](const Run& r) { return series_mean(r, &DayMetrics::utilization_community); }, +1},
      {"admin_burden.grid_workers", [](GovernanceConfig& g) { g.admin_burden.grid_workers = 0.1; },
       [](GovernanceConfig& g) { g.admin_burden.grid_workers = 0.6; }, "response time mean", resp,
       +1},
      {"routing.small", [](GovernanceConfig& g) { g.routing.small = Level::Grid; },
       [](GovernanceConfig& g) { g.routing.small = Level::Community; },
       "small matters kept in the grid",
       [](const Run& r) { return r.summary.stayed_in_grid_share; }, -1},
      {"routing.big", [](GovernanceConfig& g) { g.routing.big = Level::Community; },
       [](GovernanceConfig& g) { g.routing.big = Level::Street; }, "cases reaching the street",
       [](const Run& r) { return double(r.summary.reached_street); }, +1},
      {"routing.hard", [](GovernanceConfig& g) { g.routing.hard = Level::Community; },
       [](GovernanceConfig& g) { g.routing.hard = Level::Street; }, "cases reaching the street",
       [](const Run& r) { return double(r.summary.reached_street); }, +1},
      {"routing.triage_accuracy", [](GovernanceConfig& g) { g.routing.triage_accuracy = 0.5; },
       [](GovernanceConfig& g) { g.routing.triage_accuracy = 1.0; }, "escalations",
       [](const Run& r) { return double(r.summary.escalated); }, -1},
      {"routing.escalate_wait_h", [](GovernanceConfig& g) { g.routing.escalate_wait_h = 6; },
       [](GovernanceConfig& g) { g.routing.escalate_wait_h = 200; }, "escalations",
       [](const Run& r) { return double(r.summary.escalated); }, -1},
      {"staffing.intake_officials_per_10k (fragmented)",
       [](GovernanceConfig& g) {
         g.structure = Structure::Fragmented, g.staffing.intake_officials_per_10k = 0.2;
       },
       [](GovernanceConfig& g) {
         g.structure = Structure::Fragmented, g.staffing.intake_officials_per_10k = 3;
       },
       "response time p50 (shorter intake queue)", p50, -1},
      {"routing.max_bounces",
       [](GovernanceConfig& g) { g.structure = Structure::Fragmented, g.routing.max_bounces = 1; },
       [](GovernanceConfig& g) { g.structure = Structure::Fragmented, g.routing.max_bounces = 8; },
       "bounces", bounces, +1},
      {"deadlines.small_h", [](GovernanceConfig& g) { g.deadlines.small_h = 24; },
       [](GovernanceConfig& g) { g.deadlines.small_h = 120; }, "closed within deadline",
       [](const Run& r) { return r.summary.within_deadline_share; }, +1},
      {"deadlines.big_h", [](GovernanceConfig& g) { g.deadlines.big_h = 100; },
       [](GovernanceConfig& g) { g.deadlines.big_h = 400; }, "closed within deadline",
       [](const Run& r) { return r.summary.within_deadline_share; }, +1},
      {"deadlines.hard_h", [](GovernanceConfig& g) { g.deadlines.hard_h = 150; },
       [](GovernanceConfig& g) { g.deadlines.hard_h = 800; }, "closed within deadline",
       [](const Run& r) { return r.summary.within_deadline_share; }, +1},
      {"deadlines.emergency_h", [](GovernanceConfig& g) { g.deadlines.emergency_h = 1; },
       [](GovernanceConfig& g) { g.deadlines.emergency_h = 100; }, "closed within deadline",
       [](const Run& r) { return r.summary.within_deadline_share; }, +1},
      {"volunteers.per_1k", [](GovernanceConfig& g) { g.volunteers.per_1k = 1; },
       [](GovernanceConfig& g) { g.volunteers.per_1k = 15; }, "reports by patrol",
       [](const Run& r) { return series_sum(r, &DayMetrics::reported_by_volunteer); }, +1},
      {"volunteers.training", [](GovernanceConfig& g) { g.volunteers.training = 0; },
       [](GovernanceConfig& g) { g.volunteers.training = 1; }, "disputes settled in the grid",
       [](const Run& r) { return series_sum(r, &DayMetrics::disputes_settled_in_grid); }, +1},
      {"volunteers.procedures", [](GovernanceConfig& g) { g.volunteers.procedures = false; },
       [](GovernanceConfig& g) { g.volunteers.procedures = true; }, "disputes settled in the grid",
       [](const Run& r) { return series_sum(r, &DayMetrics::disputes_settled_in_grid); }, +1},
      {"volunteers.weekly_hours", [](GovernanceConfig& g) { g.volunteers.weekly_hours = 1; },
       [](GovernanceConfig& g) { g.volunteers.weekly_hours = 10; }, "reports by patrol",
       [](const Run& r) { return series_sum(r, &DayMetrics::reported_by_volunteer); }, +1},
      {"mediators.per_community", [](GovernanceConfig& g) { g.mediators.per_community = 0; },
       [](GovernanceConfig& g) { g.mediators.per_community = 1; }, "mediation agreement rate",
       [](const Run& r) { return r.summary.mediation_agreement_rate; }, +1},
      {"mediators.per_street", [](GovernanceConfig& g) { g.mediators.per_street = 0; },
       [](GovernanceConfig& g) { g.mediators.per_street = 3; }, "mediation agreement rate",
       [](const Run& r) { return r.summary.mediation_agreement_rate; }, +1},
      {"mediators.skill",
       [](GovernanceConfig& g) { g.mediators.per_community = 1, g.mediators.skill = 0.5; },
       [](GovernanceConfig& g) { g.mediators.per_community = 1, g.mediators.skill = 0.9; },
       "mediation agreement rate", [](const Run& r) { return r.summary.mediation_agreement_rate; },
       +1},
      {"legal_clarity", [](GovernanceConfig& g) { g.legal_clarity = 0.1; },
       [](GovernanceConfig& g) { g.legal_clarity = 0.9; }, "bounces", bounces, -1},
      {"platform.level", [](GovernanceConfig& g) { g.platform.level = 0; },
       [](GovernanceConfig& g) { g.platform.level = 0.9; }, "reported share",
       [](const Run& r) { return r.summary.reported_share; }, +1},
      {"platform.level", [](GovernanceConfig& g) { g.platform.level = 0; },
       [](GovernanceConfig& g) { g.platform.level = 0.9; }, "hand-off time",
       [](const Run& r) { return series_mean(r, &DayMetrics::handoff_time_mean_h); }, -1},
      {"platform.sensor_coverage",
       [](GovernanceConfig& g) { g.platform.level = 0.8, g.platform.sensor_coverage = 0; },
       [](GovernanceConfig& g) { g.platform.level = 0.8, g.platform.sensor_coverage = 1; },
       "reports by platform",
       [](const Run& r) { return series_sum(r, &DayMetrics::reported_by_platform); }, +1},
      {"leadership", [](GovernanceConfig& g) { g.leadership = 0.1; },
       [](GovernanceConfig& g) { g.leadership = 0.9; }, "community utilisation (time freed)",
       [](const Run& r) { return series_mean(r, &DayMetrics::utilization_community); }, -1},
      {"leadership", [](GovernanceConfig& g) { g.leadership = 0.1; },
       [](GovernanceConfig& g) { g.leadership = 0.9; }, "escalations (paper reviews)",
       [](const Run& r) { return double(r.summary.escalated); }, +1},
      {"participation", [](GovernanceConfig& g) { g.participation = 0.0; },
       [](GovernanceConfig& g) { g.participation = 0.9; }, "reported share",
       [](const Run& r) { return r.summary.reported_share; }, +1},
      {"costs.grid_worker", [](GovernanceConfig& g) { g.costs.grid_worker = 30000; },
       [](GovernanceConfig& g) { g.costs.grid_worker = 90000; }, "cost per resident",
       [](const Run& r) { return r.summary.cost_per_resident_year; }, +1},
      {"costs.community_official", [](GovernanceConfig& g) { g.costs.community_official = 40000; },
       [](GovernanceConfig& g) { g.costs.community_official = 120000; }, "cost per resident",
       [](const Run& r) { return r.summary.cost_per_resident_year; }, +1},
      {"costs.street_official", [](GovernanceConfig& g) { g.costs.street_official = 50000; },
       [](GovernanceConfig& g) { g.costs.street_official = 150000; }, "cost per resident",
       [](const Run& r) { return r.summary.cost_per_resident_year; }, +1},
      {"costs.mediator",
       [](GovernanceConfig& g) { g.mediators.per_community = 1, g.costs.mediator = 50000; },
       [](GovernanceConfig& g) { g.mediators.per_community = 1, g.costs.mediator = 150000; },
       "cost per resident", [](const Run& r) { return r.summary.cost_per_resident_year; }, +1},
      {"costs.volunteer", [](GovernanceConfig& g) { g.costs.volunteer = 0; },
       [](GovernanceConfig& g) { g.costs.volunteer = 5000; }, "cost per resident",
       [](const Run& r) { return r.summary.cost_per_resident_year; }, +1},
      {"costs.platform_per_resident",
       [](GovernanceConfig& g) { g.platform.level = 0.5, g.costs.platform_per_resident = 0; },
       [](GovernanceConfig& g) { g.platform.level = 0.5, g.costs.platform_per_resident = 50; },
       "cost per resident", [](const Run& r) { return r.summary.cost_per_resident_year; }, +1},
  };
  for (const Knob& k : knobs) {
    const Run lo = run(town_with(k.low), 2);
    const Run hi = run(town_with(k.high), 2);
    const double a = k.measure(lo), b = k.measure(hi);
    INFO(k.name << ": " << k.outcome << " low=" << a << " high=" << b);
    REQUIRE(!std::isnan(a));
    REQUIRE(!std::isnan(b));
    if (k.sign > 0) CHECK(b > a);
    if (k.sign < 0) CHECK(b < a);
    if (k.sign == 0) CHECK(b != a);  // a knob whose direction the guide leaves open must still act
  }
}

TEST_CASE("the kinds of dispute move the recorded mix and who brings them forward") {
  // The arising share of a kind raises its share among reported disputes.
  Scenario few = small_town(240), many = small_town(240);
  few.model.disputes.share = DisputeShares{{0.35, 0.10, 0.07, 0.07, 0.41}};
  many.model.disputes.share = DisputeShares{{0.15, 0.30, 0.07, 0.07, 0.41}};
  CHECK(run(many, 2).summary.dispute_mix[1] > run(few, 2).summary.dispute_mix[1] + 0.1);

  // A kind residents keep to themselves (a low report factor) is brought forward by residents
  // less often; in this town walks still find those disputes later (docs/CALIBRATION.md).
  Scenario open = small_town(240), private_ = small_town(240);
  open.model.disputes.report_factor.family = 1.0;
  private_.model.disputes.report_factor.family = 0.1;
  const Run a = run(open, 2), b = run(private_, 2);
  CHECK(series_sum(b, &DayMetrics::reported_by_resident) <
        series_sum(a, &DayMetrics::reported_by_resident));
}
