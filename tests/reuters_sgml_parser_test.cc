#include "common/reuters_sgml_parser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/article.h"
#include "common/error.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPath = "/corpus/reut2-test.sgm";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string DateIso(std::string_view s) {
  const auto t = parse_reuters_date(s);
  return t ? t->iso() : std::string("nullopt");
}

// A record with a body, as in reut2-000.sgm (NEWID 1), shortened.
constexpr std::string_view kCocoaRecord =
    R"(<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="1">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>cocoa</D></TOPICS>
<PLACES><D>el-salvador</D><D>usa</D><D>uruguay</D></PLACES>
<PEOPLE></PEOPLE>
<ORGS></ORGS>
<EXCHANGES></EXCHANGES>
<COMPANIES></COMPANIES>
<UNKNOWN> 
&#5;&#5;&#5;C T
&#22;&#22;&#1;f0704&#31;reute
u f BC-BAHIA-COCOA-REVIEW   02-26 0105</UNKNOWN>
<TEXT>&#2;
<TITLE>BAHIA COCOA REVIEW</TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout the week in
the Bahia cocoa zone, alleviating the drought since early
January and improving prospects for the coming temporao,
although normal humidity levels have not been restored,
Comissaria Smith said in its weekly review.
    The dry period means the temporao will be late this year.
    Arrivals for the week ended February 22 were 155,221 bags
of 60 kilos making a cumulative total for the season of 5.93
mln against 5.81 at the same stage last year &lt;approx>.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
)";

// A brief: a title and no body.
constexpr std::string_view kBriefRecord =
    R"(<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5551" NEWID="8">
<DATE>26-FEB-1987 15:14:36.41</DATE>
<TOPICS></TOPICS>
<PLACES><D>usa</D></PLACES>
<PEOPLE></PEOPLE>
<ORGS></ORGS>
<EXCHANGES></EXCHANGES>
<COMPANIES></COMPANIES>
<UNKNOWN> 
&#5;&#5;&#5;F
&#22;&#22;&#1;f0737&#31;reute
u f BC-******CHAMPION-PRODUC   02-26 0009</UNKNOWN>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>CHAMPION PRODUCTS &lt;CH> APPROVES
STOCK SPLIT
</TITLE>Blah blah blah.
&#3;

</TEXT>
</REUTERS>
)";

// Unprocessed: raw text only.
constexpr std::string_view kUnprocRecord =
    R"(<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5599" NEWID="40">
<DATE>26-FEB-1987 16:36:12.46</DATE>
<TOPICS></TOPICS>
<PLACES></PLACES>
<PEOPLE></PEOPLE>
<ORGS></ORGS>
<EXCHANGES></EXCHANGES>
<COMPANIES></COMPANIES>
<UNKNOWN> 
&#5;&#5;&#5;Y
&#22;&#22;&#1;f0820&#31;reute
r f BC-CRUDE-POSTINGS   02-26 0042</UNKNOWN>
<TEXT TYPE="UNPROC">&#2;
CRUDE OIL POSTINGS - FEB 26
    Posted prices for wellhead crude, dlrs/bbl
 West Texas Intermediate........17.00 unch
 West Texas Sour................16.10 unch

 Reuter
&#3;

</TEXT>
</REUTERS>
)";

// No NEWID attribute.
constexpr std::string_view kNoNewidRecord =
    R"(<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5600">
<DATE>26-FEB-1987 16:40:00.00</DATE>
<TOPICS></TOPICS>
<PLACES><D>uk</D></PLACES>
<TEXT>&#2;
<TITLE>NO ID HERE</TITLE>
<DATELINE>    LONDON, Feb 26 - </DATELINE><BODY>Some text.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
)";

// A record whose body holds a raw Latin-1 byte (0xE9) and entities.
constexpr std::string_view kLatin1Record =
    "<REUTERS TOPICS=\"NO\" LEWISSPLIT=\"TRAIN\" CGISPLIT=\"TRAINING-SET\" OLDID=\"5700\" "
    "NEWID=\"77\">\n"
    "<DATE>27-FEB-1987 09:00:00.00</DATE>\n"
    "<TOPICS></TOPICS>\n"
    "<PLACES><D>canada</D></PLACES>\n"
    "<TEXT>&#2;\n"
    "<TITLE>QUEBEC CAF\xC9 CHAIN EXPANDS</TITLE>\n"
    "<DATELINE>    MONTREAL, Feb 27 - </DATELINE><BODY>The caf\xE9 chain &amp; its partners\n"
    "said they would open &#233;tablissements in Ontario.\n"
    " Reuter\n"
    "&#3;</BODY></TEXT>\n"
    "</REUTERS>\n";

