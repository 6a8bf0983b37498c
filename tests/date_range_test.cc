#include "searcher/date_range.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "common/timestamp.h"

namespace dateline {
namespace {

int64_t day_start(int y, int m, int d) { return Timestamp::from_date({y, m, d}).seconds(); }

TEST(DateRange, ADayAMonthAYear) {
  const DateRange day = parse_date_range("2014-01-17");
  EXPECT_EQ(day.from, day_start(2014, 1, 17));
  EXPECT_EQ(day.until, day_start(2014, 1, 18) - 1);
  const DateRange month = parse_date_range("2014-02");
  EXPECT_EQ(month.from, day_start(2014, 2, 1));
  EXPECT_EQ(month.until, day_start(2014, 3, 1) - 1);
  const DateRange december = parse_date_range("2014-12");
  EXPECT_EQ(december.until, day_start(2015, 1, 1) - 1);
  const DateRange year = parse_date_range("1987");
  EXPECT_EQ(year.from, day_start(1987, 1, 1));
  EXPECT_EQ(year.until, day_start(1988, 1, 1) - 1);
}

TEST(DateRange, RangesIncludeTheirLastDayWhole) {
  const DateRange r = parse_date_range("2014-01-01..2014-01-31");
  EXPECT_EQ(r.from, day_start(2014, 1, 1));
  EXPECT_EQ(r.until, day_start(2014, 2, 1) - 1);
  const DateRange months = parse_date_range("2014-01..2014-03");
  EXPECT_EQ(months.until, day_start(2014, 4, 1) - 1);
}

TEST(DateRange, OpenEnds) {
  const DateRange until = parse_date_range("..2014-01-31");
  EXPECT_FALSE(until.from);
  EXPECT_EQ(until.until, day_start(2014, 2, 1) - 1);
  const DateRange since = parse_date_range("2014-01-01..");
  EXPECT_EQ(since.from, day_start(2014, 1, 1));
  EXPECT_FALSE(since.until);
}

TEST(DateRange, BadExpressionsSayWhatIsValid) {
  for (const char* bad :
       {"", "..", "tomorrow", "2014-13", "2014-02-30", "14-01-17", "2014-1-17", "2014-01-17..junk",
        "2014/01/17", "20140117", "7x", "d", "-7d", "1234567d"}) {
    try {
      parse_date_range(bad);
      ADD_FAILURE() << "accepted: " << bad;
    } catch (const QueryError& e) {
      EXPECT_NE(std::string(e.what()).find("valid: 2014-01-17"), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(parse_date_range("2014-02-01..2014-01-01"), QueryError);
}

TEST(DateRange, RelativeDaysCountBackFromToday) {
  const CivilDate today{2014, 1, 20};
  const DateRange t = parse_date_range("today", today);
  EXPECT_EQ(t.from, day_start(2014, 1, 20));
  EXPECT_EQ(t.until, day_start(2014, 1, 21) - 1);
  EXPECT_EQ(parse_date_range("yesterday", today).from, day_start(2014, 1, 19));
  EXPECT_EQ(parse_date_range("YESTERDAY", today).from, day_start(2014, 1, 19));
  const DateRange week = parse_date_range("7d..", today);
  EXPECT_EQ(week.from, day_start(2014, 1, 13));
  EXPECT_FALSE(week.until);
  EXPECT_EQ(parse_date_range("0d", today).from, day_start(2014, 1, 20));
  EXPECT_EQ(parse_date_range("20d", today).from, day_start(2013, 12, 31));
  EXPECT_EQ(parse_date_range("2w", today).from, day_start(2014, 1, 6));
  EXPECT_EQ(parse_date_range("1m", today).from, day_start(2013, 12, 20));
  EXPECT_EQ(parse_date_range("1y", today).from, day_start(2013, 1, 20));
  const DateRange mixed = parse_date_range("30d..7d", today);
  EXPECT_EQ(mixed.from, day_start(2013, 12, 21));
  EXPECT_EQ(mixed.until, day_start(2014, 1, 14) - 1);
  EXPECT_EQ(parse_date_range("2014-01-01..yesterday", today).until, day_start(2014, 1, 20) - 1);
  // A month back from the 31st lands on the last day of a shorter month.
  EXPECT_EQ(parse_date_range("1m", {2014, 3, 31}).from, day_start(2014, 2, 28));
  EXPECT_EQ(parse_date_range("1y", {2016, 2, 29}).from, day_start(2015, 2, 28));
  EXPECT_EQ(parse_date_range("13m", {2014, 1, 15}).from, day_start(2012, 12, 15));
  EXPECT_THROW(parse_date_range("7d..30d", today), QueryError);  // ends before it starts
}

TEST(DateRange, TodayIsAnIsoDay) {
  EXPECT_EQ(parse_today("2014-01-20", "--today"), (CivilDate{2014, 1, 20}));
  EXPECT_EQ(parse_today(" 2016-02-29 ", "--today"), (CivilDate{2016, 2, 29}));
  for (const char* bad : {"", "2014", "2014-01", "2014-02-30", "20-01-2014", "today"}) {
    try {
      parse_today(bad, "$DATELINE_NOW");
      ADD_FAILURE() << "accepted: " << bad;
    } catch (const QueryError& e) {
      EXPECT_NE(std::string(e.what()).find("$DATELINE_NOW"), std::string::npos) << e.what();
    }
  }
  const CivilDate now = today_utc();
  EXPECT_TRUE(is_valid_civil(now));
  EXPECT_GE(now.year, 2024);
}

TEST(DateRange, QueriesUseTheValueSlot) {
  const Xapian::Query both = date_range_query(parse_date_range("2014"), 0);
  EXPECT_NE(both.get_description().find("VALUE_RANGE 0"), std::string::npos)
      << both.get_description();
  const Xapian::Query ge = date_range_query(parse_date_range("2014.."), 0);
  EXPECT_NE(ge.get_description().find("VALUE_GE 0"), std::string::npos) << ge.get_description();
  const Xapian::Query le = date_range_query(parse_date_range("..2014"), 0);
  EXPECT_NE(le.get_description().find("VALUE_LE 0"), std::string::npos) << le.get_description();
}

TEST(DateRange, AQuerysOwnDateFiltersConfineItOnlyWhenNothingEscapesThem) {
  const CivilDate today{2014, 1, 20};
  const auto year = query_date_range("Syria talks date:2014", today);
  ASSERT_TRUE(year.has_value());
  EXPECT_EQ(year->from, day_start(2014, 1, 1));
  EXPECT_EQ(year->until, day_start(2015, 1, 1) - 1);
  // Several date: filters are alternatives: their span.
  const auto two = query_date_range("date:2013-03 talks +date:2015-06-30", today);
  ASSERT_TRUE(two.has_value());
  EXPECT_EQ(two->from, day_start(2013, 3, 1));
  EXPECT_EQ(two->until, day_start(2015, 7, 1) - 1);
  const auto open = query_date_range("talks date:..2013 date:2014", today);
  ASSERT_TRUE(open.has_value());
  EXPECT_FALSE(open->from.has_value());
  EXPECT_EQ(open->until, day_start(2015, 1, 1) - 1);
  const auto recent = query_date_range("date:7d..", today);
  ASSERT_TRUE(recent.has_value());
  EXPECT_EQ(recent->from, day_start(2014, 1, 13));
  // Anything that could escape the filter, or no filter: no confinement.
  for (const char* q : {"talks", "talks OR date:2014", "NOT date:2014", "-date:2014 talks",
                        "(talks date:2014) OR Syria", "date:2014 XOR talks", "date:notadate",
                        "\"date:2014\" talks", "updated:2014"}) {
    EXPECT_FALSE(query_date_range(q, today).has_value()) << q;
  }
}

}  // namespace
}  // namespace dateline
