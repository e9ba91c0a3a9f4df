// What is at a path, in words for a message: input files, checkpoints and databases must be
// regular files, and an output may only replace one. A FIFO or a device has no end and no size,
// a directory is not a file, and a dangling symbolic link is not "a file that exists".
#pragma once

#include <filesystem>
#include <string>
#include <system_error>

namespace govsim {

enum class FileKind { Regular, Missing, Directory, Other };

struct PathKind {
  FileKind kind;
  std::string words;  // "" for a regular file, else e.g. "a FIFO (named pipe)", "no such file"
};

// Follows symbolic links; a link to nothing is "a symbolic link to nothing", a loop "a loop of
// symbolic links" (both Other: neither exists nor can be created through).
inline PathKind path_kind(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::file_status target = fs::status(path, error);
  if (error && error != std::errc::no_such_file_or_directory) {
    if (error == std::errc::too_many_symbolic_link_levels)
      return {FileKind::Other, "a loop of symbolic links"};
    if (error == std::errc::not_a_directory)
      return {FileKind::Other, "under a file that is not a folder"};
    return {FileKind::Other, "unreadable (" + error.message() + ")"};
  }
  switch (target.type()) {
    case fs::file_type::regular:
      return {FileKind::Regular, ""};
    case fs::file_type::directory:
      return {FileKind::Directory, "a directory"};
    case fs::file_type::fifo:
      return {FileKind::Other, "a FIFO (named pipe)"};
    case fs::file_type::character:
      return {FileKind::Other, "a character device"};
    case fs::file_type::block:
      return {FileKind::Other, "a block device"};
    case fs::file_type::socket:
      return {FileKind::Other, "a socket"};
    case fs::file_type::not_found:
      if (fs::is_symlink(fs::symlink_status(path, error)))
        return {FileKind::Other, "a symbolic link to nothing (dangling)"};
      return {FileKind::Missing, "no such file"};
    default:
      return {FileKind::Other, "not a regular file"};
  }
}

}  // namespace govsim
