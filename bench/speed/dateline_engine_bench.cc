// dateline_engine_bench: Dateline's query path timed inside one process, on
// the same index and query mix as the peers.  It does what `searcher` does
// between opening the index and printing, with the searcher's defaults:
// build_query (synonyms from the default file), run_search (near-duplicates
// collapsed), the spelling probe when a query finds fewer than
// kSuggestBelow articles, and a snippet for each of the ten hits.  A second
// pass adds the JSON printing (`searcher --json`) into memory.
//
//   dateline_engine_bench --index I --queries Q.tsv [--reps N] [--plain]
//
// --plain: no synonyms, no collapsing (`--no-synonyms --no-collapse`) and
// Xapian's default BM25 parameters instead of Dateline's tuned ones: the
// same matching and ranking as the raw-Xapian searcher, for the result
// checks and to show what those features cost.
//
// Prints "latency" lines for engine "dateline" (or "dateline-plain") and
// "...+json", per-stage timings ("stage" lines: name, median µs, mean µs,
// samples; they include each pass's warm-up round), and "hits" lines with
// each query's exact match count and top-10 ids.
#include <xapian.h>

#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "bench_common.h"
#include "common/stemmers.h"
#include "searcher/hit_printer.h"
#include "searcher/query_builder.h"
#include "searcher/search.h"
#include "searcher/shard_set.h"
#include "searcher/snippet.h"
#include "searcher/spelling.h"
#include "searcher/synonyms.h"

namespace {

dateline::SearchRequest request_for(const bench::BenchQuery& q, bool plain) {
  dateline::SearchRequest r;
  r.query = bench::dateline_query_text(q);
  r.sort = q.sort == bench::Sort::kNewest ? dateline::SortOrder::kNewest
                                          : dateline::SortOrder::kRelevance;
  r.limit = 10;
  r.collapse = !plain;
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  std::string index, queries_path;
  int reps = 20;
  bool plain = false;
  for (int i = 1; i < argc; ++i) {
    const std::string opt = argv[i];
    if (opt == "--help" || opt == "-h") {
      std::cout << "usage: dateline_engine_bench --index I --queries Q.tsv [--reps N] [--plain]\n";
      return 0;
    }
    if (opt == "--plain") {
      plain = true;
    } else if (i + 1 < argc && opt == "--index") {
      index = argv[++i];
    } else if (i + 1 < argc && opt == "--queries") {
      queries_path = argv[++i];
    } else if (i + 1 < argc && opt == "--reps") {
      reps = std::stoi(argv[++i]);
    } else {
      std::cerr << "dateline_engine_bench: unknown option " << opt << "\n";
      return 2;
    }
  }
  if (index.empty() || queries_path.empty()) {
    std::cerr << "usage: dateline_engine_bench --index I --queries Q.tsv [--reps N] [--plain]\n";
    return 2;
  }
  const std::string engine = plain ? "dateline-plain" : "dateline";
  try {
    const auto queries = bench::read_queries(queries_path);
    // An index, an archive or a stub of shards, local or remote, opened as
    // the searcher opens them.
    dateline::ShardSet shards(index, dateline::ShardOptions{});
    if (!shards.failures().empty()) {
      std::cerr << "dateline_engine_bench: shard " << shards.failures()[0].label
                << " failed: " << shards.failures()[0].error << "\n";
      return 1;
    }
    Xapian::Database& db = shards.database();
    const auto request_for_shards = [&](const bench::BenchQuery& q) {
      dateline::SearchRequest request = request_for(q, plain);
      request.remote_shards = shards.has_remote();
      return request;
    };
    dateline::Synonyms synonyms;
    if (!plain) {
      const std::string path = dateline::default_synonyms_path(argv[0]);
      if (!path.empty()) synonyms = dateline::Synonyms::load(path, nullptr);
    }
    // Xapian::BM25Weight()'s defaults for --plain; Dateline's own otherwise.
    dateline::Bm25Params bm25;
    if (plain) {
      bm25.k1 = 1.0;
      bm25.k2 = 0.0;
      bm25.k3 = 1.0;
      bm25.b = 0.5;
      bm25.min_normlen = 0.5;
    }
    size_t sink = 0;
    std::vector<double> t_build, t_search, t_spelling, t_snippets, t_json;

    auto one = [&](const bench::BenchQuery& q, bool json) {
      dateline::SearchRequest request = request_for_shards(q);
      auto t0 = bench::Clock::now();
      const dateline::BuiltQuery built = dateline::build_query(request, db, &synonyms);
      t_build.push_back(bench::micros_since(t0));
      t0 = bench::Clock::now();
      const dateline::SearchResults results =
          dateline::run_search(db, built.query, request, false, bm25);
      t_search.push_back(bench::micros_since(t0));
      t0 = bench::Clock::now();
      if (results.matches < dateline::kSuggestBelow) {
        // As searcher's main: look for a correction and count what it finds.
        const std::string suggestion = dateline::spelling_suggestion(request.query, db);
        if (!suggestion.empty()) {
          dateline::SearchRequest probe = request;
          probe.query = suggestion;
          probe.limit = 0;
          const dateline::BuiltQuery alt = dateline::build_query(probe, db, &synonyms);
          sink += dateline::run_search(db, alt.query, probe, true).matches;
        }
      }
      t_spelling.push_back(bench::micros_since(t0));
      t0 = bench::Clock::now();
      if (!json) {
        // As searcher's printers: one SnippetMaker for the page.
        dateline::SnippetMaker snippets(dateline::match_terms(built.query));
        for (const auto& hit : results.hits) {
          sink += snippets.make(hit.article.body, dateline::stemmer_for(hit.article.language))
                      .text.size();
        }
        t_snippets.push_back(bench::micros_since(t0));
      } else {
        dateline::PrintContext context;
        context.query = request.query;
        context.terms = dateline::match_terms(built.query);
        std::ostringstream out;
        dateline::print_json(out, results, context);
        sink += out.str().size();
        t_json.push_back(bench::micros_since(t0));
      }
    };

    bench::time_mix(engine, queries, reps, [&](const bench::BenchQuery& q) { one(q, false); });
    bench::time_mix(engine + "+json", queries, reps,
                    [&](const bench::BenchQuery& q) { one(q, true); });
    auto stage = [&](const char* name, const std::vector<double>& v) {
      const bench::Percentiles p = bench::percentiles(v);
      std::printf("stage\t%s\t%s\t%.1f\t%.1f\t%zu\n", engine.c_str(), name, p.p50, p.mean, p.n);
    };
    stage("build_query", t_build);
    stage("run_search", t_search);
    stage("spelling_probe", t_spelling);
    stage("snippets", t_snippets);
    stage("json_output", t_json);

    for (const auto& q : queries) {
      dateline::SearchRequest request = request_for_shards(q);
      const dateline::BuiltQuery built = dateline::build_query(request, db, &synonyms);
      const dateline::SearchResults results =
          dateline::run_search(db, built.query, request, true, bm25);
      std::vector<std::string> ids;
      for (const auto& hit : results.hits) ids.push_back(hit.article.id);
      bench::print_hits(engine, q.name, results.matches, ids);
    }
    if (sink == 0) std::fprintf(stderr, "dateline_engine_bench: every snippet was empty\n");
  } catch (const Xapian::Error& e) {
    std::cerr << "dateline_engine_bench: " << e.get_description() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "dateline_engine_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
