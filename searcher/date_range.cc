#include "searcher/date_range.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/text.h"

namespace dateline {
namespace {

struct Span {
  int64_t first;
  int64_t last;
};

constexpr int64_t kDay = 86400;

std::optional<int> digits(std::string_view s, size_t n) {
  if (s.size() != n || s.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  return std::stoi(std::string(s));
}

Span whole_day(const CivilDate& d) {
  const int64_t start = days_from_civil(d) * kDay;
  return Span{start, start + kDay - 1};
}

// The seconds covered by "YYYY", "YYYY-MM" or "YYYY-MM-DD".
std::optional<Span> parse_period(std::string_view s) {
  const auto year = digits(s.substr(0, 4), 4);
  if (!year || *year < 1) return std::nullopt;
  if (s.size() == 4) {
    return Span{days_from_civil({*year, 1, 1}) * kDay,
                days_from_civil({*year + 1, 1, 1}) * kDay - 1};
  }
  if (s.size() < 7 || s[4] != '-') return std::nullopt;
  const auto month = digits(s.substr(5, 2), 2);
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  if (s.size() == 7) {
    const CivilDate next =
        *month == 12 ? CivilDate{*year + 1, 1, 1} : CivilDate{*year, *month + 1, 1};
    return Span{days_from_civil({*year, *month, 1}) * kDay, days_from_civil(next) * kDay - 1};
  }
  if (s.size() != 10 || s[7] != '-') return std::nullopt;
  const auto day = digits(s.substr(8, 2), 2);
  if (!day || !is_valid_civil({*year, *month, *day})) return std::nullopt;
  return whole_day({*year, *month, *day});
}

// `months` months before `d`, on the same day of the month or the last day
// of a shorter month.
CivilDate months_before(const CivilDate& d, int64_t months) {
  const int64_t index = int64_t{d.year} * 12 + (d.month - 1) - months;
  CivilDate out{static_cast<int>(index / 12), static_cast<int>(index % 12) + 1, d.day};
  while (out.day > 28 && !is_valid_civil(out)) --out.day;
  return out;
}

// "today", "yesterday", "7d", "2w", "3m", "1y": one day, counted back from today.
std::optional<Span> parse_relative(std::string_view s, const CivilDate& today) {
  const std::string lower = text::to_lower(s);
  if (lower == "today") return whole_day(today);
  if (lower == "yesterday") return whole_day(civil_from_days(days_from_civil(today) - 1));
  if (lower.size() < 2 || lower.size() > 6) return std::nullopt;
  const auto n = digits(std::string_view(lower).substr(0, lower.size() - 1), lower.size() - 1);
  if (!n) return std::nullopt;
  const int64_t today_days = days_from_civil(today);
  switch (lower.back()) {
    case 'd':
      return whole_day(civil_from_days(today_days - *n));
    case 'w':
      return whole_day(civil_from_days(today_days - int64_t{7} * *n));
    case 'm':
      return whole_day(months_before(today, *n));
    case 'y':
      return whole_day(months_before(today, int64_t{12} * *n));
    default:
      return std::nullopt;
  }
}

std::optional<Span> parse_point(std::string_view s, const CivilDate& today) {
  if (auto span = parse_period(s)) return span;
  return parse_relative(s, today);
}

[[noreturn]] void bad_date(std::string_view expression) {
  throw QueryError("'" + std::string(expression) +
                   "' is not a date or date range (valid: 2014-01-17, 2014-01, 2014, "
                   "2014-01-01..2014-01-31, ..2014-01-31, 2014-01-01.., today, yesterday, "
                   "7d.. (the last 7 days; also w, m, y))");
}

}  // namespace

CivilDate today_utc() {
  const auto now = std::chrono::system_clock::now();
  const int64_t seconds =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  return civil_from_days(seconds >= 0 ? seconds / kDay : (seconds - kDay + 1) / kDay);
}

CivilDate parse_today(std::string_view value, std::string_view what) {
  const std::string_view v = text::trim(value);
  const auto span = v.size() == 10 ? parse_period(v) : std::nullopt;
  if (!span) {
    throw QueryError(std::string(what) + " '" + std::string(value) +
                     "' is not a date (expected YYYY-MM-DD, e.g. 2014-01-20)");
  }
  return civil_from_days(span->first / kDay);
}

DateRange parse_date_range(std::string_view expression) {
  return parse_date_range(expression, today_utc());
}

DateRange parse_date_range(std::string_view expression, const CivilDate& today) {
  const std::string_view e = text::trim(expression);
  if (e.empty()) bad_date(expression);
  DateRange range;
  const size_t dots = e.find("..");
  if (dots == std::string_view::npos) {
    const auto span = parse_point(e, today);
    if (!span) bad_date(expression);
    range.from = span->first;
    range.until = span->last;
    return range;
  }
  const std::string_view lo = e.substr(0, dots);
  const std::string_view hi = e.substr(dots + 2);
  if (lo.empty() && hi.empty()) bad_date(expression);
  if (!lo.empty()) {
    const auto span = parse_point(lo, today);
    if (!span) bad_date(expression);
    range.from = span->first;
  }
  if (!hi.empty()) {
    const auto span = parse_point(hi, today);
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

std::optional<DateRange> query_date_range(std::string_view query, const CivilDate& today) {
  // Words outside double quotes.
  std::vector<std::string> words;
  std::string word;
  bool quoted = false;
  for (const char c : query) {
    if (c == '"') quoted = !quoted;
    if (quoted || c == '"') continue;
    if (c == '(' || c == ')') return std::nullopt;
    if (c == ' ' || c == '\t') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  std::optional<DateRange> span;
  for (const std::string& w : words) {
    if (w == "OR" || w == "NOT" || w == "XOR" || w.rfind("-date:", 0) == 0) return std::nullopt;
    const std::string_view expression = std::string_view(w).substr(w.rfind("+date:", 0) == 0  ? 6
                                                                   : w.rfind("date:", 0) == 0 ? 5
                                                                                              : 0);
    if (expression.size() == w.size()) continue;  // not a date: word
    DateRange range;
    try {
      range = parse_date_range(expression, today);
    } catch (const QueryError&) {
      return std::nullopt;
    }
    if (!span) {
      span = range;
      continue;
    }
    span->from =
        span->from && range.from ? std::min(*span->from, *range.from) : std::optional<int64_t>();
    span->until = span->until && range.until ? std::max(*span->until, *range.until)
                                             : std::optional<int64_t>();
  }
  return span;
}

}  // namespace dateline
