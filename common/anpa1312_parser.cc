#include "common/anpa1312_parser.h"

#include "common/agency.h"
#include "common/error.h"
#include "common/nitf_body.h"
#include "common/paragraphs.h"
#include "common/text.h"
#include "common/xml_document.h"

namespace dateline {
namespace {

constexpr char kSyn = 0x16;
constexpr char kSoh = 0x01;
constexpr char kStx = 0x02;
constexpr char kEtx = 0x03;
constexpr char kEot = 0x04;

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// ANPA priority letters as IPTC urgency (1 most urgent).
int urgency_of(char priority) {
  switch (priority | 0x20) {
    case 'f':  // flash
      return 1;
    case 'b':  // bulletin
      return 2;
    case 'u':  // urgent
      return 3;
    case 'r':  // regular
      return 4;
    case 'd':  // deferred
      return 5;
    default:
      return 0;
  }
}

// "``quoted''" and "`single'" as typographic quotes.
std::string typographic_quotes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i, 2) == "``") {
      out += "\xE2\x80\x9C";
      ++i;
    } else if (s.substr(i, 2) == "''") {
      out += "\xE2\x80\x9D";
      ++i;
    } else if (s[i] == '`') {
      out += "\xE2\x80\x98";
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// A "^" header line without its marks: "^For Argentine ... <" -> "For ...".
std::string header_line(std::string_view line) {
  while (!line.empty() && line.front() == '^') line.remove_prefix(1);
  line = text::trim(line);
  while (!line.empty() && (line.back() == '<' || line.back() == '=' || line.back() == ' ')) {
    line.remove_suffix(1);
  }
  return text::collapse_whitespace(line);
}

// "BC-LT--Argentina-Cancer Beauty,466": a slug line (cycle, desk, keyword,
// word count).
bool is_slug_line(std::string_view s) {
  return s.size() > 3 && is_letter(s[0]) && is_letter(s[1]) && s[2] == '-' &&
         s.find(' ') > s.find('-');
}

std::string without_word_count(std::string_view slug) {
  const size_t comma = slug.rfind(',');
  if (comma != std::string_view::npos) {
    const std::string_view count = text::trim(slug.substr(comma + 1));
    if (!count.empty() && count.find_first_not_of("0123456789") == std::string_view::npos) {
      slug = slug.substr(0, comma);
    }
  }
  return std::string(text::trim(slug));
}

struct Trailer {
  std::string agency;
  std::optional<Timestamp> filed;
};

// "AP-WF-11-13-13 1509GMT": agency, desk, MM-DD-YY, HHMM GMT.
Trailer read_trailer(std::string_view s) {
  Trailer t;
  const auto words = text::split_words(s);
  if (words.empty()) return t;
  std::vector<std::string_view> parts;
  std::string_view first = words[0];
  size_t start = 0;
  while (start <= first.size()) {
    const size_t dash = first.find('-', start);
    parts.push_back(first.substr(
        start, dash == std::string_view::npos ? std::string_view::npos : dash - start));
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  if (!parts.empty() && !parts[0].empty() && is_letter(parts[0][0])) t.agency = parts[0];
  if (parts.size() < 4 || words.size() < 2) return t;
  auto two_digits = [](std::string_view p) {
    return p.size() == 2 && is_digit(p[0]) && is_digit(p[1]) ? (p[0] - '0') * 10 + (p[1] - '0')
                                                             : -1;
  };
  const int month = two_digits(parts[parts.size() - 3]);
  const int day = two_digits(parts[parts.size() - 2]);
  const int yy = two_digits(parts[parts.size() - 1]);
  const std::string_view time = words[1];
  if (month < 0 || day < 0 || yy < 0 || time.size() < 7 || time.substr(4, 3) != "GMT") return t;
  const int hour = two_digits(time.substr(0, 2));
  const int minute = two_digits(time.substr(2, 2));
  const CivilDate date{yy < 70 ? 2000 + yy : 1900 + yy, month, day};
  if (!is_valid_civil(date) || hour < 0 || hour > 23 || minute < 0 || minute > 59) return t;
  t.filed = Timestamp::from_date_time(date, hour, minute, 0);
  return t;
}

// The keyword slug of the header line "f l\x13\x11 BC-LT--Argentina-CancerB     11-13 1049".
struct HeaderLine {
  int urgency = 0;
  std::string keyword;
};

HeaderLine read_header_line(std::string_view line) {
  HeaderLine h;
  if (line.size() >= 3 && is_letter(line[0]) && line[1] == ' ' && is_letter(line[2])) {
    h.urgency = urgency_of(line[0]);
    line.remove_prefix(3);
  }
  while (!line.empty() &&
         (static_cast<unsigned char>(line.front()) < 0x20 || line.front() == ' ')) {
    line.remove_prefix(1);
  }
  const size_t gap = line.find("  ");
  h.keyword = xml::latin1_to_utf8(text::trim(line.substr(0, gap)));
  return h;
}

Article parse_take(std::string_view take, const std::string& path, int record) {
  const size_t stx = take.find(kStx);
  if (stx == std::string_view::npos)
    throw ParseError("no text: the take has no STX (start of text)");
  const size_t etx = take.find(kEtx, stx);
  const std::string_view header = take.substr(0, stx);
  const std::string_view body =
      take.substr(stx + 1, etx == std::string_view::npos ? std::string_view::npos : etx - stx - 1);
  const std::string_view trailer =
      etx == std::string_view::npos ? std::string_view() : take.substr(etx + 1);

  Article a;
  a.origin = {path, record};
  a.language = "en";

  const auto header_lines = split_lines(header);
  HeaderLine line;
  if (header_lines.size() >= 2) line = read_header_line(header_lines[1]);
  a.urgency = line.urgency;

  // "^" lines and TAB-indented paragraphs.
  const std::string utf8 = xml::latin1_to_utf8(body);
  std::vector<std::string> marks;
  std::vector<std::string> paragraphs;
  bool open = false;
  for (std::string_view l : split_lines(utf8)) {
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (text::trim(l).empty()) {
      open = false;
    } else if (l.front() == '^') {
      marks.push_back(header_line(l));
      open = false;
    } else if (l.front() == '\t' || l.substr(0, 2) == "  " || !open) {
      paragraphs.push_back(std::string(text::trim(l)));
      open = true;
    } else {
      paragraphs.back() += ' ';
      paragraphs.back() += text::trim(l);
    }
  }

  std::string agency_line;
  size_t next = 0;
  if (!marks.empty() && is_slug_line(marks[0])) {
    a.slug = without_word_count(marks[0]);
    next = 1;
  } else {
    a.slug = without_word_count(line.keyword);
  }
  for (size_t i = next; i < marks.size(); ++i) {
    const std::string& m = marks[i];
    if (m.empty()) continue;
    if (text::starts_with_ci(m, "By ")) {
      if (a.byline.empty()) a.byline = m;
    } else if (text::starts_with_ci(m, "Eds:") || text::starts_with_ci(m, "EDITOR'S NOTE") ||
               text::starts_with_ci(m, "AP Photo") || text::starts_with_ci(m, "With Photo")) {
      // Notes for editors.
    } else if (auto known = canonical_agency(m)) {
      agency_line = *known;
    } else if (a.headline.empty() && a.byline.empty()) {
      a.headline = typographic_quotes(m);
    }
  }
  for (auto& p : paragraphs) p = typographic_quotes(p);
  a.body = std::move(paragraphs);
  const auto dateline = take_body_dateline(a.body, &a.byline);
  if (dateline) {
    a.location.city = dateline->place;
    a.location.region = dateline->region;
  }

  const Trailer t = read_trailer(xml::latin1_to_utf8(trailer.substr(0, trailer.find(kEot))));
  a.date = t.filed;
  if (!a.date && dateline && dateline->year != 0) {
    a.date = Timestamp::from_date({dateline->year, dateline->month, dateline->day});
  }
  a.source = choose_source({dateline ? dateline->agency : std::string(), agency_line, t.agency});

  finish_wire_article(a, false);
  if (a.headline.empty() && a.body.empty()) {
    throw ParseError("no text: the take has no headline and no body");
  }
  return a;
}

}  // namespace

bool Anpa1312Parser::recognizes(std::string_view content) const {
  size_t i = 0;
  while (i < content.size() && content[i] == kSyn) ++i;
  return i < content.size() && content[i] == kSoh;
}

ParseResult Anpa1312Parser::parse(std::string_view content, const std::string& path) const {
  std::vector<std::string_view> takes;
  size_t pos = content.find(kSoh);
  while (pos != std::string_view::npos) {
    const size_t next = content.find(kSoh, pos + 1);
    std::string_view take = content.substr(
        pos + 1, next == std::string_view::npos ? std::string_view::npos : next - pos - 1);
    while (!take.empty() && take.back() == kSyn) take.remove_suffix(1);
    takes.push_back(take);
    pos = next;
  }
  if (takes.empty()) throw ParseError("not ANPA-1312: no SOH (start of heading) byte");

  ParseResult result;
  const bool several = takes.size() > 1;
  for (size_t i = 0; i < takes.size(); ++i) {
    const int number = static_cast<int>(i + 1);
    try {
      result.articles.push_back(parse_take(takes[i], path, several ? number : 0));
    } catch (const ParseError& e) {
      std::string label = "take " + std::to_string(number);
      const auto lines = split_lines(takes[i].substr(0, 200));
      if (!lines.empty()) {
        const std::string first = text::collapse_whitespace(xml::latin1_to_utf8(lines[0]));
        if (!first.empty()) label = first;
      }
      result.rejected.push_back({number, label, e.what()});
    }
  }
  if (several || !result.articles.empty()) return result;
  throw ParseError(result.rejected.front().reason);
}

}  // namespace dateline
