// End-to-end tests of the searcher's editor features on an index of corpus/
// plus one article re-filed by a second agency: wildcards, NEAR, relative
// dates, recency, facets, "did you mean", synonyms, related stories,
// duplicates, output formats and paging.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "common/text.h"
#include "tests/cli_runner.h"
#include "tests/stored_index.h"

namespace dateline::testing {
namespace {

using Json = nlohmann::json;
using Env = std::vector<std::pair<std::string, std::string>>;

const char* const kMoscowSwap = "afp/2014-01-17-moscow-syria-prisoner-swap.txt";
const char* const kUkraineStory = "RTR-2014-0124-UKR";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string lower(const std::string& s) { return text::to_lower(s); }

std::string all_text(const Article& a) {
  std::string t = a.headline + " " + a.byline;
  for (const auto& p : a.body) t += " " + p;
  return lower(text::fold_diacritics(t));
}

class SearchFeatures : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = std::make_unique<TempDir>();
    index_ = *tmp_ / "index";
    // The AFP story filed again, word for word, by Reuters.
    std::string refiled = slurp(corpus_dir() + "/" + kMoscowSwap);
    const size_t afp = refiled.find("(AFP)");
    ASSERT_NE(afp, std::string::npos);
    refiled.replace(afp, 5, "(Reuters)");
    tmp_->write("extra/refiled-moscow-swap.txt", refiled);
    const CliResult r = run_indexer({"add", "--index", index_, corpus_dir(), *tmp_ / "extra"});
    ASSERT_EQ(r.status, 0) << r.err;
    articles_ = std::make_unique<std::vector<Article>>(stored_articles(index_, true));
  }
  static void TearDownTestSuite() {
    articles_.reset();
    tmp_.reset();
  }

  static CliResult search(std::vector<std::string> args, Env env = {}) {
    args.insert(args.begin(), {"--index", index_});
    // Unset unless the test sets them (later pairs win).
    env.insert(env.begin(), {{"DATELINE_NOW", ""}, {"DATELINE_SYNONYMS", ""}});
    return run_searcher(args, env);
  }

  // Every JSON line of a --json search (hits, facets, suggestion).
  static std::vector<Json> json_lines(std::vector<std::string> args, const Env& env = {}) {
    args.insert(args.begin(), {"--json", "-n", "1000"});
    const CliResult r = search(args, env);
    EXPECT_TRUE(r.status == 0 || r.status == 1) << r.err;
    std::vector<Json> out;
    for (const auto& line : lines(r.out)) out.push_back(Json::parse(line));
    return out;
  }

  static std::vector<Json> hits(std::vector<std::string> args, const Env& env = {}) {
    std::vector<Json> out;
    for (auto& j : json_lines(std::move(args), env)) {
      if (j.contains("rank")) out.push_back(std::move(j));
    }
    return out;
  }

  static std::vector<std::string> ids(const std::vector<Json>& h) {
    std::vector<std::string> out;
    for (const auto& j : h) out.push_back(j["id"]);
    return out;
  }

  static std::set<std::string> id_set(const std::vector<Json>& h) {
    const auto v = ids(h);
    return {v.begin(), v.end()};
  }

  static size_t count_articles(const std::function<bool(const Article&)>& pred) {
    return static_cast<size_t>(std::count_if(articles_->begin(), articles_->end(), pred));
  }

  static std::unique_ptr<TempDir> tmp_;
  static std::string index_;
  static std::unique_ptr<std::vector<Article>> articles_;  // current versions
};

std::unique_ptr<TempDir> SearchFeatures::tmp_;
std::string SearchFeatures::index_;
std::unique_ptr<std::vector<Article>> SearchFeatures::articles_;

bool has_word_starting(const std::string& text, const std::string& start) {
  std::string word;
  for (char c : text + " ") {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) {
      word += c;
    } else {
      if (word.rfind(start, 0) == 0) return true;
      word.clear();
    }
  }
  return false;
}

// ---- 1. Query language

