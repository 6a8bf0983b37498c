// fts5_bench: the SQLite FTS5 peer (libsqlite3, porter + unicode61
// tokenizer, full positions), on the same articles and query mix.
//
//   fts5_bench index DB PATH...          one transaction per 2,000 articles
//   fts5_bench optimize DB               merge the FTS5 b-trees, then VACUUM
//   fts5_bench search DB Q.tsv [REPS]    in-process timing, then "hits" lines
//   fts5_bench one DB Q.tsv NAME         one query, printed, as a process
//
// The table: docs(id, source, date UNINDEXED; headline, body), ranked by
// bm25 with the headline weighing 3 (as in Dateline), snippets by FTS5's
// snippet() over the body.
#include <sqlite3.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_common.h"

namespace {

class Db {
 public:
  explicit Db(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) throw std::runtime_error(error());
  }
  ~Db() { sqlite3_close(db_); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  void exec(const std::string& sql) {
    char* msg = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
      const std::string m = msg ? msg : "?";
      sqlite3_free(msg);
      throw std::runtime_error(m + " in: " + sql);
    }
  }
  sqlite3_stmt* prepare(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      throw std::runtime_error(error() + " in: " + sql);
    }
    return stmt;
  }
  std::string error() const { return sqlite3_errmsg(db_); }

 private:
  sqlite3* db_ = nullptr;
};

struct Stmt {
  sqlite3_stmt* s;
  ~Stmt() { sqlite3_finalize(s); }
};

// The SQL of a query: its MATCH and filters, then `tail` (ORDER BY ... or "").
std::string query_sql(const bench::BenchQuery& q, const std::string& select,
                      const std::string& tail) {
  std::string sql = "SELECT " + select + " FROM docs WHERE docs MATCH ?1";
  if (!q.source.empty()) sql += " AND source = ?2";
  if (bench::range_from(q)) sql += " AND date >= ?3";
  if (bench::range_until(q)) sql += " AND date <= ?4";
  return sql + tail;
}

void bind(sqlite3_stmt* stmt, const bench::BenchQuery& q, const std::string& match) {
  sqlite3_bind_text(stmt, 1, match.c_str(), -1, SQLITE_TRANSIENT);
  if (!q.source.empty()) sqlite3_bind_text(stmt, 2, q.source.c_str(), -1, SQLITE_TRANSIENT);
  if (auto from = bench::range_from(q)) sqlite3_bind_int64(stmt, 3, *from);
  if (auto until = bench::range_until(q)) sqlite3_bind_int64(stmt, 4, *until);
}

const char* kTop10 = "id, headline, snippet(docs, 4, '<b>', '</b>', '\xE2\x80\xA6', 40)";

std::string order_by(const bench::BenchQuery& q) {
  return q.sort == bench::Sort::kNewest ? " ORDER BY date DESC LIMIT 10"
                                        : " ORDER BY rank LIMIT 10";
}

