// Tests of the loopback shard servers in xapian_servers.h, through Xapian's
// remote backend: real xapian-tcpsrv shards searched as one database, a
// killed or stopped shard, and the fake servers' truncated reply, silence and
// cut connection. The error each failure gives is recorded as a property in
// the XML report (--gtest_output=xml).
#include "tests/xapian_servers.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <set>
#include <stdexcept>
#include <string>

namespace dateline::testing {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr unsigned kTimeoutMs = 2000;
constexpr unsigned kConnectTimeoutMs = 2000;
// Far above what any failure here takes; only there to catch a hang.
constexpr auto kPromptly = 10s;

#define SKIP_WITHOUT_XAPIAN_TCPSRV()                                                    \
  if (!XapianTcpServer::available()) {                                                  \
    GTEST_SKIP() << kXapianTcpSrv << " is not installed (Debian package xapian-tools)"; \
  }

// A glass database of `docs` documents, each with `term` and some data.
std::string build_shard(const TempDir& dir, const std::string& name, int docs,
                        const std::string& term) {
  const std::string path = dir / name;
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  for (int i = 0; i < docs; ++i) {
    Xapian::Document doc;
    doc.add_term(term);
    doc.set_data(name + " document " + std::to_string(i));
    db.add_document(doc);
  }
  db.commit();
  return path;
}

Xapian::Database open_remote(int port, unsigned timeout_ms = kTimeoutMs) {
  return Xapian::Remote::open("127.0.0.1", port, timeout_ms, kConnectTimeoutMs);
}

// The data of every document matching `term`.
std::multiset<std::string> search(const Xapian::Database& db, const std::string& term) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(term));
  std::multiset<std::string> found;
  for (const Xapian::docid id : enquire.get_mset(0, 100))
    found.insert(db.get_document(id).get_data());
  return found;
}

// Runs `f`, which must throw `Expected`; records the error under `property`
// and returns how long `f` took.
template <typename Expected, typename F>
Clock::duration expect_xapian_error(const std::string& property, F&& f) {
  const auto start = Clock::now();
  try {
    f();
    ADD_FAILURE() << property << ": no exception";
  } catch (const Expected& e) {
    ::testing::Test::RecordProperty(property, e.get_description());
  } catch (const Xapian::Error& e) {
    ADD_FAILURE() << property << ": another kind of error: " << e.get_description();
  }
  return Clock::now() - start;
}

TEST(XapianServers, TwoShardsSearchAsOneUntilOneIsKilled) {
  SKIP_WITHOUT_XAPIAN_TCPSRV();
  TempDir dir;
  XapianTcpServer first(build_shard(dir, "first", 3, "zebra"));
  XapianTcpServer second(build_shard(dir, "second", 2, "zebra"));
  first.start();
  second.start();
  EXPECT_TRUE(first.running());
  EXPECT_NE(first.port(), second.port());
  EXPECT_EQ(second.address(), "127.0.0.1:" + std::to_string(second.port()));

  Xapian::Database shards = open_remote(first.port());
  shards.add_database(open_remote(second.port()));
  EXPECT_EQ(shards.get_doccount(), 5u);
  EXPECT_EQ(search(shards, "zebra"),
            (std::multiset<std::string>{"first document 0", "first document 1", "first document 2",
                                        "second document 0", "second document 1"}));

  second.kill_hard();
  EXPECT_FALSE(second.running());
  // Xapian 1.4.22: NetworkError "write failed (Broken pipe)": the killed
  // shard's end was closed before the query was sent. ("read failed
  // (Connection reset by peer)" when the reset comes later; a NetworkError
  // either way.)
  const auto took = expect_xapian_error<Xapian::NetworkError>("killed_shard_error",
                                                              [&] { search(shards, "zebra"); });
  EXPECT_LT(took, kPromptly);
  EXPECT_TRUE(first.running());
}

TEST(XapianServers, OneServerServesSeveralDatabasesAsOne) {
  SKIP_WITHOUT_XAPIAN_TCPSRV();
  TempDir dir;
  XapianTcpServer server(
      {build_shard(dir, "first", 3, "zebra"), build_shard(dir, "second", 4, "zebra")});
  server.start();
  EXPECT_EQ(search(open_remote(server.port()), "zebra").size(), 7u);
}

