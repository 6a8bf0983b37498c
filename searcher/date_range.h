// Date expressions in queries and in --since/--until:
//   2014-01-17   a day        2014-01   a month        2014   a year
//   FROM..TO     inclusive     ..TO / FROM..   open-ended
//   today, yesterday, 7d (7 days before today), 2w, 3m, 1y: relative days,
//   so "date:7d.." is the last seven days and today.
// Days are UTC days.  "Today" is the caller's: the searcher passes the
// current UTC date, or --today / $DATELINE_NOW when given.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string_view>

#include "common/timestamp.h"

namespace dateline {

struct DateRange {
  std::optional<int64_t> from;   // first second in the range
  std::optional<int64_t> until;  // last second in the range
};

// The current UTC date from the system clock.
CivilDate today_utc();

// Reads a YYYY-MM-DD date given as "today" (--today, $DATELINE_NOW); throws
// QueryError naming `what` when it is not one.
CivilDate parse_today(std::string_view value, std::string_view what);

// Throws QueryError naming the expression and the forms that are valid.
// Relative forms count back from `today`.
DateRange parse_date_range(std::string_view expression, const CivilDate& today);
DateRange parse_date_range(std::string_view expression);  // today: today_utc()

// The dates a query's own "date:" filters certainly confine it to: several
// are alternatives (their span is returned), and they restrict the whole
// query only when nothing can escape them, so nullopt when the query has
// no date: filter, or has OR, NOT, XOR, brackets or -date:, or a date it
// cannot read (the query parser reports that).  Used to skip shards.
std::optional<DateRange> query_date_range(std::string_view query, const CivilDate& today);

// Articles whose date (in value slot `slot`) falls in `range`.
Xapian::Query date_range_query(const DateRange& range, int slot);

}  // namespace dateline
