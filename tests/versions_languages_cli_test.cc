// End-to-end tests of story versions and languages: the built indexer and
// searcher on temporary folders.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "tests/cli_runner.h"
#include "tests/stored_index.h"

namespace dateline::testing {
namespace {

using Json = nlohmann::json;

std::string version_file(int version, const std::string& status, const std::string& headline,
                         const std::string& extra) {
  return "Story: RTR-UKR\nVersion: " + std::to_string(version) + "\nStatus: " + status +
         "\nSlug: UPDATE " + std::to_string(version) +
         "-UKRAINE-CRISIS/PROTESTS\n"
         "Keywords: Ukraine, Protests\nDate: 2014-01-24\n\n" +
         headline + "\n\nKIEV (Reuters) - Protesters seized regional buildings. " + extra + "\n";
}

std::vector<Json> search_json(const std::string& index, std::vector<std::string> args) {
  args.insert(args.begin(), {"--index", index, "--json", "-n", "100"});
  const CliResult r = run_searcher(args);
  EXPECT_TRUE(r.status == 0 || r.status == 1) << r.err;
  std::vector<Json> out;
  for (const auto& line : lines(r.out)) out.push_back(Json::parse(line));
  return out;
}

std::set<std::string> ids(const std::vector<Json>& hits) {
  std::set<std::string> out;
  for (const auto& h : hits) out.insert(h["id"].get<std::string>());
  return out;
}

class Versions : public ::testing::Test {
 protected:
  void add(const std::string& name, const std::string& content) {
    const CliResult r = run_indexer({"add", "--index", index_, tmp_.write(name, content)});
    ASSERT_EQ(r.status, 0) << r.err;
  }
  TempDir tmp_;
  std::string index_ = tmp_ / "index";
};

TEST_F(Versions, TheNewestVersionReplacesOlderOnesInDefaultResults) {
  add("v1.txt", version_file(1, "usable", "Ukraine protesters seize buildings", ""));
  add("v2.txt", version_file(2, "usable", "UPDATE 1-Ukraine protesters seize more buildings",
                             "Yanukovich promised a reshuffle."));
  add("v3.txt",
      version_file(3, "usable", "UPDATE 2-Ukraine unrest spreads west", "An EU envoy arrived."));
  const auto current = search_json(index_, {"protesters"});
  ASSERT_EQ(current.size(), 1u);
  EXPECT_EQ(current[0]["id"], "RTR-UKR#v3");
  EXPECT_EQ(current[0]["story"], "RTR-UKR");
  EXPECT_EQ(current[0]["version"], 3);
  EXPECT_EQ(current[0]["status"], "usable");
  // Markers are not part of the headline shown, or of the slug.
  EXPECT_EQ(current[0]["headline"], "Ukraine unrest spreads west");
  EXPECT_EQ(current[0]["slug"], "UKRAINE-CRISIS/PROTESTS");
  EXPECT_EQ(current[0]["subjects"], Json::array({"Ukraine", "Protests"}));

  EXPECT_EQ(ids(search_json(index_, {"--all-versions", "protesters"})),
            (std::set<std::string>{"RTR-UKR#v1", "RTR-UKR#v2", "RTR-UKR#v3"}));
  EXPECT_EQ(ids(search_json(index_, {"--all-versions", "story:RTR-UKR"})).size(), 3u);
  // Searching words only in an old version finds nothing by default.
  EXPECT_TRUE(search_json(index_, {"reshuffle"}).empty());
  EXPECT_EQ(search_json(index_, {"--all-versions", "reshuffle"}).size(), 1u);
}

TEST_F(Versions, AnOlderVersionArrivingLaterNeverWins) {
  add("v3.txt", version_file(3, "usable", "UPDATE 2-Ukraine unrest spreads west", ""));
  add("v1.txt", version_file(1, "usable", "Ukraine protesters seize buildings", ""));
  const auto current = search_json(index_, {"protesters"});
  ASSERT_EQ(current.size(), 1u);
  EXPECT_EQ(current[0]["version"], 3);
  // Re-adding the current version replaces it and keeps it current.
  add("v3-again.txt", version_file(3, "usable", "UPDATE 2-Ukraine unrest spreads west", ""));
  EXPECT_EQ(search_json(index_, {"protesters"}).size(), 1u);
  EXPECT_EQ(stored_articles(index_).size(), 2u);
}

TEST_F(Versions, ACanceledStoryDisappearsFromDefaultResults) {
  add("v1.txt", version_file(1, "usable", "Ukraine protesters seize buildings", ""));
  add("v2.txt", version_file(2, "canceled", "KILL-Ukraine protesters seize buildings", ""));
  const CliResult r = run_searcher({"--index", index_, "protesters"});
  EXPECT_EQ(r.status, 1) << r.out;
  const auto all = search_json(index_, {"--all-versions", "protesters"});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(search_json(index_, {"--all-versions", "status:canceled"}).size(), 1u);
  // A later usable version brings the story back.
  add("v3.txt", version_file(3, "usable", "UPDATE 2-Ukraine protesters hold buildings", ""));
  EXPECT_EQ(search_json(index_, {"protesters"}).size(), 1u);
}

TEST(Languages, EachLanguageIsStemmedInItsOwnWayAndAccentsAreFolded) {
  TempDir tmp;
  tmp.write("in/fr.txt",
            "Language: fr\nSource: AFP\nDate: 2014-01-22\n\n"
            "Les élections à Genève reportées\n\n"
            "GENÈVE, 22 janvier 2014 (AFP) - Les négociations reprendront après les élections "
            "municipales, a déclaré le président Erdoğan.\n");
  tmp.write("in/en.txt",
            "Source: Reuters\nDate: 2014-01-22\n\n"
            "Geneva talks delayed\n\n"
            "GENEVA (Reuters) - Negotiations were delayed until after the elections, officials "
            "said.\n");
  tmp.write("in/ar.txt",
            "Language: ar\nSource: AFP\nDate: 2014-01-23\n\n"
            "محادثات السلام في جنيف\n\n"
            "جنيف (AFP) - بدأت محادثات السلام في جنيف يوم الأربعاء.\n");
  const std::string index = tmp / "index";
  const CliResult r = run_indexer({"add", "--index", index, tmp / "in"});
  ASSERT_EQ(r.status, 0) << r.err;

  // One query finds both: French "élections" and English "elections".
  EXPECT_EQ(search_json(index, {"election"}).size(), 2u);
  // French stemming: "négociation" finds "négociations"; without accents too.
  const auto negotiation = search_json(index, {"negociation"});
  ASSERT_EQ(negotiation.size(), 1u);
  EXPECT_EQ(negotiation[0]["language"], "fr");
  // Accents folded both ways; the text shown keeps them.
  const auto geneve = search_json(index, {"Genève"});
  ASSERT_EQ(geneve.size(), 1u);
  EXPECT_EQ(search_json(index, {"geneve"}).size(), 1u);
  const auto erdogan = search_json(index, {"Erdogan"});
  ASSERT_EQ(erdogan.size(), 1u);
  EXPECT_NE(erdogan[0]["snippet"].get<std::string>().find("Erdoğan"), std::string::npos);
  EXPECT_EQ(erdogan[0]["location"], "Genève");
  EXPECT_EQ(search_json(index, {"location:geneve"}).size(), 1u);
  EXPECT_EQ(search_json(index, {"location:GENÈVE"}).size(), 1u);
  // Language filters.
  EXPECT_EQ(search_json(index, {"election", "lang:fr"}).size(), 1u);
  EXPECT_EQ(search_json(index, {"election", "--lang", "en"}).size(), 1u);
  // Arabic is stemmed and found.
  const auto arabic = search_json(index, {"محادثات"});
  ASSERT_EQ(arabic.size(), 1u);
  EXPECT_EQ(arabic[0]["language"], "ar");
}

}  // namespace
}  // namespace dateline::testing
