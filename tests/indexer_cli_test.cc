// End-to-end tests of `indexer add`: the built binary on temporary folders.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <set>

#include "common/schema.h"
#include "tests/cli_runner.h"
#include "tests/stored_index.h"

namespace dateline::testing {
namespace {

const std::string kGoodArticle =
    "Ghana lifts cocoa price\n\n"
    "ACCRA, Oct 2, 2015 (Reuters) - Ghana raised the price it pays cocoa farmers.\n\n"
    "The board said the rise would curb smuggling.\n";

const std::string kSecondArticle =
    "Storm hits Hamburg\n\n"
    "Hamburg, Dec 6, 2013 (dpa) - A storm flooded the fish market.\n";

std::string summary_line(const CliResult& r) {
  const auto out = lines(r.out);
  return out.empty() ? "" : out.back();
}

size_t count_lines_containing(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (const auto& line : lines(text)) n += line.find(needle) != std::string::npos;
  return n;
}

TEST(IndexerCli, IndexesTheCorpusAndReportsCounts) {
  TempDir tmp;
  const std::string index = tmp / "index";
  const size_t expected = expected_article_count(corpus_dir());
  ASSERT_GT(expected, 40u);

  const CliResult r = run_indexer({"add", "--index", index, corpus_dir()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(summary_line(r).find("added " + std::to_string(expected) + ","), std::string::npos)
      << r.out;
  EXPECT_NE(summary_line(r).find("replaced 0"), std::string::npos) << r.out;
  EXPECT_NE(summary_line(r).find("rejected 0"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(Xapian::Database(index).get_doccount(), expected);
  EXPECT_TRUE(Xapian::Database(index).has_positions());
}

TEST(IndexerCli, AddingTheSameFilesAgainReplacesAndNeverDoubles) {
  TempDir tmp;
  const std::string index = tmp / "index";
  const size_t expected = expected_article_count(corpus_dir());
  ASSERT_EQ(run_indexer({"add", "--index", index, corpus_dir()}).status, 0);

  const CliResult again = run_indexer({"add", "--index", index, corpus_dir()});
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_NE(summary_line(again).find("added 0,"), std::string::npos) << again.out;
  EXPECT_NE(summary_line(again).find("replaced " + std::to_string(expected)), std::string::npos)
      << again.out;
  const auto articles = stored_articles(index);
  EXPECT_EQ(articles.size(), expected);
  std::vector<std::string> ids;
  for (const auto& a : articles) ids.push_back(a.id);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end()) << "duplicate id";
}

TEST(IndexerCli, RejectsBadFilesOneLineEachAndIndexesTheRest) {
  TempDir tmp;
  const std::string index = tmp / "index";
  tmp.write("in/good.txt", kGoodArticle);
  tmp.write("in/also-good.txt", kSecondArticle);
  tmp.write("in/empty.txt", "");
  tmp.write("in/binary.dat", std::string("\x7f"
                                         "ELF\0\0\0\x01",
                                         8));
  tmp.write("in/feed.xml", "<?xml version=\"1.0\"?><nitf><body/></nitf>");
  tmp.write("in/bad-date.txt", "Date: yesterday\n\nSome headline\n\nSome text.\n");
  tmp.write("in/two-records.sgm",
            "<REUTERS NEWID=\"5\"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><TITLE>OK</TITLE>"
            "<BODY>Fine.</BODY></TEXT></REUTERS>\n"
            "<REUTERS NEWID=\"6\"><DATE>not a date</DATE><TEXT><TITLE>BAD</TITLE></TEXT>"
            "</REUTERS>\n");

  const CliResult r = run_indexer({"add", "--index", index, tmp / "in"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(summary_line(r).find("added 3,"), std::string::npos) << r.out;
  EXPECT_NE(summary_line(r).find("rejected 5"), std::string::npos) << r.out;
  // One line per rejection, naming the file and the reason.
  EXPECT_EQ(lines(r.err).size(), 5u) << r.err;
  EXPECT_EQ(count_lines_containing(r.err, "empty.txt: rejected: no text"), 1u) << r.err;
  EXPECT_EQ(count_lines_containing(r.err, "binary.dat: rejected: binary data"), 1u) << r.err;
  EXPECT_EQ(count_lines_containing(r.err, "feed.xml: rejected: XML"), 1u) << r.err;
  EXPECT_EQ(count_lines_containing(r.err, "bad-date.txt: rejected: Date header 'yesterday'"), 1u)
      << r.err;
  EXPECT_EQ(count_lines_containing(r.err, "two-records.sgm: record 2 (NEWID 6): rejected: <DATE>"),
            1u)
      << r.err;
  EXPECT_EQ(Xapian::Database(index).get_doccount(), 3u);
}

TEST(IndexerCli, ARejectedFileLosesNothingAlreadyIndexed) {
  TempDir tmp;
  const std::string index = tmp / "index";
  tmp.write("good.txt", kGoodArticle);
  tmp.write("bad.txt", "   \n\n  \n");
  ASSERT_EQ(run_indexer({"add", "--index", index, tmp / "good.txt"}).status, 0);
  const CliResult r = run_indexer({"add", "--index", index, tmp / "bad.txt"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("added 0, replaced 0, rejected 1"), std::string::npos) << r.out;
  EXPECT_EQ(Xapian::Database(index).get_doccount(), 1u);
}

TEST(IndexerCli, AMissingPathIsRejectedAndTheOthersIndexed) {
  TempDir tmp;
  const std::string index = tmp / "index";
  const std::string good = tmp.write("good.txt", kGoodArticle);
  const CliResult r = run_indexer({"add", "--index", index, tmp / "nope.txt", good});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(count_lines_containing(r.err, "nope.txt: rejected: no such file or folder"), 1u)
      << r.err;
  EXPECT_NE(r.out.find("added 1,"), std::string::npos) << r.out;
}

TEST(IndexerCli, UsageErrorsExitTwo) {
  TempDir tmp;
  const std::string index = tmp / "index";
  const std::string good = tmp.write("good.txt", kGoodArticle);
  const std::vector<std::vector<std::string>> cases = {
      {},
      {"frobnicate"},
      {"add", "--index", index},
      {"add", "--index", index, "--format", "bogus", good},
      {"add", "--index", index, "--date", "17/01/2014", good},
      {"add", "--index", index, "--no-such-option", good},
      {"add", "--index", index, "--source", " ", good},
  };
  for (const auto& args : cases) {
    const CliResult r = run_indexer(args);
    EXPECT_EQ(r.status, 2) << "args: " << ::testing::PrintToString(args);
    EXPECT_EQ(r.err.rfind("indexer: ", 0), 0u) << r.err;
    EXPECT_EQ(r.out, "");
  }
  EXPECT_FALSE(std::filesystem::exists(index)) << "a usage error must not create an index";
}

TEST(IndexerCli, CommandLineMetadataOverridesTheFile) {
  TempDir tmp;
  const std::string index = tmp / "index";
  const std::string good = tmp.write("good.txt", kGoodArticle);
  const CliResult r = run_indexer({"add", "--index", index, "--source", "afp", "--location",
                                   "Kumasi", "--date", "2016-05-01", good});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto articles = stored_articles(index);
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].source, "AFP");
  EXPECT_EQ(articles[0].location.city, "Kumasi");
  ASSERT_TRUE(articles[0].date.has_value());
  EXPECT_EQ(articles[0].date->iso(), "2016-05-01");
  // The filters follow the stored values.
  const Xapian::Database db(index);
  EXPECT_TRUE(db.term_exists(filter_term(*find_field("source"), "AFP")));
  EXPECT_FALSE(db.term_exists(filter_term(*find_field("source"), "Reuters")));
  EXPECT_TRUE(db.term_exists(filter_term(*find_field("location"), "kumasi")));
}

TEST(IndexerCli, WithoutOverridesTheFileSaysWhatItIs) {
  TempDir tmp;
  const std::string index = tmp / "index";
  ASSERT_EQ(run_indexer({"add", "--index", index, tmp.write("good.txt", kGoodArticle)}).status, 0);
  const auto articles = stored_articles(index);
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].source, "Reuters");
  EXPECT_EQ(articles[0].location.city, "Accra");
  EXPECT_EQ(articles[0].headline, "Ghana lifts cocoa price");
  ASSERT_TRUE(articles[0].date.has_value());
  EXPECT_EQ(articles[0].date->iso(), "2015-10-02");
  ASSERT_EQ(articles[0].body.size(), 2u);
  EXPECT_EQ(articles[0].body[0], "Ghana raised the price it pays cocoa farmers.");
  EXPECT_EQ(articles[0].origin.path, std::filesystem::canonical(tmp / "good.txt").string());
}

TEST(IndexerCli, FormatFlagForcesAParser) {
  TempDir tmp;
  const std::string index = tmp / "index";
  const std::string xml = tmp.write("note.xml", "<note>Cocoa prices rose</note>\n");
  EXPECT_EQ(run_indexer({"add", "--index", index, xml}).status, 1);
  const CliResult forced = run_indexer({"add", "--index", index, "--format", "text", xml});
  EXPECT_EQ(forced.status, 0) << forced.err;
  EXPECT_EQ(Xapian::Database(index).get_doccount(), 1u);
}

TEST(IndexerCli, DefaultIndexLocationComesFromTheEnvironment) {
  TempDir tmp;
  const std::string good = tmp.write("good.txt", kGoodArticle);
  const CliResult by_env = run_indexer({"add", good}, {{"DATELINE_INDEX", tmp / "env-index"}});
  EXPECT_EQ(by_env.status, 0) << by_env.err;
  EXPECT_EQ(Xapian::Database(tmp / "env-index").get_doccount(), 1u);

  const CliResult by_xdg =
      run_indexer({"add", good}, {{"DATELINE_INDEX", ""}, {"XDG_DATA_HOME", tmp / "xdg"}});
  EXPECT_EQ(by_xdg.status, 0) << by_xdg.err;
  EXPECT_EQ(Xapian::Database(tmp / "xdg/dateline/index").get_doccount(), 1u);

  const CliResult by_home = run_indexer(
      {"add", good}, {{"DATELINE_INDEX", ""}, {"XDG_DATA_HOME", ""}, {"HOME", tmp / "home"}});
  EXPECT_EQ(by_home.status, 0) << by_home.err;
  EXPECT_EQ(Xapian::Database(tmp / "home/.local/share/dateline/index").get_doccount(), 1u);

  // --index wins over the environment.
  const CliResult by_flag = run_indexer({"add", "--index", tmp / "flag-index", good},
                                        {{"DATELINE_INDEX", tmp / "env-index"}});
  EXPECT_EQ(by_flag.status, 0);
  EXPECT_EQ(Xapian::Database(tmp / "flag-index").get_doccount(), 1u);
}

TEST(IndexerCli, HelpAndVersionExitZero) {
  EXPECT_EQ(run_indexer({"--help"}).status, 0);
  const CliResult add_help = run_indexer({"add", "--help"});
  EXPECT_EQ(add_help.status, 0);
  EXPECT_NE(add_help.out.find("--format"), std::string::npos);
  const CliResult version = run_indexer({"--version"});
  EXPECT_EQ(version.status, 0);
  EXPECT_NE(version.out.find("Xapian 1.4"), std::string::npos) << version.out;
}

}  // namespace
}  // namespace dateline::testing

namespace dateline::testing {
namespace {

std::multiset<std::string> ids_of(const std::vector<Article>& articles) {
  std::multiset<std::string> ids;
  for (const auto& a : articles) ids.insert(a.id);
  return ids;
}

TEST(IndexerCli, ParallelRebuildGivesTheSameArticlesAndCurrentVersionsAsOneJob) {
  TempDir tmp;
  const std::string one = tmp / "one", three = tmp / "three";
  ASSERT_EQ(run_indexer({"rebuild", "--index", one, corpus_dir()}).status, 0);
  const CliResult parallel =
      run_indexer({"rebuild", "--jobs", "3", "--index", three, corpus_dir()});
  ASSERT_EQ(parallel.status, 0) << parallel.err;
  EXPECT_EQ(ids_of(stored_articles(three)), ids_of(stored_articles(one)));
  // The three versions of the Ukraine story land in different shards; one is
  // current after the merge, as with one job.
  EXPECT_EQ(ids_of(stored_articles(three, true)), ids_of(stored_articles(one, true)));
  EXPECT_EQ(run_indexer({"check", "--index", three}).status, 0);
  EXPECT_EQ(run_indexer({"rebuild", "--jobs", "0", "--index", three, corpus_dir()}).status, 2);
}

std::vector<std::string> ids_in_order(const std::string& index) {
  std::vector<std::string> ids;
  for (const auto& a : stored_articles(index)) ids.push_back(a.id);
  return ids;
}

TEST(IndexerCli, ParallelRebuildKeepsTheOrderAndOneCopyOfAnIdFiledTwice) {
  TempDir tmp;
  const std::string corpus = tmp / "corpus";
  std::filesystem::copy(corpus_dir(), corpus, std::filesystem::copy_options::recursive);
  // The same id in the first and the last file: the later one wins, once.
  tmp.write("corpus/0000-first.txt",
            "ID: DUP-1\nSource: AFP\n\nEarly draft headline\n\nGENEVA, Jan 17 (AFP) - "
            "The early draft of the zebracrossing story.\n");
  tmp.write("corpus/zzzz-last.txt",
            "ID: DUP-1\nSource: AFP\n\nFinal headline\n\nGENEVA, Jan 17 (AFP) - "
            "The final text of the zebracrossing story.\n");
  const std::string one = tmp / "one", two = tmp / "two", four = tmp / "four";
  ASSERT_EQ(run_indexer({"rebuild", "--index", one, corpus}).status, 0);
  ASSERT_EQ(run_indexer({"rebuild", "--jobs", "2", "--index", two, corpus}).status, 0);
  ASSERT_EQ(run_indexer({"rebuild", "--jobs", "4", "--index", four, corpus}).status, 0);
  const std::vector<std::string> order = ids_in_order(one);
  EXPECT_EQ(std::count(order.begin(), order.end(), "DUP-1"), 1);
  EXPECT_EQ(ids_in_order(two), order);
  EXPECT_EQ(ids_in_order(four), order);
  for (const std::string& index : {one, two, four}) {
    const CliResult hit = run_searcher({"--index", index, "--format", "ids", "zebracrossing"});
    EXPECT_EQ(hit.out, "DUP-1\n") << index;
    const CliResult final_text = run_searcher({"--index", index, "--format", "ids", "final"});
    EXPECT_NE(final_text.out.find("DUP-1"), std::string::npos) << index;
    const CliResult draft = run_searcher({"--index", index, "--format", "ids", "draft"});
    EXPECT_EQ(draft.out.find("DUP-1"), std::string::npos) << index;
    EXPECT_EQ(run_indexer({"check", "--index", index}).status, 0) << index;
  }
}

}  // namespace
}  // namespace dateline::testing
