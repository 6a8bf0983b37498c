#include "common/format_registry.h"

#include <array>

#include "common/error.h"
#include "common/plain_text_parser.h"
#include "common/reuters_sgml_parser.h"
#include "common/text.h"

namespace dateline {
namespace {

const ReutersSgmlParser kReutersSgml;
const PlainTextParser kPlainText;

// In detection order: specific formats first, plain text last.
const std::array<const Parser*, 2> kParsers = {&kReutersSgml, &kPlainText};

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
  for (const Parser* p : kParsers) {
    if (p->recognizes(content)) return *p;
  }
  const std::string_view start = text::trim(content.substr(0, 512));
  if (start.empty()) throw ParseError("no text (the file is empty or blank)");
  if (start.substr(0, 5) == "<?xml" || start.front() == '<') {
    throw ParseError(
        "XML or markup that no parser reads yet (NITF and NewsML are not supported in this "
        "version); --format text would index it as plain text");
  }
  throw ParseError("format not recognised (formats: " + format_names() + ")");
}

}  // namespace dateline
