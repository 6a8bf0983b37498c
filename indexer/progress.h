// A progress line on stderr, for people watching a long run at a terminal:
// files done, articles per second and time left.  Silent when stderr is not
// a terminal (cron, pipes, tests).
#pragma once

#include <chrono>
#include <cstddef>

namespace dateline {

class Progress {
 public:
  explicit Progress(std::size_t total_files);
  ~Progress();
  void update(std::size_t files_done, std::size_t articles_done);

 private:
  bool enabled_;
  std::size_t total_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;
};

}  // namespace dateline
