// End-to-end tests of `searcher` on an index of the project's corpus/.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

#include "tests/cli_runner.h"
#include "tests/stored_index.h"

namespace dateline::testing {
namespace {

using Json = nlohmann::json;

const char* const kSeedFile = "2014-01-17-syria-opposition-geneva-ii.txt";

class SearcherCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = std::make_unique<TempDir>();
    index_ = *tmp_ / "index";
    const CliResult r = run_indexer({"add", "--index", index_, corpus_dir()});
    ASSERT_EQ(r.status, 0) << r.err;
    articles_ = std::make_unique<std::vector<Article>>(stored_articles(index_, true));
    all_versions_ = std::make_unique<std::vector<Article>>(stored_articles(index_));
  }
  static void TearDownTestSuite() {
    articles_.reset();
    all_versions_.reset();
    tmp_.reset();
  }

  static CliResult search(std::vector<std::string> args,
                          const std::vector<std::pair<std::string, std::string>>& env = {}) {
    args.insert(args.begin(), {"--index", index_});
    return run_searcher(args, env);
  }

  // The hits of a --json search (all of them, up to 1000); the lines that
  // are not hits (facets, suggestions) have no "rank".
  static std::vector<Json> hits(std::vector<std::string> args) {
    args.insert(args.begin(), {"--json", "-n", "1000"});
    const CliResult r = search(args);
    EXPECT_TRUE(r.status == 0 || r.status == 1) << r.err;
    std::vector<Json> out;
    for (const auto& line : lines(r.out)) {
      Json j = Json::parse(line);
      if (j.contains("rank")) out.push_back(std::move(j));
    }
    return out;
  }

  static size_t count_articles(const std::function<bool(const Article&)>& pred) {
    return static_cast<size_t>(std::count_if(articles_->begin(), articles_->end(), pred));
  }

  static std::unique_ptr<TempDir> tmp_;
  static std::string index_;
  static std::unique_ptr<std::vector<Article>> articles_;      // current versions
  static std::unique_ptr<std::vector<Article>> all_versions_;  // every version
};

std::unique_ptr<TempDir> SearcherCli::tmp_;
std::string SearcherCli::index_;
std::unique_ptr<std::vector<Article>> SearcherCli::articles_;
std::unique_ptr<std::vector<Article>> SearcherCli::all_versions_;

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string all_text(const Article& a) {
  std::string t = a.headline;
  for (const auto& p : a.body) t += " " + p;
  return lower(t);
}

TEST_F(SearcherCli, GenevaIIListsTheSeedArticleFirst) {
  const auto h = hits({"Geneva II"});
  ASSERT_FALSE(h.empty());
  EXPECT_TRUE(ends_with(h[0]["path"], kSeedFile)) << h[0].dump();
  EXPECT_EQ(h[0]["source"], "AFP");
  EXPECT_EQ(h[0]["date"], "2014-01-17");
  EXPECT_EQ(h[0]["rank"], 1);
}

TEST_F(SearcherCli, TextOutputShowsHeaderColumnsSnippetAndPath) {
  const CliResult r = search({"Geneva II"});
  EXPECT_EQ(r.status, 0);
  const auto out = lines(r.out);
  ASSERT_GE(out.size(), 4u);
  EXPECT_EQ(out[0].rfind(std::to_string(hits({"Geneva II"}).size()) + " results for Geneva II", 0),
            0u)
      << out[0];
  EXPECT_EQ(out[1].rfind("1. 2014-01-17  AFP", 0), 0u) << out[1];
  EXPECT_NE(out[1].find("Geneva II peace talks"), std::string::npos);
  EXPECT_NE(out[2].find("Geneva II"), std::string::npos) << "snippet: " << out[2];
  EXPECT_TRUE(ends_with(out[3], kSeedFile)) << out[3];
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << "no colour when piped";
}

TEST_F(SearcherCli, JsonLinesCarryTheDocumentedFields) {
  const auto h = hits({"cocoa"});
  ASSERT_FALSE(h.empty());
  for (const auto& hit : h) {
    for (const char* key :
         {"schema", "rank", "id", "score", "source", "location", "region", "country", "date",
          "headline", "byline", "language", "path", "record", "snippet", "matches", "duplicates"}) {
      EXPECT_TRUE(hit.contains(key)) << key << " missing in " << hit.dump();
    }
    EXPECT_TRUE(hit["score"].is_number());
  }
  for (size_t i = 0; i < h.size(); ++i) EXPECT_EQ(h[i]["rank"], i + 1);
}

TEST_F(SearcherCli, PhrasesMatchOnlyAdjacentWords) {
  const auto phrase = hits({"\"prisoner swap\""});
  ASSERT_FALSE(phrase.empty());
  const size_t expected = count_articles(
      [](const Article& a) { return all_text(a).find("prisoner swap") != std::string::npos; });
  EXPECT_EQ(phrase.size(), expected);
  EXPECT_EQ(search({"\"swap prisoner\""}).status, 1);
}

