// IPTC NewsML 1.2, as AFP delivers it: a <NewsML> envelope holding one or
// more <NewsItem>s, one Article each.  Identification/NewsIdentifier gives
// the story id ("urn:newsml:<ProviderId>:<DateId>:<NewsItemId>") and the
// version (RevisionId); NewsManagement the dates, status and urgency;
// NewsLines the headline, slugline, byline and dateline; DescriptiveMetadata
// the language, the structured Location (which wins over the DateLine) and
// the subject codes and keywords; the first text ContentItem's DataContent
// (NITF, XHTML or plain text) the body, without the staff sign-off
// ("hh/ph/ts/hd").  A NewsItem with only photos or other media is a
// rejected record.
#pragma once

#include "common/parser.h"

namespace dateline {

class NewsML12Parser : public Parser {
 public:
  std::string_view name() const override { return "newsml-1.2"; }
  // The root element is NewsML (or a bare NewsItem).
  bool recognizes(std::string_view content) const override;
  ParseResult parse(std::string_view content, const std::string& path) const override;
};

}  // namespace dateline
