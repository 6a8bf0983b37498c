// Turns an Article into a Xapian document by walking the schema: free-text
// fields through the term generator (diacritics folded, stemmed in the
// article's own language, with positions), filter fields as boolean terms,
// dates, numbers and some filters into their value slots, and the stored
// record as the document data.
#pragma once

#include <xapian.h>

#include "common/article.h"

namespace dateline {

// Sets `termgen`'s stemmer for the article's language (see stemmers.h).
Xapian::Document build_document(const Article& article, Xapian::TermGenerator& termgen);

}  // namespace dateline
