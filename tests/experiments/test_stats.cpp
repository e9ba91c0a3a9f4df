#include <catch2/catch.hpp>
#include <cmath>

#include "experiments/comparison.hpp"
#include "experiments/stats.hpp"

using namespace govsim::batch;

TEST_CASE("Student t quantiles match the published table", "[stats]") {
  // Critical values of the t distribution to ten digits (R: qt(p, df)).
  CHECK(student_t_quantile(0.975, 1) == Approx(12.7062047362).epsilon(1e-9));
  CHECK(student_t_quantile(0.975, 2) == Approx(4.3026527297).epsilon(1e-9));
  CHECK(student_t_quantile(0.975, 5) == Approx(2.5705818366).epsilon(1e-9));
  CHECK(student_t_quantile(0.975, 10) == Approx(2.2281388520).epsilon(1e-9));
  CHECK(student_t_quantile(0.975, 30) == Approx(2.0422724563).epsilon(1e-9));
  CHECK(student_t_quantile(0.975, 1e7) == Approx(1.9599642).epsilon(1e-7));  // z + (z^3 + z) / 4df
  CHECK(student_t_quantile(0.95, 4) == Approx(2.1318467863).epsilon(1e-9));
  CHECK(student_t_quantile(0.995, 3) == Approx(5.8409093097).epsilon(1e-9));
  CHECK(student_t_quantile(0.025, 5) == Approx(-2.570582).epsilon(1e-7));
  CHECK(student_t_quantile(0.5, 7) == 0);
  CHECK(std::isnan(student_t_quantile(1.0, 3)));
  CHECK(student_t_cdf(2.228139, 10) == Approx(0.975).epsilon(1e-7));
}

TEST_CASE("estimate: mean, standard deviation and t interval, leaving NaN out", "[stats]") {
  const Estimate e = estimate({2, 4, 4, 4, 5, 5, 7, 9, NAN});
  CHECK(e.n == 8);
  CHECK(e.mean == Approx(5));
  CHECK(e.sd == Approx(std::sqrt(32.0 / 7)));
  CHECK(e.half_width ==
        Approx(student_t_quantile(0.975, 7) * std::sqrt(32.0 / 7) / std::sqrt(8.0)));
  CHECK(e.upper_bound(0.95) == Approx(5 + student_t_quantile(0.95, 7) * e.se));
  CHECK(e.lower_bound(0.95) == Approx(5 - student_t_quantile(0.95, 7) * e.se));

  const Estimate one = estimate({3});
  CHECK(one.n == 1);
  CHECK(one.mean == 3);
  CHECK(std::isnan(one.half_width));
  CHECK(std::isnan(one.upper_bound(0.95)));  // one run cannot bound anything

  const Estimate constant = estimate({2, 2, 2});
  CHECK(constant.half_width == 0);
  CHECK(constant.upper_bound(0.95) == 2);
  CHECK(estimate({}).n == 0);
}

TEST_CASE("paired differences cancel shared noise that Welch's test cannot", "[stats]") {
  // Replication noise shared by both designs, plus a constant effect of 1.
  const std::vector<double> base = {10, 20, 15, 30, 25};
  std::vector<double> treated;
  for (const double x : base) treated.push_back(x + 1);
  treated[2] += 0.1;
  const Estimate paired = paired_difference(treated, base);
  const Estimate welch = welch_difference(treated, base);
  CHECK(paired.mean == Approx(1.02));
  CHECK(welch.mean == Approx(1.02));
  CHECK(paired.half_width < welch.half_width / 50);
  CHECK(paired.significant());
  CHECK_FALSE(welch.significant());
}

TEST_CASE("paired differences use only the replications both designs have", "[stats]") {
  const Estimate d = paired_difference({1, NAN, 3, 5}, {0, 1, NAN, 4});
  CHECK(d.n == 2);
  CHECK(d.mean == Approx(1));
  CHECK(d.half_width == 0);
}

TEST_CASE("estimates print with the digits their interval warrants", "[stats]") {
  Estimate e = estimate({33.8, 34.2, 34.3});
  CHECK(decimals_for({e}) == 2);  // two significant digits of ± 0.66
  CHECK(format_estimate(e, 2) == "34.10 ± 0.66");
  CHECK(format_estimate(estimate({5}), 2) == "5.00 (n=1)");
  CHECK(format_estimate(Estimate{}, 2) == "n/a");
  CHECK(format_estimate(estimate({-0.001, 0.001}), 2) == "0.00 ± 0.01");
}

TEST_CASE("the comparison table marks significant differences", "[stats]") {
  ResultGrid grid({"base", "better", "same"});
  const auto row = [](double x) {
    CellRow r;
    for (std::size_t c = 0; c < summary_columns().size(); ++c) {
      r.push_back(summary_columns()[c].kind == CellKind::Hash ? Cell::hash(1) : Cell::real(x));
    }
    return r;
  };
  const double noise[] = {0, 3, -2, 5};
  for (int r = 0; r < 4; ++r) {
    grid.add(0, r, row(10 + noise[r]));
    grid.add(1, r, row(8 + noise[r]));
    grid.add(2, r, row(10 + noise[r] + (r % 2 ? 0.5 : -0.5)));
  }
  const std::size_t column = outcome_column("response_time_p90_h", "test");
  const OutcomeComparison c = compare_outcome(grid, column);
  CHECK(c.paired[1].mean == Approx(-2));
  CHECK(c.paired[1].significant());
  CHECK_FALSE(c.paired[2].significant());
  const std::string table = format_comparison(grid, {c});
  CHECK(table.find("response time p90 (h)") != std::string::npos);
  // The same difference in every replication has no interval to speak of: "± 0", not "± 0.00"
  // (nor 0.000000). A shorter response time is better, and the table says so.
  CHECK(table.find("-2.00 ± 0 * better") != std::string::npos);
  CHECK(table.find("difference from base") != std::string::npos);
}

TEST_CASE("each outcome knows which way is better", "[stats]") {
  CHECK(outcome_direction("response_time_p90_h") == -1);
  CHECK(outcome_direction("cost_total_cny_year") == -1);
  CHECK(outcome_direction("cost_per_resident_year") == -1);
  CHECK(outcome_direction("dropped") == -1);
  CHECK(outcome_direction("trust_mean") == 1);
  CHECK(outcome_direction("within_deadline_share") == 1);
  CHECK(outcome_direction("disputes_per_10k_year") == 0);
  CHECK(outcome_direction("grid_wait_mean_h") == -1);
  // People, space and the working calendar (MODEL.md 7.23-7.25).
  CHECK(outcome_direction("incidents_per_10k_year") == -1);
  CHECK(outcome_direction("escalated_dispute_share") == -1);
  CHECK(outcome_direction("repeat_dispute_share") == -1);
  CHECK(outcome_direction("intake_wait_sat_h") == -1);
  CHECK(outcome_direction("response_time_far_quartile_h") == -1);
  CHECK(outcome_direction("trust_worst_decile") == 1);
  CHECK(outcome_direction("counsellor_caseload_year") == 0);
}

TEST_CASE("an exact difference prints without a false interval", "[stats]") {
  Estimate e = estimate({8.622341, 8.622341, 8.622341});
  e.half_width = 1e-14;  // rounding noise, as a difference of costs leaves
  CHECK(exact_interval(e));
  CHECK(format_estimate(e, decimals_for({e})) == "8.622 ± 0");
}
