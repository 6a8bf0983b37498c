#include "common/xml_document.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "common/anpa1312_parser.h"
#include "common/error.h"
#include "common/format_registry.h"
#include "common/newsml12_parser.h"
#include "common/newsml_g2_parser.h"
#include "common/nitf_body.h"
#include "common/nitf_parser.h"
#include "common/stored_article.h"
#include "common/text.h"

namespace dateline {
namespace {

std::string root_text(const std::string& bytes) { return xml::text(xml::Document(bytes).root()); }

std::string parse_error(const std::string& bytes) {
  try {
    xml::Document doc(bytes);
  } catch (const ParseError& e) {
    return e.what();
  }
  return "";
}

TEST(XmlDocument, DeclaredLatin1AndWindows1252AreConverted) {
  EXPECT_EQ(root_text("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xE9 \xA3"
                      "5</a>"),
            "caf\xC3\xA9 \xC2\xA3"
            "5");
  EXPECT_EQ(root_text("<?xml version='1.0' encoding='latin1'?><a>S\xE3o</a>"), "S\xC3\xA3o");
  EXPECT_EQ(root_text("<?xml version=\"1.0\" encoding=\"windows-1252\"?><a>\x93quoted\x94</a>"),
            "\xE2\x80\x9Cquoted\xE2\x80\x9D");
  EXPECT_EQ(root_text("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><a>\xA4</a>"),
            "\xE2\x82\xAC");
  EXPECT_EQ(root_text("<?xml version=\"1.0\" encoding=\"us-ascii\"?><a>plain</a>"), "plain");
  // A file labelled Latin-1 whose bytes are well-formed UTF-8 is UTF-8.
  EXPECT_EQ(root_text("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xC3\xA9</a>"),
            "caf\xC3\xA9");
  // Attributes are converted too.
  const xml::Document doc("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a city=\"Bogot\xE1\"/>");
  EXPECT_EQ(xml::attr(doc.root(), "city"), "Bogot\xC3\xA1");
}

TEST(XmlDocument, Utf8WithByteOrderMarkAndStrayBytes) {
  EXPECT_EQ(root_text("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>na\xC3\xAFve</a>"),
            "na\xC3\xAFve");
  EXPECT_EQ(root_text("\xEF\xBB\xBF<a>x</a>"), "x");
  // A stray byte in UTF-8 is read as Windows-1252.
  EXPECT_EQ(root_text("<a>caf\xE9</a>"), "caf\xC3\xA9");
  EXPECT_TRUE(text::is_valid_utf8(root_text("<a>\xFF\xFE\x80</a>")));
}

TEST(XmlDocument, Utf16WithByteOrderMark) {
  const std::string utf8 = "<a>h\xC3\xA9</a>";
  std::string le = "\xFF\xFE";
  std::string be = "\xFE\xFF";
  for (char c : std::string("<a>h")) {
    le += c;
    le += '\0';
    be += '\0';
    be += c;
  }
  le += "\xE9";
  le += '\0';
  be += '\0';
  be += "\xE9";
  for (char c : std::string("</a>")) {
    le += c;
    le += '\0';
    be += '\0';
    be += c;
  }
  EXPECT_EQ(root_text(le), "h\xC3\xA9");
  EXPECT_EQ(root_text(be), "h\xC3\xA9");
  EXPECT_EQ(xml::root_element_name(le), "a");
  EXPECT_EQ(root_text(utf8), "h\xC3\xA9");
}

TEST(XmlDocument, UnsupportedEncodingsAreRefused) {
  EXPECT_NE(parse_error("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><a/>")
                .find("XML encoding 'shift_jis' is not supported"),
            std::string::npos);
  EXPECT_NE(parse_error(std::string("\xFF\xFE\0\0", 4)).find("UTF-32"), std::string::npos);
}

TEST(XmlDocument, MalformedXmlNamesTheByteAndTheProblem) {
  EXPECT_EQ(parse_error("<a><b></a>"), "XML error at byte 8: Start-end tags mismatch");
  // The offset counts the file's own bytes, before conversion from Latin-1.
  EXPECT_EQ(parse_error("<?xml version='1.0' encoding='ISO-8859-1'?><a>\xE9\xE9</b>"),
            "XML error at byte 50: Start-end tags mismatch");
  EXPECT_EQ(parse_error("\xEF\xBB\xBF<a><b></a>"), "XML error at byte 11: Start-end tags mismatch");
  EXPECT_EQ(parse_error("<a attr=\"x></a>").rfind("XML error at byte ", 0), 0u);
  EXPECT_EQ(parse_error(""), "XML error at byte 0: No document element found");
  EXPECT_EQ(parse_error("<!-- only a comment -->"),
            "XML error at byte 23: No document element found");
}

TEST(XmlDocument, EntityDeclarationsAreNeverExpanded) {
  // "Billion laughs": ten levels of ten references each.
  std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    laughs += " <!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) laughs += i == 1 ? "&lol;" : "&lol" + std::to_string(i - 1) + ";";
    laughs += "\">\n";
  }
  laughs += "]>\n<lolz>&lol9;</lolz>";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(root_text(laughs), "&lol9;");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));

  // External entities, general and parameter: nothing is read or fetched.
  const std::string xxe =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n"
      " <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
      " <!ENTITY % remote SYSTEM \"http://example.invalid/evil.dtd\">\n %remote;\n]>\n"
      "<r a=\"&xxe;\">&xxe;</r>";
  const xml::Document doc(xxe);
  EXPECT_EQ(xml::text(doc.root()), "&xxe;");
  EXPECT_EQ(xml::attr(doc.root(), "a"), "&xxe;");
  // A DOCTYPE with an external DTD, as IPTC's NITF sample has.
  EXPECT_EQ(root_text("<!DOCTYPE nitf SYSTEM \"../dtd/nitf-3-2.dtd\">\n<nitf>t</nitf>"), "t");
}

