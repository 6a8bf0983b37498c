#include "common/document_builder.h"
#include "common/stemmers.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "common/schema.h"
#include "common/stored_article.h"

namespace dateline {
namespace {

Article sample() {
  Article a;
  a.id = "RTR-1";
  a.source = "Reuters";
  a.location.city = "Rio de Janeiro";
  a.location.country = "brazil";
  a.date = Timestamp::from_date({2014, 7, 13});
  a.headline = "Germany wins World Cup";
  a.byline = "Katrin Lehmann";
  a.body = {"Germany beat Argentina in the final.", "Fans celebrated in Berlin."};
  a.origin.path = "/corpus/dpa/final.txt";
  return a;
}

std::vector<std::string> terms(const Xapian::Document& doc) {
  return {doc.termlist_begin(), doc.termlist_end()};
}

bool has(const std::vector<std::string>& terms, const std::string& t) {
  return std::find(terms.begin(), terms.end(), t) != terms.end();
}

class DocumentBuilder : public ::testing::Test {
 protected:
  DocumentBuilder() { termgen_.set_stemmer(stemmer_for("en")); }
  Xapian::TermGenerator termgen_;
};

TEST_F(DocumentBuilder, WritesEveryFieldThroughTheSchema) {
  const Xapian::Document doc = build_document(sample(), termgen_);
  const auto t = terms(doc);
  EXPECT_TRUE(has(t, id_term("RTR-1")));
  EXPECT_TRUE(has(t, "XSreuters"));
  EXPECT_TRUE(has(t, "XLrio de janeiro"));
  EXPECT_TRUE(has(t, "XCbrazil"));
  EXPECT_TRUE(has(t, "Len"));
  EXPECT_TRUE(has(t, "XP/corpus/dpa/final.txt"));
  // Headline words: prefixed, and in the free text; stemmed forms too.
  EXPECT_TRUE(has(t, "Sgermany"));
  EXPECT_TRUE(has(t, "ZSwin"));
  EXPECT_TRUE(has(t, "germany"));
  EXPECT_TRUE(has(t, "Zwin"));
  EXPECT_TRUE(has(t, "Akatrin"));
  EXPECT_TRUE(has(t, "argentina"));
  EXPECT_TRUE(has(t, "Zcelebr"));
  EXPECT_FALSE(has(t, "Sargentina")) << "body words are not headline words";
  EXPECT_EQ(decode_stored_article(doc.get_data()).headline, "Germany wins World Cup");
  EXPECT_EQ(Xapian::sortable_unserialise(doc.get_value(date_field().slot)),
            static_cast<double>(Timestamp::from_date({2014, 7, 13}).seconds()));
  EXPECT_EQ(doc.get_value(find_field("source")->slot), "reuters");
}

TEST_F(DocumentBuilder, HeadlineWordsWeighMoreThanBodyWords) {
  const Xapian::Document doc = build_document(sample(), termgen_);
  Xapian::termcount headline_wdf = 0, body_wdf = 0;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    if (*it == "cup") headline_wdf = it.get_wdf();
    if (*it == "final") body_wdf = it.get_wdf();
  }
  EXPECT_EQ(headline_wdf, find_field("headline")->free_text_weight);
  EXPECT_EQ(body_wdf, 1u);
}

TEST_F(DocumentBuilder, PhrasesDoNotSpanParagraphsOrFields) {
  const Xapian::Document doc = build_document(sample(), termgen_);
  auto positions = [&](const std::string& term) {
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
      if (*it == term)
        return std::vector<Xapian::termpos>(it.positionlist_begin(), it.positionlist_end());
    }
    return std::vector<Xapian::termpos>{};
  };
  const auto cup = positions("cup");
  const auto katrin = positions("katrin");
  ASSERT_FALSE(cup.empty());
  ASSERT_FALSE(katrin.empty());
  EXPECT_GT(katrin.front(), cup.back() + 1);
}

TEST_F(DocumentBuilder, LeavesOutWhatAnArticleDoesNotHave) {
  Article a;
  a.id = "x";
  a.body = {"Only text."};
  const Xapian::Document doc = build_document(a, termgen_);
  EXPECT_EQ(doc.get_value(date_field().slot), "");
  for (const auto& t : terms(doc)) EXPECT_NE(t.rfind("XS", 0), 0u) << t;
}

}  // namespace
}  // namespace dateline
