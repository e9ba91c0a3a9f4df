// Where and when a run happened, for the manifest: results can differ between builds (compiler,
// build type), so a manifest records them beside the scenario.
#pragma once

#include <chrono>
#include <string>

namespace govsim {

struct PlatformInfo {
  std::string os;          // uname sysname, e.g. "Linux"
  std::string os_release;  // kernel release
  std::string arch;        // e.g. "x86_64"
  std::string compiler;    // e.g. "gcc 12.2.0"
  std::string build_type;  // CMake configuration, e.g. "Release"
};

PlatformInfo current_platform();

// "2024-05-01T08:30:00Z"
std::string iso8601_utc(std::chrono::system_clock::time_point t);

}  // namespace govsim
