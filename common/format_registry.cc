#include "common/format_registry.h"

#include <array>

#include "common/anpa1312_parser.h"
#include "common/error.h"
#include "common/newsml12_parser.h"
#include "common/newsml_g2_parser.h"
#include "common/nitf_parser.h"
#include "common/plain_text_parser.h"
#include "common/reuters_sgml_parser.h"
#include "common/text.h"
#include "common/xml_document.h"

namespace dateline {
namespace {

const ReutersSgmlParser kReutersSgml;
const NitfParser kNitf;
const NewsMLG2Parser kNewsMLG2;
const NewsML12Parser kNewsML12;
const Anpa1312Parser kAnpa1312;
const PlainTextParser kPlainText;

// In detection order: specific formats first (the XML ones by their root
// element, ANPA by its framing bytes), plain text last.
const std::array<const Parser*, 6> kParsers = {&kReutersSgml, &kNitf,     &kNewsMLG2,
                                               &kNewsML12,    &kAnpa1312, &kPlainText};

}  // namespace

const Parser* parser_by_name(std::string_view name) {
  for (const Parser* p : kParsers) {
    if (p->name() == name) return p;
  }
  return nullptr;
}

std::string format_names() {
  std::string names;
  for (const Parser* p : kParsers) {
    if (!names.empty()) names += ", ";
    names += p->name();
  }
  return names;
}

const Parser& detect_parser(std::string_view content) {
  // Recognition reads past a UTF-8 byte-order mark, so that XML with one is
  // never taken for plain text.
  std::string_view probe = content;
  if (probe.substr(0, 3) == "\xEF\xBB\xBF") probe.remove_prefix(3);
  const bool is_xml = xml::looks_like_xml(probe);
  for (const Parser* p : kParsers) {
    if (is_xml && p == &kPlainText) break;
    if (p->recognizes(probe)) return *p;
  }
  const std::string_view start = text::trim(probe.substr(0, 512));
  if (start.empty()) throw ParseError("no text (the file is empty or blank)");
  if (is_xml || start.front() == '<') {
    const std::string root = xml::root_element_name(probe);
    throw ParseError("XML or markup that no parser reads" +
                     (root.empty() ? std::string() : " (root element <" + root + ">)") +
                     "; formats read: NITF <nitf>, NewsML-G2 <newsItem>/<newsMessage>, NewsML "
                     "1.2 <NewsML>, Reuters-21578 SGML; --format text would index it as plain "
                     "text");
  }
  throw ParseError("format not recognised (formats: " + format_names() + ")");
}

}  // namespace dateline
