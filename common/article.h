// The article model: one news article, whatever format it arrived in.
// Parsers produce Articles; the index writer stores them through the schema;
// the searcher reads back the stored part.  Knows nothing of Xapian.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/timestamp.h"

namespace dateline {

struct Location {
  std::string city;     // the dateline place, e.g. "Fort Washington"
  std::string region;   // a state or province when the dateline has one: "Pa."
  std::string country;  // when known, e.g. "usa" (Reuters-21578 PLACES code)
};

// Where an article came from: the file (an absolute, canonical path) and,
// for files holding several articles, its 1-based record number (0 when the
// file holds one article).
struct Origin {
  std::string path;
  int record = 0;
};

struct Article {
  std::string id;      // unique and stable: re-adding the same id replaces
  std::string source;  // agency: "AFP", "Reuters", "AP", ...
  Location location;
  std::optional<Timestamp> date;  // UTC
  std::string headline;
  std::string byline;
  std::vector<std::string> body;  // paragraphs, dateline removed
  std::string language = "en";    // ISO 639-1
  Origin origin;
};

// The id used when a file gives none: derived from where the article came
// from, so that adding the same file again replaces instead of doubling.
std::string id_from_origin(const Origin& origin);

// The body paragraphs joined by blank lines.
std::string body_text(const Article& article);

}  // namespace dateline
