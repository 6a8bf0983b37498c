// Builds the Xapian query for a SearchRequest.  The QueryParser is set up
// from the schema: free-text fields become prefixes ("headline:"), filter
// fields boolean prefixes ("source:AFP"), the date field a date-range
// processor ("date:2014-01-01..2014-01-31").
//
// A malformed query (unbalanced quote or bracket, a lone operator) is still
// searched, as plain words, with a warning.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "searcher/search_request.h"

namespace dateline {

struct BuiltQuery {
  Xapian::Query query;
  std::vector<std::string> warnings;  // one line each, for stderr
};

// Throws QueryError for an unknown field, a bad date or an empty query.
BuiltQuery build_query(const SearchRequest& request, const Xapian::Database& db);

}  // namespace dateline
