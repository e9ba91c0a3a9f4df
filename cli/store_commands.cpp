// The commands that read results databases: export, report and merge.
#include <iostream>

#include "cli/batch_commands.hpp"
#include "experiments/export_csv.hpp"
#include "experiments/merge.hpp"
#include "experiments/report_html.hpp"
#include "experiments/store.hpp"

namespace govsim {

using namespace batch;

int export_command(const ExportArgs& args) {
  const Store store(args.db, StoreMode::Read);
  for (const std::string& file : export_csv(store, args.csv_dir)) std::cout << file << "\n";
  return 0;
}

int report_command(const ReportArgs& args) {
  const Store store(args.db, StoreMode::Read);
  ReportOptions options;
  if (!args.outcomes.empty()) options.outcomes = outcome_columns(args.outcomes, "--outcomes");
  options.surface_outcome = args.outcome;
  if (!args.outcome.empty()) outcome_column(args.outcome, "--outcome");
  write_report(store, options, args.out);
  std::cout << "report: " << args.out << "\n";
  return 0;
}

int merge_command(const MergeArgs& args) {
  const MergeReport report = merge_stores(args.out, args.inputs, args.overwrite);
  std::cout << "merged " << args.inputs.size() << " databases into " << args.out << ": "
            << report.runs << " runs";
  if (report.duplicates > 0) std::cout << " (" << report.duplicates << " found twice, identical)";
  std::cout << "\n";
  for (const std::string& s : report.missing_shards) {
    std::cerr << "govsim: warning: shard " << s << " is not among the inputs\n";
  }
  return 0;
}

}  // namespace govsim
