#include "common/nitf_body.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "common/agency.h"
#include "common/paragraphs.h"
#include "common/plain_text_parser.h"
#include "common/text.h"
#include "common/version_markers.h"
#include "common/xml_document.h"

namespace dateline {
namespace {

constexpr int kMaxMarkupDepth = 64;

// ---------------------------------------------------------------- markup

enum class Kind { kParagraph, kContainer, kSkip, kInline };

Kind kind_of(pugi::xml_node node) {
  static constexpr std::array<std::string_view, 16> kParagraphs = {
      "p",  "hl2", "hl3", "hl4", "h2", "h3",         "h4", "h5",
      "h6", "pre", "dt",  "dd",  "li", "blockquote", "bq", "address"};
  static constexpr std::array<std::string_view, 29> kSkipped = {
      "media",    "media-caption", "media-reference", "table",   "nitf-table", "img",
      "figure",   "figcaption",    "script",          "style",   "head",       "header",
      "nav",      "footer",        "aside",           "note",    "fn",         "object",
      "iframe",   "video",         "audio",           "h1",      "hl1",        "title",
      "abstract", "body.head",     "body.end",        "caption", "noscript"};
  static constexpr std::array<std::string_view, 15> kContainers = {
      "block", "div", "section", "article", "main",   "body",    "body.content", "ul",
      "ol",    "dl",  "html",    "nitf",    "center", "content", "inlineXML"};
  const std::string_view name = xml::local_name(node);
  for (auto n : kSkipped) {
    if (name == n) return Kind::kSkip;
  }
  for (auto n : kContainers) {
    if (name == n) return Kind::kContainer;
  }
  for (auto n : kParagraphs) {
    if (name == n) return Kind::kParagraph;
  }
  return Kind::kInline;
}

// A list item or quotation holding paragraphs of its own is a container.
bool holds_blocks(pugi::xml_node node) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const Kind k = kind_of(c);
    if (k == Kind::kParagraph || k == Kind::kContainer) return true;
  }
  return false;
}

size_t indent_of(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t')) ++n;
  return n;
}

bool is_blank(std::string_view line) { return text::trim(line).empty(); }

// One element's text as paragraphs: normally one, but hard-wrapped wire text
// with indented paragraph starts or blank lines is split.  The first line's
// indentation means nothing (it follows the tag); the others are measured
// against their common indentation, which is pretty-printing.
void add_text_block(const std::string& raw, std::vector<std::string>& out) {
  const std::vector<std::string_view> lines = split_lines(raw);
  size_t first = 0;
  while (first < lines.size() && is_blank(lines[first])) ++first;
  size_t last = lines.size();
  while (last > first && is_blank(lines[last - 1])) --last;
  if (last - first <= 1) {
    std::string p = text::collapse_whitespace(raw);
    if (!p.empty()) out.push_back(std::move(p));
    return;
  }
  size_t common = std::string::npos;
  for (size_t i = first + 1; i < last; ++i) {
    if (!is_blank(lines[i])) common = std::min(common, indent_of(lines[i]));
  }
  if (common == std::string::npos) common = 0;
  bool blank_inside = false;
  bool indented = false;
  std::vector<std::string_view> dedented;
  dedented.push_back(text::trim(lines[first]));
  for (size_t i = first + 1; i < last; ++i) {
    if (is_blank(lines[i])) {
      blank_inside = true;
      dedented.push_back({});
      continue;
    }
    std::string_view line = lines[i].substr(std::min(common, lines[i].size()));
    if (indent_of(line) > 0) indented = true;
    dedented.push_back(line);
  }
  if (!blank_inside && !indented) {
    std::string p = text::collapse_whitespace(raw);
    if (!p.empty()) out.push_back(std::move(p));
    return;
  }
  for (auto& p : split_paragraphs(dedented)) {
    if (!p.empty()) out.push_back(std::move(p));
  }
}

void walk_markup(pugi::xml_node node, int depth, std::vector<std::string>& out) {
  std::string loose;  // text and inline elements between blocks
  auto flush = [&] {
    if (!text::trim(loose).empty()) add_text_block(loose, out);
    loose.clear();
  };
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      loose += xml::raw_text(c);
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    Kind k = kind_of(c);
    if (k == Kind::kParagraph && holds_blocks(c)) k = Kind::kContainer;
    if (k == Kind::kContainer && depth >= kMaxMarkupDepth) k = Kind::kParagraph;
    switch (k) {
      case Kind::kSkip:
        break;
      case Kind::kInline:
        loose += xml::raw_text(c);
        break;
      case Kind::kParagraph:
        flush();
        add_text_block(xml::raw_text(c), out);
        break;
      case Kind::kContainer:
        flush();
        walk_markup(c, depth + 1, out);
        break;
    }
  }
  flush();
}

