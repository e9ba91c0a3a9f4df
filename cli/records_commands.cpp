// `govsim synth` (the model's cases as case records) and `govsim records` (a records file read,
// checked and summarised: what a calibration would start from). docs/RECORDS.md.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include "cli/commands.hpp"
#include "cli/scenario_input.hpp"
#include "engine/errors.hpp"
#include "engine/executor.hpp"
#include "engine/histogram.hpp"
#include "engine/input_text.hpp"
#include "experiments/synth_records.hpp"
#include "model/case.hpp"
#include "output/atomic_file.hpp"
#include "output/output_paths.hpp"

namespace govsim {
namespace {

struct SynthArgs {
  ScenarioArgs input;
  std::string out;
  std::string days, seed;
  int threads = 0;
  std::string start;  // the records' first day; "" = the scenario's, after its warm-up
  std::string utc_offset = "+08:00";
  bool overwrite = false;
};

struct RecordsArgs {
  std::string file;
  std::string categories;
  std::string utc_offset = "+08:00";
  bool skip_bad_rows = false;
};

int synth_command(const SynthArgs& args) {
  check_command_paths({{"--out", args.out, PathRole::OutputFile}});
  if (!args.overwrite && std::filesystem::exists(args.out))
    throw InputError("--out: '" + args.out + "' exists; add --overwrite to replace it");
  const int offset = parse_utc_offset(args.utc_offset);
  ScenarioArgs input = args.input;
  shorten_warmup_to_fit(args.input, args.days, false, input);
  if (!args.days.empty()) input.overrides.push_back("run.days=" + args.days);
  if (!args.seed.empty()) input.overrides.push_back("run.seed=" + args.seed);
  Scenario scenario = load_input(input);
  constexpr LocalMinutes kMinutesPerDay = 1440;
  const LocalMinutes warmup = scenario.run.warmup_days * kMinutesPerDay;
  // The records start after the warm-up, as a district's do (its system has been running for
  // years): --start dates their first day, and the run starts the warm-up's days before it, so
  // that weekdays and holidays fall where the calendar puts them.
  if (!args.start.empty()) {
    const std::optional<LocalMinutes> first = parse_local_time(args.start, offset);
    if (!first || *first % kMinutesPerDay != 0)
      throw InputError("--start: '" + args.start + "' is not a date; write it as 2025-01-01");
    input.overrides.push_back("run.start_date=" + local_date_text(*first - warmup));
    scenario = load_input(input);
  }
  const std::optional<LocalMinutes> day0 = parse_local_time(scenario.run.start_date, offset);
  if (!day0) throw InputError("run.start_date: '" + scenario.run.start_date + "' is not a date");
  auto executor = make_tbb_executor(args.threads);
  const std::vector<CaseRecord> records =
      batch::synthesize_records(scenario, *executor, *day0, {}, *day0 + warmup);
  write_file_atomically(args.out, case_records_csv(records, offset));
  std::int64_t open = 0;
  for (const CaseRecord& r : records) open += r.outcome == "open" ? 1 : 0;
  std::cout << "synth: " << records.size() << " case records of " << scenario.name << " ("
            << scenario.run.days - scenario.run.warmup_days << " days from "
            << local_date_text(*day0 + warmup) << " after a " << scenario.run.warmup_days
            << "-day warm-up, seed " << scenario.run.seed << "; " << open
            << " still open at the end) -> " << args.out << "\n";
  return 0;
}

std::string percent(double part, double whole) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f %%", 100.0 * part / whole);
  return buf;
}

std::string hours(double h) {
  if (!std::isfinite(h)) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f h", h);
  return buf;
}

int records_command(const RecordsArgs& args) {
  check_command_paths({{"FILE", args.file, PathRole::Input}});
  if (!args.categories.empty())
    check_command_paths({{"--categories", args.categories, PathRole::Input}});
  RecordOptions options;
  options.utc_offset_minutes = parse_utc_offset(args.utc_offset);
  options.skip_bad_rows = args.skip_bad_rows;
  options.categories = args.categories;
  const RecordSet set = read_case_records_file(args.file, options);
  LocalMinutes first = set.records.front().received, last = first;
  std::map<int, std::int64_t> by_domain;
  std::map<std::string, std::int64_t> by_street;
  MinuteHistogram response, closure;  // exact to the minute, as the records are
  std::int64_t open = 0, handed = 0;
  for (const CaseRecord& r : set.records) {
    first = std::min(first, r.received);
    last = std::max(last, r.received);
    ++by_domain[r.domain];
    ++by_street[r.street.empty() ? "(no street)" : r.street];
    if (r.first_response) response.add(double(*r.first_response - r.received) / 60.0);
    if (r.closed) closure.add(double(*r.closed - r.received) / 60.0);
    open += r.outcome == "open" ? 1 : 0;
    handed += r.handoffs.empty() ? 0 : 1;
  }
  const double n = double(set.records.size());
  std::cout << "records: " << set.records.size() << " cases in " << args.file << ", received "
            << format_local_time(first, options.utc_offset_minutes) << " to "
            << format_local_time(last, options.utc_offset_minutes) << "\n";
  if (set.encoding != "UTF-8") std::cout << "  read as " << set.encoding << "\n";
  std::cout << "  by domain:";
  for (const auto& [d, k] : by_domain)
    std::cout << " " << kDomainNames[static_cast<std::size_t>(d)] << " " << k << " ("
              << percent(double(k), n) << ")";
  std::cout << "\n  streets: " << by_street.size() << "; open at the end: " << open
            << "; handed on at least once: " << handed << " (" << percent(double(handed), n)
            << ")\n";
  std::cout << "  first response: median " << hours(response.quantile(0.5)) << ", p90 "
            << hours(response.quantile(0.9)) << " (" << response.count() << " cases with one)\n";
  std::cout << "  closure: median " << hours(closure.quantile(0.5)) << ", p90 "
            << hours(closure.quantile(0.9)) << " (" << closure.count()
            << " closed; the open ones are censored, so these understate the true times)\n";
  if (!set.skipped.empty()) {
    std::int64_t skipped = 0;
    for (const auto& [reason, k] : set.skipped) skipped += k;
    std::cout << "  skipped " << skipped << " rows (--skip-bad-rows):\n";
    for (const auto& [reason, k] : set.skipped)
      std::cout << "    " << k << " " << reason << " (first at line "
                << set.first_skipped_line.at(reason) << ")\n";
  }
  return 0;
}

}  // namespace