std::string Collection(const std::vector<std::string_view>& records) {
  std::string out = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n";
  for (auto r : records) out += r;
  return out;
}

// ---------------------------------------------------------------------------
// decode_sgml_entities

TEST(ReutersSgml, DecodesNamedEntities) {
  EXPECT_EQ(decode_sgml_entities("&lt;HVN&gt; &amp; Co"), "<HVN> & Co");
  EXPECT_EQ(decode_sgml_entities("&quot;x&quot; &apos;y&apos;"), "\"x\" 'y'");
}

TEST(ReutersSgml, DecodesNumericEntities) {
  EXPECT_EQ(decode_sgml_entities("caf&#233;"), "caf\xC3\xA9");
  EXPECT_EQ(decode_sgml_entities("&#x41;&#X42;"), "AB");
  EXPECT_EQ(decode_sgml_entities("&#8364;"), "\xE2\x82\xAC");
}

TEST(ReutersSgml, DropsControlCharacterEntitiesButKeepsNewlineAndTab) {
  EXPECT_EQ(decode_sgml_entities("end&#3;"), "end");
  EXPECT_EQ(decode_sgml_entities("&#2;&#5;&#22;&#31;x"), "x");
  EXPECT_EQ(decode_sgml_entities("a&#10;b"), "a\nb");
  EXPECT_EQ(decode_sgml_entities("a&#9;b"), "a\tb");
}

TEST(ReutersSgml, KeepsUnknownEntitiesAndLoneAmpersands) {
  EXPECT_EQ(decode_sgml_entities("&foo; bar"), "&foo; bar");
  EXPECT_EQ(decode_sgml_entities("AT & T"), "AT & T");
  EXPECT_EQ(decode_sgml_entities("S&P 500"), "S&P 500");
  EXPECT_EQ(decode_sgml_entities("trailing &"), "trailing &");
  EXPECT_EQ(decode_sgml_entities("&#;"), "&#;");
  EXPECT_EQ(decode_sgml_entities("&#xZZ;"), "&#xZZ;");
  EXPECT_EQ(decode_sgml_entities("no entities"), "no entities");
}

// ---------------------------------------------------------------------------
// parse_reuters_date

TEST(ReutersSgml, ParsesDateWithTime) {
  const auto t = parse_reuters_date("26-FEB-1987 15:01:01.79");
  ASSERT_TRUE(t.has_value());
  EXPECT_TRUE(t->has_time());
  EXPECT_EQ(t->iso(), "1987-02-26T15:01:01Z");
  EXPECT_EQ(*t, Timestamp::from_date_time({1987, 2, 26}, 15, 1, 1));
}

TEST(ReutersSgml, ParsesDateWithTrailingJunk) {
  EXPECT_EQ(DateIso("27-MAR-1987 02:17:09.88 T C"), "1987-03-27T02:17:09Z");
  EXPECT_EQ(DateIso("9-APR-1987 00:00:00.00 # date added by S Finch as guesswork"),
            "1987-04-09T00:00:00Z");
  EXPECT_EQ(DateIso("  5-MAR-1987 09:08:07.00\n"), "1987-03-05T09:08:07Z");
}

TEST(ReutersSgml, MalformedTimeLeavesOnlyTheDay) {
  const auto t = parse_reuters_date("31-MAR-1987 605:12:19.12");
  ASSERT_TRUE(t.has_value());
  EXPECT_FALSE(t->has_time());
  EXPECT_EQ(t->iso(), "1987-03-31");
  EXPECT_EQ(DateIso("31-MAR-1987 25:00:00.00"), "1987-03-31");
  EXPECT_EQ(DateIso("31-MAR-1987"), "1987-03-31");
}

TEST(ReutersSgml, RejectsMalformedDay) {
  EXPECT_FALSE(parse_reuters_date("32-FEB-1987").has_value());
  EXPECT_FALSE(parse_reuters_date("29-FEB-1987 10:00:00.00").has_value());
  EXPECT_FALSE(parse_reuters_date("garbage").has_value());
  EXPECT_FALSE(parse_reuters_date("").has_value());
  EXPECT_FALSE(parse_reuters_date("26-XYZ-1987 15:01:01.79").has_value());
  EXPECT_FALSE(parse_reuters_date("26-FEB-87 15:01:01.79").has_value());
}

// ---------------------------------------------------------------------------
// recognizes

