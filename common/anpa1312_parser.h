// ANPA-1312 (IPTC 7901's North American sibling), as AP's wire takes come:
//
//   SYN SYN SOH  service letter, sequence number, US, selector   e.g. "W2870\x1f" "asian"
//   priority category DC3 DC1 keyword slug ... MM-DD wordcount   "f l\x13\x11 BC-LT--Argentina-..."
//   STX  "^" lines: the slug line ("BC-LT--...,466<"), the headline, photo and
//        editor's notes, the byline ("^By JANE DOE=") and its title
//        TAB-indented paragraphs, the first opening with "PLACE (AP) _"
//   ETX  trailer: "AP-WF-11-13-13 1509GMT" (desk, date, time of filing)
//   EOT
//
// in Latin-1.  One Article per take (several takes in one file are several
// records); the date comes from the trailer, or the dateline when it gives
// a full date.  ANPA gives no story id, so the id derives from the file.
#pragma once

#include "common/parser.h"

namespace dateline {

class Anpa1312Parser : public Parser {
 public:
  std::string_view name() const override { return "anpa-1312"; }
  // SOH (after any SYN bytes) at the very start: nothing else starts so.
  bool recognizes(std::string_view content) const override;
  ParseResult parse(std::string_view content, const std::string& path) const override;
};

}  // namespace dateline