TEST(XmlDocument, DecodesXmlAndCommonHtmlReferencesOnce) {
  EXPECT_EQ(xml::decode_entities("&lt;b&gt; &amp; &quot;q&quot; &apos;"), "<b> & \"q\" '");
  EXPECT_EQ(xml::decode_entities("&eacute;&#233;&#xE9;&#XE9;"), "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9");
  EXPECT_EQ(xml::decode_entities("a&nbsp;b&mdash;c"),
            "a\xC2\xA0"
            "b\xE2\x80\x94"
            "c");
  EXPECT_EQ(xml::decode_entities("&#150;"), "\xE2\x80\x93");  // Windows-1252 en dash
  EXPECT_EQ(xml::decode_entities("&amp;eacute;"), "&eacute;");
  EXPECT_EQ(xml::decode_entities("&unknown; & &#xD800;&#0;x"), "&unknown; & x");
}

TEST(XmlDocument, RootElementNameLooksPastThePrologue) {
  EXPECT_EQ(xml::root_element_name("<nitf/>"), "nitf");
  EXPECT_EQ(xml::root_element_name("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- <rss> -->\n"
                                   "<?pi x?><!DOCTYPE x [ <!ENTITY a \"]>\"> <!-- ]> --> ]>\n"
                                   "<g2:newsItem xmlns:g2=\"x\">"),
            "newsItem");
  EXPECT_EQ(xml::root_element_name("  \n<NewsML Version=\"1.2\">"), "NewsML");
  EXPECT_EQ(xml::root_element_name("Headline\n<p>"), "");
  EXPECT_EQ(xml::root_element_name("<!-- unterminated"), "");
  EXPECT_EQ(xml::root_element_name(""), "");
  EXPECT_TRUE(xml::looks_like_xml("\xEF\xBB\xBF<?xml version=\"1.0\"?>"));
  EXPECT_TRUE(xml::looks_like_xml("\n <rss>"));
  EXPECT_FALSE(xml::looks_like_xml("MOSCOW (AFP) - <b>"));
  EXPECT_FALSE(xml::looks_like_xml("< 3 apples"));
}

TEST(XmlDocument, ElementHelpersMatchLocalNames) {
  const xml::Document doc(
      "<m:message xmlns:m=\"a\" xmlns=\"b\"><m:item n=\"1\"/><item n=\"2\"><deep><item "
      "n=\"3\"/></deep></item><other/></m:message>");
  const pugi::xml_node root = doc.root();
  EXPECT_EQ(xml::local_name(root), "message");
  EXPECT_EQ(xml::children(root, "item").size(), 2u);
  EXPECT_EQ(xml::attr(xml::child(root, "item"), "n"), "1");
  EXPECT_EQ(xml::descendants(root, "item").size(), 3u);
  EXPECT_EQ(xml::attr(xml::path(root, {"item", "deep", "item"}), "n"), "");
  EXPECT_EQ(xml::attr(xml::descendant(xml::child(root, "item").next_sibling(), "item"), "n"), "3");
  EXPECT_FALSE(xml::child(root, "missing"));
  EXPECT_EQ(xml::text(xml::child(root, "missing")), "");
  EXPECT_EQ(root_text("<a>  x <b>y</b>\n z<br/>w </a>"), "x y z w");
  EXPECT_EQ(xml::raw_text(xml::Document("<a>x<br/>y</a>").root()), "x\ny");
}

