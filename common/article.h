// The article model: one news article, whatever format it arrived in.
// Parsers produce Articles; the index writer stores them through the schema;
// the searcher reads back the stored part.  Knows nothing of Xapian.
#pragma once

#include <optional>
#include <string>
#include <string_view>
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

// Where a story stands, as the agency says (IPTC pubStatus / NITF
// management-status / NewsML 1.2 Status).
enum class Status { kUsable, kWithheld, kEmbargoed, kCanceled };

struct Article {
  std::string id;        // unique per version: re-adding the same id replaces
  std::string story_id;  // the same for every version of one story ("" = id)
  int version = 1;       // 1, 2, 3 ... within the story
  Status status = Status::kUsable;
  int urgency = 0;     // 1 (flash) .. 8 (lowest); 0 when not given
  std::string source;  // agency: "AFP", "Reuters", "AP", ...
  Location location;
  std::optional<Timestamp> date;             // UTC: when the story was first filed
  std::optional<Timestamp> version_created;  // UTC: when this version was filed
  std::string headline;                      // version markers ("UPDATE 1-") removed
  std::string slug;                          // the agency's slugline, markers removed
  std::string byline;
  std::vector<std::string> body;      // paragraphs, dateline and sign-offs removed
  std::vector<std::string> subjects;  // subject names/codes and keywords
  std::string language = "en";        // ISO 639-1, lower case
  Origin origin;
};

// The id of one version of a story: "STORY#vN".
std::string version_id(std::string_view story_id, int version);

// The story id, or the article id when none is set.
const std::string& story_key(const Article& article);

// "usable", "withheld", "embargoed", "canceled".
std::string_view status_name(Status status);
// Reads IPTC/NITF/NewsML names ("usable", "stat:canceled", "Canceled",
// "Withheld", "embargoed"); nullopt for anything else.
std::optional<Status> parse_status(std::string_view name);

// The id used when a file gives none: derived from where the article came
// from, so that adding the same file again replaces instead of doubling.
std::string id_from_origin(const Origin& origin);

// The body paragraphs joined by blank lines.
std::string body_text(const Article& article);

}  // namespace dateline
