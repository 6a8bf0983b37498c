#include "common/plain_text_parser.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"
#include "common/error.h"
#include "common/text.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPath = "/corpus/x.txt";

Article ParseOne(std::string_view content, const std::string& path = kPath) {
  const PlainTextParser parser;
  ParseResult result = parser.parse(content, path);
  EXPECT_EQ(result.articles.size(), 1u);
  EXPECT_TRUE(result.rejected.empty());
  if (result.articles.empty()) return {};
  return result.articles.front();
}

// The message of the ParseError that parsing `content` throws, or "" when
// nothing (or something else) is thrown.
std::string ParseErrorMessage(std::string_view content) {
  const PlainTextParser parser;
  try {
    parser.parse(content, kPath);
  } catch (const ParseError& e) {
    return e.what();
  } catch (...) {
    return "<some other exception>";
  }
  return "";
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// ---------------------------------------------------------------------------
// Headline and byline

TEST(PlainTextParser, TakesHeadlineFromFirstLine) {
  const Article a = ParseOne(R"(Syria offers rebels prisoner swap at Moscow talks

MOSCOW, Jan 17, 2014 (AFP) - Syria is ready to exchange prisoners.

Muallem said he had handed Lavrov a plan.
)");
  EXPECT_EQ(a.headline, "Syria offers rebels prisoner swap at Moscow talks");
  ASSERT_EQ(a.body.size(), 2u);
  EXPECT_EQ(a.body[0], "Syria is ready to exchange prisoners.");
  EXPECT_EQ(a.body[1], "Muallem said he had handed Lavrov a plan.");
}

TEST(PlainTextParser, DoesNotTakeFirstLineEndingWithFullStopAsHeadline) {
  const Article a = ParseOne(R"(The talks opened on Friday in Moscow.

Officials said little else.
)");
  EXPECT_EQ(a.headline, "");
  ASSERT_EQ(a.body.size(), 2u);
  EXPECT_EQ(a.body[0], "The talks opened on Friday in Moscow.");
  EXPECT_EQ(a.body[1], "Officials said little else.");
}

TEST(PlainTextParser, TakesByline) {
  const Article a = ParseOne(R"(Syrian opposition votes to attend peace conference

By Jane Doe

ISTANBUL, Jan 18, 2014 (AFP) - Syria's main opposition group voted on Saturday.

The vote followed a long session.
)");
  EXPECT_EQ(a.headline, "Syrian opposition votes to attend peace conference");
  EXPECT_EQ(a.byline, "Jane Doe");
  ASSERT_EQ(a.body.size(), 2u);
  EXPECT_EQ(a.body[0], "Syria's main opposition group voted on Saturday.");
  EXPECT_EQ(a.location.city, "Istanbul");
}

// ---------------------------------------------------------------------------
// Dateline

TEST(PlainTextParser, StripsDatelineAndTakesItsFields) {
  const Article a = ParseOne(R"(Ice storm leaves thousands without power

FORT WASHINGTON, Pa. (AP) _ An ice storm snapped tree limbs on Wednesday.

PECO said it was the second-largest outage in its history.
)");
  EXPECT_EQ(a.source, "AP");
  EXPECT_EQ(a.location.city, "Fort Washington");
  EXPECT_EQ(a.location.region, "Pa.");
  EXPECT_EQ(a.location.country, "");
  EXPECT_FALSE(a.date.has_value());  // no date in the dateline, no header
  ASSERT_EQ(a.body.size(), 2u);
  EXPECT_EQ(a.body[0], "An ice storm snapped tree limbs on Wednesday.");
}

TEST(PlainTextParser, TakesDateFromDatelineWithYear) {
  const Article a = ParseOne(R"(Syria offers rebels prisoner swap

MOSCOW, Jan 17, 2014 (AFP) - Syria is ready to exchange prisoners.

More text follows here.
)");
  EXPECT_EQ(a.source, "AFP");
  EXPECT_EQ(a.location.city, "Moscow");
  EXPECT_EQ(a.location.region, "");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso(), "2014-01-17");
  EXPECT_FALSE(a.date->has_time());
}

TEST(PlainTextParser, CanonicalisesDatelineAgency) {
  const Article a = ParseOne(R"(Berlin (DPA) - The government met on Monday.

Ministers agreed on the budget.
)");
  EXPECT_EQ(a.source, "dpa");
  EXPECT_EQ(a.location.city, "Berlin");
  EXPECT_EQ(a.body[0], "The government met on Monday.");
}

