// govsim validate: runs the real engine in configurations whose answers are known and prints
// measured values against theory with 95 % confidence intervals, pass or fail for each.
//
//   M/M/c at one level   mean wait against Erlang C, P(wait > t) against C e^-(c mu - lambda) t
//   Jackson network      each level's arrival rate against lambda = gamma (I - R)^-1, and its
//                        mean wait against M/M/c
//   Little's law         per level, on every shipped scenario
//   conservation         arrived = resolved + dropped + open, every day of every shipped scenario
//
// Replications run in parallel over the cores; each replication i uses seed i, so the table is
// the same at any thread count.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "engine/errors.hpp"
#include "engine/parallel.hpp"
#include "experiments/cluster.hpp"
#include "experiments/stats.hpp"
#include "output/atomic_file.hpp"
#include "scenarios/loader.hpp"
#include "sim/observation.hpp"
#include "sim/simulation.hpp"
#include "validation/calibration.hpp"
#include "validation/claims.hpp"
#include "validation/designs.hpp"
#include "validation/erlang.hpp"
#include "validation/robustness.hpp"

namespace govsim {
namespace {

struct Check {
  std::string group;
  std::string what;
  batch::Estimate measured;  // with its 95 % interval; n = 1 for a single exact figure
  double theory;
  double tolerance;  // relative, for checks without an interval (Little, conservation)
  bool pass = false;
};

struct Replication {
  RunSummary summary;
  std::vector<double> wait_at_least;  // P(W >= t) for each t asked
};

// Runs `reps` replications of a validation scenario in parallel, seed i for replication i.
std::vector<Replication> replicate(const std::string& path, int reps, std::int64_t days,
                                   const std::vector<double>& ts) {
  std::vector<Replication> out(static_cast<std::size_t>(reps));
  std::vector<Scenario> scenarios;
  for (int i = 0; i < reps; ++i)
    scenarios.push_back(load_scenario(
        path, {"run.days=" + std::to_string(days), "run.seed=" + std::to_string(i + 1)}));
  parallel_for_index(out.size(), 0, [&](std::size_t i) {
    SerialExecutor ex;
    Simulation sim(scenarios[i], ex);
    while (!sim.done()) sim.step();
    Replication& r = out[i];
    r.summary = sim.summary();
    for (double t : ts) r.wait_at_least.push_back(sim.observe().response_times().share_at_least(t));
  });
  return out;
}

// A check against theory with an interval: decided later, once the number of such checks is known
// (see decide_intervals).
Check interval_check(std::string group, std::string what, const std::vector<double>& values,
                     double theory) {
  return Check{std::move(group), std::move(what), batch::estimate(values), theory, 0};
}

// Twenty-odd 95 % intervals would miss a correct theory somewhere more often than not (0.95^20 =
// 0.36), so pass/fail is decided at a family-wise 95 %: each of the k interval checks passes when
// the theory lies inside its 1 - 0.05/k interval (Bonferroni). The printed interval stays the
// ordinary 95 % one, and the table marks the checks whose theory falls outside it. A floor of
// 1e-4 keeps quantities that are all but zero (a wait of a few milliseconds) from failing on an
// interval of zero width.
void decide_intervals(std::vector<Check>& checks) {
  int k = 0;
  for (const Check& c : checks) k += c.measured.n > 1 ? 1 : 0;
  for (Check& c : checks) {
    if (c.measured.n <= 1) continue;
    const double p = 1.0 - 0.05 / (2.0 * k);
    const double half = batch::student_t_quantile(p, c.measured.df) * c.measured.se;
    c.pass = std::abs(c.measured.mean - c.theory) <= std::max(half, 1e-4);
  }
}

bool inside_95(const Check& c) {
  return std::abs(c.measured.mean - c.theory) <= std::max(c.measured.half_width, 1e-4);
}

Check exact_check(std::string group, std::string what, double measured, double theory,
                  double tolerance) {
  batch::Estimate e;
  e.n = 1;
  e.mean = measured;
  const double scale = std::max(std::abs(theory), 1e-9);
  const bool pass = std::abs(measured - theory) <= tolerance * scale;
  return Check{std::move(group), std::move(what), e, theory, tolerance, pass};
}

std::string fmt(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", x);
  return buf;
}

void print(const std::vector<Check>& checks) {
  std::printf("%-28s %-34s %24s %10s  %s\n", "check", "quantity", "measured (95% CI)", "theory",
              "result");
  for (const Check& c : checks) {
    std::string m = fmt(c.measured.mean);
    if (c.measured.n > 1)
      m += " +/- " + fmt(c.measured.half_width) + (inside_95(c) ? " " : "*");
    else if (c.tolerance > 0)
      m += " (tol " + fmt(100 * c.tolerance) + "%)";
    std::printf("%-28s %-34s %24s %10s  %s\n", c.group.c_str(), c.what.c_str(), m.c_str(),
                fmt(c.theory).c_str(), c.pass ? "pass" : "FAIL");
  }
}

// One figure from every replication, the sample an interval check is built on.
template <typename Figure>
std::vector<double> per_replication(const std::vector<Replication>& runs, Figure figure) {
  std::vector<double> values;
  for (const Replication& r : runs) values.push_back(figure(r));
  return values;
}

// What --quick changes, in one place: it trades precision for a run of seconds (it runs in CI).
struct Effort {
  int reps;                          // replications of each queueing scenario
  std::int64_t days;                 // simulated days of each of those replications
  std::int64_t shipped_days;         // of the one run of each shipped scenario
  bool all_shipped;                  // false: the two largest cities are left out
  double little_tolerance;           // relative; a shorter run has a noisier L and lambda W
  std::int64_t design_replications;  // of each design for the calibration and the claims
};

Effort effort(bool quick) {
  if (quick) return Effort{10, 300, 150, false, 0.08, 5};
  return Effort{30, 1500, 365, true, 0.03, 20};
}

// M/M/c at one level: the mean wait against Erlang C and the wait's tail against
// C e^-(c mu - lambda) t. Each scenario's c and lambda are written down here as well, so that a
// changed scenario file fails loudly instead of being checked against the wrong theory.
void add_mmc_checks(std::vector<Check>& checks, const std::filesystem::path& dir, const Effort& e) {
  struct Mmc {
    const char* file;
    int c;
    double lambda, mu;
  };
  const Mmc mmcs[] = {{"mmc-c4-rho050.yaml", 4, 2.0, 1.0},
                      {"mmc-c10-rho080.yaml", 10, 8.0, 1.0},
                      {"mmc-c10-rho095.yaml", 10, 9.5, 1.0}};
  const std::vector<double> ts = {0.1, 0.25, 0.5, 1.0};
  for (const Mmc& q : mmcs) {
    const Scenario sc = load_scenario((dir / q.file).string());
    if (sc.model.queue_handlers != q.c || sc.model.queue_arrivals_per_h != q.lambda)
      throw InputError((dir / q.file).string() + ": not the configuration validate expects (c = " +
                       std::to_string(q.c) + ", lambda = " + fmt(q.lambda) + ")");
    const auto runs = replicate((dir / q.file).string(), e.reps, e.days, ts);
    const double a = q.lambda / q.mu, cw = erlang_c(q.c, a), rate = q.c * q.mu - q.lambda;
    const std::string group = "M/M/" + std::to_string(q.c) + " rho=" + fmt(a / q.c);
    const auto wq =
        per_replication(runs, [](const Replication& r) { return r.summary.level[0].wait_mean_h; });
    checks.push_back(interval_check(group, "mean wait Wq (h)", wq, cw / rate));
    for (std::size_t k = 0; k < ts.size(); ++k) {
      const auto p =
          per_replication(runs, [k](const Replication& r) { return r.wait_at_least[k]; });
      checks.push_back(
          interval_check(group, "P(wait > " + fmt(ts[k]) + " h)", p, cw * std::exp(-rate * ts[k])));
    }
  }
}

// Jackson network: three levels in series, each level's arrival rate against
// lambda = gamma (I - R)^-1 and its mean wait against M/M/c at that rate.
void add_jackson_checks(std::vector<Check>& checks, const std::filesystem::path& dir,
                        const Effort& e) {
  const std::string file = (dir / "jackson-3tier.yaml").string();
  const Scenario sc = load_scenario(file);
  const double lambda = sc.model.queue_arrivals_per_h, p = sc.model.queue_escalate_p;
  const double mu = 1.0 / sc.model.effort_median_h.small;
  const int c = static_cast<int>(sc.model.queue_handlers);
  const auto runs = replicate(file, e.reps, e.days, {});
  for (int l = 0; l < 3; ++l) {
    const double li = lambda * std::pow(p, l);  // gamma (I - R)^-1 for a series line
    const auto rate = per_replication(
        runs, [l](const Replication& r) { return r.summary.level[l].arrivals_per_h; });
    const auto wait =
        per_replication(runs, [l](const Replication& r) { return r.summary.level[l].wait_mean_h; });
    const std::string group = std::string("Jackson, ") + kLevelNames[static_cast<std::size_t>(l)];
    checks.push_back(interval_check(group, "arrival rate (1/h)", rate, li));
    checks.push_back(
        interval_check(group, "mean wait Wq (h)", wait, erlang_c(c, li / mu) / (c * mu - li)));
  }
}

struct BalancedRun {
  RunSummary summary;
  bool balanced = true;  // arrived = resolved + dropped + open at the end of every day
};

// Checked at the end of every day rather than once on the summary, so that an imbalance that
// later days undo still fails.
BalancedRun run_checking_balance(const Scenario& sc) {
  auto ex = make_tbb_executor(0);
  Simulation sim(sc, *ex);
  BalancedRun out;
  while (!sim.done()) {
    sim.step();
    const DayMetrics& d = sim.series().back();
    out.balanced = out.balanced && d.arrived_total == d.resolved_total + d.dropped_total +
                                                          d.settled_by_residents_total +
                                                          d.open_total;
  }
  out.summary = sim.summary();
  return out;
}

// Shipped scenarios whose every level must be stationary: a lesson is read off their charts, so
// an overloaded level is a fault of the scenario, not a level the law does not apply to.
bool must_be_stationary(const std::string& scenario) { return scenario == "classroom-town"; }

// Levels where Little's law in its steady-state form does not apply, with the reason.
struct NotSteady {
  std::vector<std::string> overloaded;  // filling up over the measured days
  std::vector<std::string> edges;       // not filling up, but the window's edges weigh too much
};

// Little's law on each level of one run that had arrivals. Over the measured window it holds
// exactly with its measured edge terms on every level, overloaded or not (the areas against the
// cases' own times: the engine's books), and that is checked on each. The steady-state form
// L = lambda W is checked where it applies; the levels it does not apply to are listed instead
// (or fail, for a scenario that must be stationary).
void add_little_checks(std::vector<Check>& checks, NotSteady& not_steady,
                       const std::string& scenario, const RunSummary& r, double tolerance) {
  for (int l = 0; l < kLevels; ++l) {  // the city tier too, where there is one
    const LevelSummary& q = r.level[l];
    if (!(q.arrivals_per_h > 0)) continue;
    const std::string level = kLevelNames[static_cast<std::size_t>(l)];
    const double lw = q.arrivals_per_h * q.time_in_system_mean_h;
    const double edge = little_edge(q, r.measured_days);
    checks.push_back(exact_check(scenario, "Little over the window, " + level, q.in_system_mean,
                                 lw + edge, 1e-6));
    // The steady-state form needs a level that is not filling up: where the backlog grew by
    // more than half its mean and four standard deviations of a stable count, the level is
    // overloaded and the form does not apply (it is listed, not failed).
    const double growth = double(q.in_system_end - q.in_system_start);
    const double spread = std::max(0.5 * q.in_system_mean, 4.0 * std::sqrt(q.in_system_mean));
    const std::string backlog = ": backlog " + std::to_string(q.in_system_start) + " -> " +
                                std::to_string(q.in_system_end) + " over the measured days (L " +
                                fmt(q.in_system_mean) + ", lambda W " + fmt(lw);
    if (std::abs(growth) > spread && must_be_stationary(scenario)) {
      checks.push_back(exact_check(scenario, "stationary, " + level, double(q.in_system_end),
                                   double(q.in_system_start), 0));
    } else if (std::abs(growth) > spread) {
      not_steady.overloaded.push_back(scenario + ", " + level + backlog + ")");
    } else if (std::abs(edge) <= 0.5 * tolerance * q.in_system_mean) {
      checks.push_back(
          exact_check(scenario, "Little L=lambda W, " + level, q.in_system_mean, lw, tolerance));
    } else {
      // A level with few, long cases (a small city tier): the cases there when the window opens
      // and closes weigh more than half the tolerance, so the steady-state form cannot be told
      // from the edges in this run; the exact form above still holds.
      const int share = static_cast<int>(std::lround(100 * edge / q.in_system_mean));
      not_steady.edges.push_back(scenario + ", " + level + backlog + ", edges " +
                                 std::to_string(share) + "% of L)");
    }
  }
}

// Conservation every day and Little's law per level, on every shipped scenario: the laws hold
// for the whole governance model, not only for the bare queueing network above.
void add_shipped_checks(std::vector<Check>& checks, NotSteady& not_steady, const Effort& e) {
  for (const ShippedScenario& s : shipped_scenarios()) {
    if (!e.all_shipped && (s.name == "megacity" || s.name == "large-city")) continue;
    const Scenario sc =
        load_scenario(s.name, {"run.days=" + std::to_string(e.shipped_days), "run.warmup_days=30"});
    const BalancedRun run = run_checking_balance(sc);
    checks.push_back(exact_check(s.name, "conservation, every day", run.balanced ? 1 : 0, 1, 0));
    add_little_checks(checks, not_steady, s.name, run.summary, e.little_tolerance);
  }
}

void print_not_steady(const NotSteady& n) {
  if (!n.overloaded.empty()) {
    std::printf(
        "\nNot stationary, so Little's law in its steady-state form does not apply "
        "(overloaded levels):\n");
    for (const std::string& line : n.overloaded) std::printf("  %s\n", line.c_str());
  }
  if (!n.edges.empty()) {
    std::printf(
        "\nEdges too large for the steady-state form (few, long cases; the law over the window "
        "holds):\n");
    for (const std::string& line : n.edges) std::printf("  %s\n", line.c_str());
  }
}

void print_calibration(const std::vector<validation::CalibrationResult>& calibration,
                       const validation::DesignRuns& runs) {
  std::printf(
      "\nCalibration: %s, %lld replications of %lld days, mean (95%% CI) against the public "
      "figure and its band\n",
      validation::kCalibrationScenario, static_cast<long long>(runs.replications),
      static_cast<long long>(runs.days));
  std::printf("%-34s %-28s %22s %8s %16s %5s  %s\n", "figure", "unit", "simulated", "target",
              "band", "grade", "result");
  for (const auto& r : calibration) {
    const std::string sim = fmt(r.simulated.mean) + " +/- " + fmt(r.simulated.half_width);
    const std::string band = fmt(r.target.low) + " - " + fmt(r.target.high);
    std::printf("%-34s %-28s %22s %8s %16s %5s  %s\n", r.target.figure.c_str(),
                r.target.unit.c_str(), sim.c_str(), fmt(r.target.target).c_str(), band.c_str(),
                r.target.grade.c_str(), r.pass ? "pass" : "FAIL");
  }
}

// A claim the model is known to disagree with (docs/VALIDATION.md) is expected to disagree, so
// it is told apart from one that disagrees unexpectedly, and its reason is printed below.
void print_claims(const std::vector<validation::ClaimResult>& claims) {
  std::printf("\nThe paper's claims: paired difference (to - from), mean and 95%% CI\n");
  std::printf("%-58s %-16s %-16s %-30s %22s  %s\n", "claim", "from", "to", "outcome", "difference",
              "result");
  for (const auto& r : claims) {
    const std::string diff = fmt(r.paired.mean) + " +/- " + fmt(r.paired.half_width);
    std::printf("%-58s %-16s %-16s %-30s %22s  %s\n", r.claim.text.c_str(), r.claim.from.c_str(),
                r.claim.to.c_str(), r.claim.outcome.c_str(), diff.c_str(),
                r.holds ? "holds" : (r.expected() ? "disagrees (known, see below)" : "DISAGREES"));
  }
  for (const auto& r : claims)
    if (!r.claim.disagreement.empty())
      std::printf("  %s: %s\n", r.claim.text.c_str(), r.claim.disagreement.c_str());
}

// The counts the closing lines report and the exit code is decided on.
struct Outcome {
  int checks = 0, failed = 0;
  int intervals = 0, outside = 0;  // interval checks, and those whose theory is outside the 95 %
  int calibration = 0, calibration_failed = 0;
  int claims = 0, claims_failed = 0;  // failed: not as expected, known disagreements aside
  bool all_pass() const { return failed == 0 && calibration_failed == 0 && claims_failed == 0; }
};

Outcome tally(const std::vector<Check>& checks,
              const std::vector<validation::CalibrationResult>& calibration,
              const std::vector<validation::ClaimResult>& claims) {
  Outcome o;
  o.checks = static_cast<int>(checks.size());
  for (const Check& c : checks) {
    o.failed += c.pass ? 0 : 1;
    o.intervals += c.measured.n > 1 ? 1 : 0;
    o.outside += c.measured.n > 1 && !inside_95(c) ? 1 : 0;
  }
  o.calibration = static_cast<int>(calibration.size());
  for (const auto& r : calibration) o.calibration_failed += r.pass ? 0 : 1;
  o.claims = static_cast<int>(claims.size());
  for (const auto& r : claims) o.claims_failed += r.expected() ? 0 : 1;
  return o;
}

void print_outcome(const Outcome& o, const Effort& e) {
  std::printf("\n%d passed, %d failed\n", o.checks - o.failed, o.failed);
  std::printf(
      "%d of %d theories outside their 95%% interval (marked *; about %.1f expected by chance); "
      "pass/fail uses\nBonferroni intervals at a family-wise 95%% (each at 1 - 0.05/%d). %d "
      "replications of %lld days each.\n",
      o.outside, o.intervals, 0.05 * o.intervals, o.intervals, e.reps,
      static_cast<long long>(e.days));
  std::printf("calibration: %d of %d inside their band; claims: %d of %d as expected\n",
              o.calibration - o.calibration_failed, o.calibration, o.claims - o.claims_failed,
              o.claims);
}

// The robustness section's settings: --quick makes it a smoke test of seconds (10 points of 60
// days: too few for its labels to mean much, as its header says), the full one has 100 points
// of a year. Options that belong to the section are refused without it.
validation::RobustnessOptions robustness_options(const ValidateArgs& args, bool robustness) {
  const bool given = args.points != 0 || args.days != 0 || args.replications != 1 ||
                     args.sample_seed != 1 || !args.ranges.empty() || !args.markdown.empty();
  if (given && !robustness)
    throw InputError(
        "--points, --days, --replications, --sample-seed, --range and --markdown go with "
        "--robustness (or --robustness-only)");
  validation::RobustnessOptions o;
  o.points = args.points != 0 ? args.points : (args.quick ? 10 : 100);
  o.days = args.days != 0 ? args.days : (args.quick ? 60 : 365);
  o.replications = args.replications;
  o.seed = args.sample_seed;
  o.ranges = args.ranges;
  o.progress = true;
  return o;
}

void robustness_section(const ValidateArgs& args, const validation::RobustnessOptions& options) {
  const std::unique_ptr<batch::Cluster> cluster = batch::make_cluster();
  const validation::RobustnessReport report =
      validation::run_robustness(options, validation::paper_claims(), *cluster);
  if (!cluster->root()) return;
  std::printf("%s", validation::format_robustness(report).c_str());
  if (!args.markdown.empty()) {
    write_file_atomically(args.markdown, "<!-- robustness: docs/VALIDATION.md -->\n" +
                                             validation::robustness_markdown(report) +
                                             "<!-- robustness: README.md -->\n" +
                                             validation::robustness_readme_markdown(report));
    std::printf("wrote %s\n", args.markdown.c_str());
  }
}

}  // namespace

int validate_command(const ValidateArgs& args) {
  const bool robustness = args.robustness || args.robustness_only;
  const validation::RobustnessOptions robust = robustness_options(args, robustness);
  if (robustness) validation::check_robustness_options(robust);  // bad input before any run
  if (args.robustness_only) {
    robustness_section(args, robust);
    return 0;
  }
  const std::filesystem::path dir(args.dir);
  if (!std::filesystem::is_directory(dir))
    throw InputError("--dir " + args.dir +
                     ": no such folder; run from the repository root, or give the folder that "
                     "holds the validation scenarios");
  const Effort e = effort(args.quick);

  std::vector<Check> checks;
  NotSteady not_steady;
  add_mmc_checks(checks, dir, e);
  add_jackson_checks(checks, dir, e);
  add_shipped_checks(checks, not_steady, e);
  decide_intervals(checks);
  print(checks);
  print_not_steady(not_steady);

  // Calibration and the paper's claims, on the baseline city: one batch of paired replications
  // of every design the claims name (the calibration scenario is the first of them).
  validation::DesignRuns runs;
  runs.designs = validation::claim_designs();
  runs.replications = e.design_replications;
  const batch::ResultGrid grid = validation::run_designs(runs);
  const auto calibration = validation::check_calibration(grid, 0);
  print_calibration(calibration, runs);
  const auto claims = validation::check_claims(grid);
  print_claims(claims);

  const Outcome outcome = tally(checks, calibration, claims);
  print_outcome(outcome, e);
  // The robustness section reports where each claim holds; it does not decide the exit code.
  if (robustness) robustness_section(args, robust);
  return outcome.all_pass() ? 0 : 1;
}

}  // namespace govsim
