#include "searcher/spelling.h"

#include <vector>

#include "common/stemmers.h"
#include "common/text.h"
#include "searcher/date_range.h"
#include "searcher/query_parser.h"

namespace dateline {
namespace {

bool is_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Alternating runs of word and non-word bytes.
std::vector<std::string> runs(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    const bool word = is_alnum(static_cast<unsigned char>(s[i]));
    size_t j = i;
    while (j < s.size() && is_alnum(static_cast<unsigned char>(s[j])) == word) ++j;
    out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// `word` (lower case, as Xapian suggests it) in the case pattern of `like`.
std::string in_case_of(const std::string& word, const std::string& like) {
  if (text::is_all_caps(like)) {
    std::string out = word;
    for (char& c : out) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
  }
  if (!like.empty() && like[0] >= 'A' && like[0] <= 'Z' && !word.empty() && word[0] >= 'a' &&
      word[0] <= 'z') {
    return static_cast<char>(word[0] - 'a' + 'A') + word.substr(1);
  }
  return word;
}

// Xapian rewrites only the misspelt words, so the two strings differ only
// inside word runs.  A word the index has is kept (Xapian would offer a
// more frequent neighbour: "Geneve" -> "geneva"); a corrected one takes the
// case of the original.  "" when no word is left corrected.
std::string apply_corrections(const std::string& original, const std::string& corrected,
                              const Xapian::Database& db) {
  const auto a = runs(original);
  const auto b = runs(corrected);
  if (a.size() != b.size()) return {};
  std::string out;
  bool changed = false;
  for (size_t i = 0; i < a.size(); ++i) {
    const std::string lower = text::to_lower(a[i]);
    if (a[i] == b[i] || lower == b[i] || db.term_exists(lower)) {
      out += a[i];
    } else {
      out += in_case_of(b[i], a[i]);
      changed = true;
    }
  }
  return changed ? out : std::string();
}

// Whether every word of `query` is a word of the index.  apply_corrections()
// keeps such words, so a query made only of them has nothing to correct and
// needs no spelling probe (Xapian looks up a suggestion for every word,
// known or not, and that is most of a probe's cost).
bool all_words_indexed(const std::string& query, const Xapian::Database& db) {
  bool any = false;
  for (const std::string& run : runs(query)) {
    if (!is_alnum(static_cast<unsigned char>(run[0]))) continue;
    if (!db.term_exists(text::to_lower(run))) return false;
    any = true;
  }
  return any;
}

}  // namespace

std::string spelling_suggestion(std::string_view query, const Xapian::Database& db,
                                const CivilDate& today) {
  const std::string folded = text::fold_diacritics(query);
  if (all_words_indexed(folded, db)) return {};
  ParserSetup setup;  // field errors are ignored: the query was already checked
  setup.today = today;
  Xapian::QueryParser qp = make_query_parser(db, stemmer_for("en"), setup);
  try {
    qp.parse_query(folded, query_flags() | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
  } catch (const Xapian::Error&) {
    return {};
  }
  const std::string corrected = qp.get_corrected_query_string();
  if (corrected.empty() || corrected == folded) return {};
  return apply_corrections(folded, corrected, db);
}

std::string spelling_suggestion(std::string_view query, const Xapian::Database& db) {
  return spelling_suggestion(query, db, today_utc());
}

}  // namespace dateline
