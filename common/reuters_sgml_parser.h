// Reuters-21578 SGML: many <REUTERS NEWID="..."> records per file, each with
// DATE, PLACES, TITLE, DATELINE and BODY (briefs have no body; "unprocessed"
// records only raw text).  SGML, not XML: entities such as &#3; and &lt; are
// decoded here and stray non-UTF-8 bytes are read as Windows-1252.
#pragma once

#include "common/parser.h"

namespace dateline {

class ReutersSgmlParser : public Parser {
 public:
  std::string_view name() const override { return "reuters-sgml"; }
  bool recognizes(std::string_view content) const override;
  ParseResult parse(std::string_view content, const std::string& path) const override;
};

// Decodes &lt; &gt; &amp; &quot; &apos; and numeric references (&#N;, &#xH;);
// control characters other than newline and tab are dropped.  Unknown
// entities are kept as written.
std::string decode_sgml_entities(std::string_view s);

// "26-FEB-1987 15:01:01.79" (time taken as UTC; the collection does not say
// which zone).  Text after the time is ignored; a malformed time leaves only
// the day.  nullopt when the day itself is malformed.
std::optional<Timestamp> parse_reuters_date(std::string_view s);

}  // namespace dateline