TEST(PlainTextParser, HeaderOverridesDateline) {
  const Article a = ParseOne(R"(Source: Reuters
Location: Geneva
Country: Switzerland
Date: 2014-01-20T10:15:00Z
Headline: Header headline wins
ID: my-article-1
Language: fr
Byline: John Smith

MOSCOW, Jan 17, 2014 (AFP) - Syria is ready to exchange prisoners.

More text.
)");
  EXPECT_EQ(a.source, "Reuters");
  EXPECT_EQ(a.location.city, "Geneva");
  EXPECT_EQ(a.location.region, "");
  EXPECT_EQ(a.location.country, "Switzerland");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso(), "2014-01-20T10:15:00Z");
  EXPECT_TRUE(a.date->has_time());
  EXPECT_EQ(a.headline, "Header headline wins");
  EXPECT_EQ(a.id, "my-article-1");
  EXPECT_EQ(a.language, "fr");
  EXPECT_EQ(a.byline, "John Smith");
  // The dateline is still removed from the text.
  const std::vector<std::string> expected = {"Syria is ready to exchange prisoners.", "More text."};
  EXPECT_EQ(a.body, expected);
}

TEST(PlainTextParser, HeaderKeysAreCaseInsensitiveAndLanguageIsLowered) {
  const Article a = ParseOne("SOURCE: agence france-presse\nlanguage: EN\n\nOfficials met.\n");
  EXPECT_EQ(a.source, "AFP");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.body, std::vector<std::string>{"Officials met."});
}

TEST(PlainTextParser, HeaderBylineDuplicatedInTextDoesNotHideDateline) {
  const Article a = ParseOne(R"(Source: AFP
Byline: Jane Doe

Syrian opposition votes to attend

By Jane Doe

ISTANBUL, Jan 18, 2014 (AFP) - The opposition voted on Saturday.

More text.
)");
  EXPECT_EQ(a.byline, "Jane Doe");
  EXPECT_EQ(a.location.city, "Istanbul");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso(), "2014-01-18");
  const std::vector<std::string> expected = {"The opposition voted on Saturday.", "More text."};
  EXPECT_EQ(a.body, expected);
}

TEST(PlainTextParser, HeaderOverridesDatelineFieldsButDatelineIsStillStripped) {
  const Article a = ParseOne(R"(Source: AFP
Location: Damascus
Date: 2014-01-18

MOSCOW, Jan 17, 2014 (Reuters) - Syria is ready to exchange prisoners.

More text.
)");
  EXPECT_EQ(a.source, "AFP");
  EXPECT_EQ(a.location.city, "Damascus");
  EXPECT_EQ(a.location.region, "");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso(), "2014-01-18");
  ASSERT_EQ(a.body.size(), 2u);
  EXPECT_EQ(a.body[0], "Syria is ready to exchange prisoners.");
}

TEST(PlainTextParser, HeaderHeadlineEqualToFirstLineDropsDuplicate) {
  const Article a = ParseOne(R"(Source: AFP
Headline: Syria offers rebels prisoner swap

Syria offers rebels prisoner swap

MOSCOW, Jan 17, 2014 (AFP) - Syria is ready to exchange prisoners.

More text.
)");
  EXPECT_EQ(a.headline, "Syria offers rebels prisoner swap");
  ASSERT_EQ(a.body.size(), 2u);
  EXPECT_EQ(a.body[0], "Syria is ready to exchange prisoners.");
  EXPECT_EQ(a.location.city, "Moscow");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso(), "2014-01-17");
}

TEST(PlainTextParser, YearOnlyDateHeaderCompletesDateline) {
  const Article a = ParseOne(R"(Date: 2014

Honduras marks new year

Tegucigalpa, Jan 2 (EFE).- Hondurans celebrated the new year on Thursday.

More text.
)");
  EXPECT_EQ(a.source, "EFE");
  EXPECT_EQ(a.location.city, "Tegucigalpa");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso(), "2014-01-02");
  EXPECT_EQ(a.headline, "Honduras marks new year");
  EXPECT_EQ(a.body[0], "Hondurans celebrated the new year on Thursday.");
}

