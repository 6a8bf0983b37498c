// "Did you mean": a query with its misspelt words replaced from the spelling
// data the indexer stores (every word of the indexed text, with its
// frequency).  Only words that are not in the index are corrected, so a
// proper name that occurs in the archive is never "corrected" away; fields,
// operators and phrases are read as the query language reads them.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

#include "common/timestamp.h"

namespace dateline {

// When a query finds fewer results than this, a suggestion is looked for.
inline constexpr Xapian::doccount kSuggestBelow = 3;

// The corrected query, or "" when no word needs correcting.  A corrected
// word keeps the case pattern of the word it replaces ("Genva" -> "Geneva").
// `today` is for relative dates in the query.
std::string spelling_suggestion(std::string_view query, const Xapian::Database& db,
                                const CivilDate& today);
std::string spelling_suggestion(std::string_view query, const Xapian::Database& db);

}  // namespace dateline
