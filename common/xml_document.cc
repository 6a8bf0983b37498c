#include "common/xml_document.h"

#include <array>
#include <cstdint>
#include <utility>

#include "common/error.h"
#include "common/text.h"

namespace dateline::xml {
namespace {

enum class Encoding { kUtf8, kLatin1, kLatin9, kUtf16Le, kUtf16Be };

struct Plan {
  Encoding encoding = Encoding::kUtf8;
  size_t skip = 0;  // byte-order mark
};

bool is_dropped_control(uint32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F;
}

// UTF-8 for each byte 0x80..0xFF read as Windows-1252 (text::repair_utf8
// reads a lone high byte that way).
const std::array<std::string, 128>& high_bytes() {
  static const std::array<std::string, 128> table = [] {
    std::array<std::string, 128> t;
    for (size_t i = 0; i < t.size(); ++i) {
      const char byte = static_cast<char>(0x80 + i);
      t[i] = text::repair_utf8(std::string_view(&byte, 1));
    }
    return t;
  }();
  return table;
}

// ISO-8859-15 differs from ISO-8859-1 in eight places.
uint32_t latin9_code_point(unsigned char b) {
  switch (b) {
    case 0xA4:
      return 0x20AC;
    case 0xA6:
      return 0x160;
    case 0xA8:
      return 0x161;
    case 0xB4:
      return 0x17D;
    case 0xB8:
      return 0x17E;
    case 0xBC:
      return 0x152;
    case 0xBD:
      return 0x153;
    case 0xBE:
      return 0x178;
    default:
      return 0;
  }
}

// Length of the well-formed UTF-8 sequence at s[i], 0 if there is none.
size_t utf8_length(std::string_view s, size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const size_t want = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  if (i + want > s.size()) return 0;
  return text::is_valid_utf8(s.substr(i, want)) ? want : 0;
}

// Runs the conversion, calling emit(source_offset, utf8_piece) for each
// piece of output; emit returns false to stop.
template <typename Emit>
void convert(std::string_view bytes, const Plan& plan, Emit emit) {
  const std::string_view s = bytes.substr(std::min(plan.skip, bytes.size()));
  const size_t base = bytes.size() - s.size();
  switch (plan.encoding) {
    case Encoding::kUtf8: {
      for (size_t i = 0; i < s.size();) {
        const size_t n = utf8_length(s, i);
        if (n > 0) {
          if (!emit(base + i, s.substr(i, n))) return;
          i += n;
        } else {
          if (!emit(base + i, high_bytes()[static_cast<unsigned char>(s[i]) - 0x80])) return;
          ++i;
        }
      }
      return;
    }
    case Encoding::kLatin1:
    case Encoding::kLatin9: {
      std::string piece;
      for (size_t i = 0; i < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        piece.clear();
        if (b < 0x80) {
          if (!is_dropped_control(b)) piece.push_back(static_cast<char>(b));
        } else if (const uint32_t cp =
                       plan.encoding == Encoding::kLatin9 ? latin9_code_point(b) : 0;
                   cp != 0) {
          text::append_utf8(piece, cp);
        } else {
          piece = high_bytes()[b - 0x80];
        }
        if (!emit(base + i, piece)) return;
      }
      return;
    }
    case Encoding::kUtf16Le:
    case Encoding::kUtf16Be: {
      const bool le = plan.encoding == Encoding::kUtf16Le;
      auto unit = [&](size_t i) -> uint32_t {
        const auto a = static_cast<unsigned char>(s[i]);
        const auto b = static_cast<unsigned char>(s[i + 1]);
        return le ? (a | (b << 8)) : ((a << 8) | b);
      };
      std::string piece;
      for (size_t i = 0; i + 1 < s.size();) {
        uint32_t cp = unit(i);
        size_t used = 2;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < s.size()) {
          const uint32_t low = unit(i + 2);
          if (low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            used = 4;
          }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
        piece.clear();
        if (!is_dropped_control(cp)) text::append_utf8(piece, cp);
        if (!emit(base + i, piece)) return;
        i += used;
      }
      return;
    }
  }
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The encoding named in <?xml ... encoding="..."?>, lower case; "" if none.
std::string declared_encoding(std::string_view s) {
  s = text::trim(s.substr(0, 512));
  if (s.substr(0, 5) != "<?xml") return "";
  const size_t end = s.find("?>");
  const std::string_view decl = s.substr(0, end);
  const size_t key = decl.find("encoding");
  if (key == std::string_view::npos) return "";
  size_t p = key + 8;
  while (p < decl.size() && (decl[p] == ' ' || decl[p] == '\t' || decl[p] == '\n' ||
                             decl[p] == '\r' || decl[p] == '=')) {
    ++p;
  }
  if (p >= decl.size() || (decl[p] != '"' && decl[p] != '\'')) return "";
  const size_t close = decl.find(decl[p], p + 1);
  if (close == std::string_view::npos) return "";
  return lower_ascii(decl.substr(p + 1, close - p - 1));
}

Plan detect(std::string_view bytes) {
  auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
  using namespace std::string_view_literals;
  if (starts("\xEF\xBB\xBF"sv)) return {Encoding::kUtf8, 3};
  if (starts("\xFF\xFE\x00\x00"sv) || starts("\x00\x00\xFE\xFF"sv)) {
    throw ParseError("XML in UTF-32, which is not supported (UTF-8, UTF-16 and Latin-1 are)");
  }
  if (starts("\xFF\xFE"sv)) return {Encoding::kUtf16Le, 2};
  if (starts("\xFE\xFF"sv)) return {Encoding::kUtf16Be, 2};
  if (starts("<\0?\0"sv)) return {Encoding::kUtf16Le, 0};
  if (starts("\0<\0?"sv)) return {Encoding::kUtf16Be, 0};

  const std::string name = declared_encoding(bytes);
  if (name.empty() || name == "utf-8" || name == "utf8") return {Encoding::kUtf8, 0};
  // Declared UTF-16 without 16-bit bytes: re-encoded without updating the
  // declaration; read the bytes as they are.
  if (name == "utf-16" || name == "utf-16le" || name == "utf-16be") return {Encoding::kUtf8, 0};
  for (std::string_view latin1 :
       {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "windows-1252",
        "cp1252", "x-cp1252", "us-ascii", "ascii", "iso-ir-100", "cp819", "ibm819"}) {
    if (name == latin1) return {Encoding::kLatin1, 0};
  }
  for (std::string_view latin9 :
       {"iso-8859-15", "iso8859-15", "iso_8859-15", "latin-9", "latin9"}) {
    if (name == latin9) return {Encoding::kLatin9, 0};
  }
  throw ParseError("XML encoding '" + name +
                   "' is not supported (UTF-8, UTF-16, ISO-8859-1, ISO-8859-15, Windows-1252 "
                   "and US-ASCII are)");
}

std::string convert_all(std::string_view bytes, const Plan& plan) {
  const std::string_view rest = bytes.substr(std::min(plan.skip, bytes.size()));
  // Single-byte labels on bytes that are well-formed UTF-8: the label is wrong.
  if ((plan.encoding == Encoding::kUtf8 || plan.encoding == Encoding::kLatin1 ||
       plan.encoding == Encoding::kLatin9) &&
      text::is_valid_utf8(rest)) {
    return std::string(rest);
  }
  std::string out;
  out.reserve(rest.size() + rest.size() / 8);
  convert(bytes, plan, [&](size_t, std::string_view piece) {
    out.append(piece);
    return true;
  });
  return out;
}

// The offset in `bytes` of the byte that became utf8_offset in the output.
size_t source_offset(std::string_view bytes, const Plan& plan, size_t utf8_offset) {
  const std::string_view rest = bytes.substr(std::min(plan.skip, bytes.size()));
  if (plan.encoding != Encoding::kUtf16Le && plan.encoding != Encoding::kUtf16Be &&
      text::is_valid_utf8(rest)) {
    return std::min(plan.skip, bytes.size()) + utf8_offset;
  }
  size_t produced = 0;
  size_t found = bytes.size();
  convert(bytes, plan, [&](size_t source, std::string_view piece) {
    if (produced + piece.size() > utf8_offset) {
      found = source;
      return false;
    }
    produced += piece.size();
    return true;
  });
  return found;
}

// Entity names beyond the XML five: HTML's Latin-1 set (U+00A0..U+00FF, in
// order) and the typographic names wire copy uses.
constexpr std::array<std::string_view, 96> kLatin1Names = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",
    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn",
    "sup2",   "sup3",   "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",
    "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde",
    "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave",
    "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde",
    "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

constexpr std::array<std::pair<std::string_view, uint32_t>, 40> kOtherNames = {{
    {"lt", '<'},        {"gt", '>'},        {"amp", '&'},       {"quot", '"'},
    {"apos", '\''},     {"mdash", 0x2014},  {"ndash", 0x2013},  {"lsquo", 0x2018},
    {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"bdquo", 0x201E},  {"hellip", 0x2026}, {"bull", 0x2022},   {"euro", 0x20AC},
    {"trade", 0x2122},  {"dagger", 0x2020}, {"Dagger", 0x2021}, {"permil", 0x2030},
    {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"OElig", 0x152},   {"oelig", 0x153},
    {"Scaron", 0x160},  {"scaron", 0x161},  {"Yuml", 0x178},    {"fnof", 0x192},
    {"circ", 0x2C6},    {"tilde", 0x2DC},   {"ensp", 0x2002},   {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},
    {"rlm", 0x200F},    {"prime", 0x2032},  {"Prime", 0x2033},  {"minus", 0x2212},
}};

// The code point of a reference's name ("amp", "#233", "#xE9"); 0 if unknown,
// and sets *drop for a reference to a character that carries no text.
uint32_t entity_code_point(std::string_view name, bool* drop) {
  *drop = false;
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return 0;
    uint32_t cp = 0;
    for (char c : digits) {
      uint32_t d;
      if (c >= '0' && c <= '9') {
        d = static_cast<uint32_t>(c - '0');
      } else if (hex && c >= 'a' && c <= 'f') {
        d = static_cast<uint32_t>(c - 'a' + 10);
      } else if (hex && c >= 'A' && c <= 'F') {
        d = static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return 0;
      }
      cp = cp * (hex ? 16 : 10) + d;
    }
    if (cp == 0 || is_dropped_control(cp) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      *drop = true;
      return 0;
    }
    return cp;
  }
  for (size_t i = 0; i < kLatin1Names.size(); ++i) {
    if (name == kLatin1Names[i]) return static_cast<uint32_t>(0xA0 + i);
  }
  for (const auto& [n, cp] : kOtherNames) {
    if (name == n) return cp;
  }
  return 0;
}

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The start of `content` as UTF-8 text, enough to find the root element.
std::string head_as_utf8(std::string_view content) {
  constexpr size_t kHead = 64 * 1024;
  Plan plan;
  try {
    plan = detect(content.substr(0, kHead));
  } catch (const ParseError&) {
    return std::string(content.substr(0, kHead));
  }
  if (plan.encoding == Encoding::kUtf16Le || plan.encoding == Encoding::kUtf16Be) {
    return convert_all(content.substr(0, kHead), plan);
  }
  return std::string(content.substr(std::min(plan.skip, content.size()), kHead));
}

// Collects character data below `node` without recursion (documents may nest
// deeply).
void collect_text(pugi::xml_node node, std::string& out) {
  pugi::xml_node cur = node.first_child();
  while (cur && cur != node) {
    const auto type = cur.type();
    if (type == pugi::node_pcdata || type == pugi::node_cdata) {
      out += cur.value();
    } else if (type == pugi::node_element && local_name(cur) == "br") {
      out += '\n';
    }
    if (type == pugi::node_element && cur.first_child()) {
      cur = cur.first_child();
      continue;
    }
    while (cur != node && !cur.next_sibling()) cur = cur.parent();
    if (cur == node) break;
    cur = cur.next_sibling();
  }
}

}  // namespace

std::string latin1_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  convert(bytes, Plan{Encoding::kLatin1, 0}, [&](size_t, std::string_view piece) {
    out.append(piece);
    return true;
  });
  return out;
}

