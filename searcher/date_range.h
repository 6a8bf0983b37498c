// Date expressions in queries and in --since/--until:
//   2014-01-17   a day        2014-01   a month        2014   a year
//   FROM..TO     inclusive     ..TO / FROM..   open-ended
// Days are UTC days.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string_view>

namespace dateline {

struct DateRange {
  std::optional<int64_t> from;   // first second in the range
  std::optional<int64_t> until;  // last second in the range
};

// Throws QueryError naming the expression and the forms that are valid.
DateRange parse_date_range(std::string_view expression);

// Articles whose date (in value slot `slot`) falls in `range`.
Xapian::Query date_range_query(const DateRange& range, int slot);

}  // namespace dateline
