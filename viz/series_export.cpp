#include "viz/series_export.hpp"

#include <exception>
#include <filesystem>
#include <vector>

#include "output/atomic_file.hpp"
#include "output/csv_writer.hpp"

namespace govsim::viz {

std::string export_series(const Snapshot& snap, const std::string& path) {
  if (snap.lanes.empty()) return "nothing to export yet";
  if (path.empty()) return "export: give a file name";
  std::string written;
  try {
    for (std::size_t l = 0; l < snap.lanes.size(); ++l) {
      const SeriesView& series = snap.lanes[l].series;
      std::vector<DayMetrics> rows;
      rows.reserve(series.size());
      for (std::size_t d = 0; d < series.size(); ++d) rows.push_back(series[d]);
      std::filesystem::path out(path);
      if (l > 0) out.replace_filename(out.stem().string() + "-b" + out.extension().string());
      write_file_atomically(out.string(), to_csv(rows));
      written += (written.empty() ? "" : ", ") + out.string();
    }
  } catch (const std::exception& e) {
    return std::string("export failed: ") + e.what();
  }
  return "wrote " + written;
}

}  // namespace govsim::viz