std::string to_utf8(std::string_view bytes) { return convert_all(bytes, detect(bytes)); }

std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c != '&') {
      if (!is_dropped_control(static_cast<unsigned char>(c))) out.push_back(c);
      continue;
    }
    const size_t semi = s.find(';', i + 1);
    if (semi != std::string_view::npos && semi - i <= 10) {
      bool drop = false;
      const uint32_t cp = entity_code_point(s.substr(i + 1, semi - i - 1), &drop);
      if (cp != 0 || drop) {
        if (cp >= 0x80 && cp <= 0x9F) {
          out += high_bytes()[cp - 0x80];  // &#150;: Windows-1252's en dash, as browsers read it
        } else if (cp != 0) {
          text::append_utf8(out, cp);
        }
        i = semi;
        continue;
      }
    }
    out.push_back('&');
  }
  return out;
}

std::string root_element_name(std::string_view content) {
  const std::string head = head_as_utf8(content);
  const std::string_view s = head;
  size_t pos = 0;
  while (true) {
    while (pos < s.size() && is_space(s[pos])) ++pos;
    if (pos >= s.size() || s[pos] != '<') return "";
    const std::string_view rest = s.substr(pos);
    if (rest.substr(0, 2) == "<?") {
      const size_t end = s.find("?>", pos + 2);
      if (end == std::string_view::npos) return "";
      pos = end + 2;
    } else if (rest.substr(0, 4) == "<!--") {
      const size_t end = s.find("-->", pos + 4);
      if (end == std::string_view::npos) return "";
      pos = end + 3;
    } else if (rest.substr(0, 9) == "<!DOCTYPE" || rest.substr(0, 9) == "<!doctype") {
      // Skip to the '>' that closes it, past quoted strings, comments and
      // the internal subset in brackets.
      int depth = 0;
      char quote = 0;
      size_t p = pos + 9;
      for (; p < s.size(); ++p) {
        const char c = s[p];
        if (quote) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (s.substr(p, 4) == "<!--") {
          const size_t end = s.find("-->", p + 4);
          if (end == std::string_view::npos) return "";
          p = end + 2;
        } else if (c == '[') {
          ++depth;
        } else if (c == ']') {
          --depth;
        } else if (c == '>' && depth <= 0) {
          break;
        }
      }
      if (p >= s.size()) return "";
      pos = p + 1;
    } else if (rest.size() > 1 && is_name_start(rest[1])) {
      size_t end = 1;
      while (end < rest.size() && !is_space(rest[end]) && rest[end] != '/' && rest[end] != '>') {
        ++end;
      }
      std::string_view name = rest.substr(1, end - 1);
      if (const size_t colon = name.rfind(':'); colon != std::string_view::npos) {
        name = name.substr(colon + 1);
      }
      return std::string(name);
    } else {
      return "";
    }
  }
}

