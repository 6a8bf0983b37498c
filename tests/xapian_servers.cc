// The loopback shard servers of xapian_servers.h: xapian-tcpsrv run under a
// reaper process, and a poll() loop thread for the fake servers.
#include "tests/xapian_servers.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace dateline::testing {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr auto kStartDeadline = 10s;
constexpr auto kStopGrace = 5s;
// Pause between two looks at a server that is starting or stopping.
constexpr auto kPollPause = 20ms;
constexpr int kStartAttempts = 5;
constexpr int kConnectTimeoutMs = 1000;
// xapian-tcpsrv 1.4 prints the first once it has bound its port, and the
// second (on stderr, before exiting) when the port is taken.
constexpr const char* kListeningLine = "Listening...";
constexpr const char* kPortTakenText = "already in use";

// A proxy stops reading from one side while this much is waiting to be
// written to the other.
constexpr size_t kMaxPending = 1 << 20;
constexpr short kReadable = POLLIN | POLLHUP | POLLERR;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::runtime_error errno_error(const std::string& what) {
  return std::runtime_error(what + ": " + std::strerror(errno));
}

void close_fd(int& fd) {
  if (fd >= 0) close(fd);
  fd = -1;
}

sockaddr_in loopback(int port) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return addr;
}

// A loopback socket bound to a port the system picked, and that port.
int bind_loopback(int& port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) throw errno_error("socket");
  sockaddr_in addr = loopback(0);
  socklen_t len = sizeof addr;
  if (bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    const std::runtime_error error = errno_error("bind to 127.0.0.1");
    close(fd);
    throw error;
  }
  port = ntohs(addr.sin_port);
  return fd;
}

// A port that was free a moment ago: the server binds it after we let go.
int pick_free_port() {
  int port = 0;
  int fd = bind_loopback(port);
  close_fd(fd);
  return port;
}

// A non-blocking socket connected to 127.0.0.1:port, or -1.
int connect_loopback(int port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) return -1;
  const sockaddr_in addr = loopback(port);
  if (connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0) return fd;
  if (errno == EINPROGRESS) {
    pollfd p{fd, POLLOUT, 0};
    int error = 0;
    socklen_t len = sizeof error;
    if (poll(&p, 1, kConnectTimeoutMs) == 1 &&
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len) == 0 && error == 0) {
      return fd;
    }
  }
  close_fd(fd);
  return -1;
}

// The port of "127.0.0.1:PORT"; the fake servers only talk to loopback.
int parse_loopback_port(const std::string& address) {
  const std::string prefix = "127.0.0.1:";
  if (address.rfind(prefix, 0) == 0 && address.size() > prefix.size() &&
      address.size() <= prefix.size() + 5 &&
      address.find_first_not_of("0123456789", prefix.size()) == std::string::npos) {
    const int port = std::stoi(address.substr(prefix.size()));
    if (port > 0 && port < 65536) return port;
  }
  throw std::invalid_argument("not a 127.0.0.1:PORT address: '" + address + "'");
}

}  // namespace

std::string loopback_address(int port) { return "127.0.0.1:" + std::to_string(port); }

bool can_connect(int port) {
  int fd = connect_loopback(port);
  const bool connected = fd >= 0;
  close_fd(fd);
  return connected;
}

// ---- XapianTcpServer ----

XapianTcpServer::XapianTcpServer(std::vector<std::string> db_paths, int first_port)
    : db_paths_(std::move(db_paths)), port_(first_port) {
  if (db_paths_.empty()) throw std::invalid_argument("XapianTcpServer needs a database");
}

XapianTcpServer::~XapianTcpServer() { stop(); }

bool XapianTcpServer::available() { return access(kXapianTcpSrv, X_OK) == 0; }

