#include "indexer/progress.h"

#include <unistd.h>

#include <cstdio>

namespace dateline {

Progress::Progress(std::size_t total_files)
    : enabled_(isatty(STDERR_FILENO) != 0 && total_files > 0),
      total_(total_files),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() {
  if (drawn_) std::fputs("\r\x1b[K", stderr);  // leave the terminal clean
}

void Progress::update(std::size_t files_done, std::size_t articles_done) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(200) && files_done < total_) return;
  last_draw_ = now;
  drawn_ = true;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(articles_done) / seconds : 0;
  const double files_per_second = seconds > 0 ? static_cast<double>(files_done) / seconds : 0;
  const long left =
      files_per_second > 0
          ? static_cast<long>(static_cast<double>(total_ - files_done) / files_per_second)
          : 0;
  constexpr int kWidth = 24;
  const int filled = static_cast<int>(kWidth * files_done / total_);
  std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu files  %.0f articles/s  %ld:%02ld left\x1b[K", filled,
               "########################", kWidth - filled, "", files_done, total_, rate, left / 60,
               left % 60);
  std::fflush(stderr);
}

}  // namespace dateline
