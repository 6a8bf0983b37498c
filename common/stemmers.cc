#include "common/stemmers.h"

#include <map>
#include <string>

namespace dateline {

const Xapian::Stem& stemmer_for(std::string_view language) {
  // One cache per thread: Xapian objects share reference counts that are not
  // atomic, so threads (parallel indexing) must not share a Stem.
  thread_local std::map<std::string, Xapian::Stem, std::less<>> cache;
  if (auto it = cache.find(language); it != cache.end()) return it->second;
  Xapian::Stem stem("none");
  try {
    // Xapian knows the ISO 639-1 codes of the languages it can stem.
    if (!language.empty()) stem = Xapian::Stem(std::string(language));
  } catch (const Xapian::InvalidArgumentError&) {
    // Not a language Xapian stems: index the words as they are.
  }
  return cache.emplace(std::string(language), stem).first->second;
}

}  // namespace dateline
