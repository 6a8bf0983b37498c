#include "common/reuters_sgml_parser.h"

#include <algorithm>
#include <optional>

#include "common/agency.h"
#include "common/dateline.h"
#include "common/error.h"
#include "common/paragraphs.h"
#include "common/plain_text_parser.h"
#include "common/text.h"

namespace dateline {
namespace {

constexpr std::string_view kOpen = "<REUTERS";
constexpr std::string_view kClose = "</REUTERS>";

// The value of attribute `name` in an opening tag such as
// <REUTERS TOPICS="YES" NEWID="12">; nullopt when absent.
std::optional<std::string> attribute(std::string_view tag, std::string_view name) {
  size_t pos = 0;
  while ((pos = tag.find(name, pos)) != std::string_view::npos) {
    const bool word_start =
        pos > 0 && (tag[pos - 1] == ' ' || tag[pos - 1] == '\t' || tag[pos - 1] == '\n');
    size_t p = pos + name.size();
    pos = p;
    if (!word_start || p >= tag.size() || tag[p] != '=') continue;
    ++p;
    if (p < tag.size() && tag[p] == '"') {
      const size_t end = tag.find('"', p + 1);
      if (end == std::string_view::npos) return std::nullopt;
      return std::string(tag.substr(p + 1, end - p - 1));
    }
    size_t end = p;
    while (end < tag.size() && tag[end] != ' ' && tag[end] != '>') ++end;
    return std::string(tag.substr(p, end - p));
  }
  return std::nullopt;
}

enum class Closing { kRequired, kOptional };

// The content of the first <name ...>...</name> in `s`; nullopt if absent.
// With Closing::kOptional a missing end tag means "to the end of `s`" (one
// record of the collection lacks its </BODY></TEXT>).
std::optional<std::string_view> element(std::string_view s, std::string_view name,
                                        std::string_view* open_tag = nullptr,
                                        Closing closing = Closing::kRequired) {
  std::string open = "<";
  open += name;
  size_t pos = 0;
  while ((pos = s.find(open, pos)) != std::string_view::npos) {
    const size_t after = pos + open.size();
    if (after < s.size() && (s[after] == '>' || s[after] == ' ')) break;
    pos = after;
  }
  if (pos == std::string_view::npos) return std::nullopt;
  const size_t tag_end = s.find('>', pos);
  if (tag_end == std::string_view::npos) return std::nullopt;
  if (open_tag) *open_tag = s.substr(pos, tag_end + 1 - pos);
  std::string close = "</";
  close += name;
  close += '>';
  const size_t end = s.find(close, tag_end + 1);
  if (end == std::string_view::npos) {
    if (closing == Closing::kRequired) return std::nullopt;
    return s.substr(tag_end + 1);
  }
  return s.substr(tag_end + 1, end - tag_end - 1);
}

std::vector<std::string> d_items(std::string_view s) {
  std::vector<std::string> items;
  size_t pos = 0;
  while ((pos = s.find("<D>", pos)) != std::string_view::npos) {
    const size_t end = s.find("</D>", pos + 3);
    if (end == std::string_view::npos) break;
    items.push_back(
        text::collapse_whitespace(decode_sgml_entities(s.substr(pos + 3, end - pos - 3))));
    pos = end + 4;
  }
  return items;
}

std::string strip_tags(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool in_tag = false;
  for (char c : s) {
    if (c == '<') {
      in_tag = true;
    } else if (c == '>' && in_tag) {
      in_tag = false;
    } else if (!in_tag) {
      out.push_back(c);
    }
  }
  return out;
}

void append_code_point(std::string& out, unsigned long cp) {
  if (cp == '\n' || cp == '\t') {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp > 0x10FFFF ||
             (cp >= 0xD800 && cp <= 0xDFFF)) {
    // Control characters (the feed's framing) carry no text.
  } else {
    text::append_utf8(out, static_cast<unsigned>(cp));
  }
}

// Body paragraphs, without the closing "Reuter" credit.
std::vector<std::string> paragraphs_of(std::string_view sgml) {
  const std::string decoded = decode_sgml_entities(sgml);
  std::vector<std::string> paragraphs = split_paragraphs(split_lines(decoded));
  while (!paragraphs.empty() && is_credit_line(paragraphs.back(), nullptr)) paragraphs.pop_back();
  return paragraphs;
}

// The dateline element names the place, e.g. "    SALVADOR, Feb 26 - " or
// "    WINSTON-SALEM, N.C. - ".
void read_dateline_element(std::string_view raw, Location& location) {
  const std::string decoded = text::collapse_whitespace(decode_sgml_entities(raw));
  if (decoded.empty()) return;
  if (auto parsed = parse_dateline_field(decoded)) {
    location.city = text::title_case_if_all_caps(parsed->place);
    location.region = parsed->region;
    return;
  }
  // Not in a dateline form: the text up to the first comma or " -".
  const size_t cut = std::min(decoded.find(','), decoded.find(" -"));
  const std::string_view place = text::trim(std::string_view(decoded).substr(0, cut));
  if (!place.empty() && place.size() <= 40) location.city = text::title_case_if_all_caps(place);
}

// One record; throws ParseError (the reason) when it cannot be an article.
Article parse_record(std::string_view open_tag, std::string_view record, const std::string& path,
                     int number) {
  Article a;
  a.origin = {path, number};
  a.source = "Reuters";
  a.language = "en";

  const auto newid = attribute(open_tag, "NEWID");
  if (!newid || newid->empty() || newid->find_first_not_of("0123456789") != std::string::npos) {
    throw ParseError("no numeric NEWID attribute");
  }
  a.id = "reuters-" + *newid;

  const auto date = element(record, "DATE");
  if (!date) throw ParseError("no <DATE>");
  a.date = parse_reuters_date(decode_sgml_entities(*date));
  if (!a.date) {
    throw ParseError("<DATE> '" + text::collapse_whitespace(*date) +
                     "' is not a date (expected e.g. 26-FEB-1987 15:01:01.79)");
  }
  if (const auto places = element(record, "PLACES")) {
    const auto items = d_items(*places);
    if (!items.empty()) a.location.country = items.front();
  }

  std::string_view text_tag;
  const auto text_element = element(record, "TEXT", &text_tag, Closing::kOptional);
  if (!text_element) throw ParseError("no <TEXT>");
  if (const auto title = element(*text_element, "TITLE")) {
    a.headline = text::collapse_whitespace(decode_sgml_entities(*title));
  }
  if (const auto dl = element(*text_element, "DATELINE")) read_dateline_element(*dl, a.location);
  if (const auto body = element(*text_element, "BODY", nullptr, Closing::kOptional)) {
    a.body = paragraphs_of(*body);
  } else if (attribute(text_tag, "TYPE").value_or("") == "UNPROC") {
    a.body = paragraphs_of(strip_tags(*text_element));
  }
  return a;
}

}  // namespace

std::string decode_sgml_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    const size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back('&');
      continue;
    }
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    if (name.size() >= 2 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      const std::string_view allowed = hex ? "0123456789abcdefABCDEF" : "0123456789";
      if (!digits.empty() && digits.size() <= 7 &&
          digits.find_first_not_of(allowed) == std::string_view::npos) {
        append_code_point(out, std::stoul(std::string(digits), nullptr, hex ? 16 : 10));
        i = semi;
        continue;
      }
    } else if (name == "lt") {
      out.push_back('<');
      i = semi;
      continue;
    } else if (name == "gt") {
      out.push_back('>');
      i = semi;
      continue;
    } else if (name == "amp") {
      out.push_back('&');
      i = semi;
      continue;
    } else if (name == "quot") {
      out.push_back('"');
      i = semi;
      continue;
    } else if (name == "apos") {
      out.push_back('\'');
      i = semi;
      continue;
    }
    out.push_back('&');
  }
  return out;
}

