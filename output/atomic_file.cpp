#include "output/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace govsim {
namespace {

[[noreturn]] void fail(int error, const std::string& what) {
  throw std::system_error(error, std::generic_category(), what);
}

void write_all(int fd, std::string_view content, const std::string& temp) {
  while (!content.empty()) {
    const ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(errno, "cannot write " + temp);
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
}

// The temporary files being written right now, for the signal handler: fixed buffers and atomic
// flags, since a handler may only call async-signal-safe functions (unlink, _exit).
constexpr int kSlots = 16;
constexpr std::size_t kPathBytes = 4096;
char g_temp_paths[kSlots][kPathBytes];
std::atomic<bool> g_temp_used[kSlots];

int register_temp(const std::string& path) {
  if (path.size() >= kPathBytes) return -1;
  for (int i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (g_temp_used[i].compare_exchange_strong(expected, true)) {
      std::memcpy(g_temp_paths[i], path.c_str(), path.size() + 1);
      return i;
    }
  }
  return -1;  // more than kSlots at once: this one is only cleaned by the next run
}

// Closes and removes the temporary file unless released, so that every failure path cleans up.
struct TempFile {
  std::string path;
  int fd = -1;
  bool keep = false;
  int slot = -1;
  ~TempFile() {
    if (fd >= 0) ::close(fd);
    if (!keep) ::unlink(path.c_str());
    if (slot >= 0) g_temp_used[slot] = false;
  }
};

// ".NAME.tmp-PID" files of processes that no longer run: left by a kill -9 or a power cut.
void remove_stale_temps(const std::filesystem::path& target) {
  const std::string prefix = "." + target.filename().string() + ".tmp-";
  std::error_code error;
  const std::filesystem::path folder =
      target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string pid_text = name.substr(prefix.size());
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos ||
        pid_text.size() > 9)
      continue;
    const auto pid = static_cast<pid_t>(std::stol(pid_text));
    if (pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH)
      std::filesystem::remove(entry.path(), error);
  }
}

}  // namespace

void remove_temp_files_for_signal() {
  for (int i = 0; i < kSlots; ++i)
    if (g_temp_used[i]) ::unlink(g_temp_paths[i]);
}

void write_file_atomically(const std::string& path, std::string_view content) {
  const std::filesystem::path target(path);
  // The pid keeps two concurrent runs writing into one directory from sharing a temporary file.
  TempFile temp;
  // Appending (not "." + name) sidesteps a false -Wrestrict in GCC 12's inlined operator+.
  std::string name = ".";
  name += target.filename().string();
  name += ".tmp-";
  name += std::to_string(::getpid());
  temp.path = (target.parent_path() / name).string();
  remove_stale_temps(target);
  temp.slot = register_temp(temp.path);
  temp.fd = ::open(temp.path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (temp.fd < 0) fail(errno, "cannot create " + temp.path);
  write_all(temp.fd, content, temp.path);
  // Without fsync a crash soon after the rename can leave an empty file under the final name.
  if (::fsync(temp.fd) != 0) fail(errno, "cannot flush " + temp.path);
  const int fd = temp.fd;
  temp.fd = -1;
  if (::close(fd) != 0) fail(errno, "cannot close " + temp.path);
  if (std::rename(temp.path.c_str(), path.c_str()) != 0) fail(errno, "cannot rename to " + path);
  temp.keep = true;
}

}  // namespace govsim
