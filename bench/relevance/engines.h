// The three engines measured, each given the same documents and the same
// query text, each returning its top 100 per query.
#pragma once

#include <string>

#include "collections.h"
#include "metrics.h"

namespace bench {

constexpr size_t kDepth = 100;

// SQLite FTS5 (porter tokenizer, bm25() with its defaults k1 = 1.2,
// b = 0.75): one column holding every field; the query's words ORed.
Run run_fts5(const Collection& c, const std::string& work);

// Plain Xapian: TermGenerator and QueryParser with the English stemmer
// and their defaults (STEM_SOME, default operator OR, no stopwords), every
// field as one text, BM25Weight with its defaults.
Run run_plain_xapian(const Collection& c, const std::string& work);

// Dateline through its own code: the indexer's IndexWriter (document
// building through the schema: title as headline, authors as byline,
// keywords and text as body), then the searcher's build_query and
// run_search with --any, the shipped synonyms and the shipped BM25
// parameters.  The variants below undo one choice each, for the tuning
// table in docs/RELEVANCE.md.
struct DatelineVariant {
  std::string name;
  bool titles_as_headline = true;  // else the title is a body paragraph (weight 1)
  bool synonyms = true;
  bool lower_case_queries = false;    // lower-case the query text before it is searched
  bool xapian_bm25_defaults = false;  // k1 = 1, b = 0.5 instead of the shipped values
};

Run run_dateline(const Collection& c, const std::string& work, const DatelineVariant& variant,
                 const std::string& synonyms_file);

}  // namespace bench
