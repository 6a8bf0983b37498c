// End-to-end tests of time-sharded archives (common/archive.h): `indexer
// init`, add/sync/rebuild routing each file to its year's shard, searching
// the archive as one, and date-restricted searches that open only the
// shards they need.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/text_file.h"
#include "tests/archive_corpus.h"
#include "tests/cli_runner.h"
#include "tests/stored_index.h"

namespace dateline::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

class ArchiveCli : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_ = write_archive_corpus(tmp_);
    archive_ = tmp_ / "archive";
    merged_ = tmp_ / "merged";
    const CliResult init = run_indexer({"init", "--index", archive_});
    ASSERT_EQ(init.status, 0) << init.err;
    const CliResult add = run_indexer({"add", "--index", archive_, corpus_});
    ASSERT_EQ(add.status, 0) << add.err;
    const CliResult merged = run_indexer({"add", "--index", merged_, corpus_});
    ASSERT_EQ(merged.status, 0) << merged.err;
  }

  std::string stub() const { return read_text_file(fs::path(archive_) / "XAPIANDB"); }
  std::string shard(const std::string& name) const {
    return (fs::path(archive_) / "shards" / name).string();
  }
  // What a shard's own stub names: its live generation.
  std::string live_generation(const std::string& name) const {
    return read_text_file(fs::path(shard(name)) / "XAPIANDB");
  }

  TempDir tmp_;
  std::string corpus_, archive_, merged_;
};

TEST_F(ArchiveCli, FilesGoToTheShardOfTheirYearAndTheStubListsTheirDays) {
  for (const std::string year : {"2013", "2014", "2015"}) {
    EXPECT_TRUE(fs::is_directory(shard(year))) << year;
  }
  const std::string text = stub();
  EXPECT_EQ(text.rfind("# Dateline archive: one shard per year.", 0), 0u) << text;
  // The story filed on New Year's Eve and updated on New Year's Day stays in
  // 2013's shard, whose days run into 2014.
  EXPECT_NE(text.find("# shard 2013 dates 2013-03-04 2014-01-01\nauto shards/2013\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("# shard 2014 dates 2014-01-20 2014-11-03\nauto shards/2014\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("# shard 2015 dates 2015-02-10 2015-06-30\nauto shards/2015\n"),
            std::string::npos)
      << text;

  const auto in_2013 = stored_articles(shard("2013"));
  std::vector<std::string> ids;
  for (const Article& a : in_2013) ids.push_back(a.id);
  EXPECT_EQ(ids.size(), 4u);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "NYE-1"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "NYE-2"), ids.end());
  EXPECT_EQ(stored_articles(shard("2014")).size(), 3u);
  EXPECT_EQ(stored_articles(shard("2015")).size(), 3u);
}

TEST_F(ArchiveCli, SearchingTheArchiveGivesWhatOneMergedIndexGives) {
  const std::vector<std::vector<std::string>> queries = {
      {"ceasefire"},
      {"talks"},
      {"ceasefire", "--sort", "newest"},
      {"talks", "--sort", "oldest"},
      {"source:AFP"},
      {"talks", "--facets", "source,month"},
      {"harbour"},
      {"harbour", "--no-collapse"},
      {"talks", "--all-versions"},
  };
  for (auto args : queries) {
    args.insert(args.begin(), {"--json", "-n", "50"});
    auto on_archive = args, on_merged = args;
    on_archive.insert(on_archive.begin(), {"--index", archive_});
    on_merged.insert(on_merged.begin(), {"--index", merged_});
    const CliResult a = run_searcher(on_archive), m = run_searcher(on_merged);
    ASSERT_EQ(a.status, 0) << args[3] << ": " << a.err;
    EXPECT_EQ(a.out, m.out) << args[3];
    EXPECT_FALSE(lines(a.out).empty());
  }
  // Folding near-identical articles works across shards: the harbour story
  // was filed in 2013 and again, word for word, in 2015.
  const CliResult folded = run_searcher({"--index", archive_, "--json", "harbour"});
  ASSERT_EQ(lines(folded.out).size(), 1u) << folded.out;
  EXPECT_EQ(Json::parse(lines(folded.out)[0])["duplicates"].size(), 1u) << folded.out;
}

