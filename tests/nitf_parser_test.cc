#include "common/nitf_parser.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/error.h"
#include "common/format_registry.h"

namespace dateline {
namespace {

constexpr const char* kPath = "/feeds/story.xml";

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(DATELINE_SOURCE_DIR) + "/tests/fixtures/nitf/" + name,
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Article parse_one(const std::string& content) {
  const ParseResult r = NitfParser().parse(content, kPath);
  EXPECT_TRUE(r.rejected.empty());
  if (r.articles.size() != 1) throw std::runtime_error("expected one article");
  return r.articles.front();
}

TEST(NitfParser, RecognizesTheRootElementPastDeclarationCommentsAndDoctype) {
  const NitfParser p;
  EXPECT_TRUE(p.recognizes(fixture("full-story.xml")));
  EXPECT_TRUE(p.recognizes("<nitf/>"));
  EXPECT_TRUE(p.recognizes("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- x -->\n<nitf>"));
  EXPECT_TRUE(p.recognizes("<!DOCTYPE nitf [ <!ENTITY a \"<nitf>\"> ]><n:nitf xmlns:n=\"x\">"));
  EXPECT_FALSE(p.recognizes("<newsItem/>"));
  EXPECT_FALSE(p.recognizes("<!-- <nitf> --><rss/>"));
  EXPECT_FALSE(p.recognizes("nitf"));
  EXPECT_EQ(detect_parser(fixture("full-story.xml")).name(), "nitf");
}

TEST(NitfParser, ReadsDocdataAndBody) {
  const Article a = parse_one(fixture("full-story.xml"));
  EXPECT_EQ(a.story_id, "afp.2014.lagoon-ferry");
  EXPECT_EQ(a.version, 2);  // du-key version
  EXPECT_EQ(a.id, "afp.2014.lagoon-ferry#v2");
  EXPECT_EQ(a.status, Status::kUsable);
  EXPECT_EQ(a.urgency, 2);
  EXPECT_EQ(a.source, "AFP");  // doc.copyright holder "Agence France-Presse"
  // "CORRECTED-" is a version marker, not part of the headline.
  EXPECT_EQ(a.headline, "Ferry service resumes across the lagoon");
  EXPECT_EQ(a.slug, "Mauritius-transport-ferry");
  EXPECT_EQ(a.byline, "Amina Dorsay");  // without "By" and the byttl
  // body.head dateline: city in capitals, title-cased; region from evloc.
  EXPECT_EQ(a.location.city, "Port Louis");
  EXPECT_EQ(a.location.region, "Port Louis District");
  EXPECT_EQ(a.location.country, "Mauritius");
  // date.issue 20140117T093000-0500 is 14:30 UTC.
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso(), "2014-01-17T14:30:00Z");
  ASSERT_TRUE(a.version_created.has_value());
  EXPECT_EQ(a.version_created->iso(), "2014-01-17T14:30:00Z");
  EXPECT_EQ(a.language, "en");  // baselang en-GB
  EXPECT_EQ(a.origin.path, kPath);
  EXPECT_EQ(a.origin.record, 0);
  const std::vector<std::string> subjects = {"ferry", "lagoon", "transport", "04015000",
                                             "Transport"};
  EXPECT_EQ(a.subjects, subjects);
  // The dateline is taken out of the first paragraph; media, tables, empty
  // and "___" paragraphs and the "ad/jl" sign-off are dropped; hl2 and list
  // items are paragraphs; &amp; is decoded.
  const std::vector<std::string> body = {
      "The lagoon ferry carried its first passengers in a week on Friday, after engineers "
      "replaced a cracked propeller shaft.",
      "The operator said timetables would return to normal & that season tickets would be "
      "extended by seven days.",
      "Repairs",
      "Engineers worked through the night, the harbour master said.",
      "Morning crossings: every 20 minutes.",
      "Evening crossings: every half hour.",
  };
  EXPECT_EQ(a.body, body);
}

TEST(NitfParser, ReadsDeclaredLatin1AndTheBodyDateline) {
  const std::string content = fixture("latin1-efe.xml");
  ASSERT_NE(content.find('\xF3'), std::string::npos) << "the fixture is ISO-8859-1 bytes";
  const Article a = parse_one(content);
  EXPECT_EQ(a.headline,
            "El r\xC3\xADo Paraguay alcanza su nivel m\xC3\xA1s bajo en una d\xC3\xA9"
            "cada");
  EXPECT_EQ(a.location.city, "Asunci\xC3\xB3n");  // from "Asunción, Jan 2 (EFE).-"
  EXPECT_EQ(a.location.country, "PRY");
  EXPECT_EQ(a.source, "EFE");
  EXPECT_EQ(a.language, "es");
  EXPECT_EQ(a.byline, "");  // "mc/jrm" is a staff sign-off, not a byline
  EXPECT_EQ(a.story_id, "efe-20170102-0042");
  EXPECT_EQ(a.version, 1);
  EXPECT_EQ(a.id, "efe-20170102-0042#v1");
  EXPECT_EQ(a.urgency, 5);
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso(), "2017-01-02T22:28:00Z");  // norm with "Z"
  ASSERT_EQ(a.body.size(), 2u);
  EXPECT_EQ(a.body[0].rfind("El caudal del r\xC3\xADo Paraguay baj\xC3\xB3", 0), 0u) << a.body[0];
}

