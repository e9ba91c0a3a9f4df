// Fuzz target: the scenario loader, with `extends`, `--set` overrides and city tables, then the
// city that `govsim check` would accept (built, never simulated).
//
// The input is split at lines "#==" into up to five parts, each written to a scratch folder:
//   0  main.yaml       the scenario loaded
//   1  parent.yaml     for `extends: parent.yaml` (it may extend main.yaml, or a shipped one)
//   2  overrides       one `--set key=value` per line (at most kMaxOverrides)
//   3  city.csv        for `city.table: city.csv`
//   4  city.geojson    for `city.table: city.geojson`
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "model/city.hpp"
#include "scenarios/loader.hpp"
#include "tests/fuzz/fuzz_common.hpp"

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSeparator = "\n#==\n";
constexpr std::size_t kMaxOverrides = 8;
constexpr std::int64_t kMaxGridsToBuild = 20'000;  // keeps one run short

const char* const kFiles[] = {"main.yaml", "parent.yaml", "", "city.csv", "city.geojson"};
constexpr std::size_t kParts = sizeof kFiles / sizeof kFiles[0];

// Made once per process and removed at exit. Never destroyed, so the exit handler can use it.
const fs::path& scratch_dir() {
  static const fs::path* const dir = [] {
    std::string pattern = (fs::temp_directory_path() / "govsim-fuzz-XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::abort();
    return new fs::path(pattern);
  }();
  static const bool cleanup = std::atexit([] {
                                std::error_code ignored;
                                fs::remove_all(*dir, ignored);
                              }) == 0;
  (void)cleanup;
  return *dir;
}

std::vector<std::string_view> split(std::string_view text) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < kParts) {
    const std::size_t at = text.find(kSeparator);
    if (at == std::string_view::npos) break;
    parts.push_back(text.substr(0, at));
    text.remove_prefix(at + kSeparator.size());
  }
  parts.push_back(text);
  parts.resize(kParts);
  return parts;
}

void write_file(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) std::abort();
}

std::vector<std::string> override_lines(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty() && lines.size() < kMaxOverrides) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    if (!line.empty()) lines.emplace_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fs::path& dir = scratch_dir();
  const std::vector<std::string_view> parts =
      split(std::string_view(reinterpret_cast<const char*>(data), size));
  for (std::size_t i = 0; i < kParts; ++i) {
    if (*kFiles[i]) write_file(dir / kFiles[i], parts[i]);
  }
  const std::vector<std::string> overrides = override_lines(parts[2]);

  govsim::fuzz::expect_input_error_only([&] {
    const govsim::Scenario s = govsim::load_scenario((dir / "main.yaml").string(), overrides);
    const std::int64_t grids = s.grid_table.empty()
                                   ? std::max({s.city.grids, s.city.communities, s.city.streets})
                                   : static_cast<std::int64_t>(s.grid_table.size());
    if (grids > kMaxGridsToBuild) return;
    const govsim::City city = govsim::build_city(s);
    const std::int64_t expected =
        s.grid_table.empty() ? s.city.grids : static_cast<std::int64_t>(s.grid_table.size());
    if (static_cast<std::int64_t>(city.grids) != expected) std::abort();
  });
  return 0;
}
