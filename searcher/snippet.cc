#include "searcher/snippet.h"

#include <algorithm>

#include "common/schema.h"
#include "common/text.h"

namespace dateline {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

struct Word {
  size_t begin;  // bytes in the joined text
  size_t end;
  std::string key;  // lower-case form, or "" when it matched nothing
};

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

// Words of `text` with their byte ranges; `key` set for those that match.
std::vector<Word> scan_words(const std::string& text, const MatchTerms& terms,
                             const Xapian::Stem& stemmer) {
  std::vector<Word> words;
  Xapian::Utf8Iterator it(text), end;
  while (it != end) {
    while (it != end && !Xapian::Unicode::is_wordchar(*it)) ++it;
    if (it == end) break;
    const size_t begin = it.raw() - text.data();
    while (it != end && Xapian::Unicode::is_wordchar(*it)) ++it;
    const size_t stop = it == end ? text.size() : static_cast<size_t>(it.raw() - text.data());
    Word w{begin, stop, {}};
    const std::string lower = text::to_lower(std::string_view(text).substr(begin, stop - begin));
    // Indexed words are folded ("Genève" as "geneve"); compare them so.
    const std::string folded = text::fold_diacritics(lower);
    if (terms.words.count(folded) || terms.stems.count(stemmer(folded))) w.key = lower;
    words.push_back(std::move(w));
  }
  return words;
}

Snippet cut(const std::string& text, const std::vector<Word>& words, size_t first, size_t last) {
  Snippet s;
  const size_t begin = words[first].begin;
  // Keep punctuation that closes the last word ("talks." or "talks\"").
  size_t end = words[last].end;
  while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
  if (first > 0) s.text += kEllipsis;
  const size_t offset = s.text.size();
  s.text += text.substr(begin, end - begin);
  if (last + 1 < words.size()) s.text += kEllipsis;
  for (size_t i = first; i <= last; ++i) {
    if (words[i].key.empty()) continue;
    s.marks.emplace_back(words[i].begin - begin + offset, words[i].end - begin + offset);
    if (std::find(s.matched.begin(), s.matched.end(), words[i].key) == s.matched.end()) {
      s.matched.push_back(words[i].key);
    }
  }
  return s;
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

Snippet make_snippet(const std::vector<std::string>& paragraphs, const MatchTerms& terms,
                     const Xapian::Stem& stemmer, size_t max_words) {
  std::string text;
  for (const auto& p : paragraphs) {
    if (!text.empty()) text += ' ';
    text += p;
  }
  const std::vector<Word> words = scan_words(text, terms, stemmer);
  if (words.empty() || max_words == 0) return {};

  // Slide a window of max_words; score = distinct matched words, then matches.
  size_t best_first = 0;
  size_t best_distinct = 0, best_total = 0;
  const size_t window = std::min(max_words, words.size());
  for (size_t first = 0; first + window <= words.size(); ++first) {
    std::unordered_set<std::string> distinct;
    size_t total = 0;
    for (size_t i = first; i < first + window; ++i) {
      if (!words[i].key.empty()) {
        distinct.insert(words[i].key);
        ++total;
      }
    }
    if (distinct.size() > best_distinct ||
        (distinct.size() == best_distinct && total > best_total)) {
      best_first = first;
      best_distinct = distinct.size();
      best_total = total;
    }
    if (best_distinct == 0 && total == 0 && first > 0 && terms.empty()) break;
  }
  // Start a little before the first match so it reads in context.
  size_t first = best_first;
  if (best_distinct > 0) {
    size_t first_match = best_first;
    while (words[first_match].key.empty()) ++first_match;
    first = first_match > 5 ? first_match - 5 : 0;
    if (first + window > words.size()) first = words.size() - window;
  }
  return cut(text, words, first, first + window - 1);
}

Snippet mark_all(const std::string& text, const MatchTerms& terms, const Xapian::Stem& stemmer) {
  const std::vector<Word> words = scan_words(text, terms, stemmer);
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
