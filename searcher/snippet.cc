#include "searcher/snippet.h"

#include <algorithm>
#include <array>

#include "common/schema.h"
#include "common/text.h"

namespace dateline {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

// Strips the prefix of a free-text field; "" when `term` belongs to a filter.
std::string unprefixed_text_term(const std::string& term) {
  if (term.empty() || !is_upper_ascii(term[0])) return term;
  for (const Field& f : schema_fields()) {
    if (f.kind != FieldKind::kText || f.prefix.empty()) continue;
    if (term.compare(0, f.prefix.size(), f.prefix) == 0 && term.size() > f.prefix.size() &&
        !is_upper_ascii(term[f.prefix.size()])) {
      return term.substr(f.prefix.size());
    }
  }
  return {};
}

// Xapian::Unicode::is_wordchar() of each ASCII character, asked once.
const std::array<bool, 128>& ascii_wordchars() {
  static const std::array<bool, 128> table = [] {
    std::array<bool, 128> t{};
    for (unsigned c = 0; c < t.size(); ++c) t[c] = Xapian::Unicode::is_wordchar(c);
    return t;
  }();
  return table;
}

}  // namespace

MatchTerms match_terms(const Xapian::Query& query) {
  MatchTerms terms;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    std::string term = *t;
    const bool stemmed = !term.empty() && term[0] == 'Z';
    if (stemmed) term.erase(0, 1);
    term = unprefixed_text_term(term);
    if (term.empty()) continue;
    (stemmed ? terms.stems : terms.words).insert(term);
  }
  return terms;
}

SnippetMaker::SnippetMaker(MatchTerms terms) : terms_(std::move(terms)) {}

SnippetMaker::MatchCache& SnippetMaker::cache_for(const Xapian::Stem& stemmer) {
  std::string name = stemmer.get_description();
  for (MatchCache& c : caches_) {
    if (c.stemmer == name) return c;
  }
  caches_.push_back(MatchCache{std::move(name), {}});
  return caches_.back();
}

int SnippetMaker::key_of(std::string_view word, bool ascii, const Xapian::Stem& stemmer,
                         MatchCache& cache) {
  if (ascii) {
    lower_.assign(word);
    for (char& c : lower_) c = text::ascii_lower(c);
  } else {
    lower_ = text::to_lower(word);
  }
  if (const auto known = cache.keys.find(lower_); known != cache.keys.end()) return known->second;
  // Indexed words are folded ("Genève" as "geneve"); compare them so.
  const std::string folded = text::fold_diacritics(lower_);
  const bool match = terms_.words.count(folded) > 0 ||
                     (!terms_.stems.empty() && terms_.stems.count(stemmer(folded)) > 0);
  int key = -1;
  if (match) {
    const auto [it, added] = key_index_.emplace(lower_, static_cast<int>(keys_.size()));
    if (added) keys_.push_back(lower_);
    key = it->second;
  }
  cache.keys.emplace(lower_, key);
  return key;
}

std::vector<SnippetMaker::Word> SnippetMaker::scan_words(const std::string& text,
                                                         const Xapian::Stem& stemmer) {
  MatchCache& cache = cache_for(stemmer);
  const std::array<bool, 128>& ascii_wordchar = ascii_wordchars();
  const size_t n = text.size();
  // Whether the character at byte `i` is a word character (as Xapian's
  // tokenizer has it); `next` is set to the byte after it.
  const auto wordchar_at = [&](size_t i, size_t& next) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      next = i + 1;
      return ascii_wordchar[c];
    }
    next = i;
    return Xapian::Unicode::is_wordchar(text::next_code_point(text, next));
  };
  std::vector<Word> words;
  size_t i = 0, next = 0;
  while (i < n) {
    if (!wordchar_at(i, next)) {
      i = next;
      continue;
    }
    const size_t begin = i;
    bool ascii = true;
    while (true) {
      ascii &= static_cast<unsigned char>(text[i]) < 0x80;
      i = next;
      if (i >= n || !wordchar_at(i, next)) break;
    }
    const std::string_view word = std::string_view(text).substr(begin, i - begin);
    words.push_back(Word{begin, i, key_of(word, ascii, stemmer, cache)});
    if (i < n) i = next;  // past the character that ended the word
  }
  return words;
}

