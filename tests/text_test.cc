#include "common/text.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace dateline {
namespace {

using namespace std::string_literals;

TEST(Text, IsValidUtf8AcceptsWellFormedText) {
  EXPECT_TRUE(text::is_valid_utf8(""));
  EXPECT_TRUE(text::is_valid_utf8("plain ASCII"));
  EXPECT_TRUE(text::is_valid_utf8("S\xC3\xA3o Paulo"));        // 2-byte
  EXPECT_TRUE(text::is_valid_utf8("em \xE2\x80\x94 dash"));    // 3-byte
  EXPECT_TRUE(text::is_valid_utf8("emoji \xF0\x9F\x98\x80"));  // 4-byte
  EXPECT_TRUE(text::is_valid_utf8("\xF4\x8F\xBF\xBF"));        // U+10FFFF
}

TEST(Text, IsValidUtf8RejectsOverlongSequences) {
  EXPECT_FALSE(text::is_valid_utf8("\xC0\xAF"));  // overlong '/'
  EXPECT_FALSE(text::is_valid_utf8("\xC1\xBF"));
  EXPECT_FALSE(text::is_valid_utf8("\xE0\x80\xAF"));      // 3-byte overlong
  EXPECT_FALSE(text::is_valid_utf8("\xF0\x80\x80\xAF"));  // 4-byte overlong
}

TEST(Text, IsValidUtf8RejectsSurrogatesAndOutOfRange) {
  EXPECT_FALSE(text::is_valid_utf8("\xED\xA0\x80"));      // U+D800
  EXPECT_FALSE(text::is_valid_utf8("\xED\xBF\xBF"));      // U+DFFF
  EXPECT_FALSE(text::is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(text::is_valid_utf8("\xF5\x80\x80\x80"));
}

TEST(Text, IsValidUtf8RejectsTruncatedAndStrayBytes) {
  EXPECT_FALSE(text::is_valid_utf8("abc\xC3"));       // lead byte at the end
  EXPECT_FALSE(text::is_valid_utf8("\xE2\x80"));      // 3-byte cut short
  EXPECT_FALSE(text::is_valid_utf8("\xF0\x9F\x98"));  // 4-byte cut short
  EXPECT_FALSE(text::is_valid_utf8("caf\xE9"));       // Latin-1
  EXPECT_FALSE(text::is_valid_utf8("\x80"));          // lone continuation
  EXPECT_FALSE(text::is_valid_utf8("\xC3(x"));        // bad continuation
}

TEST(Text, RepairUtf8ReadsLatin1Bytes) {
  EXPECT_EQ(text::repair_utf8("caf\xE9"), "caf\xC3\xA9");
  EXPECT_EQ(text::repair_utf8("\xE9t\xE9"), "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(text::repair_utf8("\xA0"), "\xC2\xA0");
  EXPECT_EQ(text::repair_utf8("\xFF"), "\xC3\xBF");
}

TEST(Text, RepairUtf8ReadsCp1252Quotes) {
  EXPECT_EQ(text::repair_utf8("\x93quoted\x94"), "\xE2\x80\x9Cquoted\xE2\x80\x9D");
  EXPECT_EQ(text::repair_utf8("it\x92s"), "it\xE2\x80\x99s");
  EXPECT_EQ(text::repair_utf8("\x80"), "\xE2\x82\xAC");  // euro sign
}

TEST(Text, RepairUtf8LeavesValidUtf8Untouched) {
  const std::string valid = "S\xC3\xA3o Paulo \xE2\x80\x94 \xF0\x9F\x98\x80 plain";
  EXPECT_EQ(text::repair_utf8(valid), valid);
  EXPECT_EQ(text::repair_utf8(""), "");
  EXPECT_EQ(text::repair_utf8("ascii only"), "ascii only");
}

TEST(Text, RepairUtf8HandlesMixedInput) {
  // Valid "é" (UTF-8) next to a Latin-1 é and a CP1252 quote.
  const std::string mixed = "caf\xC3\xA9 and caf\xE9 \x93ok\x94";
  const std::string repaired = text::repair_utf8(mixed);
  EXPECT_EQ(repaired, "caf\xC3\xA9 and caf\xC3\xA9 \xE2\x80\x9Cok\xE2\x80\x9D");
  EXPECT_TRUE(text::is_valid_utf8(repaired));
  // A truncated sequence: each stray byte is read on its own.
  EXPECT_EQ(text::repair_utf8("a\xC3"), "a\xC3\x83");
}

TEST(Text, TrimStripsAsciiWhitespaceAndNoBreakSpace) {
  EXPECT_EQ(text::trim("  hello \t\r\n"), "hello");
  EXPECT_EQ(text::trim("\xC2\xA0hello\xC2\xA0"), "hello");
  EXPECT_EQ(text::trim(" \xC2\xA0 mixed \xC2\xA0\n"), "mixed");
  EXPECT_EQ(text::trim("inner  space"), "inner  space");
  EXPECT_EQ(text::trim("a\xC2\xA0"
                       "b"),
            "a\xC2\xA0"
            "b");
  EXPECT_EQ(text::trim(""), "");
  EXPECT_EQ(text::trim(" \t\n "), "");
  EXPECT_EQ(text::trim("\xC2\xA0"), "");
}

TEST(Text, CollapseWhitespaceJoinsRuns) {
  EXPECT_EQ(text::collapse_whitespace("  a \t b\n\nc  "), "a b c");
  EXPECT_EQ(text::collapse_whitespace("one"), "one");
  EXPECT_EQ(text::collapse_whitespace("line one\r\nline two"), "line one line two");
  EXPECT_EQ(text::collapse_whitespace(""), "");
  EXPECT_EQ(text::collapse_whitespace("   \n\t "), "");
}

TEST(Text, ToLowerHandlesAsciiAndAccentedLetters) {
  EXPECT_EQ(text::to_lower("MOSCOW Talks"), "moscow talks");
  EXPECT_EQ(text::to_lower("\xC3\x89T\xC3\x89"), "\xC3\xA9t\xC3\xA9");  // ÉTÉ -> été
  EXPECT_EQ(text::to_lower("S\xC3\x83O PAULO"), "s\xC3\xA3o paulo");    // SÃO PAULO
  EXPECT_EQ(text::to_lower("123-abc"), "123-abc");
  EXPECT_EQ(text::to_lower(""), "");
}

TEST(Text, IsAllCaps) {
  EXPECT_TRUE(text::is_all_caps("MOSCOW"));
  EXPECT_TRUE(text::is_all_caps("FORT WASHINGTON"));
  EXPECT_TRUE(text::is_all_caps("S\xC3\x83O PAULO"));
  EXPECT_TRUE(text::is_all_caps("N'DJAMENA"));
  EXPECT_TRUE(text::is_all_caps("G20"));
  EXPECT_FALSE(text::is_all_caps("Moscow"));
  EXPECT_FALSE(text::is_all_caps("S\xC3\xA3O PAULO"));  // ã is lower case
  EXPECT_FALSE(text::is_all_caps("1987"));              // no letter
  EXPECT_FALSE(text::is_all_caps(""));
  EXPECT_FALSE(text::is_all_caps("--"));
}

TEST(Text, TitleCaseIfAllCaps) {
  EXPECT_EQ(text::title_case_if_all_caps("FORT WASHINGTON"), "Fort Washington");
  EXPECT_EQ(text::title_case_if_all_caps("S\xC3\x83O PAULO"), "S\xC3\xA3o Paulo");
  EXPECT_EQ(text::title_case_if_all_caps("N'DJAMENA"), "N'Djamena");
  EXPECT_EQ(text::title_case_if_all_caps("ST. PETERSBURG"), "St. Petersburg");
  EXPECT_EQ(text::title_case_if_all_caps("PORT-AU-PRINCE"), "Port-Au-Prince");
  EXPECT_EQ(text::title_case_if_all_caps("MOSCOW"), "Moscow");
}

TEST(Text, TitleCaseLeavesMixedCaseUnchanged) {
  EXPECT_EQ(text::title_case_if_all_caps("Rio de Janeiro"), "Rio de Janeiro");
  EXPECT_EQ(text::title_case_if_all_caps("McALLEN"), "McALLEN");
  EXPECT_EQ(text::title_case_if_all_caps("Berlin"), "Berlin");
  EXPECT_EQ(text::title_case_if_all_caps("1987"), "1987");
  EXPECT_EQ(text::title_case_if_all_caps(""), "");
}

TEST(Text, SplitWords) {
  const std::vector<std::string_view> expected = {"MOSCOW,", "Jan", "17"};
  EXPECT_EQ(text::split_words("  MOSCOW,\tJan \n 17  "), expected);
  EXPECT_EQ(text::split_words("one"), std::vector<std::string_view>{"one"});
  EXPECT_TRUE(text::split_words("").empty());
  EXPECT_TRUE(text::split_words(" \t\n").empty());
}

TEST(Text, EqualsCiIgnoresAsciiCase) {
  EXPECT_TRUE(text::equals_ci("Reuters", "REUTERS"));
  EXPECT_TRUE(text::equals_ci("dpa", "DPA"));
  EXPECT_TRUE(text::equals_ci("", ""));
  EXPECT_FALSE(text::equals_ci("Reuter", "Reuters"));
  EXPECT_FALSE(text::equals_ci("AFP", "AFX"));
  EXPECT_TRUE(text::starts_with_ci("Reporting by X", "REPORTING BY"));
  EXPECT_FALSE(text::starts_with_ci("Rep", "Reporting"));
}

TEST(Text, HashHexIsSixteenStableHexDigits) {
  const std::string h = text::hash_hex("/corpus/x.txt");
  ASSERT_EQ(h.size(), 16u);
  EXPECT_EQ(h.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(text::hash_hex("/corpus/x.txt"), h);
  // FNV-1a 64 of the empty string is the offset basis.
  EXPECT_EQ(text::hash_hex(""), "cbf29ce484222325");
  EXPECT_EQ(text::hash_hex("a"), "af63dc4c8601ec8c");
}

TEST(Text, HashHexDiffersForDifferentInputs) {
  EXPECT_NE(text::hash_hex("/corpus/x.txt"), text::hash_hex("/corpus/y.txt"));
  EXPECT_NE(text::hash_hex("a"), text::hash_hex("b"));
  EXPECT_NE(text::hash_hex("path#1"), text::hash_hex("path#2"));
}

}  // namespace
}  // namespace dateline

namespace dateline::text {
namespace {

TEST(Text, NextCodePointReadsUtf8AndStrayBytesOneByOne) {
  const std::string s =
      "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80\x93z";  // a é 中 😀, a CP-1252 byte, z
  size_t i = 0;
  std::vector<unsigned> cps;
  while (i < s.size()) cps.push_back(next_code_point(s, i));
  EXPECT_EQ(cps, (std::vector<unsigned>{'a', 0xE9, 0x4E2D, 0x1F600, 0x93, 'z'}));
  EXPECT_EQ(i, s.size());
  const std::string cut = "\xE4\xB8";  // a sequence cut short: two stray bytes
  i = 0;
  EXPECT_EQ(next_code_point(cut, i), 0xE4u);
  EXPECT_EQ(i, 1u);
}

}  // namespace
}  // namespace dateline::text