TEST(XapianServers, StoppedServerRefusesConnections) {
  SKIP_WITHOUT_XAPIAN_TCPSRV();
  TempDir dir;
  XapianTcpServer server(build_shard(dir, "shard", 1, "zebra"));
  server.start();
  EXPECT_TRUE(can_connect(server.port()));
  server.stop();
  EXPECT_FALSE(server.running());
  EXPECT_FALSE(can_connect(server.port()));
  expect_xapian_error<Xapian::NetworkError>("stopped_server_error",
                                            [&] { open_remote(server.port()); });
  server.stop();  // a second stop does nothing
}

TEST(XapianServers, RestartServesOnTheSamePort) {
  SKIP_WITHOUT_XAPIAN_TCPSRV();
  TempDir dir;
  XapianTcpServer server(build_shard(dir, "shard", 2, "zebra"));
  server.start();
  const int port = server.port();
  EXPECT_EQ(open_remote(port).get_doccount(), 2u);
  server.stop();
  server.start();
  EXPECT_EQ(server.port(), port);
  EXPECT_EQ(open_remote(port).get_doccount(), 2u);
}

TEST(XapianServers, TakenPortMovesToAnother) {
  SKIP_WITHOUT_XAPIAN_TCPSRV();
  TempDir dir;
  // Someone else listens on the port tried first, and accepts connections:
  // the server must not be taken as ready because a connect() succeeds.
  FakeRemoteServer squatter(FakeRemoteServer::Mode::kSilent);
  XapianTcpServer server(build_shard(dir, "shard", 2, "zebra"), squatter.port());
  server.start();
  EXPECT_NE(server.port(), squatter.port());
  EXPECT_EQ(open_remote(server.port()).get_doccount(), 2u);
}

TEST(XapianServers, MissingDatabaseFailsToStartWithTheServersMessage) {
  SKIP_WITHOUT_XAPIAN_TCPSRV();
  TempDir dir;
  XapianTcpServer server(dir / "missing");
  try {
    server.start();
    ADD_FAILURE() << "started on a missing database";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("DatabaseNotFoundError"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(server.running());
}

TEST(XapianServers, TruncatedGreetingFailsToOpen) {
  FakeRemoteServer fake(FakeRemoteServer::Mode::kTruncate);
  // Xapian 1.4.22: NetworkError "Connection closed unexpectedly".
  const auto took = expect_xapian_error<Xapian::NetworkError>("truncated_reply_error",
                                                              [&] { open_remote(fake.port()); });
  EXPECT_LT(took, kPromptly);
  EXPECT_GE(fake.connections(), 1);
}

TEST(XapianServers, SilentServerTimesOut) {
  FakeRemoteServer fake(FakeRemoteServer::Mode::kSilent);
  // Xapian 1.4.22: NetworkTimeoutError "Timeout expired while trying to read".
  const auto took = expect_xapian_error<Xapian::NetworkTimeoutError>(
      "silent_server_error", [&] { Xapian::Remote::open("127.0.0.1", fake.port(), 300, 300); });
  EXPECT_LT(took, kPromptly);
  EXPECT_GE(fake.connections(), 1);
}

TEST(XapianServers, ProxyForwardsUntilCut) {
  SKIP_WITHOUT_XAPIAN_TCPSRV();
  TempDir dir;
  XapianTcpServer server(build_shard(dir, "shard", 3, "zebra"));
  server.start();
  FakeRemoteServer proxy(FakeRemoteServer::Mode::kProxy, server.address());

  Xapian::Database db = open_remote(proxy.port());
  EXPECT_EQ(db.get_doccount(), 3u);
  EXPECT_EQ(search(db, "zebra").size(), 3u);

  proxy.cut();
  // Xapian 1.4.22: NetworkError "write failed (Broken pipe)".
  const auto took =
      expect_xapian_error<Xapian::NetworkError>("cut_proxy_error", [&] { search(db, "zebra"); });
  EXPECT_LT(took, kPromptly);
  // Later connections are closed at once too ("Connection closed
  // unexpectedly"), while the real server is fine.
  expect_xapian_error<Xapian::NetworkError>("cut_proxy_open_error",
                                            [&] { open_remote(proxy.port()); });
  EXPECT_TRUE(server.running());
  EXPECT_EQ(open_remote(server.port()).get_doccount(), 3u);
}

TEST(XapianServers, ProxyNeedsALoopbackAddress) {
  EXPECT_THROW(FakeRemoteServer(FakeRemoteServer::Mode::kProxy), std::invalid_argument);
  EXPECT_THROW(FakeRemoteServer(FakeRemoteServer::Mode::kProxy, "example.com:80"),
               std::invalid_argument);
}

}  // namespace
}  // namespace dateline::testing
