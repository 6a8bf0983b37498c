#include "common/dateline.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

namespace dateline {
namespace {

struct Expected {
  std::string place;
  std::string region;
  std::string agency;
  int year = 0;
  int month = 0;
  int day = 0;
  std::string rest;  // paragraph.substr(length)
};

// Parses `paragraph` and checks every field of the dateline.
void ExpectDateline(std::string_view paragraph, const Expected& want) {
  SCOPED_TRACE(std::string(paragraph));
  const std::optional<Dateline> d = parse_dateline(paragraph);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->place, want.place);
  EXPECT_EQ(d->region, want.region);
  EXPECT_EQ(d->agency, want.agency);
  EXPECT_EQ(d->year, want.year);
  EXPECT_EQ(d->month, want.month);
  EXPECT_EQ(d->day, want.day);
  ASSERT_LE(d->length, paragraph.size());
  EXPECT_EQ(paragraph.substr(d->length), want.rest);
}

TEST(Dateline, ParsesAfpFormWithYear) {
  ExpectDateline("MOSCOW, Jan 17, 2014 (AFP) - Text", {"MOSCOW", "", "AFP", 2014, 1, 17, "Text"});
}

TEST(Dateline, ParsesReutersFormWithoutDate) {
  ExpectDateline("BEIRUT (Reuters) - Text", {"BEIRUT", "", "Reuters", 0, 0, 0, "Text"});
}

TEST(Dateline, ParsesApFormWithEmDash) {
  ExpectDateline("NEW YORK (AP) \xE2\x80\x94 Text", {"NEW YORK", "", "AP", 0, 0, 0, "Text"});
}

TEST(Dateline, ParsesApFormWithRegionAndUnderscore) {
  ExpectDateline("FORT WASHINGTON, Pa. (AP) _ Text",
                 {"FORT WASHINGTON", "Pa.", "AP", 0, 0, 0, "Text"});
}

TEST(Dateline, ParsesDpaMixedCaseForm) {
  ExpectDateline("Berlin (dpa) - Text", {"Berlin", "", "dpa", 0, 0, 0, "Text"});
}

TEST(Dateline, ParsesEfeFormWithDotDash) {
  ExpectDateline("Tegucigalpa, Jan 2 (EFE).- Text", {"Tegucigalpa", "", "EFE", 0, 1, 2, "Text"});
}

TEST(Dateline, ParsesDateWithoutAgency) {
  ExpectDateline("SALVADOR, Feb 26 - Text", {"SALVADOR", "", "", 0, 2, 26, "Text"});
}

TEST(Dateline, ParsesLongMonthName) {
  ExpectDateline("ROME, March 3, 2015 (ANSA) - Text", {"ROME", "", "ANSA", 2015, 3, 3, "Text"});
}

TEST(Dateline, ParsesAbbreviatedMonthWithDotAndDoubleDash) {
  ExpectDateline("BEIJING, Nov. 5 (Xinhua) -- Text", {"BEIJING", "", "Xinhua", 0, 11, 5, "Text"});
}

TEST(Dateline, ParsesNonAsciiPlace) {
  ExpectDateline("S\xC3\x83O PAULO, Aug 4 (Reuters) - Text",
                 {"S\xC3\x83O PAULO", "", "Reuters", 0, 8, 4, "Text"});
}

TEST(Dateline, ParsesThreeWordCapitalPlace) {
  ExpectDateline("RIO DE JANEIRO, Jul 13, 2014 (dpa) - Text",
                 {"RIO DE JANEIRO", "", "dpa", 2014, 7, 13, "Text"});
}

TEST(Dateline, ParsesPlaceWithLowerCaseParticle) {
  ExpectDateline("Rio de Janeiro (dpa) - Text", {"Rio de Janeiro", "", "dpa", 0, 0, 0, "Text"});
}

TEST(Dateline, ParsesCountryAsRegionBeforeDate) {
  ExpectDateline("MONTREUX, Switzerland, Jan 22, 2014 (AFP) - Text",
                 {"MONTREUX", "Switzerland", "AFP", 2014, 1, 22, "Text"});
}

TEST(Dateline, ParsesHyphenatedPlace) {
  ExpectDateline("PORT-AU-PRINCE (AP) - Text", {"PORT-AU-PRINCE", "", "AP", 0, 0, 0, "Text"});
}

TEST(Dateline, ParsesAbbreviatedPlaceWithRegion) {
  ExpectDateline("ST. PETERSBURG, Russia (Reuters) - Text",
                 {"ST. PETERSBURG", "Russia", "Reuters", 0, 0, 0, "Text"});
}

TEST(Dateline, ParsesDayMonthYearOrder) {
  ExpectDateline("WASHINGTON, 17 January 2014 (AFP) - Text",
                 {"WASHINGTON", "", "AFP", 2014, 1, 17, "Text"});
}

TEST(Dateline, ParsesDatelineWithNothingAfterSeparator) {
  ExpectDateline("SALVADOR, Feb 26 -", {"SALVADOR", "", "", 0, 2, 26, ""});
  ExpectDateline("SALVADOR, Feb 26 - ", {"SALVADOR", "", "", 0, 2, 26, ""});
}

TEST(Dateline, AcceptsFebruary29WithoutYear) {
  ExpectDateline("SALVADOR, Feb 29 - Text", {"SALVADOR", "", "", 0, 2, 29, "Text"});
}

TEST(Dateline, ChecksFebruary29AgainstAGivenYear) {
  ExpectDateline("MOSCOW, Feb 29, 2016 (AFP) - Text", {"MOSCOW", "", "AFP", 2016, 2, 29, "Text"});
  EXPECT_FALSE(parse_dateline("MOSCOW, Feb 29, 2015 (AFP) - Text").has_value());
}

TEST(Dateline, LengthCoversSeparatorAndFollowingSpaces) {
  const std::string_view p = "BEIRUT (Reuters) -   Lebanese officials said.";
  const auto d = parse_dateline(p);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->length, std::string_view("BEIRUT (Reuters) -   ").size());
  EXPECT_EQ(p.substr(d->length), "Lebanese officials said.");
}

