// Running a query against the index: ranking (BM25, optionally boosted by
// recency) or date order, paging, collapsing near-identical articles into
// one hit, facet counts, and a retry when the index changes under a running
// search.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "common/article.h"
#include "searcher/facets.h"
#include "searcher/search_request.h"

namespace dateline {

// BM25's parameters (Xapian::BM25Weight).  k1 = 1.2 and b = 0.75 are
// Robertson's standard values (also FTS5's and Lucene's defaults), not fitted
// to any collection; Xapian's own defaults are k1 = 1, b = 0.5.  Measured in
// docs/RELEVANCE.md.
struct Bm25Params {
  double k1 = 1.2;
  double k2 = 0.0;
  double k3 = 1.0;
  double b = 0.75;
  double min_normlen = 0.5;
};

// An article folded into a hit because its text is the same (see the
// schema's fingerprint field).
struct Duplicate {
  std::string id;
  std::string source;
  std::string path;
};

struct Hit {
  unsigned rank = 0;  // 1-based, counting from the first result, not the page
  double score = 0;
  Article article;                    // as stored in the index
  std::vector<Duplicate> duplicates;  // collapsed into this hit
};

struct SearchResults {
  // The number of matching articles, near-identical ones included (an
  // estimate unless exact), and of hits once those are folded together.
  Xapian::doccount matches = 0;
  Xapian::doccount folded_matches = 0;
  bool exact = false;
  std::vector<Hit> hits;
  std::vector<Facet> facets;  // request.facets, in that order
};

// `exact_count` makes the match count exact at some cost (for --count).
// Throws QueryError when a wildcard stands for too many words.
SearchResults run_search(Xapian::Database& db, const Xapian::Query& query,
                         const SearchRequest& request, bool exact_count,
                         const Bm25Params& bm25 = {});

}  // namespace dateline