TEST_F(SearchFeatures, WildcardsMatchWordBeginningsWithinABound) {
  const auto syri = hits({"--no-collapse", "Syri*"});
  EXPECT_EQ(syri.size(), count_articles([](const Article& a) {
              return has_word_starting(all_text(a), "syri");
            }));
  EXPECT_GT(syri.size(), hits({"Syria"}).size());
  const auto quake = hits({"headline:earthquak*"});
  ASSERT_FALSE(quake.empty());
  for (const auto& h : quake) {
    EXPECT_NE(lower(h["headline"]).find("earthquake"), std::string::npos) << h["headline"];
  }
  // Past the bound: exit 2, one line saying what to do.
  const CliResult too_many = search({"a*"});
  EXPECT_EQ(too_many.status, 2);
  EXPECT_EQ(lines(too_many.err).size(), 1u) << too_many.err;
  EXPECT_NE(too_many.err.find("wildcard 'a*' matches more than 100 different words"),
            std::string::npos)
      << too_many.err;
  EXPECT_EQ(too_many.out, "");
  EXPECT_EQ(search({"--count", "a*"}).status, 2);
}

TEST_F(SearchFeatures, NearAndAdjFindWordsCloseTogether) {
  const auto both = hits({"Geneva", "talks"});
  const auto near = hits({"Geneva", "NEAR", "talks"});
  const auto near2 = hits({"Geneva", "NEAR/2", "talks"});
  ASSERT_FALSE(near.empty());
  EXPECT_LT(near.size(), both.size());
  EXPECT_LE(near2.size(), near.size());
  for (const auto& id : id_set(near)) EXPECT_TRUE(id_set(both).count(id)) << id;
  // ADJ keeps the order written.
  EXPECT_EQ(hits({"peace", "ADJ/2", "conference"}).size(), 3u);
  EXPECT_LT(hits({"conference", "ADJ/2", "peace"}).size(), 3u);
}

TEST_F(SearchFeatures, EverySchemaFieldCanBeSearched) {
  for (const auto& h : hits({"byline:Kovalenko"})) {
    EXPECT_NE(h["byline"].get<std::string>().find("Kovalenko"), std::string::npos);
  }
  EXPECT_EQ(hits({"byline:Kovalenko"}).size(), 1u);
  EXPECT_EQ(hits({"slug:protests"}).size(), 1u);
  EXPECT_EQ(hits({"subject:politics"}).size(), 1u);
  EXPECT_EQ(hits({"--no-collapse", "lang:en"}).size(),
            count_articles([](const Article& a) { return a.language == "en"; }));
  const auto usa = hits({"country:usa"});
  ASSERT_FALSE(usa.empty());
  for (const auto& h : usa) EXPECT_EQ(lower(h["country"]), "usa");
  EXPECT_EQ(hits({"--no-collapse", "status:usable"}).size(), articles_->size());
  EXPECT_EQ(ids(hits({"id:RTR-2014-0124-UKR-v3"})),
            (std::vector<std::string>{"RTR-2014-0124-UKR-v3"}));
  EXPECT_EQ(hits({"--all-versions", std::string("story:") + kUkraineStory}).size(), 3u);
  EXPECT_EQ(hits({"title:earthquake"}).size(), hits({"headline:earthquake"}).size());
}

TEST_F(SearchFeatures, AnyRanksArticlesWithAnyOfTheWords) {
  const auto any = id_set(hits({"--any", "Geneva", "Montreux"}));
  EXPECT_EQ(any, id_set(hits({"Geneva", "OR", "Montreux"})));
  const auto all = id_set(hits({"Geneva", "Montreux"}));
  EXPECT_LT(all.size(), any.size());
  for (const auto& id : all) EXPECT_TRUE(any.count(id)) << id;
}

// ---- Dates, relative to an injected "today"