TEST(ReutersSgml, RecognizesSgml) {
  const ReutersSgmlParser parser;
  EXPECT_TRUE(parser.recognizes("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"1\">"));
  EXPECT_TRUE(parser.recognizes(kCocoaRecord));
  EXPECT_TRUE(parser.recognizes("<REUTERS>\n<DATE>26-FEB-1987</DATE>"));
  EXPECT_FALSE(parser.recognizes("BEIRUT (Reuters) - Officials said on Monday.\n"));
  EXPECT_FALSE(parser.recognizes("Source: Reuters\n\nText.\n"));
  EXPECT_FALSE(parser.recognizes(""));
  EXPECT_EQ(parser.name(), "reuters-sgml");
}

// ---------------------------------------------------------------------------
// parse

TEST(ReutersSgml, ParsesRecordWithBody) {
  const ReutersSgmlParser parser;
  const ParseResult result = parser.parse(Collection({kCocoaRecord}), kPath);
  ASSERT_EQ(result.articles.size(), 1u);
  EXPECT_TRUE(result.rejected.empty());
  const Article& a = result.articles[0];
  EXPECT_EQ(a.id, "reuters-1");
  EXPECT_EQ(a.source, "Reuters");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.headline, "BAHIA COCOA REVIEW");
  EXPECT_EQ(a.location.city, "Salvador");
  EXPECT_EQ(a.location.country, "el-salvador");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso(), "1987-02-26T15:01:01Z");
  EXPECT_EQ(a.origin.path, kPath);
  EXPECT_EQ(a.origin.record, 1);
  const std::vector<std::string> expected = {
      "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought "
      "since early January and improving prospects for the coming temporao, although normal "
      "humidity levels have not been restored, Comissaria Smith said in its weekly review.",
      "The dry period means the temporao will be late this year.",
      "Arrivals for the week ended February 22 were 155,221 bags of 60 kilos making a cumulative "
      "total for the season of 5.93 mln against 5.81 at the same stage last year <approx>.",
  };
  EXPECT_EQ(a.body, expected);
}

TEST(ReutersSgml, ParsesBriefWithoutBody) {
  const ReutersSgmlParser parser;
  const ParseResult result = parser.parse(Collection({kCocoaRecord, kBriefRecord}), kPath);
  ASSERT_EQ(result.articles.size(), 2u);
  EXPECT_TRUE(result.rejected.empty());
  const Article& a = result.articles[1];
  EXPECT_EQ(a.id, "reuters-8");
  EXPECT_EQ(a.origin.record, 2);
  EXPECT_EQ(a.headline, "CHAMPION PRODUCTS <CH> APPROVES STOCK SPLIT");
  EXPECT_TRUE(a.body.empty());
  EXPECT_EQ(a.location.city, "");
  EXPECT_EQ(a.location.country, "usa");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso(), "1987-02-26T15:14:36Z");
}

TEST(ReutersSgml, ParsesUnprocessedRecordFromRawText) {
  const ReutersSgmlParser parser;
  const ParseResult result = parser.parse(Collection({kUnprocRecord}), kPath);
  ASSERT_EQ(result.articles.size(), 1u);
  const Article& a = result.articles[0];
  EXPECT_EQ(a.id, "reuters-40");
  EXPECT_EQ(a.headline, "");
  EXPECT_EQ(a.location.country, "");
  const std::vector<std::string> expected = {
      "CRUDE OIL POSTINGS - FEB 26",
      "Posted prices for wellhead crude, dlrs/bbl",
      "West Texas Intermediate........17.00 unch",
      "West Texas Sour................16.10 unch",
  };
  EXPECT_EQ(a.body, expected);
}

TEST(ReutersSgml, RejectsRecordWithoutNewidAndKeepsOthers) {
  const ReutersSgmlParser parser;
  const ParseResult result =
      parser.parse(Collection({kCocoaRecord, kNoNewidRecord, kBriefRecord}), kPath);
  ASSERT_EQ(result.articles.size(), 2u);
  EXPECT_EQ(result.articles[0].id, "reuters-1");
  EXPECT_EQ(result.articles[0].origin.record, 1);
  EXPECT_EQ(result.articles[1].id, "reuters-8");
  EXPECT_EQ(result.articles[1].origin.record, 3);
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_EQ(result.rejected[0].record, 2);
  EXPECT_EQ(result.rejected[0].label, "NEWID ?");
  EXPECT_NE(result.rejected[0].reason.find("NEWID"), std::string::npos)
      << result.rejected[0].reason;
}

