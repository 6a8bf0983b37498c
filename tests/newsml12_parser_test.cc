#include "common/newsml12_parser.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/error.h"
#include "common/format_registry.h"

namespace dateline {
namespace {

constexpr const char* kPath = "/feeds/afp.xml";

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(DATELINE_SOURCE_DIR) + "/tests/fixtures/newsml-1.2/" + name,
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(NewsML12Parser, RecognizesNewsMLRoots) {
  const NewsML12Parser p;
  EXPECT_TRUE(p.recognizes(fixture("afp-three-items.xml")));
  EXPECT_TRUE(p.recognizes("<NewsML Version=\"1.2\">"));
  EXPECT_TRUE(p.recognizes("<NewsItem>"));
  EXPECT_FALSE(p.recognizes("<newsItem>"));  // NewsML-G2
  EXPECT_FALSE(p.recognizes("<nitf>"));
  EXPECT_EQ(detect_parser(fixture("afp-three-items.xml")).name(), "newsml-1.2");
}

TEST(NewsML12Parser, SeveralNewsItemsInOneFile) {
  const ParseResult r = NewsML12Parser().parse(fixture("afp-three-items.xml"), kPath);
  ASSERT_EQ(r.articles.size(), 2u);
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].record, 3);
  EXPECT_EQ(r.rejected[0].label, "urn:newsml:afp.com:20150611T091000Z:PH-PAR-GHI56:1");
  EXPECT_EQ(r.rejected[0].reason, "no text: the NewsItem holds only Photo content");

  const Article& a = r.articles[0];
  EXPECT_EQ(a.origin.record, 1);
  EXPECT_EQ(a.story_id, "urn:newsml:afp.com:20150611T081500Z:TX-PAR-ABC12");
  EXPECT_EQ(a.version, 2);  // RevisionId
  EXPECT_EQ(a.id, "urn:newsml:afp.com:20150611T081500Z:TX-PAR-ABC12#v2");
  EXPECT_EQ(a.status, Status::kUsable);
  EXPECT_EQ(a.urgency, 3);
  EXPECT_EQ(a.source, "AFP");
  EXPECT_EQ(a.headline, "Lisbon trams get a longer evening timetable");
  EXPECT_EQ(a.slug, "Portugal-transport-tram");
  EXPECT_EQ(a.byline, "Rui Matos");
  // The structured Location wins over the DateLine ("LISBON, June 11, 2015 (AFP) -").
  EXPECT_EQ(a.location.city, "Lisboa");
  EXPECT_EQ(a.location.region, "Lisboa District");
  EXPECT_EQ(a.location.country, "PRT");
  ASSERT_TRUE(a.date && a.version_created);
  EXPECT_EQ(a.date->iso(), "2015-06-11T08:15:00Z");             // 20150611T101500+0200
  EXPECT_EQ(a.version_created->iso(), "2015-06-11T09:30:00Z");  // 20150611T113000+0200
  EXPECT_EQ(a.language, "en");
  const std::vector<std::string> subjects = {"04015000", "04015002", "tram", "Lisbon"};
  EXPECT_EQ(a.subjects, subjects);
  // The empty paragraph and the "rm/jh" sign-off are gone.
  const std::vector<std::string> body = {
      "The yellow trams of the Portuguese capital will run until midnight from next month, the "
      "city transport company said on Thursday.",
      "Tourist numbers have doubled on the hill routes since 2010, it said."};
  EXPECT_EQ(a.body, body);

  const Article& b = r.articles[1];
  EXPECT_EQ(b.origin.record, 2);
  EXPECT_EQ(b.version, 1);
  EXPECT_EQ(b.language, "fr");
  EXPECT_EQ(b.location.city, "Paris");
  EXPECT_EQ(b.location.country, "FRA");
  EXPECT_EQ(b.headline,
            "Les caf\xC3\xA9s parisiens pourront agrandir leurs terrasses cet \xC3\xA9t\xC3\xA9");
  EXPECT_EQ(b.slug, "France-commerce-caf\xC3\xA9s");
  ASSERT_TRUE(b.date.has_value());
  EXPECT_EQ(b.date->iso(), "2015-06-11T09:00:00Z");
  ASSERT_EQ(b.body.size(), 2u);
  EXPECT_EQ(b.body[1],
            "\xC2\xAB C'est une bonne nouvelle pour tout le quartier \xC2\xBB, a d\xC3\xA9"
            "clar\xC3\xA9 un serveur de la place de la R\xC3\xA9publique.");
}

TEST(NewsML12Parser, CanceledRevisionWithAPlainTextBody) {
  const ParseResult r = NewsML12Parser().parse(fixture("canceled.xml"), kPath);
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.origin.record, 0);
  EXPECT_EQ(a.status, Status::kCanceled);
  EXPECT_EQ(a.version, 3);
  EXPECT_EQ(a.story_id, "urn:newsml:afp.com:20150612:TX-PAR-JKL78");
  EXPECT_EQ(a.source, "AFP");  // from ProviderId afp.com
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso(), "2015-06-12");  // DateId, no FirstCreated
  const std::vector<std::string> body = {"Editors are asked not to use the story.",
                                         "It was sent in error."};
  EXPECT_EQ(a.body, body);
}

TEST(NewsML12Parser, MalformedAndEmptyFiles) {
  try {
    NewsML12Parser().parse(fixture("malformed.xml"), kPath);
    FAIL() << "no ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(std::string(e.what()), "XML error at byte 72: Start-end tags mismatch");
  }
  EXPECT_THROW(NewsML12Parser().parse("<NewsML Version=\"1.2\"/>", kPath), ParseError);
  const ParseResult r = NewsML12Parser().parse("<NewsML><NewsItem/></NewsML>", kPath);
  EXPECT_TRUE(r.articles.empty());
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].label, "NewsItem 1");
}

}  // namespace
}  // namespace dateline
