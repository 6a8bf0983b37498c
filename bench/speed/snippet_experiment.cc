// snippet_experiment: checks and times Dateline's snippet generator
// (searcher/snippet.cc, SnippetMaker) against the generator it replaced,
// kept below as the reference.  For every query of the mix it fetches the
// ten hits as `searcher` does, checks that the reference, a one-off
// make_snippet() and one SnippetMaker shared by the ten hits (as the
// searcher uses it) all produce exactly the same snippets (text, marks,
// words), and the same marked headlines, and times the reference and the
// shared SnippetMaker.
//
//   snippet_experiment --index I --queries Q.tsv [--reps N]
//
// Exits 1 when any snippet differs.
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <unordered_set>
#include <vector>

#include "bench_common.h"
#include "common/stemmers.h"
#include "common/text.h"
#include "searcher/query_builder.h"
#include "searcher/search.h"
#include "searcher/snippet.h"

namespace reference {

// searcher/snippet.cc before SnippetMaker: every word lower-cased, folded
// and stemmed at each occurrence, and a hash set rebuilt at every window
// position.
using dateline::MatchTerms;
using dateline::Snippet;

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

struct Word {
  size_t begin;
  size_t end;
  std::string key;  // lower-case form, or "" when it matched nothing
};

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
    const std::string lower =
        dateline::text::to_lower(std::string_view(text).substr(begin, stop - begin));
    const std::string folded = dateline::text::fold_diacritics(lower);
    if (terms.words.count(folded) || terms.stems.count(stemmer(folded))) w.key = lower;
    words.push_back(std::move(w));
  }
  return words;
}

Snippet cut(const std::string& text, const std::vector<Word>& words, size_t first, size_t last) {
  Snippet s;
  const size_t begin = words[first].begin;
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

Snippet make_snippet(const std::vector<std::string>& paragraphs, const MatchTerms& terms,
                     const Xapian::Stem& stemmer, size_t max_words = 40) {
  std::string text;
  for (const auto& p : paragraphs) {
    if (!text.empty()) text += ' ';
    text += p;
  }
  const std::vector<Word> words = scan_words(text, terms, stemmer);
  if (words.empty() || max_words == 0) return {};
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
  const size_t lead = words.front().begin;
  for (auto& [b, e] : s.marks) {
    b += lead;
    e += lead;
  }
  s.text = text;
  return s;
}

}  // namespace reference

bool same(const dateline::Snippet& a, const dateline::Snippet& b) {
  return a.text == b.text && a.marks == b.marks && a.matched == b.matched;
}

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
    std::vector<double> all_orig, all_orig_cpu, all_shared, all_shared_cpu;
    size_t differences = 0, hits = 0;
    for (const auto& q : bench::read_queries(queries_path)) {
      dateline::SearchRequest request;
      request.query = bench::dateline_query_text(q);
      request.sort = q.sort == bench::Sort::kNewest ? dateline::SortOrder::kNewest
                                                    : dateline::SortOrder::kRelevance;
      const dateline::BuiltQuery built = dateline::build_query(request, db);
      const dateline::SearchResults results = dateline::run_search(db, built.query, request, false);
      const dateline::MatchTerms terms = dateline::match_terms(built.query);
      dateline::SnippetMaker check_maker(terms);
      for (const auto& hit : results.hits) {
        const auto& stemmer = dateline::stemmer_for(hit.article.language);
        const auto a = reference::make_snippet(hit.article.body, terms, stemmer);
        const auto b = dateline::make_snippet(hit.article.body, terms, stemmer);
        const auto c = check_maker.make(hit.article.body, stemmer);
        // Headlines as `searcher --color always` marks them, with the same maker.
        const auto d = reference::mark_all(hit.article.headline, terms, stemmer);
        const auto e = check_maker.mark_all(hit.article.headline, stemmer);
        ++hits;
        if (!same(a, b) || !same(a, c) || !same(d, e)) {
          ++differences;
          std::fprintf(stderr, "different snippet: query %s, article %s\n", q.name.c_str(),
                       hit.article.id.c_str());
        }
      }
      std::vector<double> orig, orig_cpu, shared_times, shared_cpu;
      for (int r = 0; r < reps; ++r) {
        auto t0 = bench::Clock::now();
        double c0 = bench::thread_cpu_micros();
        for (const auto& hit : results.hits) {
          reference::make_snippet(hit.article.body, terms,
                                  dateline::stemmer_for(hit.article.language));
        }
        orig.push_back(bench::micros_since(t0));
        orig_cpu.push_back(bench::thread_cpu_micros() - c0);
        t0 = bench::Clock::now();
        c0 = bench::thread_cpu_micros();
        dateline::SnippetMaker maker(terms);  // one per query, as the searcher has it
        for (const auto& hit : results.hits) {
          maker.make(hit.article.body, dateline::stemmer_for(hit.article.language));
        }
        shared_times.push_back(bench::micros_since(t0));
        shared_cpu.push_back(bench::thread_cpu_micros() - c0);
      }
      all_orig.insert(all_orig.end(), orig.begin(), orig.end());
      all_orig_cpu.insert(all_orig_cpu.end(), orig_cpu.begin(), orig_cpu.end());
      all_shared.insert(all_shared.end(), shared_times.begin(), shared_times.end());
      all_shared_cpu.insert(all_shared_cpu.end(), shared_cpu.begin(), shared_cpu.end());
      bench::print_latency("snippets-reference", q.name, q.cls, bench::percentiles(orig),
                           bench::percentiles(orig_cpu));
      bench::print_latency("snippets-maker", q.name, q.cls, bench::percentiles(shared_times),
                           bench::percentiles(shared_cpu));
    }
    bench::print_latency("snippets-reference", "ALL", "all", bench::percentiles(all_orig),
                         bench::percentiles(all_orig_cpu));
    bench::print_latency("snippets-maker", "ALL", "all", bench::percentiles(all_shared),
                         bench::percentiles(all_shared_cpu));
    std::printf("snippets\t%zu hits\t%zu different\n", hits, differences);
    return differences == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "snippet_experiment: " << e.what() << "\n";
    return 1;
  }
}