TEST(PlainTextParser, DatelineWithoutYearAndNoHeaderLeavesDateUnset) {
  const Article a = ParseOne(R"(Honduras marks new year

Tegucigalpa, Jan 2 (EFE).- Hondurans celebrated the new year on Thursday.

More text.
)");
  EXPECT_EQ(a.source, "EFE");
  EXPECT_EQ(a.location.city, "Tegucigalpa");
  EXPECT_FALSE(a.date.has_value());
}

TEST(PlainTextParser, MidTextFakeDatelineIsLeftAsText) {
  const Article a = ParseOne(R"(Talks continue in Geneva

Diplomats met again on Friday without a breakthrough.

The sides exchanged written proposals.

LONDON (AFP) - is how a wire story from London would start, one delegate joked.

Talks resume on Monday.
)");
  EXPECT_EQ(a.headline, "Talks continue in Geneva");
  EXPECT_EQ(a.source, "");
  EXPECT_EQ(a.location.city, "");
  EXPECT_FALSE(a.date.has_value());
  ASSERT_EQ(a.body.size(), 4u);
  EXPECT_EQ(a.body[2],
            "LONDON (AFP) - is how a wire story from London would start, one delegate joked.");
}

// ---------------------------------------------------------------------------
// Credits

struct CreditCase {
  std::string credit;
  std::string agency;  // the source it gives, "" when none
};

TEST(PlainTextParser, RemovesTrailingCredits) {
  const std::vector<CreditCase> cases = {
      {"AFP", "AFP"},
      {"-- Reuters", "Reuters"},
      {"(Reporting by Jane Doe; Editing by John Smith)", ""},
      {"dpa ab xy", "dpa"},
      {"hh/ph/ts/hd", ""},
      {"Enditem", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.credit);
    const std::string content =
        "Officials met in the capital on Monday.\n\nThey agreed on a plan.\n\n" + c.credit + "\n";
    const Article a = ParseOne(content);
    ASSERT_EQ(a.body.size(), 2u);
    EXPECT_EQ(a.body.back(), "They agreed on a plan.");
    EXPECT_EQ(a.source, c.agency);
  }
}

TEST(PlainTextParser, CreditAgencyIsSourceWhenNothingElseGivesOne) {
  const Article a = ParseOne(R"(Cocoa arrivals steady

SALVADOR, Feb 26, 2014 - Showers continued throughout the week.

Arrivals were 155,221 bags.

(Reporting by Jane Doe; Editing by John Smith)

-- Reuters
)");
  EXPECT_EQ(a.source, "Reuters");
  EXPECT_EQ(a.location.city, "Salvador");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso(), "2014-02-26");
  ASSERT_EQ(a.body.size(), 2u);
  EXPECT_EQ(a.body[1], "Arrivals were 155,221 bags.");
}

TEST(PlainTextParser, DatelineAgencyBeatsCreditAgency) {
  const Article a = ParseOne(R"(BEIRUT (Reuters) - Officials said on Monday.

More text.

AFP
)");
  EXPECT_EQ(a.source, "Reuters");
  ASSERT_EQ(a.body.size(), 2u);
}

TEST(PlainTextParser, IsCreditLine) {
  std::string agency;
  EXPECT_TRUE(is_credit_line("AFP", &agency));
  EXPECT_EQ(agency, "AFP");
  agency.clear();
  EXPECT_TRUE(is_credit_line("-- Reuters", &agency));
  EXPECT_EQ(agency, "Reuters");
  agency.clear();
  EXPECT_TRUE(is_credit_line("\xE2\x80\x94 AP", &agency));
  EXPECT_EQ(agency, "AP");
  agency.clear();
  EXPECT_TRUE(is_credit_line("dpa ab xy", &agency));
  EXPECT_EQ(agency, "dpa");
  agency.clear();
  EXPECT_TRUE(is_credit_line("AFP hh/ph", &agency));
  EXPECT_EQ(agency, "AFP");
  agency.clear();
  EXPECT_TRUE(is_credit_line("(Reporting by X; Editing by Y)", &agency));
  EXPECT_EQ(agency, "");
  EXPECT_TRUE(is_credit_line("(Additional reporting by Z in Paris)", nullptr));
  EXPECT_TRUE(is_credit_line("hh/ph/ts/hd", &agency));
  EXPECT_EQ(agency, "");
  EXPECT_TRUE(is_credit_line("Enditem", nullptr));
  EXPECT_TRUE(is_credit_line("Reuter", nullptr));
  EXPECT_TRUE(is_credit_line("  AFP.  ", nullptr));

  EXPECT_FALSE(is_credit_line("", nullptr));
  EXPECT_FALSE(is_credit_line("--", nullptr));
  EXPECT_FALSE(is_credit_line("They agreed on a plan.", nullptr));
  EXPECT_FALSE(is_credit_line("(The talks resume on Monday.)", nullptr));
  EXPECT_FALSE(is_credit_line("Bloomberg", nullptr));
  EXPECT_FALSE(is_credit_line("hhph", nullptr));  // initials need a slash
  EXPECT_FALSE(is_credit_line("AFP Staff", nullptr));
  EXPECT_FALSE(is_credit_line(std::string(120, 'a') + "/b", nullptr));
}

