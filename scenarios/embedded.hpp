// The shipped scenarios (scenarios/*.yaml), the data files they name (scenarios/cities/*.csv and
// *.geojson) and the classroom lessons (scenarios/lessons/*.yaml), compiled into the library by
// embed.cmake, so the CLI, the GUI and the tests need no install step and no path to the source
// tree.
#pragma once

#include <span>
#include <string_view>

namespace govsim {

struct EmbeddedFile {
  std::string_view path;  // relative to scenarios/, '/'-separated: "baseline.yaml"
  std::string_view text;
};

// Sorted by path. Defined in the generated embedded_files.cpp.
std::span<const EmbeddedFile> embedded_files();

inline const EmbeddedFile* find_embedded(std::string_view path) {
  for (const EmbeddedFile& file : embedded_files()) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

}  // namespace govsim
