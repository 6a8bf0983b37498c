#include "searcher/snippet.h"

#include <gtest/gtest.h>

#include "common/document_builder.h"
#include "common/stemmers.h"
#include "common/text.h"

namespace dateline {
namespace {

class SnippetTest : public ::testing::Test {
 protected:
  MatchTerms terms_for(const std::string& query) {
    Xapian::QueryParser qp;
    qp.set_stemmer(stemmer_);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.add_prefix("headline", "S");
    qp.add_boolean_prefix("source", "XS");
    // As the searcher does: queries are folded like the indexed text.
    return match_terms(qp.parse_query(text::fold_diacritics(query)));
  }
  Xapian::Stem stemmer_ = stemmer_for("en");
};

TEST_F(SnippetTest, MatchTermsKeepWordsAndStemsButNotFilters) {
  const MatchTerms t = terms_for("talks headline:Geneva source:afp");
  // STEM_SOME: lower-case words are searched stemmed, capitalised ones as written.
  EXPECT_TRUE(t.stems.count("talk"));
  EXPECT_TRUE(t.words.count("geneva"));
  EXPECT_EQ(t.words.size() + t.stems.size(), 2u);
  for (const auto& w : t.words) EXPECT_EQ(w.find("afp"), std::string::npos) << w;
  for (const auto& w : t.stems) EXPECT_EQ(w.find("afp"), std::string::npos) << w;
}

TEST_F(SnippetTest, MarksStemmedFormsAndCasing) {
  const Snippet s = make_snippet({"Peace Talks resumed. The talk was long; they talked."},
                                 terms_for("talk"), stemmer_);
  EXPECT_EQ(render_snippet(s, "[", "]"),
            "Peace [Talks] resumed. The [talk] was long; they [talked].");
  EXPECT_EQ(s.matched, (std::vector<std::string>{"talks", "talk", "talked"}));
}

TEST_F(SnippetTest, PicksTheWindowWithTheMostDistinctMatches) {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "filler" + std::to_string(i) + " ";
  text += "Geneva hosted the peace conference on Syria. ";
  for (int i = 0; i < 60; ++i) text += "padding" + std::to_string(i) + " ";
  const Snippet s = make_snippet({text}, terms_for("Geneva conference"), stemmer_, 20);
  EXPECT_NE(s.text.find("Geneva hosted the peace conference"), std::string::npos) << s.text;
  EXPECT_EQ(s.text.rfind("\xE2\x80\xA6", 0), 0u) << "ellipsis at a cut start";
  EXPECT_EQ(s.marks.size(), 2u);
}

TEST_F(SnippetTest, WithoutMatchesShowsTheStart) {
  const Snippet s =
      make_snippet({"First words here.", "Second paragraph."}, terms_for("zebra"), stemmer_, 3);
  EXPECT_EQ(s.text, "First words here.\xE2\x80\xA6");
  EXPECT_TRUE(s.marks.empty());
  EXPECT_TRUE(make_snippet({}, terms_for("zebra"), stemmer_).text.empty());
}

TEST_F(SnippetTest, HandlesUtf8AndMarkAll) {
  const Snippet s = mark_all("Talks in Genève resume", terms_for("genève talks"), stemmer_);
  EXPECT_EQ(render_snippet(s, "<", ">"), "<Talks> in <Genève> resume");
  const Snippet quoted = mark_all("\"Talks\" resume", terms_for("talks"), stemmer_);
  EXPECT_EQ(render_snippet(quoted, "<", ">"), "\"<Talks>\" resume");
}

// The window: the start of the text when the matches are there (no leading
// "…"), and the last max_words words when they are at the end (no trailing
// "…").
TEST_F(SnippetTest, WindowAtTheStartAndAtTheEnd) {
  std::string tail;
  for (int i = 0; i < 30; ++i) tail += " w" + std::to_string(i);
  const Snippet start = make_snippet({"Geneva talks" + tail}, terms_for("Geneva"), stemmer_, 5);
  EXPECT_EQ(render_snippet(start, "[", "]"), "[Geneva] talks w0 w1 w2\xE2\x80\xA6");
  // The window starts five words before its first match, but not so late
  // that it would run past the end.
  const Snippet end =
      make_snippet({tail.substr(1) + " in Geneva."}, terms_for("Geneva"), stemmer_, 10);
  EXPECT_EQ(render_snippet(end, "[", "]"),
            "\xE2\x80\xA6w22 w23 w24 w25 w26 w27 w28 w29 in [Geneva].");
  EXPECT_EQ(end.matched, (std::vector<std::string>{"geneva"}));
  // A text shorter than the window is shown whole.
  EXPECT_EQ(make_snippet({"Talks end."}, terms_for("talks"), stemmer_, 5).text, "Talks end.");
}

TEST_F(SnippetTest, MarksUnstemmedWordsAndPhrases) {
  // STEM_SOME: a capitalised query word matches as written, not its stem.
  const Snippet exact = make_snippet({"Talks and talk in Geneva."}, terms_for("Talks"), stemmer_);
  EXPECT_EQ(render_snippet(exact, "[", "]"), "[Talks] and talk in Geneva.");
  const Snippet phrase =
      make_snippet({"The peace talks began; peace held."}, terms_for("\"peace talks\""), stemmer_);
  EXPECT_EQ(render_snippet(phrase, "[", "]"), "The [peace] [talks] began; [peace] held.");
  EXPECT_EQ(phrase.matched, (std::vector<std::string>{"peace", "talks"}));
}

TEST_F(SnippetTest, DiacriticsAndNonAsciiText) {
  // The query and the text are compared folded; the marks keep the text's
  // accents and the matched words are lower-cased.
  const Snippet s = make_snippet({"Réunion à GENÈVE: l'ÉTÉ «chaud» à Genève, genève."},
                                 terms_for("geneve ete"), stemmer_);
  EXPECT_EQ(render_snippet(s, "[", "]"),
            "Réunion à [GENÈVE]: l'[ÉTÉ] «chaud» à [Genève], [genève].");
  EXPECT_EQ(s.matched, (std::vector<std::string>{"genève", "été"}));
  // Marks are byte ranges.
  ASSERT_FALSE(s.marks.empty());
  EXPECT_EQ(s.text.substr(s.marks[0].first, s.marks[0].second - s.marks[0].first), "GENÈVE");
}

TEST_F(SnippetTest, EmptyAndWordlessBodies) {
  EXPECT_TRUE(make_snippet({}, terms_for("talks"), stemmer_).text.empty());
  EXPECT_TRUE(make_snippet({""}, terms_for("talks"), stemmer_).text.empty());
  EXPECT_TRUE(make_snippet({"... --", "!"}, terms_for("talks"), stemmer_).text.empty());
  EXPECT_TRUE(make_snippet({"Talks"}, terms_for("talks"), stemmer_, 0).text.empty());
  const Snippet none = mark_all("", terms_for("talks"), stemmer_);
  EXPECT_TRUE(none.text.empty());
  EXPECT_TRUE(none.marks.empty());
}

// One SnippetMaker serves every hit of a page: what it remembers of a word
// from one hit must not change the next hit's snippet, nor carry over from
// one stemmer (article language) to another.
TEST_F(SnippetTest, OneMakerForManyHitsGivesTheSameSnippets) {
  const MatchTerms terms = terms_for("talk Geneva");
  const std::vector<std::vector<std::string>> bodies = {
      {"Peace Talks resumed in Geneva.", "The talk was long."},
      {"Nothing here matches."},
      {"Geneva, GENEVA and geneva; they talked and talked."},
      {},
      {"talks talks talks"},
  };
  SnippetMaker maker(terms);
  for (int round = 0; round < 2; ++round) {
    for (const auto& body : bodies) {
      const Snippet a = make_snippet(body, terms, stemmer_, 6);
      const Snippet b = maker.make(body, stemmer_, 6);
      EXPECT_EQ(a.text, b.text);
      EXPECT_EQ(a.marks, b.marks);
      EXPECT_EQ(a.matched, b.matched);
    }
  }
  // The "none" stemmer keeps words as they are: "talks" is not "talk".
  const Xapian::Stem& none = stemmer_for("xx");
  const Snippet unstemmed = maker.make({"Peace talks in Geneva."}, none);
  EXPECT_EQ(render_snippet(unstemmed, "[", "]"), "Peace talks in [Geneva].");
  EXPECT_EQ(render_snippet(maker.make({"Peace talks in Geneva."}, stemmer_), "[", "]"),
            "Peace [talks] in [Geneva].");
  EXPECT_EQ(render_snippet(maker.mark_all("Talks in Geneva", stemmer_), "<", ">"),
            "<Talks> in <Geneva>");
}

}  // namespace
}  // namespace dateline
