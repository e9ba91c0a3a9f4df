// Writes a whole file so that readers see either the old file, the complete new one, or none:
// the content goes to a temporary file in the same directory (same file system), is flushed to
// disk, and is renamed over the target. A run that is killed never leaves a half-written file.
#pragma once

#include <string>
#include <string_view>

namespace govsim {

// Throws std::system_error naming the path if the file cannot be written; the temporary file is
// removed on failure.
void write_file_atomically(const std::string& path, std::string_view content);

}  // namespace govsim
