// snippet_experiment: measures a proposed change to Dateline's snippet
// generator (searcher/snippet.cc) without touching it.  For every query of
// the mix it fetches the ten hits as `searcher` does, then times the
// library's make_snippet() and the alternative below on the same hits, and
// checks that both produce exactly the same snippet (text, marks, words).
//
//   snippet_experiment --index I --queries Q.tsv [--reps N]
//
// The alternative keeps the algorithm and changes only its cost:
//  1. each distinct word is lower-cased, folded and stemmed once per call
//     (a cache), not once per occurrence, and never stemmed when the query
//     has no stemmed terms;
//  2. lower-casing ASCII words without the Unicode tables;
//  3. the best window found by sliding it (counts in and out) instead of
//     rebuilding a hash set of its words at every position (O(n), not
//     O(n x window));
//  4. ("proposed-shared") the cache of 1. shared by the ten hits of a query,
//     as a small SnippetMaker object holding the terms and the stemmer would.
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench_common.h"
#include "common/stemmers.h"
#include "common/text.h"
#include "searcher/query_builder.h"
#include "searcher/search.h"
#include "searcher/snippet.h"

namespace alt {

using dateline::MatchTerms;
using dateline::Snippet;

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

struct Word {
  size_t begin;
  size_t end;
  int key;  // index into `keys`, -1 when it matched nothing
};

std::string lower(std::string_view w) {
  bool ascii = true;
  for (unsigned char c : w) ascii &= c < 0x80;
  if (!ascii) return dateline::text::to_lower(w);
  std::string out(w);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

struct Scan {
  std::vector<Word> words;
  std::vector<std::string> keys;  // distinct matched lower-case words
};

// Whether a lower-case word matches the query: computed once per distinct
// word.  One cache can serve all the hits of a query (same terms, same
// stemmer); make_snippet() uses its own when given none.
using MatchCache = std::unordered_map<std::string, bool>;

Scan scan_words(const std::string& text, const MatchTerms& terms, const Xapian::Stem& stemmer,
                MatchCache& cache) {
  Scan scan;
  std::unordered_map<std::string, int> keys;  // matched lower-case word -> key
  Xapian::Utf8Iterator it(text), end;
  while (it != end) {
    while (it != end && !Xapian::Unicode::is_wordchar(*it)) ++it;
    if (it == end) break;
    const size_t begin = it.raw() - text.data();
    while (it != end && Xapian::Unicode::is_wordchar(*it)) ++it;
    const size_t stop = it == end ? text.size() : static_cast<size_t>(it.raw() - text.data());
    std::string low = lower(std::string_view(text).substr(begin, stop - begin));
    auto known = cache.find(low);
    if (known == cache.end()) {
      const std::string folded = dateline::text::fold_diacritics(low);
      const bool match =
          terms.words.count(folded) || (!terms.stems.empty() && terms.stems.count(stemmer(folded)));
      known = cache.emplace(low, match).first;
    }
    int key = -1;
    if (known->second) {
      auto k = keys.find(low);
      if (k == keys.end()) {
        k = keys.emplace(low, static_cast<int>(scan.keys.size())).first;
        scan.keys.push_back(low);
      }
      key = k->second;
    }
    scan.words.push_back(Word{begin, stop, key});
  }
  return scan;
}

Snippet cut(const std::string& text, const Scan& scan, size_t first, size_t last) {
  const auto& words = scan.words;
  Snippet s;
  const size_t begin = words[first].begin;
  size_t end = words[last].end;
  while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
  if (first > 0) s.text += kEllipsis;
  const size_t offset = s.text.size();
  s.text += text.substr(begin, end - begin);
  if (last + 1 < words.size()) s.text += kEllipsis;
  for (size_t i = first; i <= last; ++i) {
    if (words[i].key < 0) continue;
    s.marks.emplace_back(words[i].begin - begin + offset, words[i].end - begin + offset);
    const std::string& key = scan.keys[static_cast<size_t>(words[i].key)];
    if (std::find(s.matched.begin(), s.matched.end(), key) == s.matched.end()) {
      s.matched.push_back(key);
    }
  }
  return s;
}

Snippet make_snippet(const std::vector<std::string>& paragraphs, const MatchTerms& terms,
                     const Xapian::Stem& stemmer, MatchCache* shared = nullptr,
                     size_t max_words = 40) {
  std::string text;
  for (const auto& p : paragraphs) {
    if (!text.empty()) text += ' ';
    text += p;
  }
  MatchCache own;
  const Scan scan = scan_words(text, terms, stemmer, shared ? *shared : own);
  const auto& words = scan.words;
  if (words.empty() || max_words == 0) return {};

  const size_t window = std::min(max_words, words.size());
  std::vector<size_t> count(scan.keys.size(), 0);
  size_t distinct = 0, total = 0;
  auto add = [&](const Word& w) {
    if (w.key < 0) return;
    if (count[static_cast<size_t>(w.key)]++ == 0) ++distinct;
    ++total;
  };
  auto remove = [&](const Word& w) {
    if (w.key < 0) return;
    if (--count[static_cast<size_t>(w.key)] == 0) --distinct;
    --total;
  };
  for (size_t i = 0; i < window; ++i) add(words[i]);
  size_t best_first = 0, best_distinct = 0, best_total = 0;
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
    if (best_distinct == 0 && total == 0 && first > 0 && terms.empty()) break;
  }
  size_t first = best_first;
  if (best_distinct > 0) {
    size_t first_match = best_first;
    while (words[first_match].key < 0) ++first_match;
    first = first_match > 5 ? first_match - 5 : 0;
    if (first + window > words.size()) first = words.size() - window;
  }
  return cut(text, scan, first, first + window - 1);
}

}  // namespace alt

