#include "common/plain_text_parser.h"

#include <array>
#include <optional>

#include "common/agency.h"
#include "common/dateline.h"
#include "common/error.h"
#include "common/paragraphs.h"
#include "common/text.h"
#include "common/version_markers.h"

namespace dateline {
namespace {

constexpr size_t kMaxHeadlineBytes = 200;
constexpr size_t kMaxHeadlineWords = 25;

struct Header {
  std::optional<std::string> source, location, country, headline, id, language, byline, story, slug;
  std::optional<int> version;
  std::optional<Status> status;
  std::vector<std::string> keywords;
  std::optional<Timestamp> date;
  int year_hint = 0;  // "Date: 2014": completes a dateline that omits the year
};

constexpr std::array<std::string_view, 13> kHeaderKeys = {
    "Source", "Location", "Country", "Date",   "Headline", "ID",      "Language",
    "Byline", "Story",    "Version", "Status", "Slug",     "Keywords"};

std::optional<std::string>* header_slot(Header& h, std::string_view key) {
  if (text::equals_ci(key, "Source")) return &h.source;
  if (text::equals_ci(key, "Location")) return &h.location;
  if (text::equals_ci(key, "Country")) return &h.country;
  if (text::equals_ci(key, "Headline")) return &h.headline;
  if (text::equals_ci(key, "ID")) return &h.id;
  if (text::equals_ci(key, "Language")) return &h.language;
  if (text::equals_ci(key, "Byline")) return &h.byline;
  if (text::equals_ci(key, "Story")) return &h.story;
  if (text::equals_ci(key, "Slug")) return &h.slug;
  return nullptr;
}

bool is_blank(std::string_view line) { return text::trim(line).empty(); }

// "Key: value" with a known key; fills key and value.
bool split_header_line(std::string_view line, std::string_view& key, std::string_view& value) {
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  key = text::trim(line.substr(0, colon));
  value = text::trim(line.substr(colon + 1));
  for (auto known : kHeaderKeys) {
    if (text::equals_ci(key, known)) return true;
  }
  return false;
}

void set_header_value(Header& h, std::string_view key, std::string_view value) {
  if (text::equals_ci(key, "Date")) {
    if (value.size() == 4 && value.find_first_not_of("0123456789") == std::string_view::npos) {
      h.year_hint = std::stoi(std::string(value));
      return;
    }
    h.date = parse_iso_timestamp(value);
    if (!h.date) {
      throw ParseError("Date header '" + std::string(value) +
                       "' is not a date (expected YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ or YYYY)");
    }
    return;
  }
  if (value.empty()) throw ParseError(std::string(key) + " header is empty");
  if (text::equals_ci(key, "Language")) {
    const std::string lang = text::to_lower(value);
    const bool ok = (lang.size() == 2 || lang.size() == 3) &&
                    lang.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos;
    if (!ok) {
      throw ParseError("Language header '" + std::string(value) +
                       "' is not an ISO 639 code (expected e.g. en, fr, es)");
    }
    h.language = lang;
    return;
  }
  if (text::equals_ci(key, "Version")) {
    const bool digits =
        value.size() <= 6 && value.find_first_not_of("0123456789") == std::string_view::npos;
    if (!digits || std::stoi(std::string(value)) < 1) {
      throw ParseError("Version header '" + std::string(value) +
                       "' is not a version (1, 2, 3 ...)");
    }
    h.version = std::stoi(std::string(value));
    return;
  }
  if (text::equals_ci(key, "Status")) {
    h.status = parse_status(value);
    if (!h.status) {
      throw ParseError("Status header '" + std::string(value) +
                       "' is not a status (usable, withheld, embargoed, canceled)");
    }
    return;
  }
  if (text::equals_ci(key, "Keywords")) {
    std::string_view rest = value;
    while (!rest.empty()) {
      const size_t comma = rest.find(',');
      const std::string keyword = text::collapse_whitespace(rest.substr(0, comma));
      if (!keyword.empty()) h.keywords.push_back(keyword);
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
    return;
  }
  *header_slot(h, key) = text::collapse_whitespace(value);
}

std::string prepare(std::string_view content) {
  if (content.find('\0') != std::string_view::npos) {
    throw ParseError("binary data (NUL bytes), not a text article");
  }
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  std::string out = text::repair_utf8(content);
  std::string unix;
  unix.reserve(out.size());
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\r') {
      unix.push_back('\n');
      if (i + 1 < out.size() && out[i + 1] == '\n') ++i;
    } else {
      unix.push_back(out[i]);
    }
  }
  return unix;
}

bool is_byline(std::string_view paragraph) {
  const auto words = text::split_words(paragraph);
  return words.size() >= 2 && words.size() <= 8 && paragraph.size() <= 80 &&
         text::equals_ci(words[0], "By") && paragraph.back() != '.';
}

}  // namespace

