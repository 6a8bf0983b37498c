// Related stories (--like ID): relevance feedback on one article.  Its most
// telling words (Xapian's expand set over its stemmed free-text terms) become
// a ranked OR query, and every version of its own story is left out.
#pragma once

#include <xapian.h>

#include <string>

namespace dateline {

struct RelatedQuery {
  Xapian::Query query;
  std::string headline;  // of the article asked about
};

// At most this many words of the article are searched for.
inline constexpr Xapian::termcount kRelatedTerms = 30;

// Throws QueryError when no article has the id.
RelatedQuery related_query(const Xapian::Database& db, const std::string& id);

}  // namespace dateline
