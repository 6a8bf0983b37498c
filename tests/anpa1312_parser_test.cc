#include "common/anpa1312_parser.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/error.h"
#include "common/format_registry.h"

namespace dateline {
namespace {

constexpr const char* kPath = "/feeds/take.tst";

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(DATELINE_SOURCE_DIR) + "/tests/fixtures/anpa-1312/" + name,
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Anpa1312Parser, RecognizesTheFraming) {
  const Anpa1312Parser p;
  EXPECT_TRUE(p.recognizes(fixture("take-latin1.tst")));
  EXPECT_TRUE(
      p.recognizes("\x01"
                   "a0001\x1f"));
  EXPECT_FALSE(p.recognizes("Headline\n\nText."));
  EXPECT_FALSE(p.recognizes("<nitf/>"));
  EXPECT_EQ(detect_parser(fixture("take-latin1.tst")).name(), "anpa-1312");
  EXPECT_EQ(detect_parser(fixture("no-text.tst")).name(), "anpa-1312");
}

TEST(Anpa1312Parser, ReadsATake) {
  const ParseResult r = Anpa1312Parser().parse(fixture("take-latin1.tst"), kPath);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_TRUE(r.rejected.empty());
  const Article& a = r.articles[0];
  EXPECT_EQ(a.id, id_from_origin({kPath, 0}));  // ANPA has no story id
  EXPECT_EQ(a.story_id, "");
  EXPECT_EQ(a.version, 1);
  EXPECT_EQ(a.urgency, 3);  // priority "u"
  EXPECT_EQ(a.source, "AP");
  EXPECT_EQ(a.slug, "BC-LA--Brazil-Dam Inspection");  // without the word count
  EXPECT_EQ(a.headline,
            "Inspectors order checks at \xE2\x80\x9C"
            "aging\xE2\x80\x9D dams after leak");
  EXPECT_EQ(a.byline, "MARIA DO CARMO");
  // "S\xC3O PAULO" in Latin-1, in capitals: title-cased.
  EXPECT_EQ(a.location.city, "S\xC3\xA3o Paulo");
  EXPECT_EQ(a.language, "en");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso(), "2015-03-04T14:22:00Z");  // trailer AP-WF-03-04-15 1422GMT
  const std::vector<std::string> body = {
      "Brazilian inspectors on Wednesday ordered safety checks at 40 dams after a small leak "
      "was found near Jundia\xC3\xAD, officials said.",
      "The leak was sealed within hours and no one was hurt, the state water agency said. "
      "\xE2\x80\x9CWe are acting before there is a problem,\xE2\x80\x9D its director said."};
  EXPECT_EQ(a.body, body);  // the "___" paragraph is gone
}

TEST(Anpa1312Parser, SeveralTakesAreRecordsAndAWritethruIsAVersion) {
  const ParseResult r = Anpa1312Parser().parse(fixture("two-takes.tst"), kPath);
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& first = r.articles[0];
  const Article& second = r.articles[1];
  EXPECT_EQ(first.origin.record, 1);
  EXPECT_EQ(second.origin.record, 2);
  EXPECT_NE(first.id, second.id);
  EXPECT_EQ(first.version, 1);
  EXPECT_EQ(second.version, 2);  // "1st Ld-Writethru"
  EXPECT_EQ(first.slug, "BC-EU--Alps-Avalanche");
  EXPECT_EQ(second.slug, "BC-EU--Alps-Avalanche");
  EXPECT_EQ(first.urgency, 4);   // "r"
  EXPECT_EQ(second.urgency, 2);  // "b"
  EXPECT_EQ(second.headline, "Road to ski resort reopens after avalanche");
  EXPECT_EQ(second.location.city, "Zermatt");
  EXPECT_EQ(second.location.region, "Switzerland");
  ASSERT_TRUE(first.date && second.date);
  EXPECT_EQ(first.date->iso(), "2016-01-20T09:05:00Z");
  EXPECT_EQ(second.date->iso(), "2016-01-20T17:30:00Z");
}

TEST(Anpa1312Parser, ATakeWithoutTextIsAParseError) {
  try {
    Anpa1312Parser().parse(fixture("no-text.tst"), kPath);
    FAIL() << "no ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(std::string(e.what()), "no text: the take has no STX (start of text)");
  }
  EXPECT_THROW(Anpa1312Parser().parse("no framing at all", kPath), ParseError);
}

}  // namespace
}  // namespace dateline
