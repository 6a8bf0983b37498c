// The writers' lock on an index: one indexer at a time writes.  A second one
// waits up to a timeout, then gives up with a message naming the holder.
// The lock is flock(2) on INDEX/dateline.lock, so the kernel releases it
// when its holder dies, even by kill -9: a crash never leaves a stale lock.
// (Xapian's own lock inside each generation is never touched.)
#pragma once

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace dateline {

// Thrown when the lock could not be had in time; what() names the holder.
class LockTimeout : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class IndexLock {
 public:
  // Blocks until the lock is held or `timeout` passes (then throws
  // LockTimeout).  `holder` describes this process for others' messages.
  IndexLock(const std::filesystem::path& index_root, std::chrono::milliseconds timeout,
            const std::string& holder);
  ~IndexLock();
  IndexLock(const IndexLock&) = delete;
  IndexLock& operator=(const IndexLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace dateline