int index_command(const std::vector<std::string>& args) {
  if (args.size() < 2) throw std::runtime_error("usage: fts5_bench index DB PATH...");
  const auto start = bench::Clock::now();
  Db db(args[0]);
  db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(id UNINDEXED, source UNINDEXED, "
      "date UNINDEXED, headline, body, tokenize='porter unicode61')");
  db.exec("INSERT INTO docs(docs, rank) VALUES('rank', 'bm25(0, 0, 0, 3, 1)')");
  Stmt insert{db.prepare("INSERT INTO docs(id, source, date, headline, body) VALUES(?,?,?,?,?)")};
  unsigned pending = 0;
  db.exec("BEGIN");
  const std::vector<std::string> paths(args.begin() + 1, args.end());
  const bench::CorpusStats stats = bench::read_corpus(paths, [&](bench::RawArticle& a) {
    sqlite3_bind_text(insert.s, 1, a.id.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(insert.s, 2, a.source.c_str(), -1, SQLITE_STATIC);
    if (a.date) {
      sqlite3_bind_int64(insert.s, 3, *a.date);
    } else {
      sqlite3_bind_null(insert.s, 3);
    }
    sqlite3_bind_text(insert.s, 4, a.headline.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(insert.s, 5, a.body.c_str(), -1, SQLITE_STATIC);
    if (sqlite3_step(insert.s) != SQLITE_DONE) throw std::runtime_error(db.error());
    sqlite3_reset(insert.s);
    if (++pending >= 2000) {
      db.exec("COMMIT");
      db.exec("BEGIN");
      pending = 0;
    }
  });
  db.exec("COMMIT");
  std::printf("fts5_bench: %llu articles, %llu files, %llu bytes, %.2f s\n",
              static_cast<unsigned long long>(stats.articles),
              static_cast<unsigned long long>(stats.files),
              static_cast<unsigned long long>(stats.bytes), bench::micros_since(start) / 1e6);
  return 0;
}

int search_command(const std::vector<std::string>& args) {
  if (args.size() < 2) throw std::runtime_error("usage: fts5_bench search DB Q.tsv [REPS]");
  Db db(args[0]);
  const auto queries = bench::read_queries(args[1]);
  const int reps = args.size() > 2 ? std::stoi(args[2]) : 20;
  size_t sink = 0;
  bench::time_mix("fts5", queries, reps, [&](const bench::BenchQuery& q) {
    const std::string match = bench::fts5_match(q);
    Stmt stmt{db.prepare(query_sql(q, kTop10, order_by(q)))};
    bind(stmt.s, q, match);
    while (sqlite3_step(stmt.s) == SQLITE_ROW) {
      sink += static_cast<size_t>(sqlite3_column_bytes(stmt.s, 2));
    }
  });
  for (const auto& q : queries) {
    const std::string match = bench::fts5_match(q);
    Stmt count{db.prepare(query_sql(q, "count(*)", ""))};
    bind(count.s, q, match);
    uint64_t n = 0;
    if (sqlite3_step(count.s) == SQLITE_ROW)
      n = static_cast<uint64_t>(sqlite3_column_int64(count.s, 0));
    Stmt top{db.prepare(query_sql(q, kTop10, order_by(q)))};
    bind(top.s, q, match);
    std::vector<std::string> ids;
    while (sqlite3_step(top.s) == SQLITE_ROW) {
      ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(top.s, 0)));
    }
    bench::print_hits("fts5", q.name, n, ids);
  }
  if (sink == 0) std::fprintf(stderr, "fts5_bench: every snippet was empty\n");
  return 0;
}

int one_command(const std::vector<std::string>& args) {
  if (args.size() < 3) throw std::runtime_error("usage: fts5_bench one DB Q.tsv NAME");
  Db db(args[0]);
  for (const auto& q : bench::read_queries(args[1])) {
    if (q.name != args[2]) continue;
    Stmt stmt{db.prepare(query_sql(q, kTop10, order_by(q)))};
    bind(stmt.s, q, bench::fts5_match(q));
    int rank = 0;
    while (sqlite3_step(stmt.s) == SQLITE_ROW) {
      std::printf("\n%d. %s\n   %s\n", ++rank, sqlite3_column_text(stmt.s, 1),
                  sqlite3_column_text(stmt.s, 2));
    }
    return rank > 0 ? 0 : 1;
  }
  throw std::runtime_error("no query named " + args[2]);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: fts5_bench index|optimize|search|one ...\n";
    return 2;
  }
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  try {
    if (command == "index") return index_command(args);
    if (command == "search") return search_command(args);
    if (command == "one") return one_command(args);
    if (command == "optimize" && args.size() == 1) {
      Db db(args[0]);
      db.exec("INSERT INTO docs(docs) VALUES('optimize')");
      db.exec("VACUUM");
      return 0;
    }
    std::cerr << "fts5_bench: unknown command " << command << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "fts5_bench: " << e.what() << "\n";
    return 1;
  }
}