TEST(XmlDocument, DetectionRefusesXmlNoParserReads) {
  try {
    detect_parser("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>");
    FAIL() << "an RSS feed was taken";
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("(root element <rss>)"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).rfind("XML", 0), 0u);
  }
  // Not even with a byte-order mark, which plain text would otherwise take.
  EXPECT_THROW(detect_parser("\xEF\xBB\xBF<?xml version=\"1.0\"?><rss/>"), ParseError);
  EXPECT_EQ(detect_parser("\xEF\xBB\xBF<?xml version=\"1.0\"?><nitf/>").name(), "nitf");
  EXPECT_EQ(detect_parser("Headline\n\nMOSCOW (AFP) - Text.").name(), "text");
  EXPECT_EQ(detect_parser("<REUTERS NEWID=\"1\">").name(), "reuters-sgml");
}

TEST(WireTimestamps, CompactAndExtendedFormsWithZones) {
  auto iso = [](std::string_view s) {
    const auto t = parse_wire_timestamp(s);
    return t ? t->iso() : std::string("none");
  };
  EXPECT_EQ(iso("20140829T134951+0000"), "2014-08-29T13:49:51Z");
  EXPECT_EQ(iso("20020225T143000-0500"), "2002-02-25T19:30:00Z");
  EXPECT_EQ(iso("20140829T135002Z"), "2014-08-29T13:50:02Z");
  EXPECT_EQ(iso("20140117T0930Z"), "2014-01-17T09:30:00Z");
  EXPECT_EQ(iso("20140829"), "2014-08-29");
  EXPECT_EQ(iso("2014-07-16T15:53:10.000Z"), "2014-07-16T15:53:10Z");
  EXPECT_EQ(iso("2018-10-21T16:25:32-05:00"), "2018-10-21T21:25:32Z");
  EXPECT_EQ(iso("2017-10-11T10:41:00+0100"), "2017-10-11T09:41:00Z");
  EXPECT_EQ(iso("20141329T000000Z"), "none");
  EXPECT_EQ(iso("20140829T1"), "none");
  EXPECT_EQ(iso("yesterday"), "none");
}

TEST(WireMetadata, LanguagesAndAgencies) {
  EXPECT_EQ(normalize_language("en-US"), "en");
  EXPECT_EQ(normalize_language("DE"), "de");
  EXPECT_EQ(normalize_language("it-IT"), "it");
  EXPECT_EQ(normalize_language("ger"), "de");
  EXPECT_EQ(normalize_language("x1"), "");
  EXPECT_EQ(normalize_language(""), "");
  EXPECT_EQ(agency_from_metadata("reuters.com"), "Reuters");
  EXPECT_EQ(agency_from_metadata("nprov:REUTERS"), "Reuters");
  EXPECT_EQ(agency_from_metadata("http://www.afp.com/about"), "AFP");
  EXPECT_EQ(agency_from_metadata("ansa.it"), "ANSA");
  EXPECT_EQ(agency_from_metadata("Agencia EFE"), "EFE");
  EXPECT_EQ(agency_from_metadata("Thomson Reuters"), "Reuters");
  EXPECT_EQ(agency_from_metadata("Deutsche Presse-Agentur GmbH"), "dpa");
  EXPECT_EQ(agency_from_metadata("Automated Insights"), std::nullopt);
  EXPECT_EQ(agency_from_metadata("International Press Telecommunications Council"), std::nullopt);
  EXPECT_EQ(choose_source({"Automated Insights", "", "AP"}), "AP");
  EXPECT_EQ(choose_source({"", "Sports Network"}), "Sports Network");
  std::string slug = "BC-US--Earns-Nutrisystem, 1st Ld-Writethru";
  EXPECT_EQ(strip_writethru_marker(slug), 1);
  EXPECT_EQ(slug, "BC-US--Earns-Nutrisystem");
  slug = "BC-Plain, 300";
  EXPECT_EQ(strip_writethru_marker(slug), 0);
  EXPECT_EQ(slug, "BC-Plain, 300");
}

