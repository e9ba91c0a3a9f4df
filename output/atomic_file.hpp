// Writes a whole file so that readers see either the old file, the complete new one, or none:
// the content goes to a temporary file in the same directory (same file system), is flushed to
// disk, and is renamed over the target. A run that is killed never leaves a half-written file.
#pragma once

#include <string>
#include <string_view>

namespace govsim {

// Throws std::system_error naming the path if the file cannot be written; the temporary file is
// removed on failure.
// Before it writes, it removes the temporary files of the same target left by processes that no
// longer run (a kill -9 or a power cut can leave an 8 MB ".checkpoint.bin.tmp-PID").
void write_file_atomically(const std::string& path, std::string_view content);

// Unlinks the temporary files being written at this moment. Async-signal-safe: for a SIGINT or
// SIGTERM handler, which then ends the process (install_interrupt_handlers in cli/).
void remove_temp_files_for_signal();

}  // namespace govsim