// ---------------------------------------------------------------- datelines

constexpr std::array<std::string_view, 8> kSeparators = {
    ".-", ".\xE2\x80\x94", "\xE2\x80\x94", "\xE2\x80\x93", "--", "-", "_", "\xE2\x80\x95"};

// The length of a separator standing alone at s[pos] (with the spaces after
// it), 0 if there is none.
size_t separator_at(std::string_view s, size_t pos) {
  for (auto sep : kSeparators) {
    if (s.substr(pos, sep.size()) != sep) continue;
    size_t end = pos + sep.size();
    if (end < s.size() && s[end] != ' ' && s[end] != '\t') return 0;
    while (end < s.size() && (s[end] == ' ' || s[end] == '\t')) ++end;
    return end - pos;
  }
  return 0;
}

size_t skip_spaces(std::string_view s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  return pos;
}

// "(Reuters)" at s[pos]: the agency's name and the position after ')'.
bool read_agency(std::string_view s, size_t& pos, std::string& agency) {
  if (pos >= s.size() || s[pos] != '(') return false;
  const size_t close = s.find(')', pos);
  if (close == std::string_view::npos || close - pos > 41) return false;
  const std::string_view inside = text::trim(s.substr(pos + 1, close - pos - 1));
  if (inside.empty()) return false;
  const auto first = static_cast<unsigned char>(inside[0]);
  if (!((first >= 'A' && first <= 'Z') || first >= 0x80)) return false;
  for (char c : inside) {
    const auto u = static_cast<unsigned char>(c);
    const bool ok = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
                    u >= 0x80 || c == ' ' || c == '-' || c == '&' || c == '.' || c == '\'';
    if (!ok) return false;
  }
  // Every word capitalised: "(Sports Network)", not "(the agency said)".
  for (auto word : text::split_words(inside)) {
    const auto w = static_cast<unsigned char>(word[0]);
    if (w >= 'a' && w <= 'z' && !canonical_agency(inside)) return false;
  }
  agency = std::string(inside);
  pos = close + 1;
  return true;
}

// "Jan 30", "January 30, 2017", "30 January": sets month, day, year.
bool read_date(std::string_view s, size_t& pos, Dateline& d) {
  const auto words = text::split_words(s.substr(pos, 40));
  if (words.size() < 2) return false;
  auto number = [](std::string_view w) -> int {
    while (!w.empty() && w.back() == ',') w.remove_suffix(1);
    if (w.empty() || w.size() > 4 || w.find_first_not_of("0123456789") != std::string_view::npos) {
      return -1;
    }
    return std::stoi(std::string(w));
  };
  int month = month_from_name(words[0]);
  int day = number(words[1]);
  if (month == 0) {
    day = number(words[0]);
    month = month_from_name(words[1]);
  }
  if (month == 0 || day < 1 || day > 31) return false;
  // Past the two words (views into `s`).
  size_t p = static_cast<size_t>(words[1].data() - s.data()) + words[1].size();
  int year = 0;
  if (words[1].back() == ',' || (p < s.size() && s[p] == ',')) {
    if (p < s.size() && s[p] == ',') ++p;
    const size_t q = skip_spaces(s, p);
    const size_t end = s.find_first_not_of("0123456789", q);
    if (end != std::string_view::npos && end - q == 4) {
      year = std::stoi(std::string(s.substr(q, 4)));
      p = end;
    }
  }
  if (!is_valid_civil({year == 0 ? 2000 : year, month, day})) return false;
  d.month = month;
  d.day = day;
  d.year = year;
  pos = p;
  return true;
}