TEST(Dateline, RejectsSentenceThatMentionsAgency) {
  EXPECT_FALSE(parse_dateline("The minister told AFP (AFP) - officials declined.").has_value());
}

TEST(Dateline, RejectsPlaceWithoutAgencyOrDate) {
  EXPECT_FALSE(parse_dateline("Paris - the city of light").has_value());
}

TEST(Dateline, RejectsMissingSeparator) {
  EXPECT_FALSE(parse_dateline("BEIRUT (Reuters) Text without separator").has_value());
}

TEST(Dateline, RejectsMissingPlace) {
  EXPECT_FALSE(parse_dateline("(AFP) - no place").has_value());
  EXPECT_FALSE(parse_dateline(", Jan 17 (AFP) - no place").has_value());
}

TEST(Dateline, RejectsImpossibleDay) {
  EXPECT_FALSE(parse_dateline("MOSCOW, Jan 45, 2014 (AFP) - bad day").has_value());
}

TEST(Dateline, RejectsImpossibleDate) {
  EXPECT_FALSE(parse_dateline("MOSCOW, Feb 30, 2014 (AFP) - impossible date").has_value());
  EXPECT_FALSE(parse_dateline("MOSCOW, Apr 31 (AFP) - impossible date").has_value());
}

TEST(Dateline, RejectsSeparatorGluedToWord) {
  EXPECT_FALSE(parse_dateline("PARIS -based group said (AFP)").has_value());
  EXPECT_FALSE(parse_dateline("PARIS, Jan 5 -based group said").has_value());
  EXPECT_FALSE(parse_dateline("PARIS (AFP) -based group said").has_value());
}

TEST(Dateline, RejectsLowerCaseWordInPlace) {
  EXPECT_FALSE(parse_dateline("Moscow said on Friday (AFP) - x").has_value());
}

TEST(Dateline, RejectsEmptyString) {
  EXPECT_FALSE(parse_dateline("").has_value());
  EXPECT_FALSE(parse_dateline("   ").has_value());
}

TEST(Dateline, RejectsPlaceOfSevenWords) {
  EXPECT_FALSE(parse_dateline("ONE TWO THREE FOUR FIVE SIX SEVEN (AFP) - Text").has_value());
  // Six words is still a place.
  ExpectDateline("ONE TWO THREE FOUR FIVE SIX (AFP) - Text",
                 {"ONE TWO THREE FOUR FIVE SIX", "", "AFP", 0, 0, 0, "Text"});
}

TEST(Dateline, RejectsLowerCasePlace) {
  EXPECT_FALSE(parse_dateline("moscow (AFP) - lower case").has_value());
}

TEST(Dateline, RejectsAgencyMentionedMidParagraph) {
  EXPECT_FALSE(
      parse_dateline("Officials in Moscow told reporters on Friday (AFP) - the talks went on.")
          .has_value());
  EXPECT_FALSE(parse_dateline("Syria is ready, MOSCOW, Jan 17, 2014 (AFP) - said the minister.")
                   .has_value());
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(DatelineField, NeedsNeitherAgencyNorDateNorSeparatorAtTheEnd) {
  const auto winston = parse_dateline_field("    WINSTON-SALEM, N.C. - ");
  ASSERT_TRUE(winston.has_value());
  EXPECT_EQ(winston->place, "WINSTON-SALEM");
  EXPECT_EQ(winston->region, "N.C.");
  const auto london = parse_dateline_field("LONDON");
  ASSERT_TRUE(london.has_value());
  EXPECT_EQ(london->place, "LONDON");
  const auto salvador = parse_dateline_field("    SALVADOR, Feb 26 - ");
  ASSERT_TRUE(salvador.has_value());
  EXPECT_EQ(salvador->month, 2);
  EXPECT_EQ(salvador->day, 26);
  // In running text the same words are not a dateline.
  EXPECT_FALSE(parse_dateline("LONDON").has_value());
  EXPECT_FALSE(parse_dateline_field("the minister said").has_value());
  EXPECT_FALSE(parse_dateline_field("").has_value());
}

}  // namespace
}  // namespace dateline
