// The one place where a command's files are checked before any work: every output is a regular
// file or absent (never a device, a FIFO or a directory) in a folder that can be written, an
// output folder is a folder or absent, every input is a regular file, and no two of them are the
// same file after symbolic links, "./" and hard links are resolved. A command that would write
// its report over its own database, or a device, is refused with exit code 2 before it has run
// anything, rather than after an hour of runs.
#pragma once

#include <string>
#include <vector>

namespace govsim {

enum class PathRole {
  Input,       // read; must be a regular file
  InputSelf,   // read and written (a results database): a regular file, or absent
  OutputFile,  // written whole; a regular file or absent
  OutputDir,   // a folder files are written into; a folder or absent
};

struct CommandPath {
  std::string flag;  // how the user named it: "--report", "--db", "DB", "--out"
  std::string path;
  PathRole role;
};

// Throws InputError naming the flag, the path and what would be valid. Paths left empty by a
// flag that was not given are skipped only when `flag` is empty; an empty path for a named flag
// is refused ("--out: empty path").
void check_command_paths(const std::vector<CommandPath>& paths);

}  // namespace govsim
