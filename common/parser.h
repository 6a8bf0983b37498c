// The interface every input format implements: bytes in, Articles out.
//
// A parser never throws for one bad record in a multi-article file: it
// reports the record in ParseResult::rejected and goes on.  It throws
// ParseError when the file as a whole cannot be read as its format.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"

namespace dateline {

// One record of a file that was skipped, and why.
struct RejectedRecord {
  int record = 0;     // 1-based position in the file
  std::string label;  // how a person finds it, e.g. "NEWID 1234"
  std::string reason;
};

struct ParseResult {
  std::vector<Article> articles;
  std::vector<RejectedRecord> rejected;
};

class Parser {
 public:
  virtual ~Parser() = default;

  // The name given to --format, e.g. "text", "reuters-sgml".
  virtual std::string_view name() const = 0;

  // True when `content` looks like this format (called on the file's start).
  virtual bool recognizes(std::string_view content) const = 0;

  // Parses a whole file.  `path` is the canonical path, recorded as each
  // article's origin.  Every article comes back with an id.
  virtual ParseResult parse(std::string_view content, const std::string& path) const = 0;
};

}  // namespace dateline