TEST_F(ArchiveCli, ADateRestrictedSearchOpensOnlyTheShardsOfItsDays) {
  const CliResult before =
      run_searcher({"--index", archive_, "--format", "ids", "talks", "--since", "2015-01-01"});
  ASSERT_EQ(before.status, 0) << before.err;
  // Break 2013's and 2014's shards: a search that opened them would fail.
  fs::rename(fs::path(shard("2013")) / "XAPIANDB", fs::path(shard("2013")) / "XAPIANDB.away");
  fs::rename(fs::path(shard("2014")) / "XAPIANDB", fs::path(shard("2014")) / "XAPIANDB.away");
  const CliResult after =
      run_searcher({"--index", archive_, "--format", "ids", "talks", "--since", "2015-01-01"});
  EXPECT_EQ(after.status, 0) << after.err;
  EXPECT_EQ(after.out, before.out);
  EXPECT_EQ(after.err, "");
  // The query's own date: filter confines it the same way.
  const CliResult in_query =
      run_searcher({"--index", archive_, "--format", "ids", "talks", "date:2015"});
  EXPECT_EQ(in_query.status, 0) << in_query.err;
  EXPECT_EQ(in_query.out, before.out);
  const CliResult escaping =
      run_searcher({"--index", archive_, "--format", "ids", "talks", "OR", "date:2015"});
  EXPECT_EQ(escaping.status, 2);
  // 2014's shard ends on 2014-11-03: a range starting after it skips it too,
  // while one reaching into 2014 needs it and says it is broken.
  const CliResult reaching = run_searcher({"--index", archive_, "talks", "--since", "2014-06-01"});
  EXPECT_EQ(reaching.status, 2);
  EXPECT_NE(reaching.err.find("shard 2014"), std::string::npos) << reaching.err;
  EXPECT_EQ(reaching.err.find("shard 2013"), std::string::npos) << reaching.err;
  EXPECT_EQ(reaching.out, "");
  const CliResult everything = run_searcher({"--index", archive_, "talks"});
  EXPECT_EQ(everything.status, 2);
  EXPECT_NE(everything.err.find("shard 2013"), std::string::npos) << everything.err;
}

TEST_F(ArchiveCli, RebuildingOneShardLeavesTheOthersUntouched) {
  const std::string gen_2013 = live_generation("2013"), gen_2014 = live_generation("2014"),
                    gen_2015 = live_generation("2015");
  const CliResult before = run_searcher({"--index", archive_, "--json", "-n", "50", "talks"});
  const CliResult r = run_indexer({"rebuild", "--index", archive_, "--shard", "2014", corpus_});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(live_generation("2014"), gen_2014);
  EXPECT_EQ(live_generation("2013"), gen_2013);
  EXPECT_EQ(live_generation("2015"), gen_2015);
  EXPECT_EQ(stored_articles(shard("2014")).size(), 3u);
  const CliResult after = run_searcher({"--index", archive_, "--json", "-n", "50", "talks"});
  EXPECT_EQ(after.out, before.out);

  const CliResult unknown =
      run_indexer({"rebuild", "--index", archive_, "--shard", "1999", corpus_});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("no shard '1999'"), std::string::npos) << unknown.err;
}

