#include "output/platform.hpp"

#include <sys/utsname.h>

#include <ctime>

#ifndef GOVSIM_BUILD_TYPE
#define GOVSIM_BUILD_TYPE ""
#endif

namespace govsim {

PlatformInfo current_platform() {
  PlatformInfo info;
  utsname name{};
  if (::uname(&name) == 0) {
    info.os = name.sysname;
    info.os_release = name.release;
    info.arch = name.machine;
  }
#if defined(__clang__)
  info.compiler = std::string("clang ") + __clang_version__;
#elif defined(__GNUC__)
  info.compiler = std::string("gcc ") + __VERSION__;
#else
  info.compiler = "unknown";
#endif
  info.build_type = GOVSIM_BUILD_TYPE;
  return info;
}

std::string iso8601_utc(std::chrono::system_clock::time_point t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm utc{};
  ::gmtime_r(&seconds, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

}  // namespace govsim