bool looks_like_xml(std::string_view content) {
  const std::string head = head_as_utf8(content.substr(0, 1024));
  const std::string_view s = text::trim(head);
  return s.size() >= 2 && s[0] == '<' && (s[1] == '?' || s[1] == '!' || is_name_start(s[1]));
}

Document::Document(std::string_view bytes) : doc_(std::make_unique<pugi::xml_document>()) {
  const Plan plan = detect(bytes);
  const std::string utf8 = convert_all(bytes, plan);
  // No parse_escapes: references are decoded by decode_entities, once, so
  // nothing a DOCTYPE declares is ever expanded.  No parse_doctype: the
  // DOCTYPE is skipped, never read.
  constexpr unsigned kOptions =
      pugi::parse_cdata | pugi::parse_wconv_attribute | pugi::parse_eol | pugi::parse_ws_pcdata;
  const pugi::xml_parse_result result =
      doc_->load_buffer(utf8.data(), utf8.size(), kOptions, pugi::encoding_utf8);
  if (!result) {
    const size_t offset =
        source_offset(bytes, plan, result.offset < 0 ? 0 : static_cast<size_t>(result.offset));
    throw ParseError("XML error at byte " + std::to_string(offset) + ": " + result.description());
  }
  if (!doc_->document_element()) throw ParseError("XML error at byte 0: no root element");
}

