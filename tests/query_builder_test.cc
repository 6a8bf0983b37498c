#include "searcher/query_builder.h"

#include <gtest/gtest.h>

#include <set>

#include "common/document_builder.h"
#include "common/error.h"
#include "common/schema.h"
#include "common/stemmers.h"
#include "common/stored_article.h"
#include "searcher/search.h"
#include "searcher/synonyms.h"

namespace dateline {
namespace {

Article make(const std::string& id, const std::string& source, const std::string& city,
             CivilDate date, const std::string& headline, const std::string& body) {
  Article a;
  a.id = id;
  a.source = source;
  a.location.city = city;
  a.date = Timestamp::from_date(date);
  a.headline = headline;
  a.body = {body};
  return a;
}

// A small in-memory index, searched through build_query.
class QueryBuilder : public ::testing::Test {
 protected:
  QueryBuilder() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {
    Xapian::TermGenerator termgen;
    termgen.set_stemmer(stemmer_for("en"));
    for (const Article& a : {
             make("a1", "AFP", "Moscow", {2014, 1, 17}, "Syria offers prisoner swap",
                  "The regime said it was ready to swap prisoners before Geneva II."),
             make("r1", "Reuters", "Geneva", {2014, 1, 22}, "Syria talks open in Montreux",
                  "Delegates met in Montreux and talked about Geneva II."),
             make("d1", "dpa", "Rio de Janeiro", {2014, 7, 13}, "Germany win World Cup",
                  "Germany beat Argentina in Rio."),
         }) {
      Xapian::Document doc = build_document(a, termgen);
      doc.add_boolean_term(std::string(kCurrentVersionTerm));
      db_.add_document(doc);
    }
    // An older version of a1's story: not current.
    Article old = make("a0", "AFP", "Moscow", {2014, 1, 16}, "Syria may offer prisoner swap",
                       "Early report of a swap.");
    old.story_id = "a1";
    db_.add_document(build_document(old, termgen));
    db_.commit();
  }

  std::set<std::string> ids(const std::string& query, SearchRequest request = {},
                            const Synonyms* synonyms = nullptr) {
    request.query = query;
    const BuiltQuery built = build_query(request, db_, synonyms);
    warnings_ = built.warnings;
    Xapian::Enquire enquire(db_);
    enquire.set_query(built.query);
    std::set<std::string> out;
    const Xapian::MSet mset = enquire.get_mset(0, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      out.insert(decode_stored_article(it.get_document().get_data()).id);
    }
    return out;
  }