int parse_utc_offset(const std::string& text) {
  const std::optional<LocalMinutes> t = parse_local_time("2025-01-01T00:00" + text, 0);
  const std::optional<LocalMinutes> day = local_midnight(2025, 1, 1);
  if (!t || !day || (text.empty() || (text[0] != '+' && text[0] != '-')))
    throw InputError("--utc-offset: '" + text +
                     "' is not an offset from UTC; write it as +08:00 (China) or -05:00");
  return static_cast<int>(*day - *t);
}

void add_records_commands(CLI::App& app, int& exit_code) {
  auto synth = std::make_shared<SynthArgs>();
  auto* s = app.add_subcommand("synth", "write the model's cases as case records (CSV)");
  s->add_option("SCENARIO", synth->input.scenario, "scenario file (.yaml) or shipped name")
      ->required();
  s->add_option("--set", synth->input.overrides, "override one scenario key")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
  s->add_option("--out", synth->out, "the records file to write")->type_name("FILE")->required();
  s->add_option("--days", synth->days, "days to simulate (same as --set run.days=N)")
      ->type_name("N");
  s->add_option("--seed", synth->seed, "master random seed")->type_name("S");
  s->add_option("--threads", synth->threads, "worker threads; 0 = every core")->type_name("T");
  s->add_option("--start", synth->start,
                "the date of the records' first day, after the warm-up (default: the scenario's "
                "run.start_date plus run.warmup_days)")
      ->type_name("DATE");
  s->add_option("--utc-offset", synth->utc_offset, "the records' time zone (default +08:00)")
      ->type_name("+HH:MM");
  s->add_flag("--overwrite", synth->overwrite, "replace an existing --out file");
  s->footer(
      "One row per reported case, in the format of docs/RECORDS.md.\n"
      "Example: govsim synth baseline --days 120 --out records.csv");
  s->callback([synth, &exit_code] { exit_code = synth_command(*synth); });

  auto records = std::make_shared<RecordsArgs>();
  auto* r = app.add_subcommand("records", "read a case-records file, check it and summarise it");
  r->add_option("FILE", records->file, "CSV of case records (docs/RECORDS.md)")->required();
  r->add_option("--categories", records->categories,
                "CSV of CATEGORY,DOMAIN lines mapping the file's categories to the six domains")
      ->type_name("FILE");
  r->add_option("--utc-offset", records->utc_offset,
                "the records' time zone, for times without one (default +08:00)")
      ->type_name("+HH:MM");
  r->add_flag("--skip-bad-rows", records->skip_bad_rows,
              "skip rows that cannot be read and count them by reason, instead of stopping");
  r->callback([records, &exit_code] { exit_code = records_command(*records); });
}

}  // namespace govsim
