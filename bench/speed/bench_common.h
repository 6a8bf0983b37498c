// Shared parts of the speed benchmarks (bench/speed/): reading the corpora
// the way a small hand-written program would, the fixed query mix and its
// translation into each engine's syntax, and latency statistics.
//
// Nothing here is used by Dateline itself: these are the peers' and the
// harness's own helpers.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

// ---------------------------------------------------------------- corpus

// One article as a minimal reader sees it.
struct RawArticle {
  std::string id;               // "reuters-NEWID", the plain-text ID header, or the path
  std::string source;           // agency; "" when unknown
  std::string headline;         // TITLE, the Headline header, or a short first line
  std::string body;             // the rest of the text, paragraphs separated by "\n\n"
  std::optional<int64_t> date;  // Unix seconds, UTC
};

struct CorpusStats {
  uint64_t files = 0;
  uint64_t bytes = 0;  // bytes of the files read
  uint64_t articles = 0;
};

// Every regular, non-hidden file under `paths` (folders walked recursively),
// sorted, as Dateline's indexer orders them.
std::vector<std::string> corpus_files(const std::vector<std::string>& paths);

// Reads every article under `paths`: Reuters-21578 SGML files (by content)
// and plain-text articles (a "Key: value" header block, a short first line
// as headline, the rest as body).  Calls `sink` once per article.
CorpusStats read_corpus(const std::vector<std::string>& paths,
                        const std::function<void(RawArticle&)>& sink);

// Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ" (UTC); nullopt otherwise.
std::optional<int64_t> parse_iso_date(std::string_view s);

// Days since 1970-01-01 for a civil date (proleptic Gregorian).
int64_t days_from_civil(int y, unsigned m, unsigned d);

// ---------------------------------------------------------------- queries

enum class Sort { kRelevance, kNewest };

// One query of the mix.  `text` uses the syntax Dateline, Xapian's
// QueryParser and (after translation) FTS5 all understand: words,
// "phrases", headline:word and word* (wildcard).
struct BenchQuery {
  std::string name;
  std::string cls;  // one, words, phrase, field+date, sort, wildcard
  std::string text;
  std::string source;     // "" = any
  std::string date_from;  // YYYY-MM-DD, "" = open
  std::string date_to;    // YYYY-MM-DD, "" = open
  Sort sort = Sort::kRelevance;
  std::string check;  // "overlap", "count" (also compared with FTS5) or "none"
};

// Reads a query mix: TSV with a header line, columns
// name class text source from to sort check; '#' lines are comments.
std::vector<BenchQuery> read_queries(const std::string& path);

// The common English words every engine leaves out of queries (outside
// phrases); the same list as Dateline's searcher.
const std::vector<std::string>& stopwords();

// First and last second of the query's date range (inclusive).
std::optional<int64_t> range_from(const BenchQuery& q);
std::optional<int64_t> range_until(const BenchQuery& q);

// The query in Dateline's query language (filters as field:value).
std::string dateline_query_text(const BenchQuery& q);

// The free-text part as an FTS5 MATCH expression (stopwords dropped
// outside phrases, as the Xapian engines do).
std::string fts5_match(const BenchQuery& q);

// ---------------------------------------------------------------- timing

using Clock = std::chrono::steady_clock;

inline double micros_since(Clock::time_point start) {
  return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

// CPU time used by the calling thread, in microseconds.  On a loaded
// machine it is the steadier measure of work done: waiting for a core does
// not count.
double thread_cpu_micros();

struct Percentiles {
  double p50 = 0, p95 = 0, p99 = 0, mean = 0;
  size_t n = 0;
};

// Nearest-rank percentiles of `samples` (microseconds).
Percentiles percentiles(std::vector<double> samples);

// One result line: "latency ENGINE QUERY CLASS p50 p95 p99 mean n cpu-p50
// cpu-p95 cpu-p99" (µs; wall clock, then the thread's CPU time).
void print_latency(const std::string& engine, const std::string& query, const std::string& cls,
                   const Percentiles& wall, const Percentiles& cpu);

// One result line: "hits ENGINE QUERY COUNT id1,id2,...".
void print_hits(const std::string& engine, const std::string& query, uint64_t count,
                const std::vector<std::string>& ids);

// Runs `one_query` over the mix: one warm-up pass, then `reps` passes, each
// pass running every query once in order.  Prints per-query and overall
// ("ALL") latency lines, wall clock and CPU.  `one_query` is timed whole.
void time_mix(const std::string& engine, const std::vector<BenchQuery>& queries, int reps,
              const std::function<void(const BenchQuery&)>& one_query);

}  // namespace bench