std::string_view local_name(pugi::xml_node node) {
  std::string_view name = node.name();
  if (const size_t colon = name.rfind(':'); colon != std::string_view::npos) {
    name = name.substr(colon + 1);
  }
  return name;
}

bool is(pugi::xml_node node, std::string_view local) {
  return node.type() == pugi::node_element && local_name(node) == local;
}

pugi::xml_node child(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (is(c, local)) return c;
  }
  return {};
}

std::vector<pugi::xml_node> children(pugi::xml_node node, std::string_view local) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (is(c, local)) out.push_back(c);
  }
  return out;
}

namespace {

// Visits the descendants of `node` in document order, without recursion,
// until visit returns false.
template <typename Visit>
void walk(pugi::xml_node node, Visit visit) {
  pugi::xml_node cur = node.first_child();
  while (cur && cur != node) {
    if (cur.type() == pugi::node_element && !visit(cur)) return;
    if (cur.type() == pugi::node_element && cur.first_child()) {
      cur = cur.first_child();
      continue;
    }
    while (cur != node && !cur.next_sibling()) cur = cur.parent();
    if (cur == node) break;
    cur = cur.next_sibling();
  }
}

}  // namespace

pugi::xml_node descendant(pugi::xml_node node, std::string_view local) {
  pugi::xml_node found;
  walk(node, [&](pugi::xml_node n) {
    if (local_name(n) == local) {
      found = n;
      return false;
    }
    return true;
  });
  return found;
}

std::vector<pugi::xml_node> descendants(pugi::xml_node node, std::string_view local) {
  std::vector<pugi::xml_node> out;
  walk(node, [&](pugi::xml_node n) {
    if (local_name(n) == local) out.push_back(n);
    return true;
  });
  return out;
}

pugi::xml_node path(pugi::xml_node node, std::initializer_list<std::string_view> locals) {
  for (std::string_view local : locals) {
    if (!node) break;
    node = child(node, local);
  }
  return node;
}

std::string attr(pugi::xml_node node, const char* name) {
  const pugi::xml_attribute a = node.attribute(name);
  if (!a) return "";
  return text::collapse_whitespace(decode_entities(a.value()));
}

std::string raw_text(pugi::xml_node node) {
  std::string out;
  if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
    out = node.value();
  } else {
    collect_text(node, out);
  }
  return decode_entities(out);
}

std::string text(pugi::xml_node node) { return text::collapse_whitespace(raw_text(node)); }

}  // namespace dateline::xml
