// `govsim calibrate`: a district's case records in, a fitted scenario (and a fit report) out.
// docs/RECORDS.md and README "Calibrate to your own district".
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include "cli/commands.hpp"
#include "engine/errors.hpp"
#include "engine/input_text.hpp"
#include "experiments/calibrate.hpp"
#include "experiments/fit_report.hpp"
#include "model/city.hpp"
#include "output/atomic_file.hpp"
#include "output/output_paths.hpp"
#include "scenarios/loader.hpp"

namespace govsim {
namespace {

namespace fs = std::filesystem;

constexpr LocalMinutes kMinutesPerDay = 1440;

struct CalibrateArgs {
  ScenarioArgs input;
  std::string records, out, report, json, categories, holdout, from, to;
  std::string utc_offset = "+08:00";
  std::vector<std::string> fit;
  std::vector<std::string> holdout_change;  // governance KEY=VALUE from the holdout date
  int replications = 4;
  int max_evaluations = 120;
  int bootstrap = 200;
  int jobs = 0;
  std::uint64_t seed = 1;
  bool skip_bad_rows = false;
  bool overwrite = false;
  bool quiet = false;
};

// What `extends:` in the fitted file says: a shipped name as it is, a file relative to the
// fitted file's folder.
std::string extends_text(const std::string& scenario, const std::string& out) {
  if (!fs::exists(scenario)) return scenario;
  const fs::path folder = fs::absolute(out).parent_path();
  return fs::relative(fs::absolute(scenario), folder).generic_string();
}

void refuse_existing(const std::string& flag, const std::string& path, bool overwrite) {
  if (!path.empty() && !overwrite && fs::exists(path))
    throw InputError(flag + ": '" + path + "' exists; add --overwrite to replace it");
}

// Every record's grid (when it names one) must be a grid of the scenario's city: a record of an
// unknown grid is an error at its line, or skipped and counted with --skip-bad-rows.
void check_grids(RecordSet& set, const City& city, const std::string& path, bool skip) {
  const std::set<std::string> grids(city.grid_names.begin(), city.grid_names.end());
  std::vector<CaseRecord> kept;
  for (CaseRecord& r : set.records) {
    if (r.grid.empty() || grids.count(r.grid)) {
      kept.push_back(std::move(r));
      continue;
    }
    if (!skip) {
      std::string some;
      for (std::size_t i = 0; i < std::min<std::size_t>(3, city.grid_names.size()); ++i)
        some += (i ? ", " : "") + city.grid_names[i];
      throw InputError(path + ":" + std::to_string(r.line) + ": grid " +
                       quoted_for_message(r.grid) + " is not a grid of the scenario's city (" +
                       std::to_string(city.grids) + " grids: " + some +
                       ", ...); give the scenario your district's city table (city.table) or "
                       "correct the name (or skip such rows with --skip-bad-rows)");
    }
    const std::string reason = "grid not in the scenario's city";
    ++set.skipped[reason];
    set.first_skipped_line.emplace(reason, r.line);
  }
  if (kept.empty()) throw InputError(path + ": no case is in a grid of the scenario's city");
  set.records = std::move(kept);
}

constexpr int kMinFitDays = 28;
// A window with more than this share of its days without a single case has a gap (a stray date,
// an export of two periods): the rates would be fitted to days nobody recorded.
constexpr double kMaxEmptyDays = 0.2;

// The fit's window: --from and --to when given, else from the first day a case was received to
// the day after the last; refused when many of its days have no case at all.
void set_window(const std::vector<CaseRecord>& records, const CalibrateArgs& args, int offset,
                batch::CalibrateOptions& options) {
  LocalMinutes first = records.front().received, last = first;
  for (const CaseRecord& r : records) {
    first = std::min(first, r.received);
    last = std::max(last, r.received);
  }
  options.from = local_day_start(first);
  options.to = local_day_start(last) + kMinutesPerDay;
  const auto date = [&](const std::string& flag, const std::string& text) {
    const std::optional<LocalMinutes> t = parse_local_time(text, offset);
    if (!t || *t != local_day_start(*t))
      throw InputError(flag + ": '" + text + "' is not a date; write it as 2025-01-01");
    return *t;
  };
  if (!args.from.empty()) options.from = date("--from", args.from);
  if (!args.to.empty()) options.to = date("--to", args.to) + kMinutesPerDay;  // --to is inclusive
  if (options.to - options.from < kMinutesPerDay * kMinFitDays)
    throw InputError("the window " + local_date_text(options.from) + " to " +
                     local_date_text(options.to - 1) + " is shorter than " +
                     std::to_string(kMinFitDays) + " days; calibrate needs a month or more");
  const auto days = static_cast<std::size_t>((options.to - options.from) / kMinutesPerDay);
  std::vector<char> busy(days, 0);
  for (const CaseRecord& r : records)
    if (r.received >= options.from && r.received < options.to)
      busy[static_cast<std::size_t>((r.received - options.from) / kMinutesPerDay)] = 1;
  const auto empty = static_cast<std::size_t>(std::count(busy.begin(), busy.end(), 0));
  if (double(empty) > kMaxEmptyDays * double(days))
    throw InputError(args.records + ": " + std::to_string(empty) + " of the " +
                     std::to_string(days) + " days from " + local_date_text(options.from) + " to " +
                     local_date_text(options.to - 1) +
                     " have no case at all; a stray date or a gap in the export? Choose the "
                     "window with --from and --to");
}

// The --set values as the fitted file must say them: a file named relative to this folder is
// named relative to the fitted file's folder, as the file's own keys are read.
std::vector<std::string> rebased_overrides(const std::vector<std::string>& overrides,
                                           const std::string& out) {
  std::vector<std::string> rebased;
  for (const std::string& o : overrides) {
    const std::size_t eq = o.find('=');
    const std::string value = eq == std::string::npos ? "" : o.substr(eq + 1);
    if (!value.empty() && fs::path(value).is_relative() && fs::is_regular_file(value))
      rebased.push_back(
          o.substr(0, eq + 1) +
          fs::relative(fs::absolute(value), fs::absolute(out).parent_path()).generic_string());
    else
      rebased.push_back(o);
  }
  return rebased;
}

void print_values(const batch::CalibrationResult& r) {
  std::size_t width = 3;
  for (const auto& f : r.values) width = std::max(width, f.parameter.key.size());
  std::printf("%-*s %12s %12s %25s\n", static_cast<int>(width), "key", "was", "fitted",
              "95 % interval");
  for (const auto& f : r.values) {
    const std::string interval = format_rounded(f.low) + " to " + format_rounded(f.high);
    std::printf("%-*s %12s %12s %25s%s\n", static_cast<int>(width), f.parameter.key.c_str(),
                format_rounded(f.parameter.start).c_str(), format_rounded(f.value).c_str(),
                interval.c_str(), f.identified ? "" : "  not identified");
  }
}

int calibrate_command(const CalibrateArgs& args) {
  check_command_paths(
      {{"--records", args.records, PathRole::Input}, {"--out", args.out, PathRole::OutputFile}});
  if (!args.report.empty()) check_command_paths({{"--report", args.report, PathRole::OutputFile}});
  if (!args.json.empty()) check_command_paths({{"--json", args.json, PathRole::OutputFile}});
  if (!args.categories.empty())
    check_command_paths({{"--categories", args.categories, PathRole::Input}});
  refuse_existing("--out", args.out, args.overwrite);
  refuse_existing("--report", args.report, args.overwrite);
  refuse_existing("--json", args.json, args.overwrite);
  if (args.replications < 1 || args.replications > 100)
    throw InputError("--replications: " + std::to_string(args.replications) +
                     " is outside 1 to 100");
  if (args.bootstrap < 20 || args.bootstrap > 100000)
    throw InputError("--bootstrap: " + std::to_string(args.bootstrap) +
                     " is outside 20 to 100000 (intervals need at least 20 resamples)");
  if (!args.holdout_change.empty() && args.holdout.empty())
    throw InputError("--holdout-change needs --holdout DATE (the day the change takes effect)");
  if (args.max_evaluations < 0)
    throw InputError("--max-evals: " + std::to_string(args.max_evaluations) + " is negative");

  RecordOptions read;
  read.utc_offset_minutes = parse_utc_offset(args.utc_offset);
  read.skip_bad_rows = args.skip_bad_rows;
  read.categories = args.categories;
  RecordSet set = read_case_records_file(args.records, read);

  batch::CalibrateOptions options;
  options.scenario = args.input.scenario;
  options.overrides = args.input.overrides;
  options.replications = args.replications;
  options.max_evaluations = args.max_evaluations;
  options.bootstrap = args.bootstrap;
  options.seed = args.seed;
  options.jobs = args.jobs;
  const Scenario base = load_scenario(args.input.scenario, args.input.overrides);
  check_grids(set, build_city(base), args.records, args.skip_bad_rows);
  if (!set.skipped.empty() && !args.quiet) {
    std::int64_t skipped = 0;
    for (const auto& [reason, n] : set.skipped) skipped += n;
    std::cerr << "calibrate: skipped " << skipped << " rows (--skip-bad-rows):";
    for (const auto& [reason, n] : set.skipped) std::cerr << " " << n << " " << reason << ";";
    std::cerr << "\n";
  }
  set_window(set.records, args, read.utc_offset_minutes, options);
  const LocalMinutes end = options.to;
  if (!args.holdout.empty()) {
    const std::optional<LocalMinutes> h = parse_local_time(args.holdout, read.utc_offset_minutes);
    if (!h || *h != local_day_start(*h))
      throw InputError("--holdout: '" + args.holdout + "' is not a date; write it as 2025-10-01");
    if (*h <= options.from + kMinutesPerDay * kMinFitDays || *h >= end)
      throw InputError("--holdout: " + args.holdout + " must leave at least " +
                       std::to_string(kMinFitDays) +
                       " days of records before it and some after it (the records run from " +
                       local_date_text(options.from) + " to " + local_date_text(end - 1) + ")");
    options.to = *h;
    // A change the forecast cannot make is refused now, not after the fit.
    std::vector<std::string> changed = args.input.overrides;
    changed.insert(changed.end(), args.holdout_change.begin(), args.holdout_change.end());
    for (const std::string& c : args.holdout_change)
      if (c.rfind("governance.", 0) != 0)
        throw InputError("--holdout-change: '" + c +
                         "' is not governance.KEY=VALUE (a design change from the holdout date)");
    load_scenario(args.input.scenario, changed);
  }
  for (const std::string& key : args.fit.empty() ? batch::default_fit_keys(base) : args.fit)
    options.parameters.push_back(batch::fit_parameter(base, key));
  if (!args.quiet) options.progress = [](const std::string& line) { std::cerr << line << "\n"; };

  const batch::CalibrationResult result = batch::calibrate(set.records, options);
  batch::CalibrateOptions written = options;
  written.overrides = rebased_overrides(options.overrides, args.out);
  write_file_atomically(
      args.out, batch::fitted_yaml(result, written, extends_text(args.input.scenario, args.out),
                                   fs::path(args.records).filename().string()));
  if (!args.json.empty()) write_file_atomically(args.json, batch::fit_json(result, options));
  print_values(result);
  std::cout << "calibrate: " << result.observed.cases << " cases (" << result.window_text
            << "), distance " << format_rounded(result.distance_start) << " -> "
            << format_rounded(result.distance) << "; wrote " << args.out << "\n";
  if (!args.report.empty() || !args.holdout.empty()) {
    batch::FitReport report;
    report.result = &result;
    report.records = &set.records;
    report.options = &options;
    report.records_name = fs::path(args.records).filename().string();
    if (!args.holdout.empty()) {
      report.holdout =
          batch::holdout_forecast(set.records, options, result, end, args.holdout_change);
      std::cout << batch::holdout_text(report.holdout);
    }
    if (!args.report.empty()) {
      write_file_atomically(args.report, batch::fit_report_html(report));
      std::cout << "calibrate: fit report -> " << args.report << "\n";
    }
  }
  return 0;
}

}  // namespace

void add_calibrate_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<CalibrateArgs>();
  auto* c = app.add_subcommand("calibrate", "fit a scenario to a district's case records");
  c->add_option("SCENARIO", args->input.scenario,
                "the district's scenario (file or shipped name) to start from")
      ->required();
  c->add_option("--set", args->input.overrides, "override one scenario key before fitting")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
  c->add_option("--records", args->records, "CSV of case records (docs/RECORDS.md)")
      ->type_name("FILE")
      ->required();
  c->add_option("--out", args->out, "the fitted scenario to write (YAML)")
      ->type_name("FILE")
      ->required();
  c->add_option("--report", args->report, "also write a fit report (self-contained HTML)")
      ->type_name("FILE");
  c->add_option("--json", args->json, "also write the fit as JSON (keys, intervals, statistics)")
      ->type_name("FILE");
  c->add_option("--fit", args->fit,
                "a key to fit (repeat it); default: the rates, day-off rhythms, handling times, "
                "escalation and three routing and success coefficients")
      ->type_name("KEY")
      ->allow_extra_args(false);
  c->add_option("--from", args->from, "the first day of records to fit (default: the first)")
      ->type_name("DATE");
  c->add_option("--to", args->to, "the last day of records to fit (default: the last)")
      ->type_name("DATE");
  c->add_option("--holdout", args->holdout,
                "fit on the records before this date and forecast the rest against them")
      ->type_name("DATE");
  c->add_option("--holdout-change", args->holdout_change,
                "a design change (governance KEY=VALUE, repeatable) in force from the holdout "
                "date: the holdout is also forecast with it")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
  c->add_option("--replications", args->replications,
                "simulated districts per evaluation, on common seeds (default 4)")
      ->type_name("R");
  c->add_option("--max-evals", args->max_evaluations,
                "evaluations of the moments stage (default 120)")
      ->type_name("N");
  c->add_option("--bootstrap", args->bootstrap, "resamples for the intervals (default 200)")
      ->type_name("B");
  c->add_option("--seed", args->seed, "seed of the simulations and the bootstrap (default 1)")
      ->type_name("S");
  c->add_option("--jobs", args->jobs, "parallel simulations; 0 = every core")->type_name("J");
  c->add_option("--categories", args->categories,
                "CSV of CATEGORY,DOMAIN lines mapping the file's categories to the six domains")
      ->type_name("FILE");
  c->add_option("--utc-offset", args->utc_offset,
                "the records' time zone, for times without one (default +08:00)")
      ->type_name("+HH:MM");
  c->add_flag("--skip-bad-rows", args->skip_bad_rows,
              "skip rows that cannot be read and count them by reason, instead of stopping");
  c->add_flag("--overwrite", args->overwrite, "replace an existing --out, --report or --json file");
  c->add_flag("--quiet", args->quiet, "no progress lines on stderr");
  c->footer(
      "Fits the scenario's keys so that its simulated records match the district's: a ratio step "
      "for the rates and rhythms, then the simulated method of moments (NLopt BOBYQA), with 95 % "
      "intervals and the keys the records do not identify named.\n"
      "Example: govsim synth baseline --days 200 --out records.csv && govsim calibrate baseline "
      "--records records.csv --out fitted.yaml --report fit.html");
  c->callback([args, &exit_code] { exit_code = calibrate_command(*args); });
}

}  // namespace govsim