TEST(NitfParser, CanceledStatusAndVersionFromTheUpdateMarker) {
  const Article a = parse_one(fixture("canceled-update.xml"));
  EXPECT_EQ(a.status, Status::kCanceled);
  EXPECT_EQ(a.headline, "Storm warning lifted for the coast");
  EXPECT_EQ(a.version, 3);  // no du-key: 1 + "UPDATE 2"
  EXPECT_EQ(a.id, "storm-coast-20150304#v3");
  EXPECT_EQ(a.source, "Reuters");  // from the body dateline
  EXPECT_EQ(a.location.city, "Wellington");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso(), "2015-03-04T07:00:00Z");  // "+01:00"
  ASSERT_EQ(a.body.size(), 1u);
  EXPECT_EQ(a.body[0].rfind("Forecasters lifted", 0), 0u);
}

TEST(NitfParser, WithoutDocIdTheIdComesFromTheFile) {
  const std::string content =
      "<nitf><head><docdata><date.issue norm=\"20151210T191044Z\"/></docdata></head>"
      "<body><body.head><hedline><hl1>A headline</hl1></hedline>"
      "<dateline><location>NEW YORK</location></dateline></body.head>"
      "<body.content><p>NEW YORK (AP) \xE2\x80\x94 Text here.</p></body.content></body></nitf>";
  const Article a = parse_one(content);
  EXPECT_EQ(a.story_id, "");
  EXPECT_EQ(a.id, id_from_origin({kPath, 0}));
  EXPECT_EQ(a.location.city, "New York");
  EXPECT_EQ(a.source, "AP");
  EXPECT_EQ(a.body, std::vector<std::string>{"Text here."});
  EXPECT_EQ(NitfParser().parse(content, "/other.xml").articles[0].id,
            id_from_origin({"/other.xml", 0}));
}

TEST(NitfParser, MalformedXmlIsAParseErrorWithTheByteOffset) {
  try {
    NitfParser().parse(fixture("malformed.xml"), kPath);
    FAIL() << "no ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(std::string(e.what()), "XML error at byte 45: Start-end tags mismatch");
  }
}

TEST(NitfParser, ADocumentWithoutTextIsRejected) {
  try {
    NitfParser().parse(fixture("no-text.xml"), kPath);
    FAIL() << "no ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("XML without article text", 0), 0u) << e.what();
  }
  EXPECT_THROW(NitfParser().parse("<?xml version=\"1.0\"?><nitf><body/></nitf>", kPath),
               ParseError);
}

TEST(NitfParser, AnotherRootIsAParseError) {
  EXPECT_THROW(NitfParser().parse("<rss><channel/></rss>", kPath), ParseError);
}

TEST(NitfParser, DeeplyNestedBlocksNeitherCrashNorLoseText) {
  std::string content = "<nitf><body><body.content>";
  for (int i = 0; i < 5000; ++i) content += "<block>";
  content += "<p>Deep text.</p>";
  for (int i = 0; i < 5000; ++i) content += "</block>";
  content += "</body.content></body></nitf>";
  const Article a = parse_one(content);
  EXPECT_EQ(a.body, std::vector<std::string>{"Deep text."});
}

}  // namespace
}  // namespace dateline