TEST(ReutersSgml, RejectsUnterminatedRecordAndKeepsTheNext) {
  std::string unterminated(kBriefRecord);
  const size_t close = unterminated.find("</REUTERS>");
  ASSERT_NE(close, std::string::npos);
  unterminated.erase(close);
  const ReutersSgmlParser parser;
  const ParseResult result =
      parser.parse(Collection({kCocoaRecord, unterminated, kUnprocRecord}), kPath);
  ASSERT_EQ(result.articles.size(), 2u);
  EXPECT_EQ(result.articles[0].id, "reuters-1");
  EXPECT_EQ(result.articles[1].id, "reuters-40");
  EXPECT_EQ(result.articles[1].origin.record, 3);
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_EQ(result.rejected[0].record, 2);
  EXPECT_EQ(result.rejected[0].label, "NEWID 8");
  EXPECT_NE(result.rejected[0].reason.find("</REUTERS>"), std::string::npos)
      << result.rejected[0].reason;
}

TEST(ReutersSgml, RejectsUnterminatedLastRecord) {
  std::string unterminated(kUnprocRecord);
  unterminated.erase(unterminated.find("</REUTERS>"));
  const ReutersSgmlParser parser;
  const ParseResult result = parser.parse(Collection({kCocoaRecord, unterminated}), kPath);
  ASSERT_EQ(result.articles.size(), 1u);
  EXPECT_EQ(result.articles[0].id, "reuters-1");
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_EQ(result.rejected[0].record, 2);
  EXPECT_EQ(result.rejected[0].label, "NEWID 40");
}

TEST(ReutersSgml, RepairsRawLatin1Bytes) {
  const ReutersSgmlParser parser;
  const ParseResult result = parser.parse(Collection({kLatin1Record}), kPath);
  ASSERT_EQ(result.articles.size(), 1u);
  const Article& a = result.articles[0];
  EXPECT_EQ(a.id, "reuters-77");
  EXPECT_EQ(a.headline, "QUEBEC CAF\xC3\x89 CHAIN EXPANDS");
  EXPECT_EQ(a.location.city, "Montreal");
  EXPECT_EQ(a.location.country, "canada");
  ASSERT_EQ(a.body.size(), 1u);
  EXPECT_EQ(a.body[0],
            "The caf\xC3\xA9 chain & its partners said they would open \xC3\xA9tablissements in "
            "Ontario.");
}

TEST(ReutersSgml, RejectsRecordWithBadDate) {
  std::string bad(kCocoaRecord);
  const std::string good_date = "26-FEB-1987 15:01:01.79";
  bad.replace(bad.find(good_date), good_date.size(), "sometime in 1987");
  const ReutersSgmlParser parser;
  const ParseResult result = parser.parse(Collection({bad, kBriefRecord}), kPath);
  ASSERT_EQ(result.articles.size(), 1u);
  EXPECT_EQ(result.articles[0].id, "reuters-8");
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_EQ(result.rejected[0].record, 1);
  EXPECT_EQ(result.rejected[0].label, "NEWID 1");
  EXPECT_NE(result.rejected[0].reason.find("DATE"), std::string::npos);
}

// A record whose DATELINE element is given as `dateline`.
std::string RecordWithDateline(std::string_view dateline) {
  std::string record(kCocoaRecord);
  const std::string original = "    SALVADOR, Feb 26 - ";
  record.replace(record.find(original), original.size(), dateline);
  return record;
}

std::string CityOf(std::string_view dateline) {
  const ReutersSgmlParser parser;
  const ParseResult result = parser.parse(Collection({RecordWithDateline(dateline)}), kPath);
  if (result.articles.size() != 1) return "<no article>";
  return result.articles[0].location.city;
}

TEST(ReutersSgml, TakesCityFromVariousDatelines) {
  EXPECT_EQ(CityOf("    NEW YORK, March 2 - "), "New York");
  EXPECT_EQ(CityOf("    ST. LOUIS, March 2 - "), "St. Louis");
  EXPECT_EQ(CityOf("    RIO DE JANEIRO, March 5 - "), "Rio De Janeiro");
  EXPECT_EQ(CityOf("    WINSTON-SALEM, N.C., March 2 - "), "Winston-Salem");
  // Datelines that are not well formed still give the place before the comma.
  EXPECT_EQ(CityOf("    TULSA, Okla., April 1, - "), "Tulsa");
  EXPECT_EQ(CityOf("    CHICAGO - "), "Chicago");
  EXPECT_EQ(CityOf("    TORONTO, Apri 13 - "), "Toronto");
  EXPECT_EQ(CityOf(""), "");
}

TEST(ReutersSgml, KeepsHyphenatedCityFromMalformedDateline) {
  EXPECT_EQ(CityOf("    WINSTON-SALEM, N.C. - "), "Winston-Salem");
  EXPECT_EQ(CityOf("    PORT-AU-PRINCE - "), "Port-Au-Prince");
}

