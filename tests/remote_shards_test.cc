// End-to-end tests of searching shards served by xapian-tcpsrv: three
// servers on loopback, one per year of a test archive, searched through a
// stub of `remote` lines, must give exactly what one merged local index
// gives; a server that dies, truncates its reply or never answers is named,
// and --partial shows what the others found.  The tests start and stop their
// own servers (tests/xapian_servers.h) and leave nothing running.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "common/text_file.h"
#include "searcher/query_builder.h"
#include "searcher/search.h"
#include "searcher/shard_set.h"
#include "tests/archive_corpus.h"
#include "tests/cli_runner.h"
#include "tests/xapian_servers.h"

namespace dateline::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const std::vector<std::string> kYears = {"2013", "2014", "2015"};

// The archive's stub with each "auto shards/YEAR" line replaced by the line
// `line_for(YEAR)` (the annotations kept, as docs/sharding.md says to).
std::string stub_with(const std::string& archive_stub,
                      const std::function<std::string(const std::string&)>& line_for) {
  std::string out = archive_stub;
  for (const std::string& year : kYears) {
    const std::string local = "auto shards/" + year + "\n";
    const auto at = out.find(local);
    if (at != std::string::npos) out.replace(at, local.size(), line_for(year) + "\n");
  }
  return out;
}

class RemoteShards : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!XapianTcpServer::available()) return;
    tmp_ = std::make_unique<TempDir>();
    const std::string corpus = write_archive_corpus(*tmp_);
    archive_ = *tmp_ / "archive";
    merged_ = *tmp_ / "merged";
    ASSERT_EQ(run_indexer({"init", "--index", archive_}).status, 0);
    ASSERT_EQ(run_indexer({"add", "--index", archive_, corpus}).status, 0);
    ASSERT_EQ(run_indexer({"add", "--index", merged_, corpus}).status, 0);
  }
  static void TearDownTestSuite() { tmp_.reset(); }

  void SetUp() override {
    if (!XapianTcpServer::available()) {
      GTEST_SKIP() << kXapianTcpSrv << " is not installed (Debian package xapian-tools)";
    }
    for (const std::string& year : kYears) {
      servers_[year] = std::make_unique<XapianTcpServer>(shard(year));
      servers_[year]->start();
    }
    remote_stub_ = write_stub("remote.stub", [&](const std::string& year) {
      return "remote " + servers_[year]->address();
    });
  }

  static std::string shard(const std::string& year) {
    return (fs::path(archive_) / "shards" / year).string();
  }
  std::string write_stub(const std::string& name,
                         const std::function<std::string(const std::string&)>& line_for) {
    const std::string text = stub_with(read_text_file(fs::path(archive_) / "XAPIANDB"), line_for);
    return here_.write(name, text);
  }
  static CliResult search(const std::string& index, std::vector<std::string> args) {
    args.insert(args.begin(), {"--index", index});
    return run_searcher(args);
  }

  static std::unique_ptr<TempDir> tmp_;
  static std::string archive_, merged_;
  TempDir here_;
  std::map<std::string, std::unique_ptr<XapianTcpServer>> servers_;
  std::string remote_stub_;
};

std::unique_ptr<TempDir> RemoteShards::tmp_;
std::string RemoteShards::archive_;
std::string RemoteShards::merged_;

TEST_F(RemoteShards, ThreeServersGiveWhatOneMergedIndexGives) {
  const std::vector<std::vector<std::string>> queries = {
      {"--json", "talks"},
      {"--json", "ceasefire", "--sort", "newest"},
      {"--json", "talks", "--sort", "oldest", "-n", "3", "--offset", "2"},
      {"--json", "source:AFP OR source:AP"},
      {"--json", "talks", "--facets", "source,month,country"},
      {"--json", "harbour"},
      {"--json", "harbour", "--no-collapse"},
      {"--json", "fireworks", "--all-versions"},
      {"--json", "\"ceasefire talks\""},
      {"--count", "talks OR harbour"},
      {"talks"},
  };
  for (auto args : queries) {
    // Spelling data from the merged index: the servers serve none (tested
    // below), and a query with few hits looks for a suggestion.
    args.insert(args.begin(), {"--spelling-from", merged_});
    const CliResult remote = search(remote_stub_, args), merged = search(merged_, args);
    ASSERT_EQ(remote.status, 0) << args.back() << ": " << remote.err;
    EXPECT_EQ(remote.out, merged.out) << args.back();
    EXPECT_EQ(remote.err, "") << args.back();
    EXPECT_FALSE(remote.out.empty()) << args.back();
  }
  // A date-restricted search skips the shards outside its range, so BM25's
  // statistics are those of the shards searched and the scores differ from
  // the merged index's; the hits and their order here do not.
  const std::vector<std::string> in_2014 = {"--format",   "ids",     "talks",     "--since",
                                            "2014-01-01", "--until", "2014-12-31"};
  const CliResult remote_2014 = search(remote_stub_, in_2014);
  EXPECT_EQ(remote_2014.status, 0) << remote_2014.err;
  EXPECT_EQ(remote_2014.out, search(merged_, in_2014).out);
  EXPECT_EQ(lines(remote_2014.out).size(), 2u);
  // The harbour story, filed in 2013 and again in 2015, folds into one hit
  // across two servers.
  const CliResult folded = search(remote_stub_, {"--json", "harbour"});
  ASSERT_EQ(lines(folded.out).size(), 1u) << folded.out;
  EXPECT_EQ(Json::parse(lines(folded.out)[0])["duplicates"].size(), 1u);

  // --remote names the same shards without a stub.
  std::vector<std::string> by_flag = {"--json", "talks"};
  for (const std::string& year : kYears) {
    by_flag.insert(by_flag.begin(), {"--remote", servers_[year]->address()});
  }
  const CliResult flagged = run_searcher(by_flag);
  EXPECT_EQ(flagged.status, 0) << flagged.err;
  EXPECT_EQ(flagged.out, search(merged_, {"--json", "talks"}).out);
}