TEST_F(SearchFeatures, RelativeDatesCountBackFromToday) {
  const Env now{{"DATELINE_NOW", "2014-01-20"}};
  auto dated_between = [](const std::string& from, const std::string& until) {
    return count_articles([&](const Article& a) {
      if (!a.date) return false;
      const std::string d = a.date->iso().substr(0, 10);
      return d >= from && d <= until;
    });
  };
  const size_t expected = dated_between("2014-01-13", "9999");
  ASSERT_GT(expected, 0u);
  EXPECT_EQ(hits({"--no-collapse", "date:7d.."}, now).size(), expected);
  EXPECT_EQ(hits({"--no-collapse", "date:7d..today"}, now).size(),
            dated_between("2014-01-13", "2014-01-20"));
  EXPECT_EQ(hits({"--no-collapse", "date:3d"}, now).size(),
            dated_between("2014-01-17", "2014-01-17"));
  EXPECT_EQ(hits({"--no-collapse", "date:yesterday"}, now).size(),
            dated_between("2014-01-19", "2014-01-19"));
  EXPECT_EQ(hits({"--no-collapse", "date:1w..1w"}, now).size(),
            dated_between("2014-01-13", "2014-01-13"));
  EXPECT_EQ(hits({"--no-collapse", "date:1m..2d"}, now).size(),
            dated_between("2013-12-20", "2014-01-18"));
  EXPECT_EQ(hits({"--no-collapse", "date:1y..11m"}, now).size(),
            dated_between("2013-01-20", "2013-02-20"));
  // --today wins over $DATELINE_NOW; --since takes the same forms.
  EXPECT_EQ(hits({"--no-collapse", "--today", "2014-01-18", "date:today"}, now).size(),
            dated_between("2014-01-18", "2014-01-18"));
  EXPECT_EQ(hits({"--no-collapse", "--since", "7d"}, now).size(), expected);
  // A bad "today" is an error, naming where it came from.
  const CliResult bad = search({"date:7d.."}, {{"DATELINE_NOW", "tomorrow"}});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("$DATELINE_NOW 'tomorrow' is not a date"), std::string::npos) << bad.err;
  EXPECT_EQ(search({"--today", "2014-13-01", "talks"}).status, 2);
}

// ---- 2. Ranking

TEST_F(SearchFeatures, RecentBoostsArticlesNearTheReferenceDay) {
  const auto plain = hits({"Syria"});
  const auto recent = hits({"--recent", "--today", "2016-01-25", "Syria"});
  ASSERT_GE(plain.size(), 3u);
  EXPECT_EQ(id_set(plain), id_set(recent)) << "the boost reorders, it does not filter";
  EXPECT_NE(plain[0]["date"], "2016-01-22");
  EXPECT_EQ(recent[0]["date"], "2016-01-22") << recent[0].dump();
  // As of January 2014, the January 2014 stories lead.
  const auto then = hits({"--recent", "--today", "2014-01-23", "Syria"});
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(then[i]["date"].get<std::string>().substr(0, 7), "2014-01") << then[i].dump();
  }
  // Without --today, the newest article in the index is the reference.
  EXPECT_EQ(hits({"--recent", "Syria"}).size(), plain.size());
}

// ---- 3. Facets

TEST_F(SearchFeatures, FacetsCountTheWholeResultSet) {
  std::vector<Json> lines_out;
  for (const auto& l :
       lines(search({"--json", "-n", "2", "--facets", "source,location,country,month", "--facets",
                     "status", "talks"})
                 .out)) {
    lines_out.push_back(Json::parse(l));
  }
  ASSERT_GE(lines_out.size(), 3u);
  const Json& last = lines_out.back();
  ASSERT_TRUE(last.contains("facets")) << last.dump();
  EXPECT_EQ(last["schema"], 1);
  // Counted over every matching article, not the two shown.
  const auto all = hits({"--no-collapse", "talks"});
  EXPECT_EQ(last["matches"], all.size());
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"source", "source"}, {"location", "location"}, {"country", "country"}};
  for (const auto& [facet, key] : fields) {
    std::map<std::string, int> expected;
    for (const auto& h : all) {
      if (!h[key].get<std::string>().empty()) ++expected[h[key]];
    }
    std::map<std::string, int> got;
    for (const auto& v : last["facets"][facet]) got[v["value"]] = v["count"];
    EXPECT_EQ(got, expected) << facet;
  }
  std::map<std::string, int> months;
  for (const auto& h : all) ++months[h["date"].get<std::string>().substr(0, 7)];
  std::vector<std::string> order;
  for (const auto& v : last["facets"]["month"]) {
    EXPECT_EQ(months[v["value"]], v["count"]);
    order.push_back(v["value"]);
  }
  EXPECT_TRUE(std::is_sorted(order.begin(), order.end())) << "months in date order";
  const auto& sources = last["facets"]["source"];
  for (size_t i = 1; i < sources.size(); ++i)
    EXPECT_GE(sources[i - 1]["count"], sources[i]["count"]);
  EXPECT_EQ(last["facets"]["status"][0]["value"], "usable");

  const CliResult text = search({"--facets", "source,month", "talks"});
  EXPECT_NE(text.out.find("Facets over all " + std::to_string(all.size()) + " results:"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("  source  AFP "), std::string::npos) << text.out;
  const CliResult bad = search({"--facets", "source,colour", "talks"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("'colour' is not a facet (facets: source, location"), std::string::npos)
      << bad.err;
}

// ---- 4. Did you mean

TEST_F(SearchFeatures, MisspeltQueriesGetASuggestionAndCorrectRunsIt) {
  const CliResult r = search({"Genva", "talks"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("Did you mean: Geneva talks?"), std::string::npos) << r.out;
  const auto json = json_lines({"Genva", "talks"});
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0]["suggestion"], "Geneva talks");
  EXPECT_EQ(json[0]["corrected"], false);
  EXPECT_EQ(json[0]["query_matches"], 0);

  const CliResult corrected = search({"--correct", "Genva", "talks"});
  EXPECT_EQ(corrected.status, 0);
  EXPECT_EQ(lines(corrected.out)[0], "Showing results for Geneva talks (Genva talks found 0)");
  EXPECT_EQ(id_set(hits({"--correct", "Genva", "talks"})), id_set(hits({"Geneva", "talks"})));
  EXPECT_EQ(json_lines({"--correct", "Genva", "talks"}).back()["corrected"], true);
  EXPECT_EQ(search({"--count", "--correct", "Genva", "talks"}).out,
            search({"--count", "Geneva", "talks"}).out);
  // Fields and names the archive has stay as written.
  EXPECT_NE(search({"Muallem", "Genva"}).out.find("Did you mean: Muallem Geneva?"),
            std::string::npos);
  EXPECT_NE(search({"source:AFP", "Genva"}).out.find("Did you mean: source:AFP Geneva?"),
            std::string::npos);
  // A query that finds enough gets no suggestion.
  EXPECT_EQ(search({"talks"}).out.find("Did you mean"), std::string::npos);
}