// "Jan 30 (Reuters) - " and "(Sports Network) - ": no place, an agency.
std::optional<Dateline> placeless_dateline(std::string_view p) {
  Dateline d;
  size_t pos = 0;
  if (p.empty()) return std::nullopt;
  if (p[0] != '(') {
    if (!read_date(p, pos, d)) return std::nullopt;
    pos = skip_spaces(p, pos);
  }
  if (!read_agency(p, pos, d.agency)) return std::nullopt;
  pos = skip_spaces(p, pos);
  const size_t sep = separator_at(p, pos);
  if (sep == 0) return std::nullopt;
  d.length = pos + sep;
  return d;
}

std::optional<Dateline> find_dateline(std::string_view p) {
  if (auto d = parse_dateline(p)) return d;
  // Agency first: "(ANSA) - Rome, October 11 - ".
  if (!p.empty() && p[0] == '(') {
    size_t pos = 0;
    std::string agency;
    if (read_agency(p, pos, agency)) {
      pos = skip_spaces(p, pos);
      if (const size_t sep = separator_at(p, pos); sep > 0) {
        pos += sep;
        if (auto rest = parse_dateline(p.substr(pos))) {
          if (rest->agency.empty()) rest->agency = agency;
          rest->length += pos;
          return rest;
        }
        Dateline d;
        d.agency = agency;
        d.length = pos;
        return d;
      }
    }
  }
  return placeless_dateline(p);
}

bool is_byline_paragraph(std::string_view p) {
  const auto words = text::split_words(p);
  if (words.size() < 2 || words.size() > 9 || p.size() > 100 || p.back() == '.') return false;
  if (!text::equals_ci(words[0], "By")) return false;
  const auto c = static_cast<unsigned char>(words[1][0]);
  return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Paragraphs a story may open with before its dateline: summary bullets and
// editor's notes such as "(Adds comments, detail)".
bool is_preamble(std::string_view p) {
  if (p.substr(0, 2) == "* " || p.substr(0, 4) == "\xE2\x80\xA2 " || p.substr(0, 2) == "- ") {
    return true;
  }
  return p.size() < 200 && p.front() == '(' && p.back() == ')';
}

std::string strip_by(std::string_view s) {
  s = text::trim(s);
  // "By", and the French and Spanish "Par", "Por".
  for (std::string_view lead : {"By ", "Par ", "Por "}) {
    if (s.size() > lead.size() && text::starts_with_ci(s, lead)) {
      s = text::trim(s.substr(lead.size()));
      break;
    }
  }
  while (!s.empty() && (s.back() == ',' || s.back() == ';'))
    s = text::trim(s.substr(0, s.size() - 1));
  return std::string(s);
}

// ---------------------------------------------------------------- finishing

// Code points of `s` (well-formed UTF-8).
template <typename F>
void for_each_code_point(std::string_view s, F f) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    uint32_t cp = c;
    size_t n = 1;
    if (c >= 0xF0) {
      cp = c & 0x07;
      n = 4;
    } else if (c >= 0xE0) {
      cp = c & 0x0F;
      n = 3;
    } else if (c >= 0xC0) {
      cp = c & 0x1F;
      n = 2;
    }
    for (size_t k = 1; k < n && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    f(cp);
    i += n;
  }
}

