#include "viz/series_export.hpp"

#include <exception>
#include <filesystem>
#include <vector>

#include "engine/i18n.hpp"
#include "output/atomic_file.hpp"
#include "output/csv_writer.hpp"

namespace govsim::viz {

std::string export_series(const Snapshot& snap, const std::string& path) {
  if (snap.lanes.empty()) return i18n::tr("nothing to export yet");
  if (path.empty()) return i18n::tr("export: give a file name");
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
    return std::string(i18n::tr("export failed: ")) + e.what();
  }
  return i18n::tr("wrote ") + written;
}

}  // namespace govsim::viz