Snippet SnippetMaker::cut(const std::string& text, const std::vector<Word>& words, size_t first,
                          size_t last) const {
  Snippet s;
  const size_t begin = words[first].begin;
  // Keep punctuation that closes the last word ("talks." or "talks\"").
  size_t end = words[last].end;
  while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
  if (first > 0) s.text += kEllipsis;
  const size_t offset = s.text.size();
  s.text.append(text, begin, end - begin);
  if (last + 1 < words.size()) s.text += kEllipsis;
  for (size_t i = first; i <= last; ++i) {
    if (words[i].key < 0) continue;
    s.marks.emplace_back(words[i].begin - begin + offset, words[i].end - begin + offset);
    const std::string& key = keys_[static_cast<size_t>(words[i].key)];
    if (std::find(s.matched.begin(), s.matched.end(), key) == s.matched.end()) {
      s.matched.push_back(key);
    }
  }
  return s;
}

Snippet SnippetMaker::make(const std::vector<std::string>& paragraphs, const Xapian::Stem& stemmer,
                           size_t max_words) {
  std::string text;
  size_t size = 0;
  for (const auto& p : paragraphs) size += p.size() + 1;
  text.reserve(size);
  for (const auto& p : paragraphs) {
    if (!text.empty()) text += ' ';
    text += p;
  }
  const std::vector<Word> words = scan_words(text, stemmer);
  if (words.empty() || max_words == 0) return {};

  // Slide a window of max_words; score = distinct matched words, then
  // matches.  The counts follow the window: a word in, a word out.
  const size_t window = std::min(max_words, words.size());
  std::vector<size_t> count(keys_.size(), 0);
  size_t distinct = 0, total = 0;
  const auto add = [&](const Word& w) {
    if (w.key < 0) return;
    if (count[static_cast<size_t>(w.key)]++ == 0) ++distinct;
    ++total;
  };
  const auto remove = [&](const Word& w) {
    if (w.key < 0) return;
    if (--count[static_cast<size_t>(w.key)] == 0) --distinct;
    --total;
  };
  for (size_t i = 0; i < window; ++i) add(words[i]);
  size_t best_first = 0;
  size_t best_distinct = 0, best_total = 0;
  for (size_t first = 0; first + window <= words.size(); ++first) {
    if (first > 0) {
      remove(words[first - 1]);
      add(words[first + window - 1]);
    }
    if (distinct > best_distinct || (distinct == best_distinct && total > best_total)) {
      best_first = first;
      best_distinct = distinct;
      best_total = total;
    }
    if (best_distinct == 0 && total == 0 && first > 0 && terms_.empty()) break;
  }
  // Start a little before the first match so it reads in context.
  size_t first = best_first;
  if (best_distinct > 0) {
    size_t first_match = best_first;
    while (words[first_match].key < 0) ++first_match;
    first = first_match > 5 ? first_match - 5 : 0;
    if (first + window > words.size()) first = words.size() - window;
  }
  return cut(text, words, first, first + window - 1);
}

Snippet SnippetMaker::mark_all(const std::string& text, const Xapian::Stem& stemmer) {
  const std::vector<Word> words = scan_words(text, stemmer);
  if (words.empty()) return Snippet{text, {}, {}};
  Snippet s = cut(text, words, 0, words.size() - 1);
  // cut() drops text before the first word and after the last: keep it all.
  const size_t lead = words.front().begin;
  for (auto& [b, e] : s.marks) {
    b += lead;
    e += lead;
  }
  s.text = text;
  return s;
}

Snippet make_snippet(const std::vector<std::string>& paragraphs, const MatchTerms& terms,
                     const Xapian::Stem& stemmer, size_t max_words) {
  return SnippetMaker(terms).make(paragraphs, stemmer, max_words);
}

Snippet mark_all(const std::string& text, const MatchTerms& terms, const Xapian::Stem& stemmer) {
  return SnippetMaker(terms).mark_all(text, stemmer);
}

std::string render_snippet(const Snippet& snippet, std::string_view open, std::string_view close) {
  std::string out;
  size_t pos = 0;
  for (const auto& [b, e] : snippet.marks) {
    out.append(snippet.text, pos, b - pos);
    out.append(open);
    out.append(snippet.text, b, e - b);
    out.append(close);
    pos = e;
  }
  out.append(snippet.text, pos, std::string::npos);
  return out;
}

}  // namespace dateline