std::string_view plain_text_header_keys() {
  return "Source, Location, Country, Date, Headline, ID, Language, Byline, Story, Version, "
         "Status, Slug, Keywords";
}

bool reads_as_headline(std::string_view paragraph) {
  paragraph = text::trim(paragraph);
  if (paragraph.empty() || paragraph.size() > kMaxHeadlineBytes) return false;
  if (text::split_words(paragraph).size() > kMaxHeadlineWords) return false;
  const char last = paragraph.back();
  if (last == '.' || last == ',' || last == ';' || last == ':') return false;
  if (paragraph.front() >= 'a' && paragraph.front() <= 'z') return false;
  if (is_byline(paragraph)) return false;
  return !parse_dateline(paragraph).has_value();
}

bool is_credit_line(std::string_view paragraph, std::string* agency) {
  std::string_view p = text::trim(paragraph);
  if (p.empty() || p.size() > 100) return false;
  while (!p.empty() && (p.front() == '-' || p.front() == ' ')) p.remove_prefix(1);
  if (p.substr(0, 3) == "\xE2\x80\x94") p = text::trim(p.substr(3));  // em dash
  if (p.empty()) return false;

  if (p.front() == '(' && p.back() == ')') {
    const std::string_view inside = text::trim(p.substr(1, p.size() - 2));
    for (auto lead : {"Reporting by", "Writing by", "Editing by", "Additional reporting",
                      "Compiled by", "Produced by", "Translated by"}) {
      if (text::starts_with_ci(inside, lead)) return true;
    }
    return false;
  }
  // "AFP.", and "Reuter..." or "Reuter4" (line noise in Reuters-21578).
  std::string_view bare = p;
  while (!bare.empty() && (bare.back() == '.' || (bare.back() >= '0' && bare.back() <= '9'))) {
    bare.remove_suffix(1);
  }
  if (bare.empty()) return false;
  if (text::equals_ci(bare, "Enditem") || text::equals_ci(bare, "End item")) return true;  // Xinhua
  if (auto known = canonical_agency(bare)) {
    if (agency) *agency = *known;
    return true;
  }
  // "dpa ab xy" / "AFP hh/ph": an agency followed by staff initials.
  const auto words = text::split_words(p);
  auto is_initials = [](std::string_view w) {
    if (w.size() < 2 || w.size() > 16) return false;
    for (char c : w) {
      if (!((c >= 'a' && c <= 'z') || c == '/')) return false;
    }
    return true;
  };
  if (words.size() >= 2 && words.size() <= 5) {
    if (auto known = canonical_agency(words[0])) {
      bool all_initials = true;
      for (size_t i = 1; i < words.size(); ++i) all_initials &= is_initials(words[i]);
      if (all_initials) {
        if (agency) *agency = *known;
        return true;
      }
    }
  }
  // A bare staff sign-off: "hh/ph/ts/hd".
  return words.size() == 1 && is_initials(p) && p.find('/') != std::string_view::npos;
}

bool PlainTextParser::recognizes(std::string_view content) const {
  const std::string_view start = text::trim(content.substr(0, 512));
  return !start.empty() && start.front() != '<';
}

