// Builds the Xapian query for a SearchRequest: the query language parsed
// once per language in the index (query_parser.h), synonyms applied
// (synonyms.h), --like turned into relevance feedback (related.h), and the
// filters of the command line and the current-version restriction added.
//
// A malformed query (unbalanced quote or bracket, a lone operator) is still
// searched, as plain words, with a warning.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "searcher/search_request.h"
#include "searcher/synonyms.h"

namespace dateline {

struct BuiltQuery {
  Xapian::Query query;
  std::vector<std::string> warnings;  // one line each, for stderr
  std::string like_headline;          // --like: the headline of the article
};

// Throws QueryError for an unknown field, a bad date, an empty query or an
// unknown --like id.
BuiltQuery build_query(const SearchRequest& request, const Xapian::Database& db,
                       const Synonyms* synonyms = nullptr);

// The "today" of a request: request.today, else the current UTC date.
CivilDate request_today(const SearchRequest& request);

}  // namespace dateline
