// Turns an Article into a Xapian document by walking the schema: free-text
// fields through the term generator (stemmed, with positions), filter fields
// as boolean terms, dates and filters into their value slots, and the
// stored record as the document data.
#pragma once

#include <xapian.h>

#include "common/article.h"

namespace dateline {

// The stemming language used for every article in this version.
inline constexpr const char* kStemLanguage = "english";

Xapian::Document build_document(const Article& article, Xapian::TermGenerator& termgen);

}  // namespace dateline
