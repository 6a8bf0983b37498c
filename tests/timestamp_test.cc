#include "common/timestamp.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

namespace dateline {
namespace {

std::string iso_of(std::string_view s) {
  const auto t = parse_iso_timestamp(s);
  return t ? t->iso() : std::string("nullopt");
}

TEST(Timestamp, DaysFromCivilKnownValues) {
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(days_from_civil({1970, 1, 2}), 1);
  EXPECT_EQ(days_from_civil({1969, 12, 31}), -1);
  EXPECT_EQ(days_from_civil({2000, 3, 1}), 11017);
  EXPECT_EQ(days_from_civil({2014, 1, 17}), 16087);
  EXPECT_EQ(days_from_civil({1900, 1, 1}), -25567);
  EXPECT_EQ(civil_from_days(16087), (CivilDate{2014, 1, 17}));
  EXPECT_EQ(civil_from_days(-1), (CivilDate{1969, 12, 31}));
}

TEST(Timestamp, CivilRoundTripOverManyDays) {
  // From 1890-01-01 to about 2110, crossing 1900, 1970 and 2000.
  const int64_t first = days_from_civil({1890, 1, 1});
  const int64_t last = days_from_civil({2110, 12, 31});
  CivilDate previous = civil_from_days(first - 1);
  int leap_days = 0;
  for (int64_t d = first; d <= last; ++d) {
    const CivilDate c = civil_from_days(d);
    ASSERT_TRUE(is_valid_civil(c)) << d;
    ASSERT_EQ(days_from_civil(c), d) << c.year << "-" << c.month << "-" << c.day;
    // Consecutive days are consecutive dates.
    if (c.day != 1) {
      ASSERT_EQ(c.day, previous.day + 1) << d;
      ASSERT_EQ(c.month, previous.month) << d;
    }
    if (c.month == 2 && c.day == 29) ++leap_days;
    previous = c;
  }
  // Leap years 1892..2108 minus 1900 and 2100: 55 - 2 = 53.
  EXPECT_EQ(leap_days, 53);
}

TEST(Timestamp, LeapDaysRoundTrip) {
  for (const CivilDate d : {CivilDate{1904, 2, 29}, CivilDate{1968, 2, 29}, CivilDate{2000, 2, 29},
                            CivilDate{2016, 2, 29}}) {
    EXPECT_EQ(civil_from_days(days_from_civil(d)), d);
    EXPECT_EQ(civil_from_days(days_from_civil(d) + 1), (CivilDate{d.year, 3, 1}));
  }
  EXPECT_EQ(civil_from_days(days_from_civil({1900, 2, 28}) + 1), (CivilDate{1900, 3, 1}));
}

TEST(Timestamp, IsValidCivilLeapRules) {
  EXPECT_TRUE(is_valid_civil({2016, 2, 29}));
  EXPECT_FALSE(is_valid_civil({2015, 2, 29}));
  EXPECT_FALSE(is_valid_civil({1900, 2, 29}));
  EXPECT_TRUE(is_valid_civil({2000, 2, 29}));
  EXPECT_TRUE(is_valid_civil({2015, 2, 28}));
  EXPECT_FALSE(is_valid_civil({2016, 2, 30}));
  EXPECT_FALSE(is_valid_civil({2014, 4, 31}));
  EXPECT_TRUE(is_valid_civil({2014, 12, 31}));
  EXPECT_FALSE(is_valid_civil({2014, 13, 1}));
  EXPECT_FALSE(is_valid_civil({2014, 0, 1}));
  EXPECT_FALSE(is_valid_civil({2014, 1, 0}));
  EXPECT_FALSE(is_valid_civil({0, 1, 1}));
}

TEST(Timestamp, IsoWithAndWithoutTime) {
  EXPECT_EQ(Timestamp::from_date({2014, 1, 17}).iso(), "2014-01-17");
  EXPECT_FALSE(Timestamp::from_date({2014, 1, 17}).has_time());
  const Timestamp t = Timestamp::from_date_time({2014, 1, 17}, 9, 30, 5);
  EXPECT_TRUE(t.has_time());
  EXPECT_EQ(t.iso(), "2014-01-17T09:30:05Z");
  EXPECT_EQ(t.seconds(), 16087LL * 86400 + 9 * 3600 + 30 * 60 + 5);
  EXPECT_EQ(t.date(), (CivilDate{2014, 1, 17}));
  EXPECT_EQ(Timestamp::from_seconds(0, true).iso(), "1970-01-01T00:00:00Z");
}

TEST(Timestamp, IsoBefore1970) {
  EXPECT_EQ(Timestamp::from_date({1969, 12, 31}).iso(), "1969-12-31");
  EXPECT_EQ(Timestamp::from_seconds(-1, true).iso(), "1969-12-31T23:59:59Z");
  EXPECT_EQ(Timestamp::from_seconds(-86400, true).iso(), "1969-12-31T00:00:00Z");
  EXPECT_EQ(Timestamp::from_date_time({1950, 6, 15}, 12, 0, 0).iso(), "1950-06-15T12:00:00Z");
  EXPECT_EQ(Timestamp::from_seconds(-86401, true).date(), (CivilDate{1969, 12, 30}));
}

TEST(Timestamp, ParsesDateOnly) {
  const auto t = parse_iso_timestamp("2014-01-17");
  ASSERT_TRUE(t.has_value());
  EXPECT_FALSE(t->has_time());
  EXPECT_EQ(*t, Timestamp::from_date({2014, 1, 17}));
  EXPECT_EQ(t->iso(), "2014-01-17");
  EXPECT_EQ(iso_of("  2014-01-17 \n"), "2014-01-17");
}

TEST(Timestamp, ParsesDateTimeForms) {
  const auto hm = parse_iso_timestamp("2014-01-17T09:30");
  ASSERT_TRUE(hm.has_value());
  EXPECT_TRUE(hm->has_time());
  EXPECT_EQ(hm->iso(), "2014-01-17T09:30:00Z");
  EXPECT_EQ(iso_of("2014-01-17T09:30:00Z"), "2014-01-17T09:30:00Z");
  EXPECT_EQ(iso_of("2014-01-17T09:30:45"), "2014-01-17T09:30:45Z");
  EXPECT_EQ(iso_of("2014-01-17T09:30:00.123Z"), "2014-01-17T09:30:00Z");
  EXPECT_EQ(iso_of("2014-01-17 09:30:00"), "2014-01-17T09:30:00Z");
  EXPECT_EQ(*parse_iso_timestamp("2014-01-17T09:30:00Z"),
            Timestamp::from_date_time({2014, 1, 17}, 9, 30, 0));
}

TEST(Timestamp, ParsesZonesConvertedToUtc) {
  EXPECT_EQ(iso_of("2014-01-17T09:30:00+01:00"), "2014-01-17T08:30:00Z");
  EXPECT_EQ(iso_of("2014-01-17T09:30:00-0500"), "2014-01-17T14:30:00Z");
  EXPECT_EQ(iso_of("2014-01-17T09:30+05:30"), "2014-01-17T04:00:00Z");
  EXPECT_EQ(iso_of("2014-01-17T09:30:00.5+01:00"), "2014-01-17T08:30:00Z");
}

TEST(Timestamp, ZoneConversionCrossesMidnight) {
  // Into the previous day.
  EXPECT_EQ(iso_of("2014-01-17T00:30:00+01:00"), "2014-01-16T23:30:00Z");
  // Into the previous year.
  EXPECT_EQ(iso_of("2014-01-01T00:15:00+0100"), "2013-12-31T23:15:00Z");
  // Into the next day, and across the end of a leap February.
  EXPECT_EQ(iso_of("2014-01-17T22:00:00-0500"), "2014-01-18T03:00:00Z");
  EXPECT_EQ(iso_of("2016-02-28T23:00:00-02:00"), "2016-02-29T01:00:00Z");
}

TEST(Timestamp, RejectsMalformedOrImpossibleTimestamps) {
  EXPECT_FALSE(parse_iso_timestamp("2014-13-01").has_value());
  EXPECT_FALSE(parse_iso_timestamp("2014-02-30").has_value());
  EXPECT_FALSE(parse_iso_timestamp("2015-02-29").has_value());
  EXPECT_FALSE(parse_iso_timestamp("17/01/2014").has_value());
  EXPECT_FALSE(parse_iso_timestamp("2014-01-17T25:00").has_value());
  EXPECT_FALSE(parse_iso_timestamp("2014-01-17T09:60").has_value());
  EXPECT_FALSE(parse_iso_timestamp("").has_value());
  EXPECT_FALSE(parse_iso_timestamp("   ").has_value());
  EXPECT_FALSE(parse_iso_timestamp("2014-1-17").has_value());
  EXPECT_FALSE(parse_iso_timestamp("2014-01-17T").has_value());
  EXPECT_FALSE(parse_iso_timestamp("2014-01-17T09").has_value());
  EXPECT_FALSE(parse_iso_timestamp("2014-01-17T09:30:00.Z").has_value());
  EXPECT_FALSE(parse_iso_timestamp("2014-01-17T09:30:00+1").has_value());
}

TEST(Timestamp, RejectsTrailingJunk) {
  EXPECT_FALSE(parse_iso_timestamp("2014-01-17x").has_value());
  EXPECT_FALSE(parse_iso_timestamp("2014-01-17 yesterday").has_value());
  EXPECT_FALSE(parse_iso_timestamp("2014-01-17T09:30:00Zjunk").has_value());
  EXPECT_FALSE(parse_iso_timestamp("2014-01-17T09:30:00+01:00x").has_value());
  EXPECT_FALSE(parse_iso_timestamp("2014-01-17T09:30 GMT").has_value());
}

TEST(Timestamp, MonthFromName) {
  EXPECT_EQ(month_from_name("Jan"), 1);
  EXPECT_EQ(month_from_name("jan."), 1);
  EXPECT_EQ(month_from_name("January"), 1);
  EXPECT_EQ(month_from_name("FEB"), 2);
  EXPECT_EQ(month_from_name("May"), 5);
  EXPECT_EQ(month_from_name("Sept"), 9);
  EXPECT_EQ(month_from_name("SEPT."), 9);
  EXPECT_EQ(month_from_name("Sep"), 9);
  EXPECT_EQ(month_from_name("september"), 9);
  EXPECT_EQ(month_from_name("Nov."), 11);
  EXPECT_EQ(month_from_name("December"), 12);
}

TEST(Timestamp, MonthFromNameRejectsOtherWords) {
  EXPECT_EQ(month_from_name("Ma"), 0);
  EXPECT_EQ(month_from_name("Mayday"), 0);
  EXPECT_EQ(month_from_name(""), 0);
  EXPECT_EQ(month_from_name("."), 0);
  EXPECT_EQ(month_from_name("Janu"), 0);
  EXPECT_EQ(month_from_name("Pa."), 0);
  EXPECT_EQ(month_from_name("Jan.."), 0);
  EXPECT_EQ(month_from_name("Octo"), 0);
}

}  // namespace
}  // namespace dateline
