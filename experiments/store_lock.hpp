// One writer per results database: an experiment holds an exclusive lock on "<db>.lock" from
// the moment it opens the store until it ends, so a second writer, or an --overwrite of the same
// file, is refused at once instead of interleaving with it or deleting its runs. The lock is
// flock(2)'s: the kernel drops it when the process ends, however it ends, so a killed experiment
// never leaves a stale lock behind (the empty lock file stays, and is reused). Readers (report,
// export) take no lock: SQLite's WAL lets them read while a writer commits.
#pragma once

#include <string>

namespace govsim::batch {

class StoreLock {
 public:
  // Throws InputError naming the database when another process holds its lock.
  explicit StoreLock(const std::string& db_path);
  ~StoreLock();
  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace govsim::batch