std::optional<Timestamp> parse_reuters_date(std::string_view s) {
  // D-MON-YYYY HH:MM:SS.cc; the collection has junk after some dates
  // ("... # date added by S Finch as guesswork") and one impossible time
  // ("605:12:19.12"), which leaves the day known and the time not.
  const auto words = text::split_words(s);
  if (words.empty()) return std::nullopt;
  const std::string_view day_part = words[0];
  const size_t d1 = day_part.find('-');
  const size_t d2 = day_part.find('-', d1 == std::string_view::npos ? 0 : d1 + 1);
  if (d1 == std::string_view::npos || d2 == std::string_view::npos) return std::nullopt;
  auto number = [](std::string_view digits) -> std::optional<int> {
    if (digits.empty() || digits.size() > 4 ||
        digits.find_first_not_of("0123456789") != std::string_view::npos) {
      return std::nullopt;
    }
    return std::stoi(std::string(digits));
  };
  const auto day = number(day_part.substr(0, d1));
  const int month = month_from_name(day_part.substr(d1 + 1, d2 - d1 - 1));
  const auto year = number(day_part.substr(d2 + 1));
  if (!day || month == 0 || !year || day_part.substr(d2 + 1).size() != 4) return std::nullopt;
  const CivilDate date{*year, month, *day};
  if (!is_valid_civil(date)) return std::nullopt;
  if (words.size() == 1) return Timestamp::from_date(date);

  std::string_view time = words[1];
  if (const size_t dot = time.find('.'); dot != std::string_view::npos) time = time.substr(0, dot);
  if (time.size() != 8 || time[2] != ':' || time[5] != ':') return Timestamp::from_date(date);
  const auto h = number(time.substr(0, 2));
  const auto m = number(time.substr(3, 2));
  const auto sec = number(time.substr(6, 2));
  if (!h || !m || !sec || *h > 23 || *m > 59 || *sec > 59) return Timestamp::from_date(date);
  return Timestamp::from_date_time(date, *h, *m, *sec);
}

