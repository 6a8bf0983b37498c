#include "common/dateline.h"

#include <array>
#include <cctype>

#include "common/text.h"
#include "common/timestamp.h"

namespace dateline {
namespace {

constexpr size_t kMaxPlaceWords = 6;
constexpr size_t kMaxPlaceBytes = 50;
constexpr size_t kMaxAgencyBytes = 40;

// Lower-case words that may sit inside a place name: "Rio de Janeiro".
constexpr std::array<std::string_view, 22> kParticles = {
    "de", "da",   "do",  "dos", "das", "del", "la",  "le", "les", "el", "al",
    "of", "upon", "sur", "am",  "an",  "der", "den", "y",  "e",   "di", "du"};

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

bool is_particle(std::string_view word) {
  for (auto p : kParticles) {
    if (word == p) return true;
  }
  return false;
}

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  bool at_end() const { return pos_ >= s_.size(); }
  char peek(size_t ahead = 0) const { return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0'; }
  size_t pos() const { return pos_; }
  void set_pos(size_t pos) { pos_ = pos; }
  std::string_view rest() const { return s_.substr(pos_); }
  void skip_spaces() {
    while (peek() == ' ' || peek() == '\t') ++pos_;
  }
  bool accept(std::string_view token) {
    if (rest().substr(0, token.size()) == token) {
      pos_ += token.size();
      return true;
    }
    return false;
  }

  // The next run of characters up to a space, comma or parenthesis.
  std::string_view word() const {
    size_t end = pos_;
    while (end < s_.size() && s_[end] != ' ' && s_[end] != '\t' && s_[end] != ',' &&
           s_[end] != '(' && s_[end] != ')') {
      ++end;
    }
    return s_.substr(pos_, end - pos_);
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

// A word of a place name: letters, with '.', '-' and apostrophes inside
// ("ST.", "PORT-AU-PRINCE", "N'DJAMENA", "SÃO").
bool is_place_word(std::string_view w, bool first) {
  if (w.empty()) return false;
  if (!first && is_particle(w)) return true;
  if (!is_ascii_upper(w[0]) && !is_non_ascii(w[0])) return false;
  bool letter = false;
  for (char c : w) {
    if (is_ascii_alpha(c) || is_non_ascii(c)) {
      letter = true;
    } else if (c != '.' && c != '-' && c != '\'') {
      return false;
    }
  }
  return letter;
}

// Separators agencies put between the dateline and the text.
constexpr std::array<std::string_view, 8> kSeparators = {
    ".-", ".\xE2\x80\x94", "\xE2\x80\x94", "\xE2\x80\x93", "--", "-", "_", "\xE2\x80\x95"};

bool at_separator(const Scanner& sc) {
  for (auto sep : kSeparators) {
    if (sc.rest().substr(0, sep.size()) == sep) return true;
  }
  return false;
}

// Reads capitalised words (with particles) up to a comma, an opening
// parenthesis or a separator.  Empty when what is there is not a place.
std::string read_place(Scanner& sc, size_t max_words) {
  const size_t start = sc.pos();
  size_t words = 0;
  size_t end = start;
  while (true) {
    const std::string_view w = sc.word();
    if (!is_place_word(w, words == 0)) return {};
    sc.set_pos(sc.pos() + w.size());
    end = sc.pos();
    if (++words > max_words) return {};
    if (sc.peek() == ',' || sc.at_end()) break;
    const size_t before_space = sc.pos();
    sc.skip_spaces();
    if (sc.pos() == before_space) return {};  // e.g. "WORD)" or a stray character
    if (sc.peek() == '(' || at_separator(sc)) break;
  }
  std::string_view place(sc.rest().data() - (sc.pos() - start), end - start);
  if (place.size() > kMaxPlaceBytes) return {};
  // Trailing particle ("PARIS de") is not a place.
  if (is_particle(text::split_words(place).back())) return {};
  sc.set_pos(end);
  return std::string(place);
}

std::optional<int> read_number(Scanner& sc, size_t min_digits, size_t max_digits) {
  size_t n = 0;
  int value = 0;
  while (n < max_digits && is_digit(sc.peek(n))) {
    value = value * 10 + (sc.peek(n) - '0');
    ++n;
  }
  if (n < min_digits || is_digit(sc.peek(n)) || is_ascii_alpha(sc.peek(n))) return std::nullopt;
  sc.set_pos(sc.pos() + n);
  return value;
}

bool plausible_day(int year, int month, int day) {
  // Without a year, Feb 29 is allowed.
  return is_valid_civil({year == 0 ? 2000 : year, month, day});
}

// "Jan 17, 2014", "January 17", "Nov. 5", "17 January 2014".
bool read_date(Scanner& sc, Dateline& out) {
  const size_t start = sc.pos();
  auto fail = [&] {
    sc.set_pos(start);
    return false;
  };
  int month = 0, day = 0, year = 0;
  if (is_digit(sc.peek())) {
    auto d = read_number(sc, 1, 2);
    if (!d || sc.peek() != ' ') return fail();
    sc.skip_spaces();
    month = month_from_name(sc.word());
    if (month == 0) return fail();
    sc.set_pos(sc.pos() + sc.word().size());
    day = *d;
    const size_t before_year = sc.pos();
    sc.skip_spaces();
    if (auto y = read_number(sc, 4, 4)) {
      year = *y;
    } else {
      sc.set_pos(before_year);
    }
  } else {
    month = month_from_name(sc.word());
    if (month == 0) return fail();
    sc.set_pos(sc.pos() + sc.word().size());
    if (sc.peek() != ' ') return fail();
    sc.skip_spaces();
    auto d = read_number(sc, 1, 2);
    if (!d) return fail();
    day = *d;
    const size_t before_year = sc.pos();
    if (sc.accept(",")) {
      sc.skip_spaces();
      if (auto y = read_number(sc, 4, 4)) {
        year = *y;
      } else {
        sc.set_pos(before_year);
      }
    }
  }
  if (!plausible_day(year, month, day)) return fail();
  out.year = year;
  out.month = month;
  out.day = day;
  return true;
}

bool read_agency(Scanner& sc, Dateline& out) {
  if (sc.peek() != '(') return false;
  const std::string_view rest = sc.rest();
  const size_t close = rest.find(')');
  if (close == std::string_view::npos || close > kMaxAgencyBytes) return false;
  const std::string_view inside = text::trim(rest.substr(1, close - 1));
  if (inside.empty() || (!is_ascii_alpha(inside[0]) && !is_non_ascii(inside[0]))) return false;
  for (char c : inside) {
    if (!is_ascii_alpha(c) && !is_non_ascii(c) && !is_digit(c) && c != ' ' && c != '-' &&
        c != '&' && c != '.' && c != '\'') {
      return false;
    }
  }
  out.agency = std::string(inside);
  sc.set_pos(sc.pos() + close + 1);
  return true;
}

bool read_separator(Scanner& sc) {
  for (auto sep : kSeparators) {
    if (sc.accept(sep)) {
      // The separator stands alone: "PARIS -based" is not a dateline.
      if (sc.at_end() || sc.peek() == ' ' || sc.peek() == '\t' || sc.peek() == '\n') return true;
      sc.set_pos(sc.pos() - sep.size());
      return false;
    }
  }
  return false;
}

std::optional<Dateline> parse(std::string_view paragraph, bool is_known_dateline) {
  Scanner sc(paragraph);
  Dateline out;
  out.place = read_place(sc, kMaxPlaceWords);
  if (out.place.empty()) return std::nullopt;

  bool have_date = false;
  while (sc.peek() == ',') {
    sc.accept(",");
    sc.skip_spaces();
    if (!have_date && read_date(sc, out)) {
      have_date = true;
      continue;
    }
    if (have_date || !out.region.empty()) return std::nullopt;
    out.region = read_place(sc, 3);
    if (out.region.empty()) return std::nullopt;
  }
  sc.skip_spaces();
  const bool have_agency = read_agency(sc, out);
  if (!have_agency && !have_date && !is_known_dateline) return std::nullopt;
  sc.skip_spaces();
  if (!read_separator(sc) && !(is_known_dateline && sc.at_end())) return std::nullopt;
  sc.skip_spaces();
  while (sc.peek() == '\n' || sc.peek() == ' ') sc.set_pos(sc.pos() + 1);
  out.length = sc.pos();
  return out;
}

}  // namespace

std::optional<Dateline> parse_dateline(std::string_view paragraph) {
  return parse(paragraph, false);
}

std::optional<Dateline> parse_dateline_field(std::string_view text) {
  return parse(text::trim(text), true);
}

}  // namespace dateline
