// What a user asked the searcher for, independent of how it was asked.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace dateline {

enum class SortOrder { kRelevance, kNewest, kOldest };

struct SearchRequest {
  std::string query;                   // the query language, see README
  std::vector<std::string> sources;    // --source (any of)
  std::vector<std::string> locations;  // --location (any of)
  std::vector<std::string> languages;  // --lang (any of)
  std::optional<std::string> since;    // --since DATE (inclusive)
  std::optional<std::string> until;    // --until DATE (inclusive)
  bool all_versions = false;           // every version, not just the current one
  SortOrder sort = SortOrder::kRelevance;
  unsigned limit = 10;
  unsigned offset = 0;
};

}  // namespace dateline