TEST_F(SearcherCli, BooleanOperators) {
  const auto cocoa = hits({"cocoa"});
  const auto ghana = hits({"cocoa", "AND", "Ghana"});
  const auto not_ghana = hits({"cocoa", "NOT", "Ghana"});
  const auto minus_ghana = hits({"cocoa", "-Ghana"});
  const auto cocoa_or_coffee = hits({"cocoa", "OR", "coffee"});
  const auto coffee = hits({"coffee"});
  ASSERT_FALSE(ghana.empty());
  EXPECT_EQ(ghana.size() + not_ghana.size(), cocoa.size());
  EXPECT_EQ(not_ghana.size(), minus_ghana.size());
  for (const auto& h : not_ghana) EXPECT_EQ(lower(h["headline"]).find("ghana"), std::string::npos);
  EXPECT_GT(cocoa_or_coffee.size(), std::max(cocoa.size(), coffee.size()) - 1);
  EXPECT_LE(cocoa_or_coffee.size(), cocoa.size() + coffee.size());
  const auto grouped = hits({"(cocoa", "OR", "coffee)", "AND", "Brazil"});
  EXPECT_FALSE(grouped.empty());
  EXPECT_LT(grouped.size(), cocoa_or_coffee.size());
}

TEST_F(SearcherCli, StemmingFindsOtherFormsOfAWord) {
  const auto plural = hits({"earthquakes"});
  const auto singular = hits({"earthquake"});
  EXPECT_FALSE(plural.empty());
  EXPECT_EQ(plural.size(), singular.size());
}

TEST_F(SearcherCli, FieldFilters) {
  const auto afp = hits({"source:AFP"});
  EXPECT_EQ(afp.size(), count_articles([](const Article& a) { return a.source == "AFP"; }));
  for (const auto& h : hits({"talks", "source:afp"})) EXPECT_EQ(h["source"], "AFP");

  const auto moscow = hits({"location:Moscow"});
  EXPECT_EQ(moscow.size(),
            count_articles([](const Article& a) { return a.location.city == "Moscow"; }));
  ASSERT_FALSE(moscow.empty());
  const auto rio = hits({"location:\"Rio de Janeiro\""});
  ASSERT_EQ(rio.size(), 1u);
  EXPECT_EQ(rio[0]["location"], "Rio de Janeiro");

  const auto headline = hits({"headline:earthquake"});
  ASSERT_FALSE(headline.empty());
  for (const auto& h : headline) {
    EXPECT_NE(lower(h["headline"]).find("earthquake"), std::string::npos) << h["headline"];
  }
  EXPECT_LT(headline.size(), hits({"earthquake"}).size());

  const auto flag = hits({"talks", "--source", "AFP", "--source", "Reuters"});
  ASSERT_FALSE(flag.empty());
  for (const auto& h : flag) EXPECT_TRUE(h["source"] == "AFP" || h["source"] == "Reuters");
  for (const auto& h : hits({"--location", "Rome"})) EXPECT_EQ(h["location"], "Rome");
}

TEST_F(SearcherCli, DateFiltersAndRanges) {
  auto count_dates = [](const std::string& prefix) {
    return count_articles(
        [&](const Article& a) { return a.date && a.date->iso().rfind(prefix, 0) == 0; });
  };
  const auto day = hits({"date:2014-01-17"});
  EXPECT_EQ(day.size(), count_dates("2014-01-17"));
  EXPECT_GE(day.size(), 2u);
  for (const auto& h : day) EXPECT_EQ(std::string(h["date"]).substr(0, 10), "2014-01-17");

  EXPECT_EQ(hits({"date:2014-01"}).size(), count_dates("2014-01"));
  EXPECT_EQ(hits({"date:2015"}).size(), count_dates("2015"));

  const auto range = hits({"date:2014-01-01..2014-01-31"});
  EXPECT_EQ(range.size(), count_dates("2014-01"));
  const auto flags = hits({"--since", "2014-01-01", "--until", "2014-01-31"});
  EXPECT_EQ(flags.size(), range.size());
  const auto open_end = hits({"date:2016-01-01.."});
  EXPECT_EQ(open_end.size(), count_dates("2016"));
  // The range's last day is included whole, including articles with a time.
  const size_t all_on_24th = static_cast<size_t>(std::count_if(
      all_versions_->begin(), all_versions_->end(),
      [](const Article& a) { return a.date && a.date->iso().rfind("2014-01-24", 0) == 0; }));
  EXPECT_GE(all_on_24th, 3u);
  EXPECT_EQ(hits({"--all-versions", "date:2014-01-24..2014-01-24"}).size(), all_on_24th);
}

TEST_F(SearcherCli, SortOrders) {
  const auto newest = hits({"talks", "--sort", "newest"});
  const auto oldest = hits({"talks", "--sort", "oldest"});
  ASSERT_GE(newest.size(), 3u);
  ASSERT_EQ(newest.size(), oldest.size());
  for (size_t i = 1; i < newest.size(); ++i) {
    EXPECT_GE(std::string(newest[i - 1]["date"]), std::string(newest[i]["date"]));
    EXPECT_LE(std::string(oldest[i - 1]["date"]), std::string(oldest[i]["date"]));
  }
  EXPECT_EQ(search({"talks", "--sort", "sideways"}).status, 2);
}

