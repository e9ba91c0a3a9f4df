// `govsim report`: one self-contained HTML page from a results store. Styles and charts are
// inline (SVG), there is no script and no link to anything outside the file, so it opens from a
// USB stick or an e-mail attachment: the comparison table, bar charts of the summaries with
// intervals, time series per design with confidence bands, the response surface of a sweep,
// a seek's answer and path, the runs, and the manifest.
#pragma once

#include <string>
#include <vector>

#include "experiments/store.hpp"

namespace govsim::batch {

struct ReportOptions {
  std::vector<std::size_t> outcomes;  // summary columns; empty = the defaults
  std::string surface_outcome;        // for the response surface; "" = the first outcome
};

// The start of a report page, to <body>: the document's language, the title and the reports'
// inline style (shared by `govsim report` and the fit report of `govsim calibrate`).
std::string report_page_head(const std::string& title);

std::string render_report(const Store& store, const ReportOptions& options);
void write_report(const Store& store, const ReportOptions& options, const std::string& path);

}  // namespace govsim::batch
