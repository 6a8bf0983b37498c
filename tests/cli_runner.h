// Helpers for the end-to-end tests: run a built binary and capture what it
// prints, and temporary folders that clean up after themselves.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace dateline::testing {

struct CliResult {
  int status = -1;  // exit status; -1 when killed by a signal
  std::string out;
  std::string err;
};

// Runs `binary args...` with the environment plus `env` (NAME, VALUE pairs;
// an empty VALUE unsets NAME), waits for it and returns what it printed.
CliResult run_cli(const std::string& binary, const std::vector<std::string>& args,
                  const std::vector<std::pair<std::string, std::string>>& env = {});

// Starts `binary args...` without waiting, its output to the given files.
// Returns the process id.
int spawn_cli(const std::string& binary, const std::vector<std::string>& args,
              const std::string& stdout_path, const std::string& stderr_path);
// Waits for a spawned process; its exit status, or -1 when killed by a signal.
int wait_cli(int pid);

CliResult run_indexer(const std::vector<std::string>& args,
                      const std::vector<std::pair<std::string, std::string>>& env = {});
CliResult run_searcher(const std::vector<std::string>& args,
                       const std::vector<std::pair<std::string, std::string>>& env = {});

// The lines of `s`, without empty ones.
std::vector<std::string> lines(const std::string& s);

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }
  // Writes `content` to path()/name, creating folders; returns the full path.
  std::string write(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

std::string corpus_dir();

}  // namespace dateline::testing
