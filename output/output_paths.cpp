#include "output/output_paths.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <system_error>

#include "engine/errors.hpp"
#include "engine/file_kind.hpp"

namespace govsim {
namespace {

namespace fs = std::filesystem;

std::string named(const CommandPath& p) { return p.flag + " '" + p.path + "'"; }

// The nearest folder that exists above a path not yet there: where it would be created.
fs::path existing_folder(const fs::path& path) {
  fs::path folder = fs::absolute(path).parent_path();
  std::error_code error;
  while (!folder.empty() && !fs::exists(folder, error) && folder != folder.root_path())
    folder = folder.parent_path();
  return folder;
}

void check_writable_folder(const CommandPath& p, const fs::path& folder) {
  std::error_code error;
  if (!fs::is_directory(folder, error))
    throw InputError(named(p) + ": '" + folder.string() + "' is not a folder");
  if (::access(folder.c_str(), W_OK | X_OK) != 0)
    throw InputError(named(p) + ": cannot write into the folder '" + folder.string() +
                     "' (no permission, or a read-only file system)");
  // access() answers yes to root everywhere, even in /proc or on a read-only mount: a file made
  // and removed again is the only proof that the outputs can be written after the runs.
  std::string probe = (folder / ".govsim-write-check-XXXXXX").string();
  const int fd = ::mkstemp(probe.data());
  if (fd < 0) {
    const std::error_code why(errno, std::generic_category());
    throw InputError(named(p) + ": cannot write into the folder '" + folder.string() +
                     "': " + why.message());
  }
  ::close(fd);
  ::unlink(probe.c_str());
}

void check_one(const CommandPath& p) {
  if (p.path.empty()) throw InputError(p.flag + ": empty path; give a file name");
  const PathKind kind = path_kind(p.path);
  switch (p.role) {
    case PathRole::Input:
      if (kind.kind == FileKind::Regular) return;
      if (kind.kind == FileKind::Missing) throw InputError(named(p) + ": no such file");
      throw InputError(named(p) + ": it is " + kind.words + ", not a regular file");
    case PathRole::OutputDir:
      if (kind.kind == FileKind::Directory) {
        check_writable_folder(p, p.path);
        return;
      }
      if (kind.kind == FileKind::Missing) {
        check_writable_folder(p, existing_folder(p.path));
        return;
      }
      throw InputError(named(p) + ": it is " + kind.words + "; expected a folder (or none yet)");
    case PathRole::InputSelf:
    case PathRole::OutputFile:
      if (kind.kind == FileKind::Directory)
        throw InputError(named(p) + ": it is a directory; give a file name (e.g. inside it)");
      if (kind.kind == FileKind::Other)
        throw InputError(named(p) + ": it is " + kind.words +
                         "; only a regular file is written or replaced");
      if (kind.kind == FileKind::Regular && ::access(p.path.c_str(), W_OK) != 0)
        throw InputError(named(p) +
                         ": the file cannot be written (no permission, or a "
                         "read-only file system)");
      check_writable_folder(p, kind.kind == FileKind::Missing ? existing_folder(p.path)
                                                              : fs::absolute(p.path).parent_path());
      return;
  }
}

// Identity of a path: device and inode when it exists (hard links, symbolic links), else the
// absolute path with "." and ".." and the links of its folders resolved.
struct Identity {
  std::optional<std::pair<dev_t, ino_t>> inode;
  std::string path;
  bool operator==(const Identity& o) const {
    return inode && o.inode ? *inode == *o.inode : path == o.path;
  }
};

Identity identity_of(const std::string& path) {
  Identity id;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) id.inode = std::pair{st.st_dev, st.st_ino};
  std::error_code error;
  const fs::path resolved = fs::weakly_canonical(fs::absolute(path), error);
  id.path = (error ? fs::absolute(path).lexically_normal() : resolved).string();
  return id;
}

}  // namespace

void check_command_paths(const std::vector<CommandPath>& paths) {
  std::vector<Identity> ids;
  for (const CommandPath& p : paths) {
    check_one(p);
    ids.push_back(identity_of(p.path));
  }
  for (std::size_t i = 0; i < paths.size(); ++i)
    for (std::size_t j = 0; j < i; ++j) {
      const bool both_read = paths[i].role == PathRole::Input && paths[j].role == PathRole::Input;
      if (!both_read && ids[i] == ids[j])
        throw InputError(named(paths[i]) + " is the same file as " + named(paths[j]) +
                         "; give each output a file of its own, apart from the inputs");
    }
}

}  // namespace govsim