// The server runs under a reaper: a forked copy of this process that forks
// xapian-tcpsrv, becomes the parent of the processes xapian-tcpsrv forks for
// connections once it has died (PR_SET_CHILD_SUBREAPER), reaps them all and
// then exits with the server's status. So waiting for the reaper waits for
// every server process, and none is left a zombie for init to collect. The
// server gets a process group of its own, which the reaper is not in, so a
// signal to the group reaches the server and its connection processes only.
void XapianTcpServer::spawn(int port) {
  std::vector<std::string> args{kXapianTcpSrv, "--interface", "127.0.0.1", "--port",
                                std::to_string(port)};
  args.insert(args.end(), db_paths_.begin(), db_paths_.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string out_path = logs_ / "stdout";
  const std::string err_path = logs_ / "stderr";
  const pid_t test_pid = getpid();
  // The reaper reports the server's process id through this pipe.
  int report[2];
  if (pipe2(report, O_CLOEXEC) != 0) throw errno_error("pipe2");

  // fork/exec rather than posix_spawn, for PR_SET_PDEATHSIG.
  const pid_t reaper = fork();
  if (reaper < 0) {
    const std::runtime_error error = errno_error("fork");
    close(report[0]);
    close(report[1]);
    throw error;
  }
  if (reaper == 0) {
    // Only async-signal-safe calls from here: the test binary may have
    // threads. A crashed test binary leaves no server behind: the reaper is
    // killed, and the server with it. The signal comes when the forking
    // thread ends, so start servers from a test's main thread.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != test_pid) _exit(127);  // it died before prctl()
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    const int in = open("/dev/null", O_RDONLY);
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0 || dup2(in, STDIN_FILENO) < 0 ||
        dup2(out, STDOUT_FILENO) < 0 || dup2(err, STDERR_FILENO) < 0 || dup2(report[1], 3) < 0) {
      _exit(127);
    }
    // The server must not hold the test's sockets open (a client connection
    // it kept alive would hide a closed one).
    if (close_range(4, ~0U, 0) != 0) {
      for (int fd = 4; fd < 1024; ++fd) close(fd);
    }
    const pid_t reaper_pid = getpid();
    const pid_t server = fork();
    if (server == 0) {
      setpgid(0, 0);
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (getppid() != reaper_pid) _exit(127);
      close(3);
      // Default signal handling, as from a shell: an ignored signal would stay
      // ignored across exec, and Xapian's remote backend ignores SIGPIPE in
      // the test binary once it has opened a remote database.
      struct sigaction default_action {};
      default_action.sa_handler = SIG_DFL;
      for (const int signal : {SIGPIPE, SIGTERM, SIGINT, SIGHUP}) {
        sigaction(signal, &default_action, nullptr);
      }
      sigset_t none;
      sigemptyset(&none);
      sigprocmask(SIG_SETMASK, &none, nullptr);
      execv(argv[0], argv.data());
      static const char kExecFailed[] = "cannot execute xapian-tcpsrv\n";
      if (write(STDERR_FILENO, kExecFailed, sizeof kExecFailed - 1) < 0) _exit(127);
      _exit(127);
    }
    // Also from this side, so the group exists before the test signals it.
    if (server > 0) setpgid(server, server);
    if (write(3, &server, sizeof server) != sizeof server || server < 0) _exit(127);
    close(3);
    int server_status = 0;
    for (;;) {
      int status = 0;
      const pid_t reaped = wait(&status);
      if (reaped == server) server_status = status;
      if (reaped < 0 && errno != EINTR) break;  // ECHILD: all gone
    }
    _exit(WIFEXITED(server_status) ? WEXITSTATUS(server_status) : 128 + WTERMSIG(server_status));
  }

  close(report[1]);
  pid_t server = -1;
  ssize_t got;
  while ((got = read(report[0], &server, sizeof server)) < 0 && errno == EINTR) {
  }
  close(report[0]);
  reaper_pid_ = reaper;
  if (got != sizeof server || server <= 0) {
    reap();
    throw std::runtime_error("could not start xapian-tcpsrv: " + errors());
  }
  server_pid_ = server;
}

void XapianTcpServer::start() {
  if (running()) return;
  std::string port_taken_errors;
  for (int attempt = 0; attempt < kStartAttempts; ++attempt) {
    const int port = attempt == 0 && port_ != 0 ? port_ : pick_free_port();
    spawn(port);
    const auto deadline = Clock::now() + kStartDeadline;
    while (!has_exited()) {
      // Someone who took the port meanwhile would accept our connection too;
      // the server's line saying it listens tells that the listener is ours.
      if (output().find(kListeningLine) != std::string::npos && can_connect(port)) {
        port_ = port;
        return;
      }
      if (Clock::now() > deadline) {
        kill_hard();
        throw std::runtime_error("xapian-tcpsrv did not accept connections on " +
                                 loopback_address(port) + " within 10 s: " + errors());
      }
      std::this_thread::sleep_for(kPollPause);
    }
    const std::string error = errors();
    if (error.find(kPortTakenText) == std::string::npos) {
      throw std::runtime_error("xapian-tcpsrv " + exit_description_ + ": " + error);
    }
    port_taken_errors += error + "\n";
  }
  throw std::runtime_error("xapian-tcpsrv found no free port in " + std::to_string(kStartAttempts) +
                           " tries:\n" + port_taken_errors);
}

