// Fault tests of cron-driven re-indexing: `indexer sync` and `rebuild`
// killed at random moments, overlapping, racing a folder that changes, with
// searchers running throughout, and on a full disk.  After each, the index
// must open and agree with the folder article for article.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mount.h>
#include <xapian.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <thread>

#include "common/format_registry.h"
#include "common/index_lock.h"
#include "common/parser.h"
#include "tests/cli_runner.h"
#include "tests/stored_index.h"

namespace dateline::testing {
namespace {
namespace fs = std::filesystem;

// Waits (up to 30 s) until process `pid` catches `sig`, i.e. has installed
// its handler, as the SigCgt mask of /proc/PID/status says.  False when the
// process ended first.
bool wait_until_catching(int pid, int sig) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    bool alive = false;
    while (std::getline(status, line)) {
      if (line.rfind("State:", 0) == 0) alive = line.find("Z (zombie)") == std::string::npos;
      if (line.rfind("SigCgt:", 0) == 0 && alive) {
        const unsigned long long mask = std::stoull(line.substr(7), nullptr, 16);
        if (mask & (1ull << (sig - 1))) return true;
      }
    }
    if (!alive) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));  // polling interval
  }
  return false;
}

// A plain-text article; `n` makes it unique, `edition` changes its text.
std::string article_text(int n, int edition) {
  std::string text = "Story number " + std::to_string(n) + " edition " + std::to_string(edition) +
                     "\n\nGENEVA, Jan " + std::to_string(1 + n % 28) +
                     ", 2014 (Reuters) - Delegates discussed cocoa prices and shipping";
  for (int i = 0; i < 20 + n % 30; ++i) text += " and talks number " + std::to_string(i);
  return text + ".\n";
}

// A Reuters SGML file with `records` records starting at NEWID `first`.
std::string sgml_text(int first, int records, int edition) {
  std::string s = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n";
  for (int i = 0; i < records; ++i) {
    s += "<REUTERS NEWID=\"" + std::to_string(first + i) +
         "\"><DATE>26-FEB-1987 15:01:01.79</DATE>"
         "<TEXT><TITLE>RECORD " +
         std::to_string(first + i) + " EDITION " + std::to_string(edition) +
         "</TITLE><DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>"
         "Cocoa talks continued in record " +
         std::to_string(first + i) +
         ".\n Reuter\n</BODY>"
         "</TEXT></REUTERS>\n";
  }
  return s;
}

// The ids the folder's files hold, by the parsers themselves: the oracle.
std::multiset<std::string> folder_ids(const fs::path& folder) {
  std::multiset<std::string> ids;
  for (const auto& e : fs::recursive_directory_iterator(folder)) {
    if (!e.is_regular_file() || e.path().filename().string()[0] == '.') continue;
    std::ifstream in(e.path(), std::ios::binary);
    const std::string content((std::istreambuf_iterator<char>(in)), {});
    const std::string path = fs::canonical(e.path()).string();
    for (const Article& a : detect_parser(content).parse(content, path).articles) ids.insert(a.id);
  }
  return ids;
}

std::multiset<std::string> index_ids(const std::string& index) {
  std::multiset<std::string> ids;
  for (const Article& a : stored_articles(index)) ids.insert(a.id);
  return ids;
}

// The index opens, passes `indexer check`, and holds exactly the folder's
// articles: none lost, none doubled, none left from removed files.
void expect_agreement(const std::string& index, const fs::path& folder) {
  const CliResult check = run_indexer({"check", "--index", index});
  EXPECT_EQ(check.status, 0) << check.out << check.err;
  const auto expected = folder_ids(folder);
  const auto actual = index_ids(index);
  EXPECT_EQ(actual.size(), expected.size());
  EXPECT_TRUE(actual == expected) << "index and folder disagree";
}

class SyncFaults : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(corpus_);
    for (int n = 0; n < 120; ++n) write_article(n, 0);
    tmp_.write("corpus/sgml/batch-a.sgm", sgml_text(1000, 150, 0));
    tmp_.write("corpus/sgml/batch-b.sgm", sgml_text(2000, 150, 0));
  }
  void write_article(int n, int edition) {
    tmp_.write("corpus/d" + std::to_string(n % 7) + "/a" + std::to_string(n) + ".txt",
               article_text(n, edition));
  }
  CliResult sync(std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"sync", "--index", index_, corpus_.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_indexer(args);
  }
  // Adds, changes and removes a few files.
  void mutate(std::mt19937& rng, int round) {
    std::uniform_int_distribution<int> pick(0, 119);
    for (int i = 0; i < 5; ++i) write_article(pick(rng), round);
    for (int i = 0; i < 3; ++i) {
      const int n = pick(rng);
      fs::remove(corpus_ / ("d" + std::to_string(n % 7)) / ("a" + std::to_string(n) + ".txt"));
    }
    write_article(200 + round, 0);
    tmp_.write("corpus/sgml/batch-a.sgm", sgml_text(1000, 100 + round * 5, round));
  }

  TempDir tmp_;
  fs::path corpus_ = tmp_.path() / "corpus";
  std::string index_ = tmp_ / "index";
};