TEST_F(RemoteShards, AStoppedServerIsNamedAndPartialShowsWhatTheOthersFound) {
  ASSERT_EQ(search(remote_stub_, {"talks"}).status, 0);
  servers_["2014"]->kill_hard();
  const std::string dead = "shard 2014 (remote " + servers_["2014"]->address() + ") failed";

  const CliResult failed = search(remote_stub_, {"talks"});
  EXPECT_EQ(failed.status, 2);
  EXPECT_EQ(failed.out, "");
  EXPECT_NE(failed.err.find("searcher: " + dead), std::string::npos) << failed.err;
  EXPECT_NE(failed.err.find("--partial"), std::string::npos) << failed.err;

  // What the other two shards hold, searched locally.
  const std::string others =
      here_.write("others.stub", "auto " + shard("2013") + "\nauto " + shard("2015") + "\n");
  const CliResult expected = search(others, {"--format", "ids", "talks"});
  ASSERT_EQ(expected.status, 0) << expected.err;
  ASSERT_FALSE(expected.out.empty());

  const CliResult partial = search(remote_stub_, {"--partial", "--format", "ids", "talks"});
  EXPECT_EQ(partial.status, 3) << partial.err;
  EXPECT_EQ(partial.out, expected.out);
  EXPECT_NE(partial.err.find("warning: incomplete results: " + dead), std::string::npos)
      << partial.err;

  const CliResult text = search(remote_stub_, {"--partial", "talks"});
  EXPECT_EQ(text.status, 3);
  EXPECT_NE(text.out.find("(incomplete: 1 of 3 shards failed)"), std::string::npos) << text.out;

  const CliResult json = search(remote_stub_, {"--partial", "--json", "talks"});
  EXPECT_EQ(json.status, 3);
  const Json last = Json::parse(lines(json.out).back());
  EXPECT_EQ(last["incomplete"], true) << json.out;
  EXPECT_EQ(last["shards_searched"], 3);
  ASSERT_EQ(last["failed_shards"].size(), 1u);
  EXPECT_EQ(last["failed_shards"][0]["shard"], "2014 (remote " + servers_["2014"]->address() + ")");
  // docs/json-output.md lists exactly the fields of the incomplete line.
  const std::string doc = read_text_file(fs::path(DATELINE_SOURCE_DIR) / "docs" / "json-output.md");
  const auto section = doc.find("## The incomplete line");
  ASSERT_NE(section, std::string::npos);
  std::set<std::string> documented, printed;
  std::istringstream rows(doc.substr(section));
  for (std::string row; std::getline(rows, row);) {
    if (row.rfind("| `", 0) == 0) documented.insert(row.substr(3, row.find('`', 3) - 3));
  }
  for (const auto& [key, value] : last.items()) printed.insert(key);
  EXPECT_EQ(printed, documented);

  // Nothing found by the others is still "partial", not "nothing".
  const CliResult none = search(remote_stub_, {"--partial", "zzyzx"});
  EXPECT_EQ(none.status, 3);
  // A date range that does not need the dead shard never contacts it.
  const CliResult later =
      search(remote_stub_, {"--format", "ids", "talks", "--since", "2015-01-01"});
  EXPECT_EQ(later.status, 0) << later.err;
  EXPECT_EQ(later.err.find("failed"), std::string::npos) << later.err;
  EXPECT_FALSE(later.out.empty());
}

