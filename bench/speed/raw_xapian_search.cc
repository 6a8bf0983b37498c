// raw_xapian_search: the ceiling for query speed, a small hand-written
// searcher on raw Xapian: QueryParser (English stemming, STEM_SOME, AND by
// default, the same stopwords as Dateline, headline: -> S, wildcards),
// source and date filters, BM25 or date order, the top 10 and a snippet of
// each (Xapian's MSet::snippet over the stored text).
//
// It reads its own index (document data "headline\nbody") or Dateline's
// (document data: Dateline's JSON record, whose body it decodes).
//
//   raw_xapian_search --index I --queries Q.tsv [--reps N] [--engine NAME]
//                     [--snippets fast|default|none] [--check-at-least N]
//       (N: Enquire::get_mset's checkatleast; 0, the default, lets Xapian
//       stop early; Dateline asks for 1,010 so that small counts are exact)
//       times the query mix in-process, then prints each query's exact
//       match count and top-10 ids ("hits" lines)
//   raw_xapian_search --index I --queries Q.tsv --one NAME
//       runs one query once and prints the hits, as a user's process would
#include <xapian.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bench_common.h"

namespace {

struct Searcher {
  Xapian::Database db;
  Xapian::Stem stemmer{"english"};
  Xapian::SimpleStopper stopper;
  Xapian::QueryParser qp;

  explicit Searcher(const std::string& path) : db(path) {
    for (const auto& w : bench::stopwords()) stopper.add(w);
    qp.set_database(db);
    qp.set_stemmer(stemmer);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.set_stopper(&stopper);
    qp.add_prefix("headline", "S");
  }

  Xapian::Query query(const bench::BenchQuery& q) {
    constexpr unsigned kFlags =
        Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
        Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD;
    Xapian::Query query = q.text.empty() ? Xapian::Query::MatchAll : qp.parse_query(q.text, kFlags);
    if (!q.source.empty()) {
      std::string term = "XS";
      for (char c : q.source)
        term += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(term));
    }
    const auto from = bench::range_from(q);
    const auto until = bench::range_until(q);
    if (from || until) {
      const std::string lo = Xapian::sortable_serialise(static_cast<double>(from.value_or(-1e15)));
      const std::string hi = Xapian::sortable_serialise(static_cast<double>(until.value_or(1e15)));
      query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                            Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0, lo, hi));
    }
    return query;
  }

  Xapian::MSet run(const bench::BenchQuery& q, Xapian::doccount check_at_least = 0) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query(q));
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    if (q.sort == bench::Sort::kNewest) enquire.set_sort_by_value_then_relevance(0, true);
    return enquire.get_mset(0, 10, check_at_least);
  }

  // Headline and body text of a hit, from either index's document data.
  static void text_of(const std::string& data, std::string& headline, std::string& body) {
    if (!data.empty() && data[0] == '{') {
      const auto j = nlohmann::json::parse(data, nullptr, false);
      headline = j.value("headline", "");
      body.clear();
      if (j.contains("body") && j["body"].is_array()) {
        for (const auto& p : j["body"]) {
          if (!body.empty()) body += "\n\n";
          body += p.get<std::string>();
        }
      }
      return;
    }
    const size_t nl = data.find('\n');
    headline = data.substr(0, nl);
    body = nl == std::string::npos ? std::string() : data.substr(nl + 1);
  }

  static std::string id_of(const Xapian::Document& doc) {
    auto t = doc.termlist_begin();
    t.skip_to("Q");
    if (t != doc.termlist_end() && (*t)[0] == 'Q') return (*t).substr(1);
    return "?";
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::string index, queries_path, one, engine = "raw-xapian", snippets = "fast";
  int reps = 20;
  Xapian::doccount check_at_least = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string opt = argv[i];
    if (opt == "--index") {
      index = argv[i + 1];
    } else if (opt == "--queries") {
      queries_path = argv[i + 1];
    } else if (opt == "--reps") {
      reps = std::stoi(argv[i + 1]);
    } else if (opt == "--one") {
      one = argv[i + 1];
    } else if (opt == "--engine") {
      engine = argv[i + 1];
    } else if (opt == "--snippets") {
      snippets = argv[i + 1];
    } else if (opt == "--check-at-least") {
      check_at_least = static_cast<Xapian::doccount>(std::stoul(argv[i + 1]));
    } else {
      std::cerr << "raw_xapian_search: unknown option " << opt << "\n";
      return 2;
    }
  }
  if (index.empty() || queries_path.empty()) {
    std::cerr << "usage: raw_xapian_search --index I --queries Q.tsv [--reps N] [--one NAME]\n";
    return 2;
  }
  try {
    const auto queries = bench::read_queries(queries_path);
    Searcher s(index);
    // "fast": MSet::snippet without the background model or the exhaustive
    // search (the first good window); "default": Xapian's default flags;
    // "none": no snippets (the search alone).
    const unsigned flags = snippets == "default" ? Xapian::MSet::SNIPPET_BACKGROUND_MODEL |
                                                       Xapian::MSet::SNIPPET_EXHAUSTIVE
                                                 : 0;
    const bool want_snippets = snippets != "none";
    std::string headline, body;
    if (!one.empty()) {
      for (const auto& q : queries) {
        if (q.name != one) continue;
        const Xapian::MSet mset = s.run(q);
        std::printf("About %u results\n", mset.get_matches_estimated());
        int rank = 0;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
          Searcher::text_of(it.get_document().get_data(), headline, body);
          std::printf("\n%d. %s\n   %s\n", ++rank, headline.c_str(),
                      mset.snippet(body, 300, s.stemmer, flags).c_str());
        }
        return mset.empty() ? 1 : 0;
      }
      std::cerr << "raw_xapian_search: no query named " << one << "\n";
      return 2;
    }
    size_t sink = 0;
    bench::time_mix(engine, queries, reps, [&](const bench::BenchQuery& q) {
      const Xapian::MSet mset = s.run(q, check_at_least);
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        Searcher::text_of(it.get_document().get_data(), headline, body);
        if (want_snippets) sink += mset.snippet(body, 300, s.stemmer, flags).size();
      }
    });
    for (const auto& q : queries) {
      const Xapian::MSet mset = s.run(q, s.db.get_doccount());
      std::vector<std::string> ids;
      for (auto it = mset.begin(); it != mset.end(); ++it)
        ids.push_back(Searcher::id_of(it.get_document()));
      bench::print_hits(engine, q.name, mset.get_matches_estimated(), ids);
    }
    if (sink == 0 && want_snippets)
      std::fprintf(stderr, "raw_xapian_search: every snippet was empty\n");
  } catch (const Xapian::Error& e) {
    std::cerr << "raw_xapian_search: " << e.get_description() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "raw_xapian_search: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
