// Plain-text wire copy: an optional "Key: value" header block, a headline
// line, paragraphs, a dateline opening the first paragraph and an optional
// trailing credit line ("AFP", "-- Reuters", "(Reporting by ...)").
#pragma once

#include "common/parser.h"

namespace dateline {

class PlainTextParser : public Parser {
 public:
  std::string_view name() const override { return "text"; }
  bool recognizes(std::string_view content) const override;
  ParseResult parse(std::string_view content, const std::string& path) const override;
};

// The header keys a plain-text file may start with, for messages and docs.
std::string_view plain_text_header_keys();

// True when a paragraph reads as a headline: short, one sentence fragment,
// no final full stop, not a dateline.
bool reads_as_headline(std::string_view paragraph);

// True when a final paragraph is a credit or staff sign-off rather than text:
// "AFP", "-- Reuters", "(Reporting by X; Editing by Y)", "hh/ph/ts", "dpa ab xy".
// Sets `agency` to the agency it names, if any.
bool is_credit_line(std::string_view paragraph, std::string* agency);

}  // namespace dateline