bool ReutersSgmlParser::recognizes(std::string_view content) const {
  const std::string_view start = content.substr(0, 2048);
  return start.find("<!DOCTYPE lewis") != std::string_view::npos ||
         start.find("<REUTERS ") != std::string_view::npos ||
         start.find("<REUTERS>") != std::string_view::npos;
}

ParseResult ReutersSgmlParser::parse(std::string_view content, const std::string& path) const {
  const std::string sgml = text::repair_utf8(content);
  const std::string_view s = sgml;
  ParseResult result;
  int number = 0;
  size_t pos = 0;
  while ((pos = s.find(kOpen, pos)) != std::string_view::npos) {
    ++number;
    const size_t tag_end = s.find('>', pos);
    const size_t close = s.find(kClose, pos);
    const size_t next_open = s.find(kOpen, pos + kOpen.size());
    const std::string_view open_tag =
        s.substr(pos, tag_end == std::string_view::npos ? 0 : tag_end + 1 - pos);
    const std::string label = "NEWID " + attribute(open_tag, "NEWID").value_or(std::string("?"));
    if (tag_end == std::string_view::npos || close == std::string_view::npos ||
        (next_open != std::string_view::npos && next_open < close)) {
      result.rejected.push_back({number, label, "no closing </REUTERS> before the next record"});
      if (next_open == std::string_view::npos) break;
      pos = next_open;
      continue;
    }
    const std::string_view record = s.substr(tag_end + 1, close - tag_end - 1);
    try {
      result.articles.push_back(parse_record(open_tag, record, path, number));
    } catch (const ParseError& e) {
      result.rejected.push_back({number, label, e.what()});
    }
    pos = close + kClose.size();
  }
  if (number == 0) throw ParseError("no <REUTERS> records");
  return result;
}

}  // namespace dateline
