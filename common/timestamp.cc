#include "common/timestamp.h"

#include <array>
#include <cstdio>

#include "common/text.h"

namespace dateline {

int64_t days_from_civil(const CivilDate& date) {
  const int64_t y = static_cast<int64_t>(date.year) - (date.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t m = date.month;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + date.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

bool is_valid_civil(const CivilDate& date) {
  if (date.year < 1 || date.year > 9999 || date.month < 1 || date.month > 12 || date.day < 1) {
    return false;
  }
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (date.day > kDays[static_cast<size_t>(date.month - 1)]) return false;
  if (date.month == 2 && date.day == 29) {
    const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
    return leap;
  }
  return true;
}

Timestamp Timestamp::from_date(const CivilDate& date) {
  return from_seconds(days_from_civil(date) * 86400, false);
}

Timestamp Timestamp::from_date_time(const CivilDate& date, int hour, int minute, int second) {
  return from_seconds(days_from_civil(date) * 86400 + hour * 3600 + minute * 60 + second, true);
}

Timestamp Timestamp::from_seconds(int64_t seconds, bool has_time) {
  Timestamp t;
  t.seconds_ = seconds;
  t.has_time_ = has_time;
  return t;
}

CivilDate Timestamp::date() const { return civil_from_days(day_of(seconds_)); }

std::string Timestamp::iso() const {
  const CivilDate d = date();
  char buf[32];
  if (!has_time_) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  } else {
    const int64_t secs = seconds_ - days_from_civil(d) * 86400;
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                  static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                  static_cast<int>(secs % 60));
  }
  return buf;
}

namespace {

// Reads exactly `n` digits at s[pos]; advances pos.
std::optional<int> read_digits(std::string_view s, size_t& pos, size_t n) {
  if (pos + n > s.size()) return std::nullopt;
  int value = 0;
  for (size_t i = 0; i < n; ++i) {
    const char c = s[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += n;
  return value;
}

bool accept(std::string_view s, size_t& pos, char c) {
  if (pos < s.size() && s[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

}  // namespace

std::optional<Timestamp> parse_iso_timestamp(std::string_view s) {
  s = text::trim(s);
  size_t pos = 0;
  const auto year = read_digits(s, pos, 4);
  if (!year || !accept(s, pos, '-')) return std::nullopt;
  const auto month = read_digits(s, pos, 2);
  if (!month || !accept(s, pos, '-')) return std::nullopt;
  const auto day = read_digits(s, pos, 2);
  if (!day) return std::nullopt;
  const CivilDate date{*year, *month, *day};
  if (!is_valid_civil(date)) return std::nullopt;
  if (pos == s.size()) return Timestamp::from_date(date);

  if (!accept(s, pos, 'T') && !accept(s, pos, ' ')) return std::nullopt;
  const auto hour = read_digits(s, pos, 2);
  if (!hour || !accept(s, pos, ':')) return std::nullopt;
  const auto minute = read_digits(s, pos, 2);
  if (!minute) return std::nullopt;
  int second = 0;
  if (accept(s, pos, ':')) {
    const auto sec = read_digits(s, pos, 2);
    if (!sec) return std::nullopt;
    second = *sec;
    if (accept(s, pos, '.') || accept(s, pos, ',')) {
      const size_t start = pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
      if (pos == start) return std::nullopt;
    }
  }
  if (*hour > 23 || *minute > 59 || second > 60) return std::nullopt;
  int offset_minutes = 0;
  if (pos < s.size()) {
    if (accept(s, pos, 'Z') || accept(s, pos, 'z')) {
      // UTC
    } else if (s[pos] == '+' || s[pos] == '-') {
      const int sign = s[pos] == '-' ? -1 : 1;
      ++pos;
      const auto oh = read_digits(s, pos, 2);
      if (!oh) return std::nullopt;
      accept(s, pos, ':');
      const auto om = read_digits(s, pos, 2);
      if (!om || *oh > 23 || *om > 59) return std::nullopt;
      offset_minutes = sign * (*oh * 60 + *om);
    } else {
      return std::nullopt;
    }
  }
  if (pos != s.size()) return std::nullopt;
  Timestamp local = Timestamp::from_date_time(date, *hour, *minute, second > 59 ? 59 : second);
  return Timestamp::from_seconds(local.seconds() - offset_minutes * 60, true);
}

int month_from_name(std::string_view s) {
  // English, then the other languages agencies write datelines in
  // (French, Spanish, Portuguese, Italian, German).  Abbreviations are the
  // first three letters, with or without a dot, plus the usual "Sept".
  static constexpr std::array<std::array<std::string_view, 6>, 12> kNames = {{
      {"january", "janvier", "enero", "janeiro", "gennaio", "januar"},
      {"february", "fevrier", "febrero", "fevereiro", "febbraio", "februar"},
      {"march", "mars", "marzo", "marco", "marzo", "maerz"},
      {"april", "avril", "abril", "abril", "aprile", "april"},
      {"may", "mai", "mayo", "maio", "maggio", "mai"},
      {"june", "juin", "junio", "junho", "giugno", "juni"},
      {"july", "juillet", "julio", "julho", "luglio", "juli"},
      {"august", "aout", "agosto", "agosto", "agosto", "august"},
      {"september", "septembre", "septiembre", "setembro", "settembre", "september"},
      {"october", "octobre", "octubre", "outubro", "ottobre", "oktober"},
      {"november", "novembre", "noviembre", "novembro", "novembre", "november"},
      {"december", "decembre", "diciembre", "dezembro", "dicembre", "dezember"},
  }};
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  if (s.size() < 3 || s.size() > 12) return 0;
  const std::string word = text::fold_diacritics(s);  // "février", "März" (as "Marz")
  for (size_t i = 0; i < kNames.size(); ++i) {
    for (size_t lang = 0; lang < kNames[i].size(); ++lang) {
      const std::string_view name = kNames[i][lang];
      // Full names in any language; three-letter forms only in English,
      // where agencies use them ("Jan", "Feb"); "Sept" too.
      if (text::equals_ci(word, name) || (lang == 0 && text::equals_ci(word, name.substr(0, 3))) ||
          (i == 8 && text::equals_ci(word, "sept")) || (i == 2 && text::equals_ci(word, "marz"))) {
        return static_cast<int>(i + 1);
      }
    }
  }
  return 0;
}

}  // namespace dateline
