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
  EXPECT_THROW(detect_parser("<?xml version=\"1.0\"?><nitf/>"), ParseError);
  EXPECT_THROW(detect_parser("<newsItem/>"), ParseError);
  EXPECT_THROW(detect_parser(""), ParseError);
  EXPECT_THROW(detect_parser(" \n\t "), ParseError);
}

TEST(FormatRegistry, FindsParsersByName) {
  ASSERT_NE(parser_by_name("text"), nullptr);
  ASSERT_NE(parser_by_name("reuters-sgml"), nullptr);
  EXPECT_EQ(parser_by_name("nitf"), nullptr);
  EXPECT_EQ(format_names(), "reuters-sgml, text");
}

}  // namespace
}  // namespace dateline