// False for paragraphs without any letter or digit: "___", "* * *", "—".
bool has_text(std::string_view p) {
  bool any = false;
  for_each_code_point(p, [&](uint32_t cp) {
    if (cp < 0x80) {
      any |= (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    } else if (cp != 0xA0 && cp != 0xB7 && !(cp >= 0x2010 && cp <= 0x2015) && cp != 0x2022 &&
               cp != 0x2026 && cp != 0x25A0 && cp != 0x25CF) {
      any = true;
    }
  });
  return any;
}

// Credits and sign-offs at the end of a story, including Reuters' long
// "(Additional reporting by ...; Editing by ...)".
bool is_trailing_credit(std::string_view p) {
  if (is_credit_line(p, nullptr)) return true;
  p = text::trim(p);
  if (p.size() < 3 || p.size() > 400 || p.front() != '(' || p.back() != ')') return false;
  const std::string_view inside = text::trim(p.substr(1, p.size() - 2));
  for (auto lead : {"Reporting by", "Writing by", "Editing by", "Additional reporting",
                    "Compiled by", "Produced by", "Translated by", "Reporting and writing by"}) {
    if (text::starts_with_ci(inside, lead)) return true;
  }
  return false;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

NitfBody read_nitf_body(pugi::xml_node node) {
  NitfBody out;
  pugi::xml_node body;
  if (xml::is(node, "body")) {
    body = node;
  } else {
    const pugi::xml_node nitf = xml::is(node, "nitf") ? node : xml::descendant(node, "nitf");
    body = xml::child(nitf, "body");
  }
  if (!body) return out;

  const pugi::xml_node head = xml::child(body, "body.head");
  pugi::xml_node hedline = xml::child(head, "hedline");
  if (!hedline) hedline = xml::child(head, "headline");
  if (hedline) {
    const pugi::xml_node hl1 = xml::child(hedline, "hl1");
    out.headline = xml::text(hl1 ? hl1 : hedline);
  }
  if (const pugi::xml_node byline = xml::child(head, "byline")) {
    std::string raw;
    for (pugi::xml_node c = byline.first_child(); c; c = c.next_sibling()) {
      if (xml::is(c, "byttl")) {
        out.byline_title = xml::text(c);
        raw += ' ';
      } else {
        raw += xml::raw_text(c);
      }
    }
    out.byline = strip_by(text::collapse_whitespace(raw));
  }
  if (const pugi::xml_node dl = xml::child(head, "dateline")) {
    if (const pugi::xml_node date = xml::child(dl, "story.date")) {
      std::string norm = xml::attr(date, "norm");
      if (norm.empty()) norm = xml::text(date);
      out.dateline_date = parse_wire_timestamp(norm);
    }
    const pugi::xml_node location = xml::child(dl, "location");
    std::string place_text;
    if (location) {
      out.dateline.city = xml::text(xml::descendant(location, "city"));
      out.dateline.region = xml::text(xml::descendant(location, "state"));
      if (out.dateline.region.empty()) {
        out.dateline.region = xml::text(xml::descendant(location, "region"));
      }
      out.dateline.country = xml::text(xml::descendant(location, "country"));
      if (out.dateline.city.empty()) place_text = xml::text(location);
    } else {
      for (pugi::xml_node c = dl.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
          place_text += xml::raw_text(c);
        }
      }
      place_text = text::collapse_whitespace(place_text);
    }
    if (!place_text.empty() && out.dateline.city.empty()) {
      if (auto d = parse_dateline_field(place_text)) {
        out.dateline.city = d->place;
        if (out.dateline.region.empty()) out.dateline.region = d->region;
      } else if (place_text.size() <= 50) {
        out.dateline.city =
            std::string(text::trim(std::string_view(place_text).substr(0, place_text.find(','))));
      }
    }
  }
  for (const char* who : {"rights.owner", "distributor"}) {
    const std::string value = xml::text(xml::descendant(head, who));
    if (!value.empty()) out.rights.push_back(value);
  }
  if (const pugi::xml_node content = xml::child(body, "body.content")) {
    out.paragraphs = markup_paragraphs(content);
  }
  return out;
}

std::vector<std::string> markup_paragraphs(pugi::xml_node node) {
  std::vector<std::string> out;
  walk_markup(node, 0, out);
  return out;
}

std::vector<std::string> text_paragraphs(std::string_view raw) {
  // Tags become line breaks: <p> and </p> a blank line, <br> a new line.
  std::string plain;
  plain.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '<') {
      plain.push_back(raw[i]);
      continue;
    }
    const size_t end = raw.find('>', i);
    if (end == std::string_view::npos || end - i > 200) {
      plain.push_back(raw[i]);
      continue;
    }
    std::string_view tag = raw.substr(i + 1, end - i - 1);
    if (!tag.empty() && tag.front() == '/') tag.remove_prefix(1);
    const std::string name = lower_ascii(tag.substr(0, tag.find_first_of(" \t\n/")));
    if (name == "br") {
      plain += '\n';
    } else if (name == "p" || name == "div" || name == "li" || name == "h1" || name == "h2" ||
               name == "h3" || name == "pre" || name == "blockquote") {
      plain += "\n\n";
    }
    i = end;
  }
  const std::string decoded = xml::decode_entities(plain);
  std::vector<std::string> out;
  for (auto& p : split_paragraphs(split_lines(decoded))) {
    if (!p.empty()) out.push_back(std::move(p));
  }
  return out;
}

