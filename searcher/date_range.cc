#include "searcher/date_range.h"

#include <string>

#include "common/error.h"
#include "common/text.h"
#include "common/timestamp.h"

namespace dateline {
namespace {

struct Span {
  int64_t first;
  int64_t last;
};

std::optional<int> digits(std::string_view s, size_t n) {
  if (s.size() != n || s.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  return std::stoi(std::string(s));
}

// The seconds covered by "YYYY", "YYYY-MM" or "YYYY-MM-DD".
std::optional<Span> parse_period(std::string_view s) {
  const auto year = digits(s.substr(0, 4), 4);
  if (!year || *year < 1) return std::nullopt;
  if (s.size() == 4) {
    return Span{days_from_civil({*year, 1, 1}) * 86400,
                days_from_civil({*year + 1, 1, 1}) * 86400 - 1};
  }
  if (s.size() < 7 || s[4] != '-') return std::nullopt;
  const auto month = digits(s.substr(5, 2), 2);
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  if (s.size() == 7) {
    const CivilDate next =
        *month == 12 ? CivilDate{*year + 1, 1, 1} : CivilDate{*year, *month + 1, 1};
    return Span{days_from_civil({*year, *month, 1}) * 86400, days_from_civil(next) * 86400 - 1};
  }
  if (s.size() != 10 || s[7] != '-') return std::nullopt;
  const auto day = digits(s.substr(8, 2), 2);
  if (!day || !is_valid_civil({*year, *month, *day})) return std::nullopt;
  const int64_t start = days_from_civil({*year, *month, *day}) * 86400;
  return Span{start, start + 86399};
}

[[noreturn]] void bad_date(std::string_view expression) {
  throw QueryError("'" + std::string(expression) +
                   "' is not a date or date range (valid: 2014-01-17, 2014-01, 2014, "
                   "2014-01-01..2014-01-31, ..2014-01-31, 2014-01-01..)");
}

}  // namespace

DateRange parse_date_range(std::string_view expression) {
  const std::string_view e = text::trim(expression);
  if (e.empty()) bad_date(expression);
  DateRange range;
  const size_t dots = e.find("..");
  if (dots == std::string_view::npos) {
    const auto span = parse_period(e);
    if (!span) bad_date(expression);
    range.from = span->first;
    range.until = span->last;
    return range;
  }
  const std::string_view lo = e.substr(0, dots);
  const std::string_view hi = e.substr(dots + 2);
  if (lo.empty() && hi.empty()) bad_date(expression);
  if (!lo.empty()) {
    const auto span = parse_period(lo);
    if (!span) bad_date(expression);
    range.from = span->first;
  }
  if (!hi.empty()) {
    const auto span = parse_period(hi);
    if (!span) bad_date(expression);
    range.until = span->last;
  }
  if (range.from && range.until && *range.from > *range.until) {
    throw QueryError("date range '" + std::string(expression) + "' ends before it starts");
  }
  return range;
}

Xapian::Query date_range_query(const DateRange& range, int slot) {
  const auto value = [](int64_t seconds) {
    return Xapian::sortable_serialise(static_cast<double>(seconds));
  };
  const auto s = static_cast<Xapian::valueno>(slot);
  if (range.from && range.until) {
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, s, value(*range.from), value(*range.until));
  }
  if (range.from) return Xapian::Query(Xapian::Query::OP_VALUE_GE, s, value(*range.from));
  if (range.until) return Xapian::Query(Xapian::Query::OP_VALUE_LE, s, value(*range.until));
  return Xapian::Query::MatchAll;
}

}  // namespace dateline
