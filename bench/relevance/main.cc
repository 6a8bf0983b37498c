// relevance_bench: nDCG@10 and MAP@100 of Dateline, SQLite FTS5 and plain
// Xapian on the TIME, CACM, CISI and MED test collections, printed as
// Markdown tables.  Run by bench/relevance/run.sh; see docs/RELEVANCE.md.
//
//   relevance_bench DATA_DIR WORK_DIR SYNONYMS_FILE [--ablations]
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "collections.h"
#include "engines.h"
#include "metrics.h"

namespace {

std::string cell(const bench::Scores& s) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f / %.3f", s.ndcg10, s.map100);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: relevance_bench DATA_DIR WORK_DIR SYNONYMS_FILE [--ablations]\n";
    return 2;
  }
  const std::string data = argv[1];
  const std::string work = argv[2];
  const std::string synonyms = argv[3];
  const bool ablations = argc > 4 && std::string(argv[4]) == "--ablations";

  std::vector<bench::DatelineVariant> variants{{"Dateline"}};
  if (ablations) {
    bench::DatelineVariant v;
    v.name = "Dateline, Xapian's BM25 defaults (k1 1, b 0.5)";
    v.xapian_bm25_defaults = true;
    variants.push_back(v);
    v = {};
    v.name = "Dateline, titles weighted as body (not 3x)";
    v.titles_as_headline = false;
    variants.push_back(v);
    v = {};
    v.name = "Dateline, no synonyms";
    v.synonyms = false;
    variants.push_back(v);
    v = {};
    v.name = "Dateline, every query lower-cased first (not adopted)";
    v.lower_case_queries = true;
    variants.push_back(v);
  }

  std::map<std::string, std::map<std::string, bench::Scores>> table;  // engine -> collection
  std::vector<std::string> names;
  for (const std::string name : {"time", "cacm", "cisi", "med"}) {
    const bench::Collection c = bench::load_collection(name, data);
    names.push_back(c.name);
    const std::string dir = work + "/" + name;
    std::filesystem::create_directories(dir);
    std::cerr << c.name << ": " << c.documents.size() << " documents, " << c.queries.size()
              << " queries, " << c.relevant.size() << " judged\n";
    table["SQLite FTS5 bm25()"][c.name] = bench::evaluate(bench::run_fts5(c, dir), c.relevant);
    table["plain Xapian BM25"][c.name] =
        bench::evaluate(bench::run_plain_xapian(c, dir), c.relevant);
    for (const auto& v : variants) {
      table[v.name][c.name] = bench::evaluate(bench::run_dateline(c, dir, v, synonyms), c.relevant);
    }
  }

  std::cout << "| engine |";
  for (const auto& n : names) std::cout << " " << n << " |";
  std::cout << "\n|---|";
  for (size_t i = 0; i < names.size(); ++i) std::cout << "---|";
  std::cout << "\n";
  std::vector<std::string> rows{"SQLite FTS5 bm25()", "plain Xapian BM25"};
  for (const auto& v : variants) rows.push_back(v.name);
  for (const auto& row : rows) {
    std::cout << "| " << row << " |";
    for (const auto& n : names) std::cout << " " << cell(table[row][n]) << " |";
    std::cout << "\n";
  }
  std::cout << "\nEach cell: nDCG@10 / MAP@100, averaged over the judged queries (";
  for (size_t i = 0; i < names.size(); ++i) {
    std::cout << (i ? ", " : "") << names[i] << " " << table[rows[0]][names[i]].queries;
  }
  std::cout << ").\n";
  return 0;
}
