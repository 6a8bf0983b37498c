// Snippets: the passage of an article that best shows why it matched, with
// the matched words marked, including stemmed forms ("talks" for "talk").
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
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

// Makes the snippets of one query's hits.  Whether a word matches is worked
// out once per distinct word (lower-cased, folded, stemmed) and remembered
// for the following hits, so make one per query and use it for the whole
// page.  Not thread-safe.
class SnippetMaker {
 public:
  explicit SnippetMaker(MatchTerms terms);

  // The window of at most `max_words` words of `paragraphs` holding the most
  // distinct matched words (the start of the text when nothing matches),
  // with "…" where it cuts the text.  `stemmer` is the article's.
  Snippet make(const std::vector<std::string>& paragraphs, const Xapian::Stem& stemmer,
               size_t max_words = 40);

  // All of `text`, with its matched words marked.
  Snippet mark_all(const std::string& text, const Xapian::Stem& stemmer);

  const MatchTerms& terms() const { return terms_; }

 private:
  struct Word {
    size_t begin;  // bytes in the text
    size_t end;
    int key;  // index into keys_ of its lower-case form, -1 when it matched nothing
  };
  // Lower-case word -> index into keys_, or -1: for one stemmer.
  struct MatchCache {
    std::string stemmer;  // Xapian::Stem::get_description()
    std::unordered_map<std::string, int> keys;
  };

  MatchCache& cache_for(const Xapian::Stem& stemmer);
  int key_of(std::string_view word, bool ascii, const Xapian::Stem& stemmer, MatchCache& cache);
  std::vector<Word> scan_words(const std::string& text, const Xapian::Stem& stemmer);
  Snippet cut(const std::string& text, const std::vector<Word>& words, size_t first,
              size_t last) const;

  MatchTerms terms_;
  std::vector<MatchCache> caches_;                  // one per stemmer seen, usually one
  std::vector<std::string> keys_;                   // distinct matched lower-case words
  std::unordered_map<std::string, int> key_index_;  // keys_[i] -> i
  std::string lower_;                               // scratch
};

// One-off forms of SnippetMaker's make() and mark_all(), for a single text.
Snippet make_snippet(const std::vector<std::string>& paragraphs, const MatchTerms& terms,
                     const Xapian::Stem& stemmer, size_t max_words = 40);
Snippet mark_all(const std::string& text, const MatchTerms& terms, const Xapian::Stem& stemmer);

// The snippet's text with `open` and `close` around each mark.
std::string render_snippet(const Snippet& snippet, std::string_view open, std::string_view close);

}  // namespace dateline
