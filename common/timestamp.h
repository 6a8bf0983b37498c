// Points in time as Dateline stores them: seconds since 1970-01-01 UTC, plus
// whether the time of day is known (many wire datelines give only a day).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dateline {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Proleptic Gregorian calendar arithmetic (Howard Hinnant's algorithms).
int64_t days_from_civil(const CivilDate& date);
// The day (days since 1970-01-01) a Unix time falls on, UTC.
inline int64_t day_of(int64_t seconds) {
  return seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
}
CivilDate civil_from_days(int64_t days);
bool is_valid_civil(const CivilDate& date);

class Timestamp {
 public:
  Timestamp() = default;
  static Timestamp from_date(const CivilDate& date);
  static Timestamp from_date_time(const CivilDate& date, int hour, int minute, int second);
  static Timestamp from_seconds(int64_t seconds, bool has_time);

  int64_t seconds() const { return seconds_; }
  bool has_time() const { return has_time_; }
  CivilDate date() const;

  // "2014-01-17" when only the day is known, else "2014-01-17T09:30:00Z".
  std::string iso() const;

  friend bool operator==(const Timestamp&, const Timestamp&) = default;

 private:
  int64_t seconds_ = 0;
  bool has_time_ = false;
};

// Parses ISO 8601 forms: "2014-01-17", "2014-01-17T09:30", "...T09:30:00",
// with an optional zone "Z", "+01:00", "-0500" (converted to UTC) and
// optional fractional seconds.  nullopt for anything else or an impossible
// date.
std::optional<Timestamp> parse_iso_timestamp(std::string_view s);

// 1..12 for "Jan", "Jan.", "January", "Sept", "SEPT." (any case); 0 otherwise.
int month_from_name(std::string_view s);

}  // namespace dateline
