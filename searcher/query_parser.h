// The QueryParser, set up from the schema: free-text fields become prefixes
// ("headline:"), filter fields boolean prefixes ("source:AFP"), the date
// fields date-range processors ("date:2014-01-01..2014-01-31", "date:7d.."),
// and the synonym placeholder (synonyms.h) a processor that searches any
// entry of the group.  Shared by the query builder and the spelling
// suggester, so both read a query the same way.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/timestamp.h"
#include "searcher/synonyms.h"

namespace dateline {

// The first error a field processor met.  Processors never throw: an
// exception thrown through Xapian's QueryParser leaks its parse state, so they
// record the error, return an empty match, and the caller throws after the
// parse.
using FieldErrors = std::shared_ptr<std::string>;

struct ParserSetup {
  FieldErrors errors = std::make_shared<std::string>();
  CivilDate today{1970, 1, 1};                                    // for relative dates
  std::shared_ptr<const std::vector<SynonymExpansion>> synonyms;  // may be null
  bool match_any = false;  // default operator OR instead of AND
};

// A wildcard (Syri*) may stand for at most this many words.
inline constexpr Xapian::termcount kMaxWildcardExpansion = 100;

// The features of the query language: phrases, AND OR NOT NEAR ( ), +/-,
// a query of only NOT, and wildcards.
unsigned query_flags();

Xapian::QueryParser make_query_parser(const Xapian::Database& db, const Xapian::Stem& stemmer,
                                      const ParserSetup& setup);

// Common English words left out of queries (not out of phrases).
bool is_stopword(std::string_view word);

}  // namespace dateline
