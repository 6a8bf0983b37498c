// Helpers for end-to-end tests of searching shards over Xapian's remote
// backend on loopback: a real xapian-tcpsrv run as a child process, and a fake
// shard server that misbehaves on purpose (truncated reply, silence, a proxy
// that can be cut as if the server died).
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tests/cli_runner.h"

namespace dateline::testing {

inline constexpr const char* kXapianTcpSrv = "/usr/bin/xapian-tcpsrv";

// "127.0.0.1:PORT".
std::string loopback_address(int port);

// Whether something accepts a TCP connection on 127.0.0.1:port right now.
bool can_connect(int port);

// xapian-tcpsrv serving database folders read-only on 127.0.0.1, with its
// output in files of its own temporary folder. The destructor stops it.
class XapianTcpServer {
 public:
  // Serves `db_paths` (one or more). start() tries `first_port` first, or a
  // free port picked by the system when 0.
  explicit XapianTcpServer(std::vector<std::string> db_paths, int first_port = 0);
  explicit XapianTcpServer(const std::string& db_path, int first_port = 0)
      : XapianTcpServer(std::vector<std::string>{db_path}, first_port) {}
  ~XapianTcpServer();
  XapianTcpServer(const XapianTcpServer&) = delete;
  XapianTcpServer& operator=(const XapianTcpServer&) = delete;

  // Whether the server binary is installed; tests skip when it is not.
  static bool available();

  // Starts the server and returns once it accepts connections. Tries port()
  // first (so a restart after stop() serves on the same port); if that port
  // is taken, retries on free ones. Throws std::runtime_error, with the
  // server's error output, if it does not come up.
  void start();
  // SIGTERM, and SIGKILL if it is still there after about 5 s, to the server
  // and the processes it forked for connections; returns once all are gone.
  // Does nothing if not running.
  void stop();
  // SIGKILL instead: a crashed shard. Returns once all are gone.
  void kill_hard();
  // Whether it was started and has not exited since.
  bool running();

  // The port it serves on, once started (before: `first_port`).
  int port() const { return port_; }
  std::string address() const { return loopback_address(port_); }
  // What the server printed so far (a line per connection on stdout).
  std::string output() const;
  std::string errors() const;

 private:
  // Starts a server on `port` under a reaper process (see the .cc file).
  void spawn(int port);
  // True when no server process is left: never started, stopped, or exited
  // by itself (then how it ended is recorded).
  bool has_exited();
  // Sends `signal` to the server and the connection processes it forked.
  void signal_group(int signal) const;
  // Waits until every server process is gone and records how it ended.
  void reap();

  std::vector<std::string> db_paths_;
  int port_ = 0;
  // The reaper process, our child; it exits once every server process is
  // gone. -1 when none.
  int reaper_pid_ = -1;
  // xapian-tcpsrv's process id, which is also its process group's.
  int server_pid_ = -1;
  std::string exit_description_;
  TempDir logs_;
};

// A loopback TCP listener on a free port whose background thread plays a
// broken shard server. Everything is set up by the constructor; the
// destructor closes every connection and joins the thread.
class FakeRemoteServer {
 public:
  enum class Mode {
    // Each connection gets the first bytes of a server greeting, then is
    // closed: a truncated reply.
    kTruncate,
    // Connections are accepted and held open, but nothing is ever written: a
    // client waiting for the greeting times out.
    kSilent,
    // Bytes are forwarded both ways to a real server at `upstream_address`,
    // until cut().
    kProxy,
  };

  // The first bytes of xapian-tcpsrv 1.4's greeting (an update reply of 44
  // bytes, protocol 39), which kTruncate sends.
  static const std::string kTruncatedGreeting;

  // `upstream_address` ("127.0.0.1:PORT") is needed for kProxy only.
  explicit FakeRemoteServer(Mode mode, const std::string& upstream_address = "");
  ~FakeRemoteServer();
  FakeRemoteServer(const FakeRemoteServer&) = delete;
  FakeRemoteServer& operator=(const FakeRemoteServer&) = delete;

  int port() const { return port_; }
  std::string address() const { return loopback_address(port_); }
  // Connections accepted so far.
  int connections() const { return connections_.load(); }
  // Closes every open connection and, from then on, each new one as soon as
  // it is accepted: the server died. Returns once that is done.
  void cut();

 private:
  // The thread: accepts connections and plays the mode until destroyed.
  void serve();
  // Wakes the thread to look at stopping_ and cut_requested_.
  void wake();

  const Mode mode_;
  int upstream_port_ = 0;
  int port_ = 0;
  int listen_fd_ = -1;
  // Self-pipe that wakes the thread's poll() for cut() and the destructor.
  int wake_read_ = -1;
  int wake_write_ = -1;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  std::mutex cut_mutex_;
  std::condition_variable cut_done_;
  bool cut_requested_ = false;  // guarded by cut_mutex_
  bool cut_applied_ = false;    // guarded by cut_mutex_
  std::thread thread_;
};

}  // namespace dateline::testing
