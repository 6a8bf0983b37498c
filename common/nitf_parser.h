// NITF 3.x (News Industry Text Format): one article per <nitf> document.
// head/docdata gives the story id (doc-id), version (du-key), dates
// (date.issue, date.release), urgency, management status, event location
// (evloc) and keywords; body.head the headline, byline and dateline;
// body.content the paragraphs.  A dateline opening the first paragraph
// ("NEW YORK (AP) —", "Tegucigalpa, Jan 2 (EFE).-") is read and taken out.
#pragma once

#include "common/parser.h"

namespace dateline {

class NitfParser : public Parser {
 public:
  std::string_view name() const override { return "nitf"; }
  // The root element is <nitf> (past the declaration, comments, DOCTYPE).
  bool recognizes(std::string_view content) const override;
  ParseResult parse(std::string_view content, const std::string& path) const override;
};

}  // namespace dateline