std::optional<Dateline> take_body_dateline(std::vector<std::string>& body, std::string* byline) {
  size_t i = 0;
  for (int looked = 0; i < body.size() && looked < 8; ++looked) {
    const std::string_view p = body[i];
    if (is_byline_paragraph(p)) {
      if (byline && byline->empty()) *byline = strip_by(p);
      body.erase(body.begin() + static_cast<std::ptrdiff_t>(i));
      continue;
    }
    if (!p.empty() && is_preamble(p) && !find_dateline(p)) {
      ++i;
      continue;
    }
    break;
  }
  if (i >= body.size()) return std::nullopt;
  auto d = find_dateline(body[i]);
  if (!d) return std::nullopt;
  body[i] = text::collapse_whitespace(std::string_view(body[i]).substr(d->length));
  if (body[i].empty()) body.erase(body.begin() + static_cast<std::ptrdiff_t>(i));
  return d;
}

std::optional<Timestamp> parse_wire_timestamp(std::string_view s) {
  s = text::trim(s);
  auto digits = [&](size_t from, size_t n) {
    if (from + n > s.size()) return false;
    for (size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
    }
    return true;
  };
  if (!digits(0, 8) || (s.size() > 8 && s[8] != 'T' && s[8] != 't')) {
    return parse_iso_timestamp(s);
  }
  std::string iso(s.substr(0, 4));
  iso += '-';
  iso += s.substr(4, 2);
  iso += '-';
  iso += s.substr(6, 2);
  if (s.size() == 8) return parse_iso_timestamp(iso);
  size_t n = 0;
  while (9 + n < s.size() && s[9 + n] >= '0' && s[9 + n] <= '9') ++n;
  if (n != 4 && n != 6) return std::nullopt;
  iso += 'T';
  iso += s.substr(9, 2);
  iso += ':';
  iso += s.substr(11, 2);
  iso += ':';
  iso += n == 6 ? s.substr(13, 2) : std::string_view("00");
  iso += s.substr(9 + n);
  return parse_iso_timestamp(iso);
}

std::string normalize_language(std::string_view tag) {
  std::string t = lower_ascii(text::trim(tag));
  t = t.substr(0, t.find_first_of("-_"));
  if (t.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos) return "";
  if (t.size() == 2) return t;
  if (t.size() != 3) return "";
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kThree = {{
      {"eng", "en"},
      {"fre", "fr"},
      {"fra", "fr"},
      {"ger", "de"},
      {"deu", "de"},
      {"spa", "es"},
      {"ita", "it"},
      {"por", "pt"},
      {"ara", "ar"},
      {"rus", "ru"},
      {"chi", "zh"},
      {"zho", "zh"},
      {"jpn", "ja"},
      {"dut", "nl"},
      {"nld", "nl"},
      {"pol", "pl"},
      {"tur", "tr"},
      {"swe", "sv"},
  }};
  for (const auto& [three, two] : kThree) {
    if (t == three) return std::string(two);
  }
  return t;
}

std::optional<std::string> agency_from_metadata(std::string_view value) {
  std::string_view v = text::trim(value);
  if (v.empty() || v.size() > 200) return std::nullopt;
  if (auto known = canonical_agency(v)) return known;
  // A URL or domain: "http://www.afp.com/", "reuters.com", "ansa.it".
  std::string_view host = v;
  for (std::string_view scheme : {"https://", "http://"}) {
    if (text::starts_with_ci(host, scheme)) host.remove_prefix(scheme.size());
  }
  host = host.substr(0, host.find('/'));
  if (text::starts_with_ci(host, "www.")) host.remove_prefix(4);
  if (const size_t dot = host.find('.');
      dot != std::string_view::npos && host.find(' ') == std::string_view::npos) {
    if (auto known = canonical_agency(host.substr(0, dot))) return known;
  }
  // A qcode: "nprov:REUTERS", "is:AP".
  if (const size_t colon = v.rfind(':'); colon != std::string_view::npos) {
    if (auto known = canonical_agency(v.substr(colon + 1))) return known;
  }
  // A company name: "Deutsche Presse-Agentur GmbH", "Agencia EFE", "Thomson Reuters".
  std::vector<std::string_view> words = text::split_words(v);
  for (auto& w : words) {
    while (!w.empty() && (w.back() == ',' || w.back() == ')' || w.back() == '.'))
      w.remove_suffix(1);
    while (!w.empty() && w.front() == '(') w.remove_prefix(1);
  }
  static constexpr std::array<std::string_view, 10> kCompanySuffixes = {
      "GmbH", "LLC", "Ltd", "Inc", "S.A", "SA", "SpA", "Co", "AG", "Limited"};
  while (words.size() > 1) {
    bool suffix = false;
    for (auto s : kCompanySuffixes) suffix |= text::equals_ci(words.back(), s);
    if (!suffix) break;
    words.pop_back();
  }
  std::string joined;
  for (auto w : words) {
    if (!joined.empty()) joined += ' ';
    joined += w;
  }
  if (auto known = canonical_agency(joined)) return known;
  if (words.size() <= 4) {
    for (auto w : words) {
      if (auto known = canonical_agency(w)) return known;
    }
  }
  return std::nullopt;
}

