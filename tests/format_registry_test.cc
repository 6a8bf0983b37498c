#include "common/format_registry.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace dateline {
namespace {

TEST(FormatRegistry, DetectsByContent) {
  EXPECT_EQ(detect_parser("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"1\">").name(),
            "reuters-sgml");
  EXPECT_EQ(detect_parser("<REUTERS TOPICS=\"NO\" NEWID=\"2\">").name(), "reuters-sgml");
  EXPECT_EQ(detect_parser("Headline\n\nMOSCOW (AFP) - Text.").name(), "text");
  EXPECT_EQ(detect_parser("Source: AFP\n\nText.").name(), "text");
}

TEST(FormatRegistry, RefusesWhatNoParserReads) {
  EXPECT_THROW(detect_parser("<?xml version=\"1.0\"?><rss version=\"2.0\"/>"), ParseError);
  EXPECT_THROW(detect_parser("<html><body>not news</body></html>"), ParseError);
  EXPECT_THROW(detect_parser(""), ParseError);
  EXPECT_THROW(detect_parser(" \n\t "), ParseError);
}

TEST(FormatRegistry, DetectsXmlFormatsByTheirRootElement) {
  EXPECT_EQ(detect_parser("<?xml version=\"1.0\"?>\n<!-- c -->\n<nitf><head/></nitf>").name(),
            "nitf");
  EXPECT_EQ(detect_parser(
                "<?xml version=\"1.0\"?><newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"/>")
                .name(),
            "newsml-g2");
  EXPECT_EQ(detect_parser("<?xml version=\"1.0\"?><newsMessage/>").name(), "newsml-g2");
  EXPECT_EQ(detect_parser("<?xml version=\"1.0\"?><NewsML Version=\"1.2\"/>").name(), "newsml-1.2");
}

TEST(FormatRegistry, FindsParsersByName) {
  ASSERT_NE(parser_by_name("text"), nullptr);
  ASSERT_NE(parser_by_name("reuters-sgml"), nullptr);
  EXPECT_EQ(parser_by_name("nitf")->name(), "nitf");
  EXPECT_EQ(parser_by_name("newsml-g2")->name(), "newsml-g2");
  EXPECT_EQ(parser_by_name("newsml-1.2")->name(), "newsml-1.2");
  EXPECT_EQ(parser_by_name("anpa-1312")->name(), "anpa-1312");
  EXPECT_EQ(parser_by_name("rss"), nullptr);
  EXPECT_EQ(format_names(), "reuters-sgml, nitf, newsml-g2, newsml-1.2, anpa-1312, text");
}

}  // namespace
}  // namespace dateline