TEST(ReutersSgml, TakesRegionFromDateline) {
  const ReutersSgmlParser parser;
  const ParseResult result =
      parser.parse(Collection({RecordWithDateline("    RICHMOND, Va., March 2 - ")}), kPath);
  ASSERT_EQ(result.articles.size(), 1u);
  EXPECT_EQ(result.articles[0].location.city, "Richmond");
  EXPECT_EQ(result.articles[0].location.region, "Va.");
}

TEST(ReutersSgml, FileWithoutRecordsThrows) {
  const ReutersSgmlParser parser;
  EXPECT_THROW(parser.parse("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n", kPath), ParseError);
  EXPECT_THROW(parser.parse("", kPath), ParseError);
  try {
    parser.parse("plain text, no records", kPath);
    ADD_FAILURE() << "no ParseError thrown";
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("REUTERS"), std::string::npos) << e.what();
  }
}

TEST(ReutersSgml, ParsesProjectSampleFile) {
  const fs::path file = fs::path(DATELINE_SOURCE_DIR "/corpus/reuters-sgml/sample.sgm");
  ASSERT_TRUE(fs::exists(file)) << file;
  const ReutersSgmlParser parser;
  const std::string content = ReadFile(file);
  EXPECT_TRUE(parser.recognizes(content));
  const ParseResult result = parser.parse(content, file.string());
  ASSERT_EQ(result.articles.size(), 4u);
  EXPECT_TRUE(result.rejected.empty());

  const Article& coffee = result.articles[0];
  EXPECT_EQ(coffee.id, "reuters-900001");
  EXPECT_EQ(coffee.origin.record, 1);
  EXPECT_EQ(coffee.headline, "COLOMBIA COFFEE EXPORTS SEEN STEADY");
  EXPECT_EQ(coffee.location.city, "Bogota");
  EXPECT_EQ(coffee.location.country, "colombia");
  ASSERT_TRUE(coffee.date.has_value());
  EXPECT_EQ(coffee.date->iso(), "1987-03-02T09:14:32Z");
  ASSERT_EQ(coffee.body.size(), 5u);
  EXPECT_EQ(coffee.body[0].rfind("Colombia's coffee exports in the first four months", 0), 0u);
  EXPECT_EQ(coffee.body[4].rfind("Private exporters said", 0), 0u);

  const Article& acq = result.articles[1];
  EXPECT_EQ(acq.id, "reuters-900002");
  EXPECT_EQ(acq.origin.record, 2);
  EXPECT_EQ(acq.headline, "HALVORSEN <HVN> TO BUY BRIGHTWATER VALVE");
  EXPECT_EQ(acq.location.city, "Chicago");
  EXPECT_EQ(acq.location.country, "usa");
  ASSERT_EQ(acq.body.size(), 5u);
  EXPECT_NE(acq.body[0].find("<Brightwater Valve Co>"), std::string::npos);
  EXPECT_EQ(acq.body[4].rfind("Halvorsen also said its board raised", 0), 0u);

  const Article& brief = result.articles[2];
  EXPECT_EQ(brief.id, "reuters-900003");
  EXPECT_EQ(brief.origin.record, 3);
  EXPECT_EQ(brief.headline, "U.S. COCOA GRIND SEEN UP 4 PCT IN FIRST QUARTER - TRADE SOURCES");
  EXPECT_TRUE(brief.body.empty());
  ASSERT_TRUE(brief.date.has_value());
  EXPECT_EQ(brief.date->iso(), "1987-03-02T10:21:05Z");

  const Article& unproc = result.articles[3];
  EXPECT_EQ(unproc.id, "reuters-900004");
  EXPECT_EQ(unproc.origin.record, 4);
  EXPECT_EQ(unproc.headline, "");
  ASSERT_EQ(unproc.body.size(), 9u);
  EXPECT_EQ(unproc.body[0], "U.S. REFINERY CRUDE POSTINGS - MARCH 2");
  EXPECT_EQ(unproc.body[1], "Posted prices for wellhead crude, dlrs/bbl");
  EXPECT_EQ(unproc.body[8], "Kern River Heavy...............12.90 unch");

  for (const auto& a : result.articles) {
    EXPECT_EQ(a.source, "Reuters");
    EXPECT_EQ(a.origin.path, file.string());
    for (const auto& p : a.body) {
      EXPECT_NE(p, "Reuter");
      EXPECT_EQ(p.find('\x03'), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace dateline
