#include "common/text.h"

#include <xapian.h>

#include <array>
#include <cstdint>
#include <cstdio>

namespace dateline::text {
namespace {

// Length of the well-formed UTF-8 sequence at s[i], or 0 when there is none;
// its code point in `cp`.
size_t decode_sequence(std::string_view s, size_t i, uint32_t& cp) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  cp = c;
  if (c < 0x80) return 1;
  size_t len;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return len;
}

size_t utf8_sequence_length(std::string_view s, size_t i) {
  uint32_t cp;
  return decode_sequence(s, i, cp);
}

// Windows-1252 0x80..0x9F; the rest of the byte range is ISO-8859-1.
constexpr std::array<unsigned, 32> kCp1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

// Base letters for U+00C0..U+017F (nullptr: keep the character: × and ÷).
constexpr unsigned kFoldFirst = 0xC0;
constexpr const char* kFold[] = {
    "A", "A", "A",  "A",  "A", "A", "AE", "C",     "E", "E", "E", "E", "I", "I", "I",  "I",
    "D", "N", "O",  "O",  "O", "O", "O",  nullptr, "O", "U", "U", "U", "U", "Y", "TH", "ss",
    "a", "a", "a",  "a",  "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o",  "o",  "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y",
    "A", "a", "A",  "a",  "A", "a", "C",  "c",     "C", "c", "C", "c", "C", "c", "D",  "d",
    "D", "d", "E",  "e",  "E", "e", "E",  "e",     "E", "e", "E", "e", "G", "g", "G",  "g",
    "G", "g", "G",  "g",  "H", "h", "H",  "h",     "I", "i", "I", "i", "I", "i", "I",  "i",
    "I", "i", "IJ", "ij", "J", "j", "K",  "k",     "k", "L", "l", "L", "l", "L", "l",  "L",
    "l", "L", "l",  "N",  "n", "N", "n",  "N",     "n", "n", "N", "n", "O", "o", "O",  "o",
    "O", "o", "OE", "oe", "R", "r", "R",  "r",     "R", "r", "S", "s", "S", "s", "S",  "s",
    "S", "s", "T",  "t",  "T", "t", "T",  "t",     "U", "u", "U", "u", "U", "u", "U",  "u",
    "U", "u", "U",  "u",  "W", "w", "Y",  "y",     "Y", "Z", "z", "Z", "z", "Z", "z",  "s",
};
constexpr unsigned kFoldEnd = kFoldFirst + sizeof kFold / sizeof kFold[0];

// Latin Extended-B letters used in Romanian: Ș ș Ț ț.
const char* fold_extended(unsigned cp) {
  switch (cp) {
    case 0x218:
      return "S";
    case 0x219:
      return "s";
    case 0x21A:
      return "T";
    case 0x21B:
      return "t";
    default:
      return nullptr;
  }
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

void append_utf8(std::string& out, unsigned cp) {
  char buf[4];
  const unsigned n = Xapian::Unicode::nonascii_to_utf8(cp, buf);
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else {
    out.append(buf, n);
  }
}

unsigned next_code_point(std::string_view s, size_t& i) {
  uint32_t cp;
  const size_t n = decode_sequence(s, i, cp);
  if (n == 0) {
    cp = static_cast<unsigned char>(s[i]);  // as Xapian::Utf8Iterator reads a stray byte
    i += 1;
  } else {
    i += n;
  }
  return cp;
}

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

bool is_valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = utf8_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string repair_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t good = 0;  // start of the well-formed run not yet copied
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // the common case, copied in runs
      ++i;
      continue;
    }
    const size_t n = utf8_sequence_length(s, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out.append(s.substr(good, i - good));
    const auto c = static_cast<unsigned char>(s[i]);
    append_utf8(out, c >= 0xA0 ? c : kCp1252High[c - 0x80]);
    good = ++i;
  }
  out.append(s.substr(good));
  return out;
}

std::string_view trim(std::string_view s) {
  auto is_trimmed = [](std::string_view v, bool front) {
    if (v.empty()) return true;
    if (front) {
      if (is_space(v.front())) return false;
      return !(v.size() >= 2 && v[0] == '\xC2' && v[1] == '\xA0');
    }
    if (is_space(v.back())) return false;
    return !(v.size() >= 2 && v[v.size() - 2] == '\xC2' && v.back() == '\xA0');
  };
  while (!is_trimmed(s, true)) s.remove_prefix(is_space(s.front()) ? 1 : 2);
  while (!is_trimmed(s, false)) s.remove_suffix(is_space(s.back()) ? 1 : 2);
  return s;
}

std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : trim(s)) {
    if (is_space(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

std::string to_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  // Fast path: ASCII needs no Unicode tables.
  if (is_ascii(s)) {
    for (char c : s) out.push_back(ascii_lower(c));
    return out;
  }
  for (Xapian::Utf8Iterator it(s.data(), s.size()); it != Xapian::Utf8Iterator(); ++it) {
    append_utf8(out, Xapian::Unicode::tolower(*it));
  }
  return out;
}

std::string fold_diacritics(std::string_view s) {
  // Fast path: pure ASCII needs no work.
  if (is_ascii(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (Xapian::Utf8Iterator it(s.data(), s.size()); it != Xapian::Utf8Iterator(); ++it) {
    const unsigned cp = *it;
    const char* base = nullptr;
    if (cp >= kFoldFirst && cp < kFoldEnd) {
      base = kFold[cp - kFoldFirst];
    } else {
      base = fold_extended(cp);
    }
    if (base) {
      out += base;
    } else {
      append_utf8(out, cp);
    }
  }
  return out;
}

bool is_all_caps(std::string_view s) {
  bool any_letter = false;
  for (Xapian::Utf8Iterator it(s.data(), s.size()); it != Xapian::Utf8Iterator(); ++it) {
    const auto category = Xapian::Unicode::get_category(*it);
    if (category == Xapian::Unicode::LOWERCASE_LETTER) return false;
    if (category == Xapian::Unicode::UPPERCASE_LETTER) any_letter = true;
  }
  return any_letter;
}

std::string title_case_if_all_caps(std::string_view s) {
  if (!is_all_caps(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  bool start_of_word = true;
  for (Xapian::Utf8Iterator it(s.data(), s.size()); it != Xapian::Utf8Iterator(); ++it) {
    const unsigned cp = *it;
    const bool letter = Xapian::Unicode::is_wordchar(cp);
    append_utf8(out, letter && !start_of_word ? Xapian::Unicode::tolower(cp) : cp);
    // A new word starts after a space, a hyphen or an apostrophe ("N'Djamena").
    start_of_word = !letter && cp != '.';
  }
  return out;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    const size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > start) words.push_back(s.substr(start, i - start));
  }
  return words;
}

bool equals_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && equals_ci(s.substr(0, prefix.size()), prefix);
}

std::string hash_hex(std::string_view s) {
  uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace dateline::text
