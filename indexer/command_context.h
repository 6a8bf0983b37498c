// What every indexer command gets from the command line: where the index
// is, how long to wait for its lock, and how talkative to be.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace dateline {

struct CommandContext {
  std::filesystem::path index;    // the index folder
  std::filesystem::path archive;  // the archive `index` is a shard of, when it is one
  std::chrono::milliseconds lock_timeout;
  bool verbose = false;
  std::string command_line;  // for the lock holder's description
};

// "pid 123 (indexer sync /data) since 2026-11-26T15:02:03Z"
std::string lock_holder_description(const CommandContext& context);

// Exit statuses, documented in docs/operations.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitRejected = 1;  // some input rejected, or check found problems
inline constexpr int kExitError = 2;     // usage or fatal error
inline constexpr int kExitLocked = 75;   // EX_TEMPFAIL: the index is locked by another indexer
inline constexpr int kExitInterruptedBase = 128;  // + the signal: stopped by SIGINT/SIGTERM

}  // namespace dateline
