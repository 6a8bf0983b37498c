#include "common/stored_article.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

Article sample() {
  Article a;
  a.id = "AFP-123";
  a.source = "AFP";
  a.location = {"Fort Washington", "Pa.", "usa"};
  a.date = Timestamp::from_date_time({2014, 1, 17}, 9, 30, 0);
  a.headline = "Genève talks \"open\"";
  a.byline = "Jane Doe";
  a.body = {"First paragraph.", "Second — with a dash."};
  a.language = "fr";
  a.origin = {"/corpus/a.sgm", 12};
  return a;
}

TEST(StoredArticle, RoundTripsEveryField) {
  const Article a = sample();
  const Article b = decode_stored_article(encode_stored_article(a));
  EXPECT_EQ(b.id, a.id);
  EXPECT_EQ(b.source, a.source);
  EXPECT_EQ(b.location.city, a.location.city);
  EXPECT_EQ(b.location.region, a.location.region);
  EXPECT_EQ(b.location.country, a.location.country);
  ASSERT_TRUE(b.date);
  EXPECT_EQ(*b.date, *a.date);
  EXPECT_EQ(b.headline, a.headline);
  EXPECT_EQ(b.byline, a.byline);
  EXPECT_EQ(b.body, a.body);
  EXPECT_EQ(b.language, a.language);
  EXPECT_EQ(b.origin.path, a.origin.path);
  EXPECT_EQ(b.origin.record, a.origin.record);
}

TEST(StoredArticle, EscapesWhatJsonMustEscapeAndReadsItBack) {
  Article a = sample();
  a.headline =
      std::string("quote \" backslash \\ tab \t newline \n cr \r nul ") + '\0' + " bell \a end";
  a.subjects = {"a\"b", "", "\x1f"};
  a.body = {"", "\u00e9t\u00e9 \u4e2d\u6587 \U0001F600"};
  const std::string data = encode_stored_article(a);
  EXPECT_EQ(data.find('\n'), std::string::npos);
  EXPECT_EQ(data.find('\t'), std::string::npos);
  const Article b = decode_stored_article(data);
  EXPECT_EQ(b.headline, a.headline);
  EXPECT_EQ(b.subjects, a.subjects);
  EXPECT_EQ(b.body, a.body);
}

TEST(StoredArticle, RepairsInvalidUtf8InsteadOfWritingAnUnreadableRecord) {
  Article a = sample();
  a.headline = "caf\xe9 \x93quoted\x94";  // CP-1252 bytes
  const Article b = decode_stored_article(encode_stored_article(a));
  EXPECT_EQ(b.headline, "caf\u00e9 \u201cquoted\u201d");
}

TEST(StoredArticle, KeepsAMissingDateMissingAndADayWithoutTime) {
  Article a = sample();
  a.date.reset();
  EXPECT_FALSE(decode_stored_article(encode_stored_article(a)).date.has_value());
  a.date = Timestamp::from_date({1963, 5, 2});
  const auto d = decode_stored_article(encode_stored_article(a)).date;
  ASSERT_TRUE(d);
  EXPECT_FALSE(d->has_time());
  EXPECT_EQ(d->iso(), "1963-05-02");
}

TEST(StoredArticle, RejectsDataThatIsNotAStoredArticle) {
  EXPECT_THROW(decode_stored_article(""), std::runtime_error);
  EXPECT_THROW(decode_stored_article("not json"), std::runtime_error);
  EXPECT_THROW(decode_stored_article("{\"v\":99}"), std::runtime_error);
  EXPECT_THROW(decode_stored_article("[1,2]"), std::runtime_error);
}

}  // namespace
}  // namespace dateline