ParseResult PlainTextParser::parse(std::string_view content, const std::string& path) const {
  const std::string prepared = prepare(content);
  auto lines = split_lines(prepared);

  Header header;
  size_t first_text_line = 0;
  while (first_text_line < lines.size() && is_blank(lines[first_text_line])) ++first_text_line;
  std::string_view key, value;
  while (first_text_line < lines.size() && split_header_line(lines[first_text_line], key, value)) {
    set_header_value(header, key, value);
    ++first_text_line;
  }

  // A credit on the last line, even when hard-wrapped text runs into it.
  std::string credit_agency;
  size_t last = lines.size();
  while (last > first_text_line && is_blank(lines[last - 1])) --last;
  if (last > first_text_line + 1 && is_credit_line(lines[last - 1], &credit_agency)) {
    lines.resize(last - 1);
  }

  std::vector<std::string> paragraphs = split_paragraphs(lines, first_text_line);
  if (paragraphs.empty()) throw ParseError("no text (the file is empty or blank)");

  Article article;
  article.origin.path = path;

  // Headline: the header's, else the first line when it reads as one.
  if (header.headline) {
    article.headline = *header.headline;
    if (text::equals_ci(paragraphs.front(), article.headline)) paragraphs.erase(paragraphs.begin());
  } else if (paragraphs.size() > 1 && reads_as_headline(paragraphs.front())) {
    article.headline = paragraphs.front();
    paragraphs.erase(paragraphs.begin());
  }

  if (header.byline) {
    article.byline = *header.byline;
    if (paragraphs.size() > 1 && is_byline(paragraphs.front()))
      paragraphs.erase(paragraphs.begin());
  } else if (paragraphs.size() > 1 && is_byline(paragraphs.front())) {
    article.byline = text::collapse_whitespace(paragraphs.front().substr(3));
    paragraphs.erase(paragraphs.begin());
  }

  std::optional<Dateline> dateline;
  if (!paragraphs.empty()) dateline = parse_dateline(paragraphs.front());
  if (dateline) {
    paragraphs.front().erase(0, dateline->length);
    if (text::trim(paragraphs.front()).empty()) paragraphs.erase(paragraphs.begin());
  }

  while (paragraphs.size() > 1 && is_credit_line(paragraphs.back(), &credit_agency)) {
    paragraphs.pop_back();
  }

  if (header.source) {
    article.source = agency_display_name(*header.source);
  } else if (dateline && !dateline->agency.empty()) {
    article.source = agency_display_name(dateline->agency);
  } else {
    article.source = credit_agency;
  }

  if (header.location) {
    article.location.city = *header.location;
  } else if (dateline) {
    article.location.city = text::title_case_if_all_caps(dateline->place);
    article.location.region = dateline->region;
  }
  if (header.country) article.location.country = *header.country;

  if (header.date) {
    article.date = header.date;
  } else if (dateline && dateline->month != 0) {
    int year = dateline->year;
    if (year == 0 && header.year_hint != 0) year = header.year_hint;
    if (year != 0 && is_valid_civil({year, dateline->month, dateline->day})) {
      article.date = Timestamp::from_date({year, dateline->month, dateline->day});
    }
  }

  if (header.language) article.language = *header.language;
  const VersionMarkers markers = strip_version_markers(article.headline);
  article.headline = markers.text;
  if (header.slug) article.slug = strip_version_markers(*header.slug).text;
  if (header.story) article.story_id = *header.story;
  article.version = header.version.value_or(markers.update + 1);
  if (header.status) article.status = *header.status;
  article.subjects = header.keywords;
  article.body = std::move(paragraphs);
  if (article.body.empty() && article.headline.empty()) {
    throw ParseError("no text after the header and dateline");
  }
  if (header.id) {
    article.id = *header.id;
  } else if (header.story) {
    article.id = version_id(*header.story, article.version);
  } else {
    article.id = id_from_origin(article.origin);
  }

  ParseResult result;
  result.articles.push_back(std::move(article));
  return result;
}

}  // namespace dateline
