#include "common/newsml_g2_parser.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/error.h"
#include "common/format_registry.h"

namespace dateline {
namespace {

constexpr const char* kPath = "/feeds/message.xml";

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(DATELINE_SOURCE_DIR) + "/tests/fixtures/newsml-g2/" + name,
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(NewsMLG2Parser, RecognizesItemsAndMessages) {
  const NewsMLG2Parser p;
  EXPECT_TRUE(p.recognizes(fixture("message-three-items.xml")));
  EXPECT_TRUE(p.recognizes(fixture("single-item-prefixed.xml")));
  EXPECT_TRUE(p.recognizes("<newsItem guid=\"x\"/>"));
  EXPECT_TRUE(p.recognizes("<?xml version=\"1.0\"?>\n<!-- c -->\n<newsMessage>"));
  EXPECT_FALSE(p.recognizes("<NewsML Version=\"1.2\">"));
  EXPECT_FALSE(p.recognizes("<nitf/>"));
  EXPECT_EQ(detect_parser(fixture("message-three-items.xml")).name(), "newsml-g2");
  EXPECT_EQ(detect_parser(fixture("single-item-prefixed.xml")).name(), "newsml-g2");
}

TEST(NewsMLG2Parser, OneArticlePerTextItemOfAMessage) {
  const ParseResult r = NewsMLG2Parser().parse(fixture("message-three-items.xml"), kPath);
  ASSERT_EQ(r.articles.size(), 2u);
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].record, 3);
  EXPECT_EQ(r.rejected[0].label, "tag:reuters.com,2016:newsml_PIC0003");
  EXPECT_NE(r.rejected[0].reason.find("no text: a ninat:picture item"), std::string::npos)
      << r.rejected[0].reason;

  // A Reuters item with an XHTML body.
  const Article& a = r.articles[0];
  EXPECT_EQ(a.origin.record, 1);
  EXPECT_EQ(a.origin.path, kPath);
  EXPECT_EQ(a.story_id, "tag:reuters.com,2016:newsml_TEST0001");
  EXPECT_EQ(a.version, 3);  // the version attribute, not 1 + "UPDATE 2"
  EXPECT_EQ(a.id, "tag:reuters.com,2016:newsml_TEST0001#v3");
  EXPECT_EQ(a.status, Status::kUsable);
  EXPECT_EQ(a.urgency, 3);
  EXPECT_EQ(a.source, "Reuters");  // provider "reuters.com"
  EXPECT_EQ(a.headline, "Dockers end strike at Baltic container port");
  EXPECT_EQ(a.slug, "POLAND-PORT/STRIKE");
  EXPECT_EQ(a.byline, "Tomasz Wrona");
  // Reuters: the body's dateline, not <located> (an editing hub) or
  // <dateline> (a time).
  EXPECT_EQ(a.location.city, "Gdansk");
  EXPECT_EQ(a.location.region, "Poland");
  EXPECT_EQ(a.location.country, "");
  ASSERT_TRUE(a.date && a.version_created);
  EXPECT_EQ(a.date->iso(), "2016-03-02T07:05:00Z");             // firstCreated, "Z"
  EXPECT_EQ(a.version_created->iso(), "2016-03-02T09:15:00Z");  // "+01:00"
  EXPECT_EQ(a.language, "en");                                  // "en-GB"
  const std::vector<std::string> subjects = {"N2:SHP", "shipping", "dockers"};
  EXPECT_EQ(a.subjects, subjects);
  // The byline paragraph, the dateline, the empty <p/> and the credit go.
  const std::vector<std::string> body = {
      "Dockers at the Baltic container terminal went back to work on Wednesday after a "
      "two-day stoppage over night-shift pay.",
      "The terminal operator said ships held at anchor would be loaded by the weekend.",
  };
  EXPECT_EQ(a.body, body);

  // A dpa item with an NITF body, canceled.
  const Article& b = r.articles[1];
  EXPECT_EQ(b.origin.record, 2);
  EXPECT_EQ(b.story_id, "urn:newsml:dpa.com:20160302:test-0002");
  EXPECT_EQ(b.version, 1);
  EXPECT_EQ(b.status, Status::kCanceled);
  EXPECT_EQ(b.urgency, 4);
  EXPECT_EQ(b.source, "dpa");
  EXPECT_EQ(b.headline, "Hafenf\xC3\xA4hre f\xC3\xA4llt wegen Sturm aus");
  EXPECT_EQ(b.location.city, "Hamburg");
  EXPECT_EQ(b.location.country, "DE");  // located/broader qcode iso3166-1a2:DE
  ASSERT_TRUE(b.date.has_value());
  EXPECT_EQ(b.date->iso(), "2016-03-02T10:30:00Z");  // contentCreated, no firstCreated
  EXPECT_EQ(b.language, "de");
  EXPECT_EQ(b.subjects, std::vector<std::string>{"Vermischtes"});  // the display name
  const std::vector<std::string> body_b = {
      "Wegen starker B\xC3\xB6"
      "en hat die Hafenf\xC3\xA4hre am Mittwoch ihren Betrieb eingestellt.",
      "Der Betrieb soll am Donnerstag wieder aufgenommen werden.",
  };
  EXPECT_EQ(b.body, body_b);  // dateline and "dpa ab xy" sign-off removed
}

