// The Xapian stemmer for an article's language: each article is stemmed in
// its own language, and a query is stemmed once per language in the index.
#pragma once

#include <xapian.h>

#include <string_view>

namespace dateline {

// The stemmer for an ISO 639-1 code ("en", "fr", "ar", ...); the "none"
// stemmer (words kept as they are) for a language Xapian cannot stem.
const Xapian::Stem& stemmer_for(std::string_view language);

}  // namespace dateline