TEST_F(SearchFeatures, ProperNamesInTheArchiveAreNeverCorrected) {
  // Every capitalised word that occurs in only one article: the rarest names,
  // the ones a spelling corrector would most like to replace.
  std::map<std::string, std::set<size_t>> seen_in;
  for (size_t i = 0; i < articles_->size(); ++i) {
    for (const auto& p : (*articles_)[i].body) {
      std::istringstream in(p);
      std::string w;
      while (in >> w) {
        while (!w.empty() && !std::isalpha(static_cast<unsigned char>(w.back()))) w.pop_back();
        const bool name = w.size() > 4 && std::isupper(static_cast<unsigned char>(w[0])) &&
                          std::all_of(w.begin() + 1, w.end(), [](char c) {
                            return std::islower(static_cast<unsigned char>(c));
                          });
        if (name) seen_in[w].insert(i);
      }
    }
  }
  std::vector<std::string> rare;
  for (const auto& [w, in] : seen_in) {
    if (in.size() == 1) rare.push_back(w);
  }
  ASSERT_GE(rare.size(), 20u);
  for (size_t i = 0; i < rare.size(); i += rare.size() / 20) {
    const auto out = json_lines({rare[i]});
    ASSERT_FALSE(out.empty()) << rare[i];
    for (const auto& j : out) EXPECT_FALSE(j.contains("suggestion")) << rare[i] << j.dump();
  }
}

// ---- 5. Synonyms

TEST_F(SearchFeatures, ShippedSynonymsJoinAliases) {
  const auto kyiv = hits({"Kyiv"});
  EXPECT_EQ(id_set(kyiv), id_set(hits({"--no-synonyms", "Kiev"})));
  EXPECT_FALSE(kyiv.empty());
  EXPECT_TRUE(hits({"--no-synonyms", "Kyiv"}).empty());
  // "UN" also finds "United Nations" (as a phrase), and the other way round.
  const auto un = id_set(hits({"UN"}));
  const auto un_only = id_set(hits({"--no-synonyms", "UN"}));
  const auto phrase = id_set(hits({"--no-synonyms", "\"United Nations\""}));
  std::set<std::string> either = un_only;
  either.insert(phrase.begin(), phrase.end());
  EXPECT_EQ(un, either);
  EXPECT_GT(un.size(), un_only.size());
  EXPECT_EQ(id_set(hits({"United", "Nations"})), un);
  // Acronyms match only in capitals: "us" is a word, not the country.
  EXPECT_EQ(id_set(hits({"us"})), id_set(hits({"--no-synonyms", "us"})));
  EXPECT_GT(hits({"US"}).size(), hits({"--no-synonyms", "US"}).size());
  // Not inside phrases; operators and signs keep their meaning.
  EXPECT_TRUE(hits({"\"Kyiv\""}).empty());
  EXPECT_EQ(id_set(hits({"Ukraine", "-Kyiv"})),
            id_set(hits({"--no-synonyms", "Ukraine", "-Kiev"})));
  EXPECT_EQ(id_set(hits({"Kyiv", "OR", "Moscow"})),
            id_set(hits({"--no-synonyms", "Kiev", "OR", "Moscow"})));
}

