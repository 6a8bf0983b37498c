// IPTC NewsML-G2: a <newsItem>, or a <newsMessage> whose itemSet holds
// several items; one Article per newsItem with text.  guid and version give
// the story id and version; itemMeta the status, provider and times;
// contentMeta the urgency, headline, slugline, byline, dateline, located
// place, subjects and language; contentSet the body, as XHTML or NITF in an
// inlineXML, or plain text in an inlineData.  Picture, video and package
// items have no text: each is a rejected record, with its reason.
//
// Where the dateline place comes from depends on the agency: Reuters'
// <located> and <dateline> name an editing hub or a time, so for Reuters the
// dateline opening the body ("DAMASCUS (Reuters) -") decides; for others
// the <dateline> element, then <located>, then the body's dateline.
#pragma once

#include "common/parser.h"

namespace dateline {

class NewsMLG2Parser : public Parser {
 public:
  std::string_view name() const override { return "newsml-g2"; }
  // The root element is newsItem or newsMessage (or another G2 item, or a
  // bare contentSet as IPTC's specification listings show).
  bool recognizes(std::string_view content) const override;
  ParseResult parse(std::string_view content, const std::string& path) const override;
};

}  // namespace dateline
