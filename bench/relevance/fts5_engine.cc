#include <sqlite3.h>

#include <cctype>
#include <filesystem>
#include <stdexcept>

#include "engines.h"

namespace bench {
namespace {

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
  }
}

// "WHAT IS U.S. POLICY?" -> "what" OR "is" OR "u" OR "s" OR "policy": the
// words as FTS5's tokenizer would split them, each quoted, ORed.
std::string or_query(const std::string& text) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += " OR ";
    out += "\"" + word + "\"";
    word.clear();
  };
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

}  // namespace

Run run_fts5(const Collection& c, const std::string& work) {
  const std::string path = work + "/fts5.db";
  std::filesystem::remove(path);
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) throw std::runtime_error("cannot open " + path);
  check(sqlite3_exec(db,
                     "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, body, tokenize='porter')",
                     nullptr, nullptr, nullptr),
        db, "create");
  check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
  sqlite3_stmt* insert = nullptr;
  check(sqlite3_prepare_v2(db, "INSERT INTO docs(id, body) VALUES (?, ?)", -1, &insert, nullptr),
        db, "prepare");
  for (const Document& d : c.documents) {
    std::string body = d.title + "\n" + d.authors;
    for (const auto& p : d.paragraphs) body += "\n" + p;
    sqlite3_bind_text(insert, 1, d.id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 2, body.c_str(), -1, SQLITE_TRANSIENT);
    check(sqlite3_step(insert), db, "insert");
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");

  Run run;
  sqlite3_stmt* search = nullptr;
  check(
      sqlite3_prepare_v2(db, "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 100",
                         -1, &search, nullptr),
      db, "prepare");
  for (const auto& [qid, text] : c.queries) {
    auto& ranked = run[qid];
    const std::string q = or_query(text);
    if (q.empty()) continue;
    sqlite3_bind_text(search, 1, q.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(search) == SQLITE_ROW) {
      ranked.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(search, 0)));
    }
    sqlite3_reset(search);
  }
  sqlite3_finalize(search);
  sqlite3_close(db);
  return run;
}

}  // namespace bench