TEST(NewsMLG2Parser, ASingleItemWithPrefixesAndPlainTextBody) {
  const ParseResult r = NewsMLG2Parser().parse(fixture("single-item-prefixed.xml"), kPath);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_TRUE(r.rejected.empty());
  const Article& a = r.articles[0];
  EXPECT_EQ(a.origin.record, 0);
  EXPECT_EQ(a.story_id, "urn:newsml:example.org:20150704:harbour-lights");
  // No version attribute: 1 + N of "2nd Ld-Writethru".
  EXPECT_EQ(a.version, 3);
  EXPECT_EQ(a.id, "urn:newsml:example.org:20150704:harbour-lights#v3");
  EXPECT_EQ(a.slug, "BC-US--Harbour Lights");
  EXPECT_EQ(a.status, Status::kWithheld);
  EXPECT_EQ(a.urgency, 6);
  EXPECT_EQ(a.source, "AP");  // infoSource "Associated Press"
  EXPECT_EQ(a.location.city, "Boston");
  EXPECT_EQ(a.location.region, "Mass.");
  ASSERT_TRUE(a.date && a.version_created);
  EXPECT_EQ(a.date->iso(), "2015-07-05T02:00:00Z");  // contentCreated -05:00
  EXPECT_EQ(a.version_created->iso(), "2015-07-05T02:40:00Z");
  EXPECT_EQ(a.language, "en");  // newsItem xml:lang en-US
  const std::vector<std::string> body = {
      "A record crowd lined the harbour on Saturday night to watch the lights festival, "
      "organisers said.",
      "More than 200 boats took part, twice as many as last year.",
  };
  EXPECT_EQ(a.body, body);
}

TEST(NewsMLG2Parser, PictureAndEmptyItemsAreRejectedRecords) {
  const ParseResult pic = NewsMLG2Parser().parse(fixture("picture-item.xml"), kPath);
  EXPECT_TRUE(pic.articles.empty());
  ASSERT_EQ(pic.rejected.size(), 1u);
  EXPECT_EQ(pic.rejected[0].record, 1);
  EXPECT_EQ(pic.rejected[0].label, "urn:newsml:example.org:20150705:pic-1");

  const ParseResult empty = NewsMLG2Parser().parse(fixture("no-text.xml"), kPath);
  EXPECT_TRUE(empty.articles.empty());
  ASSERT_EQ(empty.rejected.size(), 1u);
  EXPECT_EQ(empty.rejected[0].reason, "no text: the newsItem has no headline and no text content");

  const ParseResult package = NewsMLG2Parser().parse(
      "<newsMessage><itemSet><packageItem guid=\"p1\"/></itemSet></newsMessage>", kPath);
  EXPECT_TRUE(package.articles.empty());
  ASSERT_EQ(package.rejected.size(), 1u);
  EXPECT_EQ(package.rejected[0].label, "p1");
}

TEST(NewsMLG2Parser, MalformedAndEmptyMessages) {
  try {
    NewsMLG2Parser().parse(fixture("malformed.xml"), kPath);
    FAIL() << "no ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("XML error at byte ", 0), 0u) << e.what();
  }
  EXPECT_THROW(NewsMLG2Parser().parse("<newsMessage><header/></newsMessage>", kPath), ParseError);
}

TEST(NewsMLG2Parser, ContentSetFragmentAndAgencyFirstDatelines) {
  const std::string content =
      "<contentSet><inlineData contenttype=\"text/plain\"><![CDATA[<p>\n"
      "   (ANSA) - Rome, October 11 - The minister spoke on\nTuesday.\n"
      "   \"A second paragraph,\" he said.</p>]]></inlineData></contentSet>";
  const ParseResult r = NewsMLG2Parser().parse(content, kPath);
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.source, "ANSA");
  EXPECT_EQ(a.location.city, "Rome");
  EXPECT_EQ(a.id, id_from_origin({kPath, 0}));
  const std::vector<std::string> body = {"The minister spoke on Tuesday.",
                                         "\"A second paragraph,\" he said."};
  EXPECT_EQ(a.body, body);
}

TEST(NewsMLG2Parser, OneParagraphOfHardWrappedWireTextIsSplit) {
  auto item = [](const std::string& paragraphs) {
    return "<newsItem guid=\"g\" version=\"1\"><contentMeta><headline>H</headline></contentMeta>"
           "<contentSet><inlineXML><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>" +
           paragraphs + "</body></html></inlineXML></contentSet></newsItem>";
  };
  const ParseResult r = NewsMLG2Parser().parse(
      item("<p>(Adds detail)\n    * A bullet\n\n    By Jane Roe\n    Jan 30 (Reuters) - Gold "
           "rose on\nTuesday, traders said.\n    Silver fell.\n\n (Reporting by Jane Roe; "
           "Editing by X)</p>"),
      kPath);
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.source, "Reuters");
  EXPECT_EQ(a.byline, "Jane Roe");
  EXPECT_EQ(a.location.city, "");  // the dateline names no place
  const std::vector<std::string> body = {"(Adds detail)", "* A bullet",
                                         "Gold rose on Tuesday, traders said.", "Silver fell."};
  EXPECT_EQ(a.body, body);

  // Pretty-printed XML indents every line alike: one paragraph.
  const ParseResult wrapped = NewsMLG2Parser().parse(
      item("<p>Ordinary\n      wrapped\n      paragraph.\n   </p>\n<p>\n  Next one.\n</p>"), kPath);
  ASSERT_EQ(wrapped.articles.size(), 1u);
  const std::vector<std::string> two = {"Ordinary wrapped paragraph.", "Next one."};
  EXPECT_EQ(wrapped.articles[0].body, two);
}

}  // namespace
}  // namespace dateline