void XapianTcpServer::stop() {
  if (has_exited()) return;
  signal_group(SIGTERM);
  const auto deadline = Clock::now() + kStopGrace;
  while (!has_exited()) {
    if (Clock::now() > deadline) {
      kill_hard();
      return;
    }
    std::this_thread::sleep_for(kPollPause);
  }
}

void XapianTcpServer::kill_hard() {
  if (reaper_pid_ <= 0) return;
  signal_group(SIGKILL);
  reap();
}

bool XapianTcpServer::running() { return !has_exited(); }

bool XapianTcpServer::has_exited() {
  if (reaper_pid_ <= 0) return true;
  siginfo_t info{};
  int rc;
  while ((rc = waitid(P_PID, static_cast<id_t>(reaper_pid_), &info, WEXITED | WNOHANG | WNOWAIT)) !=
             0 &&
         errno == EINTR) {
  }
  if (rc == 0 && info.si_pid == 0) {
    if (kill(server_pid_, 0) == 0) return false;
    // The server died by itself, maybe leaving connection processes that
    // still serve; a dead shard serves nothing.
    signal_group(SIGKILL);
  }
  reap();
  return true;
}

void XapianTcpServer::signal_group(int signal) const {
  if (server_pid_ > 0) kill(-server_pid_, signal);
}

void XapianTcpServer::reap() {
  int status = 0;
  pid_t rc;
  while ((rc = waitpid(reaper_pid_, &status, 0)) < 0 && errno == EINTR) {
  }
  if (rc < 0) {
    exit_description_ = std::string("could not be waited for: ") + std::strerror(errno);
  } else if (WIFEXITED(status) && WEXITSTATUS(status) > 128) {
    exit_description_ = "was killed by signal " + std::to_string(WEXITSTATUS(status) - 128);
  } else if (WIFEXITED(status)) {
    exit_description_ = "exited with status " + std::to_string(WEXITSTATUS(status));
  } else {
    exit_description_ = "was killed with its reaper by signal " + std::to_string(WTERMSIG(status));
  }
  reaper_pid_ = -1;
  server_pid_ = -1;
}

std::string XapianTcpServer::output() const { return slurp(logs_.path() / "stdout"); }

std::string XapianTcpServer::errors() const { return slurp(logs_.path() / "stderr"); }

// ---- FakeRemoteServer ----

const std::string FakeRemoteServer::kTruncatedGreeting{"\x00\x2c\x27", 3};

FakeRemoteServer::FakeRemoteServer(Mode mode, const std::string& upstream_address) : mode_(mode) {
  if (mode_ == Mode::kProxy) upstream_port_ = parse_loopback_port(upstream_address);
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC | O_NONBLOCK) != 0) throw errno_error("pipe2");
  wake_read_ = pipe_fds[0];
  wake_write_ = pipe_fds[1];
  try {
    listen_fd_ = bind_loopback(port_);
    if (listen(listen_fd_, 64) != 0) throw errno_error("listen");
    thread_ = std::thread(&FakeRemoteServer::serve, this);
  } catch (...) {
    close_fd(listen_fd_);
    close_fd(wake_read_);
    close_fd(wake_write_);
    throw;
  }
}

FakeRemoteServer::~FakeRemoteServer() {
  stopping_.store(true);
  wake();
  thread_.join();
  close_fd(listen_fd_);
  close_fd(wake_read_);
  close_fd(wake_write_);
}

void FakeRemoteServer::wake() {
  const char byte = 1;
  // A full pipe already holds a wake-up: EAGAIN is fine.
  while (write(wake_write_, &byte, 1) < 0 && errno == EINTR) {
  }
}

void FakeRemoteServer::cut() {
  std::unique_lock lock(cut_mutex_);
  cut_requested_ = true;
  wake();
  cut_done_.wait(lock, [this] { return cut_applied_; });
}