TEST_F(SearcherCli, CountIsExact) {
  // --count counts articles: near-identical ones too, as --no-collapse lists.
  const CliResult r = search({"--count", "talks"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, std::to_string(hits({"--no-collapse", "talks"}).size()) + "\n");
  const CliResult none = search({"--count", "zzyzx"});
  EXPECT_EQ(none.status, 1);
  EXPECT_EQ(none.out, "0\n");
}

TEST_F(SearcherCli, OffsetPagesThroughTheSameRanking) {
  const auto all = hits({"talks"});
  ASSERT_GE(all.size(), 6u);
  const CliResult page = search({"--json", "-n", "3", "--offset", "3", "talks"});
  const auto page_lines = lines(page.out);
  ASSERT_EQ(page_lines.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    const Json h = Json::parse(page_lines[i]);
    EXPECT_EQ(h["id"], all[i + 3]["id"]);
    EXPECT_EQ(h["rank"], i + 4);
  }
}

TEST_F(SearcherCli, NothingFoundExitsOne) {
  const CliResult r = search({"zzyzx"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out.rfind("0 results for zzyzx", 0), 0u) << r.out;
  EXPECT_EQ(search({"--json", "zzyzx"}).out, "");
}

TEST_F(SearcherCli, MalformedQueriesSearchAsPlainWordsWithAWarning) {
  for (const std::string q :
       {"\"Geneva II", "(Geneva II", "Geneva II)", "Geneva II AND", "OR Geneva II"}) {
    const CliResult r = search({"--json", q});
    EXPECT_EQ(r.status, 0) << ::testing::PrintToString(q) << r.err;
    EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
    EXPECT_NE(r.err.find("searcher: warning: query syntax"), std::string::npos) << r.err;
    ASSERT_FALSE(lines(r.out).empty());
    EXPECT_TRUE(ends_with(Json::parse(lines(r.out)[0])["path"], kSeedFile));
  }
}

TEST_F(SearcherCli, BadQueriesExitTwoWithOneLine) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"colour:red"}, "unknown field 'colour:'"},
      {{"date:2014-13-01"}, "'2014-13-01' is not a date"},
      {{"date:2014-02-01..2014-01-01"}, "ends before it starts"},
      {{"--since", "last week", "talks"}, "'last week' is not a date"},
      {{""}, "empty query"},
      {{}, "empty query"},
  };
  for (const auto& [args, message] : cases) {
    const CliResult r = search(args);
    EXPECT_EQ(r.status, 2) << ::testing::PrintToString(args);
    EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
  }
}

TEST_F(SearcherCli, MissingIndexExitsTwo) {
  const CliResult r = run_searcher({"--index", *tmp_ / "no-such-index", "talks"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("no index at"), std::string::npos) << r.err;
}

TEST_F(SearcherCli, HighlightsStemmedFormsInColourOnlyWhenAsked) {
  const CliResult color = search({"--color", "always", "talk"});
  EXPECT_EQ(color.status, 0);
  EXPECT_NE(color.out.find("\x1b[1;31mtalks\x1b[0m"), std::string::npos) << color.out;
  const CliResult no_color = search({"--color", "auto", "talk"}, {{"NO_COLOR", "1"}});
  EXPECT_EQ(no_color.out.find('\x1b'), std::string::npos);
  const CliResult never = search({"--color", "never", "talk"});
  EXPECT_EQ(never.out.find('\x1b'), std::string::npos);
  const auto json = hits({"talk"});
  ASSERT_FALSE(json.empty());
  EXPECT_NE(std::find(json[0]["matches"].begin(), json[0]["matches"].end(), "talks"),
            json[0]["matches"].end())
      << json[0].dump();
}

TEST_F(SearcherCli, DefaultIndexFromEnvironment) {
  const CliResult r = run_searcher({"--count", "cocoa"}, {{"DATELINE_INDEX", index_}});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, std::to_string(hits({"cocoa"}).size()) + "\n");
}

TEST(SearcherRanking, HeadlineMatchesOutrankBodyMatches) {
  TempDir tmp;
  const std::string filler =
      "Officials met on Tuesday to discuss the situation and said more talks would follow "
      "later in the week after a review of the figures.";
  tmp.write("in/a.txt",
            "Port strike ends\n\nDOVER (Reuters) - " + filler + " Sardines were mentioned.\n");
  tmp.write("in/b.txt",
            "Sardines return to the coast\n\nLISBON (Reuters) - " + filler + " Prices fell.\n");
  const std::string index = tmp / "index";
  ASSERT_EQ(run_indexer({"add", "--index", index, tmp / "in"}).status, 0);
  const CliResult r = run_searcher({"--index", index, "--json", "sardines"});
  const auto out = lines(r.out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(Json::parse(out[0])["location"], "Lisbon");
  EXPECT_GT(Json::parse(out[0])["score"].get<double>(), Json::parse(out[1])["score"].get<double>());
}

}  // namespace
}  // namespace dateline::testing
