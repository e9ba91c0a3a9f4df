#include "output/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
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

// Closes and removes the temporary file unless released, so that every failure path cleans up.
struct TempFile {
  std::string path;
  int fd = -1;
  bool keep = false;
  ~TempFile() {
    if (fd >= 0) ::close(fd);
    if (!keep) ::unlink(path.c_str());
  }
};

}  // namespace

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