std::string choose_source(const std::vector<std::string>& candidates) {
  return choose_source(candidates, candidates);
}

std::string choose_source(const std::vector<std::string>& candidates,
                          const std::vector<std::string>& shown_otherwise) {
  for (const auto& c : candidates) {
    if (auto known = agency_from_metadata(c)) return *known;
  }
  for (const auto& c : shown_otherwise) {
    const std::string_view t = text::trim(c);
    if (!t.empty()) return agency_display_name(t);
  }
  return "";
}

int strip_writethru_marker(std::string& slug) {
  const size_t comma = slug.rfind(',');
  if (comma == std::string::npos) return 0;
  const auto words = text::split_words(std::string_view(slug).substr(comma + 1));
  if (words.empty() || words.size() > 2) return 0;
  int n = 0;
  std::string_view kind = words.back();
  if (words.size() == 2) {
    std::string_view ordinal = words[0];
    size_t d = 0;
    while (d < ordinal.size() && d < 2 && ordinal[d] >= '0' && ordinal[d] <= '9') {
      n = n * 10 + (ordinal[d] - '0');
      ++d;
    }
    const std::string_view suffix = ordinal.substr(d);
    if (d == 0 || !(text::equals_ci(suffix, "st") || text::equals_ci(suffix, "nd") ||
                    text::equals_ci(suffix, "rd") || text::equals_ci(suffix, "th"))) {
      return 0;
    }
  }
  if (!(text::equals_ci(kind, "Ld-Writethru") || text::equals_ci(kind, "Writethru") ||
        text::equals_ci(kind, "Ld"))) {
    return 0;
  }
  if (n == 0) n = 1;
  slug = std::string(text::trim(std::string_view(slug).substr(0, comma)));
  return n;
}

void finish_wire_article(Article& a, bool version_given) {
  const VersionMarkers headline = strip_version_markers(text::collapse_whitespace(a.headline));
  a.headline = headline.text;
  std::string slug = text::collapse_whitespace(a.slug);
  const int writethru = strip_writethru_marker(slug);
  const VersionMarkers slug_markers = strip_version_markers(slug);
  a.slug = slug_markers.text;
  const int update = std::max({headline.update, slug_markers.update, writethru});
  if (!version_given && update > 0) a.version = 1 + update;
  if (a.version < 1) a.version = 1;

  a.byline = strip_by(text::collapse_whitespace(a.byline));
  if (is_credit_line(a.byline, nullptr)) a.byline.clear();

  std::vector<std::string> body;
  body.reserve(a.body.size());
  for (const auto& p : a.body) {
    std::string c = text::collapse_whitespace(p);
    if (!c.empty() && has_text(c)) body.push_back(std::move(c));
  }
  while (!body.empty() && is_trailing_credit(body.back())) body.pop_back();
  a.body = std::move(body);

  std::vector<std::string> subjects;
  for (const auto& s : a.subjects) {
    std::string c = text::collapse_whitespace(s);
    if (!c.empty() && std::find(subjects.begin(), subjects.end(), c) == subjects.end()) {
      subjects.push_back(std::move(c));
    }
  }
  a.subjects = std::move(subjects);

  a.language = normalize_language(a.language);
  if (a.language.empty()) a.language = "en";
  a.source = text::collapse_whitespace(a.source);
  a.location.city = text::title_case_if_all_caps(text::collapse_whitespace(a.location.city));
  a.location.region = text::collapse_whitespace(a.location.region);
  a.location.country = text::collapse_whitespace(a.location.country);
  a.story_id = text::collapse_whitespace(a.story_id);
  a.id = a.story_id.empty() ? id_from_origin(a.origin) : version_id(a.story_id, a.version);
}

}  // namespace dateline