TEST_F(RemoteShards, TruncatedRepliesAndSilentServersAreNamed) {
  FakeRemoteServer truncating(FakeRemoteServer::Mode::kTruncate);
  FakeRemoteServer silent(FakeRemoteServer::Mode::kSilent);
  const std::string stub = write_stub("broken.stub", [&](const std::string& year) {
    if (year == "2014") return "remote " + truncating.address();
    if (year == "2015") return "remote " + silent.address();
    return "remote " + servers_[year]->address();
  });
  // Short enough to wait for the silent server, long enough for the real one
  // on a loaded machine.
  const std::vector<std::string> quick = {"--timeout", "2", "--connect-timeout", "2"};
  std::vector<std::string> args = quick;
  args.push_back("talks");
  const CliResult failed = search(stub, args);
  EXPECT_EQ(failed.status, 2);
  EXPECT_EQ(failed.out, "");
  EXPECT_NE(
      failed.err.find("shard 2014 (remote " + truncating.address() + ") failed: NetworkError"),
      std::string::npos)
      << failed.err;
  EXPECT_NE(
      failed.err.find("shard 2015 (remote " + silent.address() + ") failed: NetworkTimeoutError"),
      std::string::npos)
      << failed.err;

  args.insert(args.begin(), {"--partial", "--format", "ids"});
  const CliResult partial = search(stub, args);
  EXPECT_EQ(partial.status, 3) << partial.err;
  EXPECT_EQ(partial.out, search(shard("2013"), {"--format", "ids", "talks"}).out);
}

TEST_F(RemoteShards, AServerDyingBetweenOpenAndSearchIsFoundAndLeftOut) {
  FakeRemoteServer proxy(FakeRemoteServer::Mode::kProxy, servers_["2014"]->address());
  const std::string stub = write_stub("proxied.stub", [&](const std::string& year) {
    return "remote " + (year == "2014" ? proxy.address() : servers_[year]->address());
  });
  ShardOptions options;
  options.timeout = std::chrono::milliseconds(2000);
  ShardSet shards(stub, options);
  ASSERT_TRUE(shards.failures().empty());
  ASSERT_TRUE(shards.has_remote());
  SearchRequest request;
  request.query = "talks";
  request.remote_shards = true;
  const Xapian::Query query = build_query(request, shards.database()).query;
  const SearchResults all = run_search(shards.database(), query, request, true);
  ASSERT_GT(all.matches, 0u);

  proxy.cut();  // the 2014 server "dies" after the shards were opened
  try {
    run_search(shards.database(), query, request, true);
    ADD_FAILURE() << "a search over a dead shard succeeded";
  } catch (const Xapian::Error& e) {
    ASSERT_TRUE(shards.leave_out_failed(e)) << e.get_description();
  }
  ASSERT_EQ(shards.failures().size(), 1u);
  EXPECT_EQ(shards.failures()[0].label, "2014 (remote " + proxy.address() + ")");
  const SearchResults rest = run_search(shards.database(), query, request, true);
  const CliResult in_2014 = search(shard("2014"), {"--count", "talks"});
  EXPECT_EQ(rest.matches, all.matches - std::stoul(in_2014.out));
  // Asked again with every shard answering, nothing is dropped...
  EXPECT_FALSE(shards.leave_out_failed(Xapian::DatabaseModifiedError("reopen")));
  EXPECT_EQ(shards.failures().size(), 1u);
  // ...but a shard an error names (a read timed out) is, though it would
  // answer a new connection.
  EXPECT_TRUE(shards.leave_out_failed(Xapian::NetworkTimeoutError(
      "Timeout expired while trying to read", "remote:tcp(" + servers_["2015"]->address() + ")")));
  ASSERT_EQ(shards.failures().size(), 2u);
  EXPECT_EQ(shards.failures()[1].label, "2015 (remote " + servers_["2015"]->address() + ")");
  EXPECT_EQ(run_search(shards.database(), query, request, true).matches,
            std::stoul(search(shard("2013"), {"--count", "talks"}).out));
}

TEST_F(RemoteShards, SpellingComesFromALocalReplicaAndRecentIsExplained) {
  const CliResult alone = search(remote_stub_, {"ceasfire"});
  EXPECT_EQ(alone.status, 1);
  const std::string warning = "no spelling suggestions: remote shards do not serve spelling data";
  ASSERT_NE(alone.err.find(warning), std::string::npos) << alone.err;
  EXPECT_EQ(alone.err.find(warning), alone.err.rfind(warning)) << "said more than once";

  const CliResult replica = search(remote_stub_, {"ceasfire", "--spelling-from", merged_});
  const CliResult merged = search(merged_, {"ceasfire"});
  EXPECT_NE(merged.out.find("Did you mean: ceasefire?"), std::string::npos) << merged.out;
  EXPECT_EQ(replica.out, merged.out);
  EXPECT_EQ(replica.err, "");

  const CliResult recent = search(remote_stub_, {"talks", "--recent"});
  EXPECT_EQ(recent.status, 0);
  EXPECT_NE(recent.err.find("--recent is not available with remote shards"), std::string::npos)
      << recent.err;
}

}  // namespace
}  // namespace dateline::testing