TEST_F(ArchiveCli, SyncAddsChangesAndRemovesPerShardAndOpensNewYears) {
  // A 2015 file removed, a 2014 file changed, a 2016 file new.
  fs::remove(fs::path(corpus_) / "2015-06-30-harbour-again.txt");
  write_article(corpus_, "2014-05-12-talks.txt", "AFP", "2014-05-12", "Talks resume in Vienna",
                "Negotiators resumed talks in Vienna on Monday after a pause of a week.");
  write_article(corpus_, "2016-02-01-talks.txt", "dpa", "2016-02-01", "Talks open in Munich",
                "Talks on the ceasefire opened in Munich.");
  const CliResult r = run_indexer({"sync", "--index", archive_, "--verbose", corpus_});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("1 new, 1 changed, 1 removed files"), std::string::npos) << r.err;
  EXPECT_EQ(stored_articles(shard("2015")).size(), 2u);
  EXPECT_EQ(stored_articles(shard("2016")).size(), 1u);
  EXPECT_NE(stub().find("# shard 2016 dates 2016-02-01 2016-02-01\nauto shards/2016\n"),
            std::string::npos)
      << stub();
  const CliResult vienna = run_searcher({"--index", archive_, "--format", "ids", "Vienna"});
  EXPECT_EQ(vienna.status, 0) << vienna.err;
  EXPECT_EQ(lines(vienna.out).size(), 1u) << vienna.out;

  // Nothing changed since: nothing written, in any shard.
  std::map<std::string, Xapian::rev> revisions;
  for (const std::string year : {"2013", "2014", "2015", "2016"}) {
    revisions[year] = Xapian::Database(shard(year)).get_revision();
  }
  const std::string stub_before = stub();
  const CliResult again = run_indexer({"sync", "--index", archive_, "--verbose", corpus_});
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find("(nothing to write)"), std::string::npos) << again.err;
  for (const auto& [year, revision] : revisions) {
    EXPECT_EQ(Xapian::Database(shard(year)).get_revision(), revision) << year;
  }
  EXPECT_EQ(stub(), stub_before);

  const CliResult check = run_indexer({"check", "--index", archive_});
  EXPECT_EQ(check.status, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("shards/2016 is sound"), std::string::npos) << check.out;
}

TEST_F(ArchiveCli, StatsReportsEachShardWithTheArchivesLastSync) {
  // A sync that writes records itself at the archive's root.
  write_article(corpus_, "2016-02-01-talks.txt", "dpa", "2016-02-01", "Talks open in Munich",
                "Talks on the ceasefire opened in Munich.");
  const CliResult sync = run_indexer({"sync", "--index", archive_, corpus_});
  ASSERT_EQ(sync.status, 0) << sync.err;
  std::string last_sync;
  std::istringstream(read_text_file(fs::path(archive_) / "last-sync")) >> last_sync;
  ASSERT_FALSE(last_sync.empty());

  const CliResult r = run_indexer({"stats", "--json", "--index", archive_});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::vector<std::string> rows = lines(r.out);
  ASSERT_EQ(rows.size(), 4u) << r.out;
  std::map<std::string, std::size_t> articles;
  for (const std::string& row : rows) {
    const Json j = Json::parse(row);
    const std::string year = fs::path(j["index"].get<std::string>()).filename().string();
    articles[year] = j["articles"].get<std::size_t>();
    EXPECT_EQ(j["last_sync"], last_sync) << row;
  }
  EXPECT_EQ(articles,
            (std::map<std::string, std::size_t>{{"2013", stored_articles(shard("2013")).size()},
                                                {"2014", stored_articles(shard("2014")).size()},
                                                {"2015", stored_articles(shard("2015")).size()},
                                                {"2016", 1}}));
}