namespace {

// One client connection of a fake server (and, for a proxy, its connection
// to the real server).
struct Connection {
  int client = -1;
  int upstream = -1;
  std::string to_client;    // from the real server, not yet written to the client
  std::string to_upstream;  // from the client, not yet written to the real server
};

void close_connection(Connection& c) {
  close_fd(c.client);
  close_fd(c.upstream);
}

// Reads what `fd` has into `sink` (nullptr: dropped). False at end of input
// or on an error.
bool receive(int fd, std::string* sink) {
  char buffer[65536];
  for (;;) {
    const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n > 0) {
      if (sink != nullptr) sink->append(buffer, static_cast<size_t>(n));
      return true;
    }
    if (n == 0) return false;
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK;
  }
}

// Writes as much of `pending` to `fd` as it takes now. False on an error.
bool send_pending(int fd, std::string& pending) {
  while (!pending.empty()) {
    const ssize_t n = send(fd, pending.data(), pending.size(), MSG_NOSIGNAL);
    if (n > 0) {
      pending.erase(0, static_cast<size_t>(n));
    } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
      return true;
    } else if (errno != EINTR) {
      return false;
    }
  }
  return true;
}

}  // namespace

void FakeRemoteServer::serve() {
  std::vector<Connection> connections;
  bool cut = false;
  std::vector<pollfd> fds;
  while (!stopping_.load()) {
    // Slot 0 the wake-up pipe, 1 the listener, then two per connection.
    fds.clear();
    fds.push_back({wake_read_, POLLIN, 0});
    fds.push_back({listen_fd_, POLLIN, 0});
    for (const Connection& c : connections) {
      const short client_in = c.to_upstream.size() < kMaxPending ? POLLIN : 0;
      const short upstream_in = c.to_client.size() < kMaxPending ? POLLIN : 0;
      fds.push_back(
          {c.client, static_cast<short>(client_in | (c.to_client.empty() ? 0 : POLLOUT)), 0});
      // A negative fd is skipped by poll().
      fds.push_back(
          {c.upstream, static_cast<short>(upstream_in | (c.to_upstream.empty() ? 0 : POLLOUT)), 0});
    }
    if (poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      std::perror("FakeRemoteServer: poll");
      std::abort();
    }

    if (fds[0].revents != 0) {
      char drain[64];
      while (read(wake_read_, drain, sizeof drain) > 0) {
      }
    }

    for (size_t i = 0; i < connections.size(); ++i) {
      Connection& c = connections[i];
      const pollfd& client = fds[2 + 2 * i];
      const pollfd& upstream = fds[3 + 2 * i];
      const bool proxy = c.upstream >= 0;
      bool open = true;
      if ((client.revents & kReadable) != 0) {
        open = receive(c.client, proxy ? &c.to_upstream : nullptr);
      }
      if (proxy && (upstream.revents & kReadable) != 0) {
        open = receive(c.upstream, &c.to_client) && open;
      }
      // Passes on what arrived, even from a side that has just closed.
      bool sent = send_pending(c.client, c.to_client);
      if (proxy) sent = send_pending(c.upstream, c.to_upstream) && sent;
      // One side ending ends both: the real server's handler then exits.
      if (!open || !sent) close_connection(c);
    }
    std::erase_if(connections, [](const Connection& c) { return c.client < 0; });

    if ((fds[1].revents & POLLIN) != 0) {
      for (;;) {
        int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
          if (errno == EINTR || errno == ECONNABORTED) continue;
          break;  // EAGAIN: no more waiting
        }
        connections_.fetch_add(1);
        if (cut) {
          close_fd(fd);
        } else if (mode_ == Mode::kTruncate) {
          // Best effort: a fresh socket always has room for 3 bytes.
          if (send(fd, kTruncatedGreeting.data(), kTruncatedGreeting.size(), MSG_NOSIGNAL) < 0) {
          }
          close_fd(fd);
        } else if (mode_ == Mode::kSilent) {
          connections.push_back(Connection{fd, -1, {}, {}});
        } else {
          const int upstream = connect_loopback(upstream_port_);
          if (upstream < 0) {
            close_fd(fd);  // the real server is down: so is the proxy
          } else {
            connections.push_back(Connection{fd, upstream, {}, {}});
          }
        }
      }
    }

    std::lock_guard lock(cut_mutex_);
    if (cut_requested_ && !cut) {
      cut = true;
      for (Connection& c : connections) close_connection(c);
      connections.clear();
      cut_applied_ = true;
      cut_done_.notify_all();
    }
  }

  for (Connection& c : connections) close_connection(c);
  // A cut() that raced with the destructor must not wait forever.
  std::lock_guard lock(cut_mutex_);
  cut_applied_ = true;
  cut_done_.notify_all();
}

}  // namespace dateline::testing