TEST(PlainTextParser, ReadsAsHeadline) {
  EXPECT_TRUE(reads_as_headline("Syria offers rebels prisoner swap at Moscow talks"));
  EXPECT_TRUE(reads_as_headline("  Stocks claw back from steep losses as oil sinks below $27  "));
  EXPECT_TRUE(reads_as_headline("Rousseff wins? Brazil votes"));
  EXPECT_FALSE(reads_as_headline("The talks opened on Friday."));
  EXPECT_FALSE(reads_as_headline("The talks opened on Friday,"));
  EXPECT_FALSE(reads_as_headline("Headline with colon:"));
  EXPECT_FALSE(reads_as_headline("lower-case start is not a headline"));
  EXPECT_FALSE(reads_as_headline("By Jane Doe"));
  EXPECT_FALSE(reads_as_headline("BEIRUT (Reuters) - Officials said"));
  EXPECT_FALSE(reads_as_headline(""));
  // 26 words is too many for a headline.
  EXPECT_FALSE(reads_as_headline("A b c d e f g h i j k l m n o p q r s t u v w x y z"));
  EXPECT_TRUE(reads_as_headline("A b c d e f g h i j k l m n o p q r s t u v w x y"));
  EXPECT_FALSE(reads_as_headline(std::string(201, 'A')));
}

// ---------------------------------------------------------------------------
// Ids

TEST(PlainTextParser, IdFromHeader) {
  const Article a = ParseOne("ID: afp-2014-0117-001\n\nOfficials met on Monday.\n");
  EXPECT_EQ(a.id, "afp-2014-0117-001");
  EXPECT_EQ(a.origin.path, kPath);
  EXPECT_EQ(a.origin.record, 0);
}

TEST(PlainTextParser, IdFromOriginIsStable) {
  const std::string content = "Officials met on Monday.\n\nMore text.\n";
  const Article first = ParseOne(content);
  const Article second = ParseOne(content);
  EXPECT_EQ(first.id, id_from_origin(Origin{kPath, 0}));
  EXPECT_EQ(first.id, "file-" + text::hash_hex(kPath));
  EXPECT_EQ(first.id, second.id);
  const Article other = ParseOne(content, "/corpus/y.txt");
  EXPECT_NE(other.id, first.id);
  EXPECT_EQ(other.origin.path, "/corpus/y.txt");
}

// ---------------------------------------------------------------------------
// Paragraphs and encodings

TEST(PlainTextParser, SplitsParagraphsOnBlankLines) {
  const Article a = ParseOne("First paragraph.\n\n\n\nSecond paragraph.\n   \nThird paragraph.\n");
  const std::vector<std::string> expected = {"First paragraph.", "Second paragraph.",
                                             "Third paragraph."};
  EXPECT_EQ(a.body, expected);
}

TEST(PlainTextParser, JoinsHardWrappedLines) {
  const Article a = ParseOne(R"(Colombia's coffee exports in the first four months of the
1986/87 coffee year are running slightly ahead of last season,
federation officials said.

Exports from October through January totalled 3.41 mln
60-kilo bags.
)");
  ASSERT_EQ(a.body.size(), 2u);
  EXPECT_EQ(a.body[0],
            "Colombia's coffee exports in the first four months of the 1986/87 coffee year are "
            "running slightly ahead of last season, federation officials said.");
  EXPECT_EQ(a.body[1], "Exports from October through January totalled 3.41 mln 60-kilo bags.");
}

