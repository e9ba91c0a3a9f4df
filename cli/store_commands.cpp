// The commands that read results databases: export, report and merge.
#include <iostream>

#include "cli/batch_commands.hpp"
#include "experiments/export_csv.hpp"
#include "experiments/merge.hpp"
#include "experiments/report_html.hpp"
#include "experiments/store.hpp"
#include "output/output_paths.hpp"

namespace govsim {

using namespace batch;

namespace {

// Up to five run ids, then how many more.
std::string some_of(const std::vector<std::string>& keys) {
  std::string text;
  for (std::size_t i = 0; i < keys.size() && i < 5; ++i) text += (i ? ", " : "") + keys[i];
  if (keys.size() > 5) text += " and " + std::to_string(keys.size() - 5) + " more";
  return text;
}

// A store whose experiment was stopped, or a merge of some of its shards, is not the whole
// experiment: say so before anything is read from it.
void warn_if_incomplete(const Store& store) {
  const std::vector<std::string> missing = store.missing_runs();
  if (missing.empty()) return;
  std::cerr << "govsim: warning: '" << store.path() << "' is incomplete: " << missing.size()
            << " of " << store.planned().size() << " planned runs have no results ("
            << some_of(missing) << "); resume the experiment or merge the missing shards\n";
}

}  // namespace

int export_command(const ExportArgs& args) {
  check_command_paths(
      {{"DB", args.db, PathRole::Input}, {"--csv", args.csv_dir, PathRole::OutputDir}});
  const Store store(args.db, StoreMode::Read);
  warn_if_incomplete(store);
  for (const std::string& file : export_csv(store, args.csv_dir)) std::cout << file << "\n";
  return 0;
}

int report_command(const ReportArgs& args) {
  check_command_paths(
      {{"DB", args.db, PathRole::Input}, {"--out", args.out, PathRole::OutputFile}});
  const Store store(args.db, StoreMode::Read);
  warn_if_incomplete(store);
  ReportOptions options;
  if (!args.outcomes.empty()) options.outcomes = outcome_columns(args.outcomes, "--outcomes");
  options.surface_outcome = args.outcome;
  if (!args.outcome.empty()) outcome_column(args.outcome, "--outcome");
  write_report(store, options, args.out);
  std::cout << "report: " << args.out << "\n";
  return 0;
}

int merge_command(const MergeArgs& args) {
  std::vector<CommandPath> paths{{"OUT", args.out, PathRole::OutputFile}};
  for (const std::string& input : args.inputs) paths.push_back({"INPUTS", input, PathRole::Input});
  check_command_paths(paths);
  const MergeReport report = merge_stores(args.out, args.inputs, args.overwrite);
  std::cout << "merged " << args.inputs.size() << " databases into " << args.out << ": "
            << report.runs << " runs";
  if (report.duplicates > 0) std::cout << " (" << report.duplicates << " found twice, identical)";
  std::cout << "\n";
  for (const std::string& s : report.missing_shards) {
    std::cerr << "govsim: warning: shard " << s << " is not among the inputs\n";
  }
  if (!report.missing_runs.empty())
    std::cerr << "govsim: warning: the merged database is incomplete: "
              << report.missing_runs.size() << " planned runs have no results in any input ("
              << some_of(report.missing_runs) << ")\n";
  return 0;
}

}  // namespace govsim