TEST_F(SyncFaults, SyncMirrorsTheFolderAndAnUnchangedFolderWritesNothing) {
  const CliResult first = sync({"--verbose"});
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_EQ(first.out, "") << "summaries go to stderr, and only with --verbose";
  EXPECT_NE(first.err.find("122 new"), std::string::npos) << first.err;
  expect_agreement(index_, corpus_);

  const auto revision = Xapian::Database(index_).get_revision();
  const CliResult quiet = sync();
  EXPECT_EQ(quiet.status, 0);
  EXPECT_EQ(quiet.out + quiet.err, "") << "silent on success";
  const CliResult again = sync({"--verbose"});
  EXPECT_NE(again.err.find("nothing to write"), std::string::npos) << again.err;
  EXPECT_EQ(Xapian::Database(index_).get_revision(), revision);

  // New, changed, removed, and touched-but-identical files.
  write_article(500, 0);
  write_article(3, 7);
  fs::remove(corpus_ / "d4" / "a4.txt");
  const fs::path touched = corpus_ / "d5" / "a5.txt";
  fs::last_write_time(touched, fs::last_write_time(touched) + std::chrono::hours(1));
  const CliResult changes = sync({"--verbose"});
  EXPECT_EQ(changes.status, 0) << changes.err;
  EXPECT_NE(changes.err.find("1 new, 1 changed, 1 removed"), std::string::npos) << changes.err;
  expect_agreement(index_, corpus_);
  // The touched file was settled by its hash; the next run writes nothing.
  const auto after = Xapian::Database(index_).get_revision();
  EXPECT_NE(sync({"--verbose"}).err.find("nothing to write"), std::string::npos);
  EXPECT_EQ(Xapian::Database(index_).get_revision(), after);
}

TEST_F(SyncFaults, KillNineAtRandomMomentsLosesAndDoublesNothing) {
  ASSERT_EQ(sync().status, 0);
  std::mt19937 rng(1987);
  std::uniform_int_distribution<int> delay_us(0, 120000);
  int killed_mid_run = 0;
  for (int round = 1; round <= 25; ++round) {
    mutate(rng, round);
    const int pid = spawn_cli(INDEXER_BIN, {"sync", "--index", index_, corpus_.string()},
                              tmp_ / "out", tmp_ / "err");
    // Fault injection: a random moment, not a wait for anything.
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
    kill(pid, SIGKILL);
    killed_mid_run += wait_cli(pid) == -1;
    // The index opens after any kill, and the next sync completes the job.
    EXPECT_NO_THROW(Xapian::Database(index_).get_doccount()) << "round " << round;
    const CliResult recover = sync();
    ASSERT_EQ(recover.status, 0) << "round " << round << ": " << recover.err;
    expect_agreement(index_, corpus_);
  }
  RecordProperty("killed_mid_run", killed_mid_run);
  EXPECT_GT(killed_mid_run, 0) << "no kill landed during a run; the test proved nothing";
}

TEST_F(SyncFaults, SigtermCommitsWhatIsDoneAndExitsCleanly) {
  for (int n = 120; n < 600; ++n) write_article(n, 0);
  const int pid = spawn_cli(INDEXER_BIN, {"sync", "--index", index_, corpus_.string()},
                            tmp_ / "out", tmp_ / "err");
  // Once the indexer handles SIGTERM (a slow start, e.g. under ASan on a
  // loaded machine, must not let the default action kill it), and some
  // work is under way: the fault injection moment.
  ASSERT_TRUE(wait_until_catching(pid, SIGTERM));
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  kill(pid, SIGTERM);
  const int status = wait_cli(pid);
  std::ifstream err_file(tmp_ / "err");
  const std::string err((std::istreambuf_iterator<char>(err_file)), {});
  if (status == 0) {
    GTEST_SKIP() << "the sync finished before SIGTERM arrived";
  }
  EXPECT_EQ(status, 128 + SIGTERM) << err;
  EXPECT_NE(err.find("interrupted by SIGTERM"), std::string::npos) << err;
  ASSERT_EQ(sync().status, 0);
  expect_agreement(index_, corpus_);
}