int main(int argc, char** argv) {
  std::string index, queries_path;
  int reps = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string opt = argv[i];
    if (opt == "--index") {
      index = argv[i + 1];
    } else if (opt == "--queries") {
      queries_path = argv[i + 1];
    } else if (opt == "--reps") {
      reps = std::stoi(argv[i + 1]);
    } else {
      std::cerr << "snippet_experiment: unknown option " << opt << "\n";
      return 2;
    }
  }
  if (index.empty() || queries_path.empty()) {
    std::cerr << "usage: snippet_experiment --index I --queries Q.tsv [--reps N]\n";
    return 2;
  }
  try {
    Xapian::Database db(index);
    std::vector<double> all_orig, all_alt, all_orig_cpu, all_alt_cpu, all_shared, all_shared_cpu;
    size_t differences = 0, hits = 0;
    for (const auto& q : bench::read_queries(queries_path)) {
      dateline::SearchRequest request;
      request.query = bench::dateline_query_text(q);
      request.sort = q.sort == bench::Sort::kNewest ? dateline::SortOrder::kNewest
                                                    : dateline::SortOrder::kRelevance;
      const dateline::BuiltQuery built = dateline::build_query(request, db);
      const dateline::SearchResults results = dateline::run_search(db, built.query, request, false);
      const dateline::MatchTerms terms = dateline::match_terms(built.query);
      alt::MatchCache check_cache;
      for (const auto& hit : results.hits) {
        const auto& stemmer = dateline::stemmer_for(hit.article.language);
        const auto a = dateline::make_snippet(hit.article.body, terms, stemmer);
        const auto b = alt::make_snippet(hit.article.body, terms, stemmer);
        const auto c = alt::make_snippet(hit.article.body, terms, stemmer, &check_cache);
        ++hits;
        if (a.text != b.text || a.marks != b.marks || a.matched != b.matched) ++differences;
        if (a.text != c.text || a.marks != c.marks || a.matched != c.matched) ++differences;
      }
      std::vector<double> orig, alt_times, orig_cpu, alt_cpu, shared_times, shared_cpu;
      for (int r = 0; r < reps; ++r) {
        auto t0 = bench::Clock::now();
        double c0 = bench::thread_cpu_micros();
        for (const auto& hit : results.hits) {
          dateline::make_snippet(hit.article.body, terms,
                                 dateline::stemmer_for(hit.article.language));
        }
        orig.push_back(bench::micros_since(t0));
        orig_cpu.push_back(bench::thread_cpu_micros() - c0);
        t0 = bench::Clock::now();
        c0 = bench::thread_cpu_micros();
        for (const auto& hit : results.hits) {
          alt::make_snippet(hit.article.body, terms, dateline::stemmer_for(hit.article.language));
        }
        alt_times.push_back(bench::micros_since(t0));
        alt_cpu.push_back(bench::thread_cpu_micros() - c0);
        t0 = bench::Clock::now();
        c0 = bench::thread_cpu_micros();
        alt::MatchCache cache;  // one per query, as a SnippetMaker object would hold
        for (const auto& hit : results.hits) {
          alt::make_snippet(hit.article.body, terms, dateline::stemmer_for(hit.article.language),
                            &cache);
        }
        shared_times.push_back(bench::micros_since(t0));
        shared_cpu.push_back(bench::thread_cpu_micros() - c0);
      }
      all_orig.insert(all_orig.end(), orig.begin(), orig.end());
      all_alt.insert(all_alt.end(), alt_times.begin(), alt_times.end());
      all_orig_cpu.insert(all_orig_cpu.end(), orig_cpu.begin(), orig_cpu.end());
      all_alt_cpu.insert(all_alt_cpu.end(), alt_cpu.begin(), alt_cpu.end());
      bench::print_latency("snippets-current", q.name, q.cls, bench::percentiles(orig),
                           bench::percentiles(orig_cpu));
      bench::print_latency("snippets-proposed", q.name, q.cls, bench::percentiles(alt_times),
                           bench::percentiles(alt_cpu));
      bench::print_latency("snippets-proposed-shared", q.name, q.cls,
                           bench::percentiles(shared_times), bench::percentiles(shared_cpu));
      all_shared.insert(all_shared.end(), shared_times.begin(), shared_times.end());
      all_shared_cpu.insert(all_shared_cpu.end(), shared_cpu.begin(), shared_cpu.end());
    }
    bench::print_latency("snippets-current", "ALL", "all", bench::percentiles(all_orig),
                         bench::percentiles(all_orig_cpu));
    bench::print_latency("snippets-proposed", "ALL", "all", bench::percentiles(all_alt),
                         bench::percentiles(all_alt_cpu));
    bench::print_latency("snippets-proposed-shared", "ALL", "all", bench::percentiles(all_shared),
                         bench::percentiles(all_shared_cpu));
    std::printf("snippets\t%zu hits\t%zu different\n", hits, differences);
    return differences == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "snippet_experiment: " << e.what() << "\n";
    return 1;
  }
}
