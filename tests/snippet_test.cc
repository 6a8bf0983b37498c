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

}  // namespace
}  // namespace dateline