TEST_F(ArchiveCli, AStoryUpdatedAcrossNewYearHasOneCurrentVersion) {
  const CliResult r = run_searcher({"--index", archive_, "--format", "ids", "fireworks"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(lines(r.out), std::vector<std::string>{"NYE-2"});
  const CliResult all =
      run_searcher({"--index", archive_, "--format", "ids", "--all-versions", "fireworks"});
  EXPECT_EQ(lines(all.out).size(), 2u) << all.out;
}

TEST_F(ArchiveCli, AnArticleFiledAgainGoesToItsStorysShardAndLeavesTheOther) {
  write_article(corpus_, "2015-08-01-y.txt", "AP", "2015-08-01", "Port strike", "Dockers struck.",
                "ID: Y-1\nStory: Y\n");
  write_article(corpus_, "2013-05-01-x.txt", "AP", "2013-05-01", "Port dues", "Dues rose.",
                "ID: X-1\n");
  ASSERT_EQ(run_indexer({"sync", "--index", archive_, corpus_}).status, 0);
  const auto ids_in = [&](const std::string& year) {
    std::vector<std::string> ids;
    for (const Article& a : stored_articles(shard(year))) ids.push_back(a.id);
    return ids;
  };
  const auto count = [](const std::vector<std::string>& ids, const std::string& id) {
    return std::count(ids.begin(), ids.end(), id);
  };
  ASSERT_EQ(count(ids_in("2013"), "X-1"), 1);
  // Another file files X-1 again, as part of story Y (held by 2015's shard):
  // it goes there, and 2013's copy goes.
  write_article(corpus_, "2016-01-01-z.txt", "AP", "2016-01-01", "Port dues, strike",
                "Dues rose and dockers struck.", "ID: X-1\nStory: Y\nVersion: 2\n");
  ASSERT_EQ(run_indexer({"sync", "--index", archive_, corpus_}).status, 0);
  EXPECT_EQ(count(ids_in("2013"), "X-1"), 0);
  EXPECT_EQ(count(ids_in("2015"), "X-1"), 1);
  EXPECT_FALSE(fs::exists(shard("2016")));
  // A file whose story lives elsewhere moves there whole.
  write_article(corpus_, "2013-05-01-x.txt", "AP", "2013-05-01", "Port dues", "Dues rose.",
                "ID: X-0\nStory: Y\n");
  ASSERT_EQ(run_indexer({"sync", "--index", archive_, corpus_}).status, 0);
  EXPECT_EQ(count(ids_in("2015"), "X-0"), 1);
  EXPECT_EQ(count(ids_in("2013"), "X-0"), 0);
  const CliResult check = run_indexer({"check", "--index", archive_});
  EXPECT_EQ(check.status, 0) << check.out << check.err;
  const CliResult current = run_searcher({"--index", archive_, "--format", "ids", "dockers"});
  EXPECT_EQ(lines(current.out), std::vector<std::string>{"X-1"});
}

TEST_F(ArchiveCli, RemoveFindsIdsAndFilesInAnyShard) {
  const CliResult r = run_indexer({"remove", "--index", archive_, "NYE-1",
                                   (fs::path(corpus_) / "2015-06-30-harbour-again.txt").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(stored_articles(shard("2013")).size(), 3u);
  EXPECT_EQ(stored_articles(shard("2015")).size(), 2u);
  const CliResult missing = run_indexer({"remove", "--index", archive_, "NO-SUCH-ID"});
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("NO-SUCH-ID: not found"), std::string::npos) << missing.err;
}

TEST_F(ArchiveCli, InitRefusesAFolderInUseAndAnUnknownPeriod) {
  const CliResult again = run_indexer({"init", "--index", archive_});
  EXPECT_EQ(again.status, 2);
  EXPECT_NE(again.err.find("already exists"), std::string::npos) << again.err;
  const CliResult bad = run_indexer({"init", "--index", tmp_ / "weekly", "--shard-by", "week"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("--shard-by 'week'"), std::string::npos) << bad.err;

  const CliResult monthly =
      run_indexer({"init", "--index", tmp_ / "monthly", "--shard-by", "month"});
  ASSERT_EQ(monthly.status, 0) << monthly.err;
  ASSERT_EQ(run_indexer({"add", "--index", tmp_ / "monthly", corpus_}).status, 0);
  EXPECT_TRUE(fs::is_directory(fs::path(tmp_ / "monthly") / "shards" / "2014-01"));
  EXPECT_TRUE(fs::is_directory(fs::path(tmp_ / "monthly") / "shards" / "2015-06"));
}

}  // namespace
}  // namespace dateline::testing
