// Small UTF-8 text utilities shared by the parsers, the schema and the
// searcher: encoding repair, whitespace, case.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dateline::text {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
// True when every byte is below 0x80.
bool is_ascii(std::string_view s);
// The code point at byte `i` of `s`, moving `i` past it; a byte that starts
// no well-formed sequence is read as itself (as Xapian::Utf8Iterator does).
unsigned next_code_point(std::string_view s, size_t& i);
bool is_valid_utf8(std::string_view s);

// Returns `s` as valid UTF-8: well-formed sequences are kept, and every byte
// that is not part of one is read as Windows-1252 (a superset of ISO-8859-1
// for printable characters), which is what stray bytes in wire copy are.
std::string repair_utf8(std::string_view s);

// Appends code point `cp` to `out` as UTF-8.
void append_utf8(std::string& out, unsigned cp);

// Strips ASCII whitespace (and U+00A0) from both ends.
std::string_view trim(std::string_view s);

// Trims and turns every run of whitespace into one space.
std::string collapse_whitespace(std::string_view s);

// Unicode lower case (through Xapian's Unicode tables).
std::string to_lower(std::string_view s);
// One ASCII character lower-cased; every other byte as it is.
inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

// Latin letters with diacritics replaced by their base letters ("Genève" ->
// "Geneve", "Erdoğan" -> "Erdogan", "ß" -> "ss", "Łódź" -> "Lodz"), so that
// searches match with or without accents.  Other characters are unchanged.
// Used on text before it is indexed and on queries; never on text shown.
std::string fold_diacritics(std::string_view s);

// True when `s` has at least one letter and no lower-case letter.
bool is_all_caps(std::string_view s);

// "FORT WASHINGTON" -> "Fort Washington", "SÃO PAULO" -> "São Paulo",
// "N'DJAMENA" -> "N'Djamena".  Mixed-case input is returned unchanged.
std::string title_case_if_all_caps(std::string_view s);

// Splits on ASCII whitespace, dropping empty pieces.
std::vector<std::string_view> split_words(std::string_view s);

bool starts_with_ci(std::string_view s, std::string_view prefix);
bool equals_ci(std::string_view a, std::string_view b);

// 64-bit FNV-1a, as 16 lower-case hex digits: short stable names for long keys.
std::string hash_hex(std::string_view s);

}  // namespace dateline::text