TEST(PlainTextParser, SplitsOneLinePerParagraphFiles) {
  const std::string l1 =
      "The divided Syrian opposition meets Friday to decide whether to join landmark talks next "
      "week.";
  const std::string l2 =
      "On the eve of the meeting, US Secretary of State John Kerry made a powerful plea to the "
      "exiled group.";
  const std::string l3 = "Short third line.";
  ASSERT_GT(l1.size(), 80u);
  ASSERT_GT(l2.size(), 80u);
  const Article a = ParseOne(l1 + "\n" + l2 + "\n" + l3 + "\n");
  const std::vector<std::string> expected = {l1, l2, l3};
  EXPECT_EQ(a.body, expected);
  EXPECT_EQ(a.headline, "");
}

TEST(PlainTextParser, HandlesCrlfLineEndings) {
  const Article a = ParseOne(
      "Source: AFP\r\nDate: 2014-01-17\r\n\r\nSyria offers prisoner swap\r\n\r\n"
      "MOSCOW, Jan 17, 2014 (AFP) - Syria is ready\r\nto exchange prisoners.\r\n\r\n"
      "More text.\r\n");
  EXPECT_EQ(a.source, "AFP");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso(), "2014-01-17");
  EXPECT_EQ(a.headline, "Syria offers prisoner swap");
  EXPECT_EQ(a.location.city, "Moscow");
  const std::vector<std::string> expected = {"Syria is ready to exchange prisoners.", "More text."};
  EXPECT_EQ(a.body, expected);
  for (const auto& p : a.body) EXPECT_EQ(p.find('\r'), std::string::npos);
}

TEST(PlainTextParser, SkipsUtf8Bom) {
  const Article a = ParseOne("\xEF\xBB\xBFSource: AFP\n\nOfficials met on Monday.\n");
  EXPECT_EQ(a.source, "AFP");
  ASSERT_EQ(a.body.size(), 1u);
  EXPECT_EQ(a.body[0], "Officials met on Monday.");
}

TEST(PlainTextParser, RepairsLatin1Bytes) {
  const Article a = ParseOne("Caf\xE9 owners protest\n\nOwners of caf\xE9s said \x93no\x94.\n");
  EXPECT_EQ(a.headline, "Caf\xC3\xA9 owners protest");
  ASSERT_EQ(a.body.size(), 1u);
  EXPECT_EQ(a.body[0], "Owners of caf\xC3\xA9s said \xE2\x80\x9Cno\xE2\x80\x9D.");
}

// ---------------------------------------------------------------------------
// Errors

TEST(PlainTextParser, RejectsEmptyFile) { EXPECT_TRUE(Contains(ParseErrorMessage(""), "no text")); }

TEST(PlainTextParser, RejectsWhitespaceOnlyFile) {
  EXPECT_TRUE(Contains(ParseErrorMessage(" \n\t\r\n  \n"), "no text"));
}

TEST(PlainTextParser, RejectsNulBytes) {
  const std::string content("Officials\0met on Monday.\n", 25);
  ASSERT_EQ(content.size(), 25u);
  EXPECT_TRUE(Contains(ParseErrorMessage(content), "NUL"));
}

TEST(PlainTextParser, RejectsBadDateHeader) {
  const std::string message = ParseErrorMessage("Date: yesterday\n\nOfficials met on Monday.\n");
  EXPECT_TRUE(Contains(message, "Date header")) << message;
  EXPECT_TRUE(Contains(message, "yesterday")) << message;
}

TEST(PlainTextParser, RejectsBadLanguageHeader) {
  const std::string message = ParseErrorMessage("Language: english\n\nOfficials met on Monday.\n");
  EXPECT_TRUE(Contains(message, "Language header")) << message;
  EXPECT_TRUE(Contains(message, "english")) << message;
}

TEST(PlainTextParser, RejectsHeaderWithoutText) {
  const std::string message = ParseErrorMessage("Source: AFP\nDate: 2014-01-17\n\n\n");
  EXPECT_TRUE(Contains(message, "no text")) << message;
}

TEST(PlainTextParser, RejectsDatelineWithoutText) {
  const std::string message = ParseErrorMessage("Source: AFP\n\nMOSCOW, Jan 17, 2014 (AFP) -\n");
  EXPECT_TRUE(Contains(message, "no text")) << message;
}

// ---------------------------------------------------------------------------
// Real files

