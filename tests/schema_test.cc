#include "common/schema.h"

#include <gtest/gtest.h>

#include <set>

#include "common/text.h"

namespace dateline {
namespace {

TEST(Schema, NamesPrefixesAndSlotsAreUnique) {
  std::set<std::string_view> names, prefixes;
  std::set<int> slots;
  for (const Field& f : schema_fields()) {
    EXPECT_TRUE(names.insert(f.name).second) << f.name;
    if (!f.alias.empty()) {
      EXPECT_TRUE(names.insert(f.alias).second) << f.alias;
    }
    if (!f.prefix.empty()) {
      EXPECT_TRUE(prefixes.insert(f.prefix).second) << f.prefix;
    }
    if (f.slot != kNoSlot) {
      EXPECT_TRUE(slots.insert(f.slot).second) << f.name;
    }
  }
}

TEST(Schema, PrefixesFollowXapianConventions) {
  // Upper-case prefixes; multi-letter ones start with X, so terms never clash.
  for (const Field& f : schema_fields()) {
    for (char c : f.prefix) EXPECT_TRUE(c >= 'A' && c <= 'Z') << f.name;
    if (f.prefix.size() > 1) {
      EXPECT_EQ(f.prefix[0], 'X') << f.name;
    }
    // 'Z' marks stemmed terms in Xapian.
    if (!f.prefix.empty()) {
      EXPECT_NE(f.prefix[0], 'Z') << f.name;
    }
  }
}

TEST(Schema, NoPrefixStartsAnother) {
  // Otherwise a term of one field could be read as a term of another.
  for (const Field& a : schema_fields()) {
    for (const Field& b : schema_fields()) {
      if (&a == &b || a.prefix.empty() || b.prefix.empty()) continue;
      EXPECT_NE(b.prefix.rfind(a.prefix, 0), 0u) << a.name << " / " << b.name;
    }
    if (!a.prefix.empty()) {
      EXPECT_NE(std::string(kCurrentVersionTerm).rfind(std::string(a.prefix), 0), 0u) << a.name;
    }
  }
}

TEST(Schema, KindsAreConsistent) {
  for (const Field& f : schema_fields()) {
    switch (f.kind) {
      case FieldKind::kText:
        EXPECT_EQ(f.slot, kNoSlot) << f.name;
        EXPECT_TRUE(f.prefix.empty() ? f.free_text_weight > 0 : true) << f.name;
        break;
      case FieldKind::kFilter:
        EXPECT_FALSE(f.prefix.empty()) << f.name;
        EXPECT_EQ(f.free_text_weight, 0u) << f.name;
        break;
      case FieldKind::kDate:
      case FieldKind::kNumber:
      case FieldKind::kKey:
        EXPECT_NE(f.slot, kNoSlot) << f.name;
        EXPECT_TRUE(f.prefix.empty()) << f.name;
        break;
    }
  }
}

TEST(Schema, HeadlineWeighsMoreThanBody) {
  EXPECT_GT(find_field("headline")->free_text_weight, find_field("body")->free_text_weight);
}

TEST(Schema, FindsFieldsByNameAndAlias) {
  ASSERT_NE(find_field("lang"), nullptr);
  EXPECT_EQ(find_field("lang"), find_field("language"));
  EXPECT_EQ(find_field("title"), find_field("headline"));
  EXPECT_EQ(find_field("colour"), nullptr);
  EXPECT_EQ(id_field().name, "id");
  EXPECT_EQ(date_field().kind, FieldKind::kDate);
}

TEST(Schema, FilterTermsFoldCaseAndWhitespaceWhereTheFieldSays) {
  const Field& source = *find_field("source");
  EXPECT_EQ(filter_term(source, "AFP"), "XSafp");
  EXPECT_EQ(filter_term(source, "  afp "), "XSafp");
  const Field& location = *find_field("location");
  EXPECT_EQ(filter_term(location, "Rio  de\tJaneiro"), "XLrio de janeiro");
  EXPECT_EQ(filter_term(location, "SÃO PAULO"), "XLsao paulo");
  EXPECT_EQ(filter_term(location, "Genève"), filter_term(location, "geneve"));
  // Ids and paths are exact.
  EXPECT_EQ(id_term("RTR-2014-v1"), "QRTR-2014-v1");
  EXPECT_EQ(filter_term(*find_field("path"), "/Corpus/A.txt"), "XP/Corpus/A.txt");
}

TEST(Schema, LongFilterValuesStayWithinXapiansTermLimit) {
  const Field& path = *find_field("path");
  const std::string long_a = "/" + std::string(400, 'a');
  const std::string long_b = "/" + std::string(399, 'a') + "b";
  const std::string ta = filter_term(path, long_a);
  EXPECT_LE(ta.size(), 245u);
  EXPECT_NE(ta, filter_term(path, long_b));
  EXPECT_EQ(ta, filter_term(path, long_a));
  // Cut on a UTF-8 boundary.
  std::string multibyte;
  for (int i = 0; i < 150; ++i) multibyte += "\xC3\xA9";
  const std::string tm = filter_term(path, multibyte);
  EXPECT_LE(tm.size(), 245u);
  EXPECT_TRUE(text::is_valid_utf8(tm.substr(0, tm.find('#')))) << "split character";
}

TEST(Schema, QueryFieldNamesListEveryQueryableField) {
  const std::string names = query_field_names();
  for (const char* n : {"headline", "byline", "source", "location", "country", "language", "lang",
                        "id", "date", "path"}) {
    EXPECT_NE(names.find(n), std::string::npos) << n;
  }
  EXPECT_EQ(names.find("body"), std::string::npos);
  EXPECT_EQ(names.find("version"), std::string::npos) << "numbers are not queryable";
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

std::vector<std::string> fingerprint_of(std::vector<std::string> body) {
  Article a;
  a.body = std::move(body);
  return find_field("fingerprint")->values(a);
}

TEST(Schema, FingerprintIgnoresCaseAccentsAndPunctuationButNotWords) {
  const auto base = fingerprint_of({"Talks in Zurich ended on Friday without a deal,",
                                    "officials said; more talks are planned."});
  ASSERT_EQ(base.size(), 1u);
  EXPECT_EQ(base, fingerprint_of({"TALKS IN ZÜRICH ENDED ON FRIDAY -- WITHOUT A DEAL,",
                                  "Officials said: more talks are planned!"}));
  EXPECT_NE(base, fingerprint_of({"Talks in Zurich ended on Monday without a deal,",
                                  "officials said; more talks are planned."}));
  EXPECT_TRUE(fingerprint_of({"Too short."}).empty());
}

}  // namespace
}  // namespace dateline
