// Indexes the whole Reuters-21578 collection from ../shared/data (skipped
// when it is absent) and checks counts and a handful of records read by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/text.h"
#include "tests/cli_runner.h"
#include "tests/stored_index.h"

namespace dateline::testing {
namespace {

const std::string kCollection = std::string(DATELINE_SHARED_DATA) + "/reuters21578";

// The <DATE> lines of the collection that start with `day` ("26-FEB-1987").
size_t records_dated(const std::string& day) {
  size_t n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kCollection)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("<DATE>", 0) != 0) continue;
      const std::string value(text::trim(std::string_view(line).substr(6)));
      n += value.rfind(day + " ", 0) == 0;
    }
  }
  return n;
}

TEST(ReutersCollection, IndexesAll21578RecordsOnceWithTheirFields) {
  if (!std::filesystem::is_directory(kCollection)) {
    GTEST_SKIP() << "Reuters-21578 not found at " << kCollection;
  }
  if (std::getenv("DATELINE_SKIP_LARGE") != nullptr) {
    GTEST_SKIP() << "DATELINE_SKIP_LARGE is set (the sanitizer build); runs in the normal build";
  }
  TempDir tmp;
  const std::string index = tmp / "index";
  const CliResult first = run_indexer({"add", "--index", index, kCollection});
  EXPECT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.out.find("added 21578, replaced 0, rejected 0"), std::string::npos) << first.out;
  EXPECT_EQ(first.err, "");

  const CliResult second = run_indexer({"add", "--index", index, kCollection});
  EXPECT_EQ(second.status, 0) << second.err;
  EXPECT_NE(second.out.find("added 0, replaced 21578, rejected 0"), std::string::npos)
      << second.out;

  const auto articles = stored_articles(index);
  ASSERT_EQ(articles.size(), 21578u);
  std::map<std::string, const Article*> by_id;
  for (const auto& a : articles) by_id[a.id] = &a;
  ASSERT_EQ(by_id.size(), 21578u);

  // NEWID 1: the first record of reut2-000.sgm.
  const Article& bahia = *by_id.at("reuters-1");
  EXPECT_EQ(bahia.headline, "BAHIA COCOA REVIEW");
  EXPECT_EQ(bahia.source, "Reuters");
  EXPECT_EQ(bahia.location.city, "Salvador");
  EXPECT_EQ(bahia.location.country, "el-salvador");
  ASSERT_TRUE(bahia.date);
  EXPECT_EQ(bahia.date->iso(), "1987-02-26T15:01:01Z");
  ASSERT_GE(bahia.body.size(), 5u);
  EXPECT_EQ(
      bahia.body.front().rfind("Showers continued throughout the week in the Bahia cocoa zone", 0),
      0u);
  EXPECT_EQ(bahia.body.back().find("Reuter"), std::string::npos) << bahia.body.back();
  EXPECT_EQ(bahia.origin.record, 1);

  // NEWID 30: a brief; title only.
  const Article& brief = *by_id.at("reuters-30");
  EXPECT_EQ(brief.headline,
            "ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS IN LATEST WEEK");
  EXPECT_TRUE(brief.body.empty());

  // NEWID 99: unprocessed text, no title.
  const Article& unproc = *by_id.at("reuters-99");
  EXPECT_EQ(unproc.headline, "");
  ASSERT_FALSE(unproc.body.empty());
  EXPECT_EQ(unproc.body.front().rfind("FEDERAL RESERVE WEEKLY REPORT", 0), 0u)
      << unproc.body.front();

  // NEWID 10299: framing characters glued to the time.
  ASSERT_TRUE(by_id.at("reuters-10299")->date);
  EXPECT_EQ(by_id.at("reuters-10299")->date->iso(), "1987-03-27T02:17:09Z");
  // NEWID 15370: a comment after the date.
  ASSERT_TRUE(by_id.at("reuters-15370")->date);
  EXPECT_EQ(by_id.at("reuters-15370")->date->iso(), "1987-04-09T00:00:00Z");
  // NEWID 17192: an impossible time ("605:12:19.12"): the day is kept.
  ASSERT_TRUE(by_id.at("reuters-17192")->date);
  EXPECT_EQ(by_id.at("reuters-17192")->date->iso(), "1987-03-31");
  EXPECT_EQ(by_id.at("reuters-17192")->location.country, "hong-kong");

  // NEWID 17980: one raw non-UTF-8 byte and no </BODY>; the text is kept.
  const Article& london = *by_id.at("reuters-17980");
  EXPECT_EQ(london.location.city, "London");
  ASSERT_FALSE(london.body.empty());
  EXPECT_TRUE(std::any_of(london.body.begin(), london.body.end(), [](const std::string& p) {
    return p.find("side measures to boost growth") != std::string::npos;
  }));
  for (const auto& p : london.body) EXPECT_TRUE(text::is_valid_utf8(p));

  // NEWID 21578: the last record; &lt; decoded.
  const Article& last = *by_id.at("reuters-21578");
  EXPECT_EQ(last.headline, "AMERICAN EXCHANGE INTRODUCES INSTITUTIONAL INDEX");
  EXPECT_EQ(last.location.city, "New York");
  ASSERT_GE(last.body.size(), 2u);
  EXPECT_NE(last.body[1].find("ticker symbol <XII>"), std::string::npos) << last.body[1];

  // Searches agree with the collection.
  const CliResult all = run_searcher({"--index", index, "--count", "source:reuters"});
  EXPECT_EQ(all.out, "21578\n");
  const CliResult day = run_searcher({"--index", index, "--count", "date:1987-02-26"});
  EXPECT_EQ(day.out, std::to_string(records_dated("26-FEB-1987")) + "\n");
  const CliResult cocoa =
      run_searcher({"--index", index, "--json", "-n", "1", "headline:bahia cocoa review"});
  EXPECT_NE(cocoa.out.find("\"id\":\"reuters-1\""), std::string::npos) << cocoa.out;

  // Near-identical articles folded into a hit are the same whether the
  // count was exact (the searcher saw every match; --facets makes it so) or
  // not ("trade" matches more than the 1,010 looked at, so a second pass
  // over the matches finds them).
  const auto folded = [&](const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"--index", index, "--json", "-n", "100"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back("trade");
    std::map<std::string, std::vector<std::string>> duplicates;  // hit id -> ids
    for (const std::string& line : lines(run_searcher(args).out)) {
      const auto hit = nlohmann::json::parse(line);
      if (!hit.contains("rank")) continue;
      auto& ids = duplicates[hit["id"].get<std::string>()];
      for (const auto& d : hit["duplicates"]) ids.push_back(d["id"].get<std::string>());
    }
    return duplicates;
  };
  const auto estimated = folded({});
  const auto exact = folded({"--facets", "source"});
  ASSERT_EQ(estimated.size(), 100u);
  EXPECT_EQ(estimated, exact);
  size_t listed = 0;
  for (const auto& [id, ids] : estimated) {
    listed += ids.size();
    EXPECT_EQ(std::count(ids.begin(), ids.end(), id), 0) << id;
  }
  EXPECT_GT(listed, 0u);  // the collection has near-identical "trade" stories
}

}  // namespace
}  // namespace dateline::testing