TEST(WireDatelines, BodyDatelineFormsAreFoundAndTakenOut) {
  auto take = [](std::vector<std::string> body) {
    std::string byline;
    const auto d = take_body_dateline(body, &byline);
    return std::make_tuple(d ? d->place : "-", d ? d->agency : "-", body, byline);
  };
  using Body = std::vector<std::string>;
  EXPECT_EQ(take({"NEW YORK (AP) \xE2\x80\x94 Text."}),
            std::make_tuple("NEW YORK", "AP", Body{"Text."}, ""));
  EXPECT_EQ(take({"(ANSA) - Rome, October 11 - Text."}),
            std::make_tuple("Rome", "ANSA", Body{"Text."}, ""));
  EXPECT_EQ(take({"Jan 30 (Reuters) - Gold rose."}),
            std::make_tuple("", "Reuters", Body{"Gold rose."}, ""));
  EXPECT_EQ(take({"By Jane Roe", "BEIRUT (Reuters) - Text."}),
            std::make_tuple("BEIRUT", "Reuters", Body{"Text."}, "Jane Roe"));
  EXPECT_EQ(take({"(Adds detail)", "* Bullet", "PARIS (AFP) - Text."}),
            std::make_tuple("PARIS", "AFP", Body{"(Adds detail)", "* Bullet", "Text."}, ""));
  EXPECT_EQ(take({"The minister told AFP (AFP) - nothing."}),
            std::make_tuple("-", "-", Body{"The minister told AFP (AFP) - nothing."}, ""));
  EXPECT_EQ(take({"(New York, NY - October 21) Text."}),
            std::make_tuple("-", "-", Body{"(New York, NY - October 21) Text."}, ""));
  EXPECT_EQ(take({"BERLIN (dpa) -"}), std::make_tuple("BERLIN", "dpa", Body{}, ""));
}

const int kWireMutantsPerSeed = [] {
  const char* n = std::getenv("DATELINE_WIRE_FUZZ_MUTANTS");  // more for a longer run
  return n ? std::atoi(n) : 400;
}();

// Mutation fuzzing of the wire parsers over their fixtures, deterministic:
// each mutant parses or is refused with ParseError; what it yields is valid
// UTF-8 with an id and no empty paragraph.
TEST(WireParsersFuzz, MutantsParseOrFailCleanly) {
  std::vector<std::string> seeds;
  const std::filesystem::path root = std::filesystem::path(DATELINE_SOURCE_DIR) / "tests/fixtures";
  for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    seeds.push_back(s.str());
  }
  ASSERT_GE(seeds.size(), 10u);
  const NitfParser nitf;
  const NewsMLG2Parser g2;
  const NewsML12Parser n12;
  const Anpa1312Parser anpa;
  const std::vector<const Parser*> parsers = {&nitf, &g2, &n12, &anpa};
  std::mt19937 rng(20140829);
  auto pick = [&](size_t n) {
    return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(rng);
  };
  const std::string interesting = "<>&#;/\"'=![]-\x01\x02\x03\x16\xC3\xA9\xFF";
  size_t parsed = 0, refused = 0;
  for (const std::string& seed : seeds) {
    for (int i = 0; i < kWireMutantsPerSeed; ++i) {
      std::string s = seed;
      const int steps = 1 + static_cast<int>(pick(6));
      for (int k = 0; k < steps; ++k) {
        switch (pick(5)) {
          case 0:
            if (!s.empty()) s[pick(s.size())] = static_cast<char>(pick(256));
            break;
          case 1:
            s.insert(pick(s.size() + 1), 1, interesting[pick(interesting.size())]);
            break;
          case 2:
            if (!s.empty()) s.erase(pick(s.size()), pick(48));
            break;
          case 3:
            if (!s.empty()) s.insert(pick(s.size() + 1), s.substr(pick(s.size()), pick(96)));
            break;
          default:
            s.resize(pick(s.size() + 1));
        }
      }
      for (const Parser* p : parsers) {
        try {
          const ParseResult r = p->parse(s, "/fuzz/input");
          for (const Article& a : r.articles) {
            ASSERT_FALSE(a.id.empty());
            for (const std::string* f : {&a.headline, &a.byline, &a.source, &a.location.city,
                                         &a.slug, &a.story_id, &a.language}) {
              ASSERT_TRUE(text::is_valid_utf8(*f)) << *f;
            }
            for (const auto& para : a.body) {
              ASSERT_FALSE(para.empty());
              ASSERT_TRUE(text::is_valid_utf8(para));
            }
            ASSERT_NO_THROW(decode_stored_article(encode_stored_article(a)));
          }
          ++parsed;
        } catch (const ParseError&) {
          ++refused;
        }
      }
      try {
        detect_parser(s);
      } catch (const ParseError&) {
      }
    }
  }
  EXPECT_GT(parsed, 0u);
  EXPECT_GT(refused, 0u);
}

}  // namespace
}  // namespace dateline