TEST(PlainTextParser, ParsesGenevaSeedFile) {
  const fs::path seed = "/work/shared/seed/geneva-ii-afp.txt";
  if (!fs::exists(seed)) GTEST_SKIP() << "seed file " << seed << " is not present";
  const std::string content = "Source: AFP\nDate: 2014-01-17\nHeadline: H\n\n" + ReadFile(seed);
  const Article a = ParseOne(content, seed.string());
  EXPECT_EQ(a.source, "AFP");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso(), "2014-01-17");
  EXPECT_EQ(a.headline, "H");
  // 13 one-line paragraphs; the final "AFP" credit is removed.
  ASSERT_EQ(a.body.size(), 13u);
  EXPECT_EQ(a.location.city, "");
  EXPECT_EQ(a.location.region, "");
  EXPECT_EQ(a.body.front().rfind("The divided Syrian opposition meets Friday", 0), 0u);
  EXPECT_EQ(a.body.back().rfind("British media", 0), 0u) << a.body.back();
}

std::vector<fs::path> CorpusTextFiles() {
  std::vector<fs::path> files;
  const fs::path root = fs::path(DATELINE_SOURCE_DIR "/corpus");
  if (!fs::exists(root)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(PlainTextParser, ParsesEveryCorpusFile) {
  const auto files = CorpusTextFiles();
  ASSERT_FALSE(files.empty()) << "no *.txt under " << DATELINE_SOURCE_DIR "/corpus";
  const PlainTextParser parser;
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    ParseResult result;
    ASSERT_NO_THROW(result = parser.parse(ReadFile(file), file.string()));
    ASSERT_EQ(result.articles.size(), 1u);
    const Article& a = result.articles.front();
    EXPECT_FALSE(a.source.empty());
    EXPECT_TRUE(a.date.has_value());
    EXPECT_FALSE(a.headline.empty());
    EXPECT_FALSE(a.body.empty());
    EXPECT_FALSE(a.id.empty());
    EXPECT_EQ(a.origin.path, file.string());
  }
}

Article ParseCorpusFile(const std::string& relative) {
  const fs::path file = fs::path(DATELINE_SOURCE_DIR "/corpus") / relative;
  EXPECT_TRUE(fs::exists(file)) << file;
  return ParseOne(ReadFile(file), file.string());
}

TEST(PlainTextParser, CorpusApIceStorm) {
  const Article a = ParseCorpusFile("ap/2014-02-05-ice-storm-philadelphia-power.txt");
  EXPECT_EQ(a.location.city, "Fort Washington");
  EXPECT_EQ(a.location.region, "Pa.");
  EXPECT_EQ(a.location.country, "United States");
  EXPECT_EQ(a.source, "AP");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso(), "2014-02-05");
  EXPECT_EQ(a.headline, "Ice storm leaves hundreds of thousands without power near Philadelphia");
  ASSERT_FALSE(a.body.empty());
  EXPECT_EQ(a.body.front().rfind("An ice storm snapped tree limbs", 0), 0u);
}

TEST(PlainTextParser, CorpusEfeCuba) {
  const Article a = ParseCorpusFile("efe/2015-01-01-cuba-revolution-anniversary-thaw.txt");
  EXPECT_EQ(a.location.city, "Havana");
  EXPECT_EQ(a.location.country, "Cuba");
  EXPECT_EQ(a.source, "EFE");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso(), "2015-01-01");
  EXPECT_EQ(a.headline, "Cuba marks revolution anniversary amid historic thaw with US");
  ASSERT_FALSE(a.body.empty());
  EXPECT_EQ(a.body.front().rfind("Cuba celebrated the 56th anniversary", 0), 0u);
  EXPECT_NE(a.body.back(), "EFE");
}

TEST(PlainTextParser, CorpusAfpMoscow) {
  const Article a = ParseCorpusFile("afp/2014-01-17-moscow-syria-prisoner-swap.txt");
  EXPECT_EQ(a.location.city, "Moscow");
  EXPECT_EQ(a.source, "AFP");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso(), "2014-01-17");
  EXPECT_EQ(a.headline, "Syria offers rebels prisoner swap at Moscow talks");
  ASSERT_FALSE(a.body.empty());
  EXPECT_NE(a.body.front().rfind("MOSCOW", 0), 0u);
  EXPECT_EQ(a.body.front().rfind("Syria is ready to exchange prisoners", 0), 0u);
  EXPECT_EQ(a.body.size(), 9u);  // ten paragraphs, the final "AFP" credit removed
  EXPECT_NE(a.body.back(), "AFP");
}

}  // namespace
}  // namespace dateline
