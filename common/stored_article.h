// The record stored as each Xapian document's data: everything a hit shows,
// so the searcher never re-reads corpus files (which may have moved).
#pragma once

#include <string>
#include <string_view>

#include "common/article.h"

namespace dateline {

// A JSON object with a format version; see stored_article.cc for the keys.
std::string encode_stored_article(const Article& article);

// The inverse of encode_stored_article.  Throws std::runtime_error when the
// data is not a stored article.
Article decode_stored_article(std::string_view data);

}  // namespace dateline
