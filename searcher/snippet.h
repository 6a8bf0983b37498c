// Snippets: the passage of an article that best shows why it matched, with
// the matched words marked, including stemmed forms ("talks" for "talk").
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace dateline {

// The words a query looks for, read from its terms.
struct MatchTerms {
  std::unordered_set<std::string> words;  // lower-case, unstemmed
  std::unordered_set<std::string> stems;  // stemmed
  bool empty() const { return words.empty() && stems.empty(); }
};

MatchTerms match_terms(const Xapian::Query& query);

struct Snippet {
  std::string text;
  std::vector<std::pair<size_t, size_t>> marks;  // [begin, end) byte ranges of matched words
  std::vector<std::string> matched;              // distinct matched words, lower-case, in order
};

// The window of at most `max_words` words of `paragraphs` holding the most
// distinct matched words (the start of the text when nothing matches), with
// "…" where it cuts the text.
Snippet make_snippet(const std::vector<std::string>& paragraphs, const MatchTerms& terms,
                     const Xapian::Stem& stemmer, size_t max_words = 40);

// All of `text`, with its matched words marked.
Snippet mark_all(const std::string& text, const MatchTerms& terms, const Xapian::Stem& stemmer);

// The snippet's text with `open` and `close` around each mark.
std::string render_snippet(const Snippet& snippet, std::string_view open, std::string_view close);

}  // namespace dateline
