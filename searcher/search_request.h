// What a user asked the searcher for, independent of how it was asked.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/timestamp.h"

namespace dateline {

enum class SortOrder { kRelevance, kNewest, kOldest };

struct SearchRequest {
  std::string query;                   // the query language, see docs/query-syntax.md
  std::vector<std::string> sources;    // --source (any of)
  std::vector<std::string> locations;  // --location (any of)
  std::vector<std::string> languages;  // --lang (any of)
  std::optional<std::string> since;    // --since DATE (inclusive)
  std::optional<std::string> until;    // --until DATE (inclusive)
  // --today / $DATELINE_NOW: the day relative dates count from (else the
  // current UTC date) and the reference of --recent (else the newest
  // article in the index).
  std::optional<CivilDate> today;
  bool all_versions = false;        // every version, not just the current one
  bool match_any = false;           // --any: rank articles with any of the words
  std::string like_id;              // --like ID: articles like this one
  bool recent = false;              // --recent: boost recent articles
  bool collapse = true;             // fold near-identical articles into one hit
  std::vector<std::string> facets;  // --facets: counts over the whole result set
  SortOrder sort = SortOrder::kRelevance;
  unsigned limit = 10;
  unsigned offset = 0;
  // Set by the searcher from the shards it opened, not by the user: some are
  // served by xapian-tcpsrv, which runs only Xapian's own match spies and
  // weights (so no --recent, and counts come from a ValueCountMatchSpy).
  bool remote_shards = false;
};

}  // namespace dateline