  Xapian::WritableDatabase db_;
  std::vector<std::string> warnings_;
};

using Ids = std::set<std::string>;

TEST_F(QueryBuilder, WordsAreAndedAndStemmed) {
  EXPECT_EQ(ids("Geneva II"), (Ids{"a1", "r1"}));
  EXPECT_EQ(ids("swap prisoners"), (Ids{"a1"}));
  EXPECT_EQ(ids("talk"), (Ids{"r1"}));  // "talks", "talked"
  EXPECT_EQ(ids("Germany Syria"), Ids{});
  EXPECT_TRUE(warnings_.empty());
}

TEST_F(QueryBuilder, StopwordsAreNotRequired) {
  EXPECT_EQ(ids("the talks in Montreux"), (Ids{"r1"}));
}

TEST_F(QueryBuilder, QuestionsNeedOnlyTheirTellingWords) {
  // Snowball's stop list: "what", "is", "the", "to" are not required.
  EXPECT_EQ(ids("what is the regime ready to swap"), (Ids{"a1"}));
  // ...but "US" and "WHO" are never dropped (a query of stopwords only would
  // be an error).
  EXPECT_EQ(ids("US"), Ids{});
  EXPECT_EQ(ids("WHO"), Ids{});
}

TEST_F(QueryBuilder, AQueryInCapitalsIsReadAsLowerCase) {
  EXPECT_EQ(ids("SWAPS"), (Ids{"a1"})) << "stemmed, as a lower-case word is";
  EXPECT_EQ(ids("Swaps"), Ids{}) << "a capitalised word matches as written";
  EXPECT_EQ(ids("Syria OR Germany"), (Ids{"a1", "r1", "d1"}));
  EXPECT_EQ(ids("SYRIA OR GERMANY"), Ids{}) << "OR is a word there, and a stopword";
  EXPECT_EQ(ids("SYRIA TALKS"), (Ids{"r1"}));
  EXPECT_EQ(ids("SYRIA SOURCE:AFP"), (Ids{"a1"}));
}

TEST_F(QueryBuilder, PhrasesAndBooleans) {
  EXPECT_EQ(ids("\"prisoner swap\""), (Ids{"a1"}));
  EXPECT_EQ(ids("\"swap prisoner\""), Ids{});
  EXPECT_EQ(ids("Syria OR Germany"), (Ids{"a1", "r1", "d1"}));
  EXPECT_EQ(ids("Syria NOT Montreux"), (Ids{"a1"}));
  EXPECT_EQ(ids("Syria -Montreux"), (Ids{"a1"}));
  EXPECT_EQ(ids("(Syria OR Germany) AND Rio"), (Ids{"d1"}));
}

TEST_F(QueryBuilder, FieldsComeFromTheSchema) {
  EXPECT_EQ(ids("headline:swap"), (Ids{"a1"}));
  EXPECT_EQ(ids("title:swap"), (Ids{"a1"}));
  EXPECT_EQ(ids("headline:Geneva"), Ids{});
  EXPECT_EQ(ids("source:afp"), (Ids{"a1"}));
  EXPECT_EQ(ids("source:AFP OR source:dpa"), (Ids{"a1", "d1"}));
  EXPECT_EQ(ids("Syria source:Reuters"), (Ids{"r1"}));
  EXPECT_EQ(ids("location:\"Rio de Janeiro\""), (Ids{"d1"}));
  EXPECT_EQ(ids("id:r1"), (Ids{"r1"}));
  EXPECT_EQ(ids("date:2014-01"), (Ids{"a1", "r1"}));
  EXPECT_EQ(ids("date:2014-01-20..2014-12-31"), (Ids{"r1", "d1"}));
  EXPECT_EQ(ids("Syria date:..2014-01-17"), (Ids{"a1"}));
}

TEST_F(QueryBuilder, OnlyCurrentVersionsUnlessAllAreAskedFor) {
  EXPECT_EQ(ids("swap"), (Ids{"a1"}));
  SearchRequest all;
  all.all_versions = true;
  EXPECT_EQ(ids("swap", all), (Ids{"a0", "a1"}));
}

TEST_F(QueryBuilder, DiacriticsAreFoldedInQueries) {
  EXPECT_EQ(ids("Genèva"), (Ids{"a1", "r1"}));
  EXPECT_EQ(ids("location:GENÈVA"), (Ids{"r1"}));
}

TEST_F(QueryBuilder, FlagsFilterToo) {
  SearchRequest r;
  r.sources = {"AFP", "dpa"};
  EXPECT_EQ(ids("", r), (Ids{"a1", "d1"}));
  r.since = "2014-07";
  EXPECT_EQ(ids("", r), (Ids{"d1"}));
  SearchRequest loc;
  loc.locations = {"geneva"};
  EXPECT_EQ(ids("Syria", loc), (Ids{"r1"}));
  SearchRequest until;
  until.until = "2014-01-17";
  EXPECT_EQ(ids("Syria", until), (Ids{"a1"}));
}

TEST_F(QueryBuilder, MalformedQueriesFallBackToPlainWordsWithAWarning) {
  EXPECT_EQ(ids("\"Geneva II"), (Ids{"a1", "r1"}));
  ASSERT_EQ(warnings_.size(), 1u);
  EXPECT_NE(warnings_[0].find("unbalanced quote"), std::string::npos);
  EXPECT_EQ(ids("(Geneva II"), (Ids{"a1", "r1"}));
  EXPECT_NE(warnings_.at(0).find("unbalanced bracket"), std::string::npos);
  EXPECT_EQ(ids("Geneva II)"), (Ids{"a1", "r1"}));
  EXPECT_EQ(ids("Geneva AND"), (Ids{"r1", "a1"}));
  EXPECT_EQ(warnings_.size(), 1u);
}

TEST_F(QueryBuilder, ErrorsNameTheProblem) {
  SearchRequest r;
  r.query = "colour:red";
  EXPECT_THROW(build_query(r, db_), QueryError);
  r.query = "date:2014-13";
  EXPECT_THROW(build_query(r, db_), QueryError);
  r.query = "";
  EXPECT_THROW(build_query(r, db_), QueryError);
  r.query = "   ";
  EXPECT_THROW(build_query(r, db_), QueryError);
  r.query = "Syria";
  r.since = "2015";
  r.until = "2014";
  EXPECT_THROW(build_query(r, db_), QueryError);
  // A colon that is not a field: times, URLs in quotes.
  r = {};
  r.query = "\"talks at 10:30\"";
  EXPECT_NO_THROW(build_query(r, db_));
}

TEST_F(QueryBuilder, WildcardsExpandWithinABound) {
  EXPECT_EQ(ids("Syri*"), (Ids{"a1", "r1"}));
  EXPECT_EQ(ids("headline:Montr*"), (Ids{"r1"}));
  EXPECT_EQ(ids("Argent*"), (Ids{"d1"}));
  // The bound is checked when the query runs: run_search says what to do.
  Xapian::WritableDatabase big(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc;
  for (int i = 0; i <= 120; ++i) doc.add_term("zz" + std::to_string(i));
  doc.add_boolean_term(std::string(kCurrentVersionTerm));
  big.add_document(doc);
  SearchRequest r;
  r.query = "zz*";
  const BuiltQuery built = build_query(r, big);
  Xapian::Database db = big;
  try {
    run_search(db, built.query, r, false);
    ADD_FAILURE() << "no error past the bound";
  } catch (const QueryError& e) {
    EXPECT_NE(std::string(e.what()).find("wildcard 'zz*' matches more than 100"), std::string::npos)
        << e.what();
  }
}

TEST_F(QueryBuilder, NearAndAdj) {
  EXPECT_EQ(ids("Geneva NEAR Montreux"), (Ids{"r1"}));
  EXPECT_EQ(ids("prisoner NEAR/1 swap"), (Ids{"a1"}));
  EXPECT_EQ(ids("swap ADJ prisoner"), Ids{});
}

TEST_F(QueryBuilder, AnyWordMode) {
  SearchRequest any;
  any.match_any = true;
  EXPECT_EQ(ids("Germany Montreux", any), (Ids{"r1", "d1"}));
  EXPECT_EQ(ids("Germany Montreux"), Ids{});
}

TEST_F(QueryBuilder, RelativeDatesUseTheRequestsToday) {
  SearchRequest r;
  r.today = CivilDate{2014, 1, 23};
  EXPECT_EQ(ids("date:2d..today", r), (Ids{"r1"}));
  EXPECT_EQ(ids("date:7d..today", r), (Ids{"a1", "r1"}));
  EXPECT_EQ(ids("date:7d..", r), (Ids{"a1", "r1", "d1"}));
  EXPECT_EQ(ids("date:yesterday", r), (Ids{"r1"}));
  EXPECT_EQ(ids("date:2d", r), Ids{});
  r.since = "7d";
  EXPECT_EQ(ids("Syria", r), (Ids{"a1", "r1"}));
}

TEST_F(QueryBuilder, SynonymsSearchEveryEntryOfTheGroup) {
  std::vector<std::string> warnings;
  const Synonyms syn = Synonyms::parse(
      "Montreux = Lake Geneva Riviera\nDS = prisoner swap\nRIO = Rio de Janeiro\n", "t", &warnings);
  EXPECT_TRUE(warnings.empty());
  Xapian::Document doc;  // an article that says "Lake Geneva Riviera" only
  EXPECT_EQ(ids("Montreux", {}, &syn), (Ids{"r1"}));
  EXPECT_EQ(ids("DS", {}, &syn), (Ids{"a1"}));
  EXPECT_EQ(ids("ds", {}, &syn), Ids{}) << "acronyms match capitals only";
  EXPECT_EQ(ids("RIO", {}, &syn), (Ids{"d1"}));
  EXPECT_EQ(ids("Syria -DS", {}, &syn), (Ids{"r1"}));
  EXPECT_EQ(ids("DS OR Germany", {}, &syn), (Ids{"a1", "d1"}));
  EXPECT_EQ(ids("\"DS\"", {}, &syn), Ids{}) << "not inside phrases";
}

TEST_F(QueryBuilder, LikeSearchesTheArticlesWordsButNotItsStory) {
  SearchRequest r;
  r.like_id = "a1";
  r.all_versions = true;
  const Ids like = ids("", r);
  EXPECT_FALSE(like.count("a1"));
  EXPECT_FALSE(like.count("a0")) << "another version of the same story";
  EXPECT_TRUE(like.count("r1")) << "shares Syria, Geneva II";
  EXPECT_EQ(ids("source:dpa", r), Ids{});
  r.like_id = "nope";
  EXPECT_THROW(ids("", r), QueryError);
}

}  // namespace
}  // namespace dateline