TEST_F(SyncFaults, SearchersNeverFailThroughSyncsRebuildsAndCompaction) {
  ASSERT_EQ(sync().status, 0);
  std::atomic<bool> writing{true};
  std::vector<int> statuses;
  std::thread searchers([&] {
    int i = 0;
    while (writing.load()) {
      const CliResult r = run_searcher(
          {"--index", index_, "--json", "-n", "3", i++ % 2 ? "cocoa talks" : "source:reuters"});
      statuses.push_back(r.status);
      if (r.status != 0) ADD_FAILURE() << "searcher failed: " << r.err;
    }
  });
  std::mt19937 rng(2014);
  for (int round = 1; round <= 4; ++round) {
    mutate(rng, round);
    EXPECT_EQ(sync().status, 0);
    EXPECT_EQ(run_indexer({"rebuild", "--index", index_, corpus_.string()}).status, 0);
  }
  EXPECT_EQ(run_indexer({"compact", "--index", index_}).status, 0);
  writing = false;
  searchers.join();
  EXPECT_GE(statuses.size(), 5u);
  expect_agreement(index_, corpus_);
  // Only the live generation and the one before it are kept.
  size_t generations = 0;
  for (const auto& e : fs::directory_iterator(index_)) {
    generations += e.path().filename().string().rfind("gen-", 0) == 0;
  }
  EXPECT_LE(generations, 2u);
}

TEST_F(SyncFaults, OverlappingSyncsWaitForEachOther) {
  const int a = spawn_cli(INDEXER_BIN, {"sync", "--index", index_, corpus_.string()},
                          tmp_ / "out-a", tmp_ / "err-a");
  const int b = spawn_cli(INDEXER_BIN, {"sync", "--index", index_, corpus_.string()},
                          tmp_ / "out-b", tmp_ / "err-b");
  EXPECT_EQ(wait_cli(a), 0);
  EXPECT_EQ(wait_cli(b), 0);
  expect_agreement(index_, corpus_);
}

TEST_F(SyncFaults, ALockHeldTooLongGivesUpWithStatus75NamingTheHolder) {
  ASSERT_EQ(sync().status, 0);
  const IndexLock held(index_, std::chrono::milliseconds(0), "pid 4242 (a test holding the lock)");
  const auto started = std::chrono::steady_clock::now();
  const CliResult r = sync({"--lock-timeout", "0.3"});
  EXPECT_EQ(r.status, 75);
  EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
  EXPECT_NE(r.err.find("locked by pid 4242 (a test holding the lock)"), std::string::npos) << r.err;
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(300));
  // Xapian's own lock file is never deleted.
  EXPECT_TRUE(fs::exists(fs::path(index_) / "dateline.lock"));
}

TEST_F(SyncFaults, FilesAppearingChangingAndVanishingDuringASync) {
  ASSERT_EQ(sync().status, 0);
  for (int n = 120; n < 400; ++n) write_article(n, 0);
  std::atomic<bool> syncing{true};
  std::thread churn([&] {
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> pick(0, 399);
    int edition = 1;
    while (syncing.load()) {
      const int n = pick(rng);
      if (n % 3 == 0) {
        fs::remove(corpus_ / ("d" + std::to_string(n % 7)) / ("a" + std::to_string(n) + ".txt"));
      } else {
        write_article(n, ++edition);
      }
    }
  });
  const CliResult during = sync();
  syncing = false;
  churn.join();
  EXPECT_TRUE(during.status == 0 || during.status == 1) << during.err;
  // Once the folder is still, one more sync brings exact agreement.
  ASSERT_EQ(sync().status, 0);
  expect_agreement(index_, corpus_);
}

TEST_F(SyncFaults, AFullDiskGivesAClearErrorAndLeavesTheIndexIntact) {
  const fs::path small = tmp_.path() / "small-disk";
  fs::create_directories(small);
  if (mount("tmpfs", small.c_str(), "tmpfs", 0, "size=1200k") != 0) {
    GTEST_SKIP() << "cannot mount a small tmpfs here (needs root): " << std::strerror(errno);
  }
  const std::string index = (small / "index").string();
  {
    const CliResult first = run_indexer({"sync", "--index", index, corpus_.string()});
    ASSERT_EQ(first.status, 0) << first.err;
  }
  const auto before = index_ids(index);
  // Far more text than the disk holds.
  for (int n = 1000; n < 2500; ++n) write_article(n, 0);
  const CliResult full = run_indexer({"sync", "--index", index, corpus_.string()});
  EXPECT_EQ(full.status, 2);
  EXPECT_EQ(lines(full.err).size(), 1u) << full.err;
  EXPECT_NE(full.err.find("No space left on device"), std::string::npos) << full.err;
  // What was committed is intact and opens.
  EXPECT_NO_THROW(Xapian::Database(index).get_doccount());
  const CliResult check = run_indexer({"check", "--index", index});
  EXPECT_EQ(check.status, 0) << check.out << check.err;
  EXPECT_GE(index_ids(index).size(), before.size());
  umount2(small.c_str(), MNT_DETACH);
}

}  // namespace
}  // namespace dateline::testing