TEST_F(SearchFeatures, SynonymFilesAreReadFromTheOptionOrTheEnvironment) {
  TempDir tmp;
  const std::string file = tmp.write("syn.txt",
                                     "# test synonyms\n"
                                     "PX = prisoner swap\n"
                                     "this line has no equals sign\n"
                                     "\n"
                                     "quake = = tremor\n"
                                     "Sardines = pilchards\n");
  const CliResult r = search({"--synonyms", file, "--json", "PX"});
  EXPECT_EQ(r.status, 0) << r.err;
  // Malformed lines: one warning each, with the line number; the rest works.
  const auto warnings = lines(r.err);
  ASSERT_EQ(warnings.size(), 2u) << r.err;
  EXPECT_NE(warnings[0].find("syn.txt:3: no '='"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[1].find("syn.txt:5: an empty entry"), std::string::npos) << warnings[1];
  EXPECT_EQ(warnings[0].rfind("searcher: warning: synonyms ", 0), 0u);
  // Several words are a phrase: "prisoner swap", not both words anywhere.
  std::set<std::string> px;
  for (const auto& l : lines(r.out)) px.insert(Json::parse(l)["id"].get<std::string>());
  EXPECT_EQ(px, id_set(hits({"--no-synonyms", "\"prisoner swap\""})));
  EXPECT_LT(px.size(), hits({"--no-synonyms", "prisoner", "swap"}).size());
  // $DATELINE_SYNONYMS names the file too; the option wins.
  EXPECT_EQ(id_set(hits({"PX"}, {{"DATELINE_SYNONYMS", file}})), px);
  const CliResult missing = search({"--synonyms", tmp / "none.txt", "talks"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("cannot read the synonyms file"), std::string::npos);
}

// ---- 6. Related stories

TEST_F(SearchFeatures, LikeFindsRelatedStoriesButNotTheStoryItself) {
  const auto like = hits({"--like", "RTR-2014-0124-UKR-v3"});
  ASSERT_GE(like.size(), 3u);
  for (const auto& h : like) EXPECT_NE(h["story"], kUkraineStory) << h.dump();
  for (const auto& h : hits({"--all-versions", "--like", "RTR-2014-0124-UKR-v1"})) {
    EXPECT_NE(h["story"], kUkraineStory) << h.dump();
  }
  // The other story about Ukraine and Russia comes first.
  EXPECT_NE(lower(like[0]["headline"]).find("crimea"), std::string::npos) << like[0].dump();
  // Filters and words narrow it.
  for (const auto& h : hits({"--like", "RTR-2014-0124-UKR-v3", "source:AFP"})) {
    EXPECT_EQ(h["source"], "AFP");
  }
  const CliResult text = search({"--like", "RTR-2014-0124-UKR-v3"});
  EXPECT_NE(lines(text.out)[0].find("like RTR-2014-0124-UKR-v3 (Ukraine unrest spreads"),
            std::string::npos)
      << text.out;
  const CliResult bad = search({"--like", "no-such-id"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("no article has the id 'no-such-id'"), std::string::npos);
}

// ---- 7. Duplicates

TEST_F(SearchFeatures, NearIdenticalArticlesCollapseIntoOneHit) {
  const auto folded = hits({"\"prisoner swap\""});
  ASSERT_EQ(folded.size(), 1u);
  ASSERT_EQ(folded[0]["duplicates"].size(), 1u) << folded[0].dump();
  const Json& dup = folded[0]["duplicates"][0];
  EXPECT_NE(dup["source"], folded[0]["source"]);
  EXPECT_TRUE(dup["source"] == "Reuters" || dup["source"] == "AFP");
  const auto all = hits({"--no-collapse", "\"prisoner swap\""});
  ASSERT_EQ(all.size(), 2u);
  for (const auto& h : all) EXPECT_TRUE(h["duplicates"].empty());
  EXPECT_EQ(id_set(all), (std::set<std::string>{folded[0]["id"], dup["id"]}));

  const CliResult text = search({"\"prisoner swap\""});
  const auto out = lines(text.out);
  EXPECT_EQ(out[0],
            "2 results for \"prisoner swap\", 1 once near-identical ones are folded "
            "(showing 1-1)");
  EXPECT_NE(text.out.find("(+1 near-identical from " + dup["source"].get<std::string>()),
            std::string::npos)
      << text.out;
  EXPECT_EQ(search({"--count", "\"prisoner swap\""}).out, "2\n") << "counts articles";
  // Articles that only share words are not folded.
  EXPECT_EQ(hits({"Syria"}).size() + 1, hits({"--no-collapse", "Syria"}).size());
}

// ---- 8. Output

TEST_F(SearchFeatures, IdsAndPathsForScripts) {
  const auto h = hits({"talks"});
  const CliResult r = search({"--format", "ids", "-n", "1000", "talks"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(lines(r.out), ids(h));
  const CliResult p = search({"--format", "paths", "-n", "1000", "--no-collapse", "date:1987"});
  const auto paths = lines(p.out);
  ASSERT_EQ(paths.size(), 1u) << "the SGML file's records share one path";
  EXPECT_EQ(paths[0], corpus_dir() + "/reuters-sgml/sample.sgm");
  EXPECT_EQ(search({"--format", "yaml", "talks"}).status, 2);
  EXPECT_EQ(search({"--format", "ids", "zzyzx"}).status, 1);
}

TEST_F(SearchFeatures, EveryJsonLineCarriesTheSchemaVersion) {
  for (const auto& j : json_lines({"--facets", "source", "talks"})) EXPECT_EQ(j["schema"], 1);
  for (const auto& j : json_lines({"Genva", "talks"})) EXPECT_EQ(j["schema"], 1);
}

TEST_F(SearchFeatures, PagesAreCutFromOneStableRanking) {
  for (const std::string sort : {"relevance", "newest", "oldest"}) {
    for (const bool recent : {false, true}) {
      std::vector<std::string> args{"--sort", sort, "source:AFP", "OR", "talks", "OR", "Syria"};
      if (recent) args.insert(args.begin(), "--recent");
      const auto whole = ids(hits(args));
      ASSERT_GE(whole.size(), 10u);
      std::vector<std::string> paged;
      for (unsigned offset = 0; offset < whole.size(); offset += 3) {
        auto page_args = args;
        page_args.insert(page_args.begin(), {"-n", "3", "--offset", std::to_string(offset)});
        page_args.insert(page_args.begin(), "--json");
        const CliResult r = search(page_args);
        for (const auto& l : lines(r.out)) {
          const Json j = Json::parse(l);
          EXPECT_EQ(j["rank"], paged.size() + 1);
          paged.push_back(j["id"]);
        }
      }
      EXPECT_EQ(paged, whole) << sort << (recent ? " --recent" : "");
    }
  }
}

TEST_F(SearchFeatures, HeaderSaysHowManyAndWhichAreShown) {
  const CliResult r = search({"--no-collapse", "-n", "2", "--offset", "2", "talks"});
  const auto n = hits({"--no-collapse", "talks"}).size();
  EXPECT_EQ(lines(r.out)[0], std::to_string(n) + " results for talks (showing 3-4)");
  // Columns line up: every headline starts in the same column.
  const CliResult page = search({"-n", "6", "talks"});
  std::vector<Json> shown;
  for (const auto& l : lines(search({"--json", "-n", "6", "talks"}).out)) {
    shown.push_back(Json::parse(l));
  }
  const auto out = lines(page.out);
  std::set<size_t> starts;
  for (const auto& h : shown) {
    const std::string headline = h["headline"];
    for (const auto& l : out) {
      const size_t at = l.find("  " + headline);
      if (at == std::string::npos) continue;
      size_t column = 0;  // in characters, not bytes
      for (size_t i = 0; i < at; ++i) column += (static_cast<unsigned char>(l[i]) & 0xC0) != 0x80;
      starts.insert(column);
    }
  }
  ASSERT_FALSE(starts.empty());
  EXPECT_EQ(starts.size(), 1u) << page.out;
}

}  // namespace
}  // namespace dateline::testing
