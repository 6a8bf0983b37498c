// Running a query against the index: ranking (BM25) or date order, paging,
// and a retry when the index changes under a running search.
#pragma once

#include <xapian.h>

#include <vector>

#include "common/article.h"
#include "searcher/search_request.h"

namespace dateline {

struct Hit {
  unsigned rank = 0;  // 1-based, counting from the first result, not the page
  double score = 0;
  Article article;  // as stored in the index
};

struct SearchResults {
  Xapian::doccount matches = 0;  // the number of matches (an estimate unless exact)
  bool exact = false;
  std::vector<Hit> hits;
};

// `exact_count` makes the match count exact at some cost (for --count).
SearchResults run_search(Xapian::Database& db, const Xapian::Query& query,
                         const SearchRequest& request, bool exact_count);

}  // namespace dateline
