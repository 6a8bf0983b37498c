// The test collections of ../shared/data, read into one shape: documents,
// queries and relevance judgments.  See ../shared/data/README.md, "Quirks
// that change results": TIME is judged by its *TEXT numbers (time.qrels.trec,
// not TIME.REL) and is all upper case; CACM's ".I 28" record is document
// 2856.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace bench {

struct Document {
  std::string id;
  std::string title;                    // .T ("" for TIME and MED)
  std::string authors;                  // .A, "; "-joined
  std::vector<std::string> paragraphs;  // .K keywords, then the .W text (TIME: the article)
};

struct Collection {
  std::string name;
  std::vector<Document> documents;
  std::vector<std::pair<std::string, std::string>> queries;  // id, text as given
  std::map<std::string, std::set<std::string>> relevant;     // query id -> document ids
};

// "time", "cacm", "cisi" or "med", from `data` (the shared/data folder).
// Throws std::runtime_error when a file is missing or unreadable.
Collection load_collection(const std::string& name, const std::string& data);

}  // namespace bench
