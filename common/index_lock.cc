#include "common/index_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace dateline {
namespace {

constexpr std::chrono::milliseconds kPollInterval{50};

std::string read_holder(int fd) {
  char buf[512];
  const ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
  if (n <= 0) return "another indexer";
  std::string s(buf, static_cast<size_t>(n));
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s.empty() ? "another indexer" : s;
}

}  // namespace

IndexLock::IndexLock(const std::filesystem::path& index_root, std::chrono::milliseconds timeout,
                     const std::string& holder) {
  std::filesystem::create_directories(index_root);
  const std::string path = (index_root / "dateline.lock").string();
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  // Polling, not a blocking flock(), so the wait has a deadline; the lock is
  // taken the moment it is free within one poll interval.
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      const int err = errno;
      ::close(fd_);
      throw std::runtime_error("cannot lock " + path + ": " + std::strerror(err));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      const std::string who = read_holder(fd_);
      ::close(fd_);
      throw LockTimeout("index " + index_root.string() + " is locked by " + who);
    }
    std::this_thread::sleep_for(kPollInterval);
  }
  const std::string line = holder + "\n";
  if (::ftruncate(fd_, 0) == 0) {
    [[maybe_unused]] const ssize_t written = ::pwrite(fd_, line.data(), line.size(), 0);
  }
}

IndexLock::~IndexLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the flock
}

}  // namespace dateline
