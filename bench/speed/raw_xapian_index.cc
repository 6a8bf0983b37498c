// raw_xapian_index: the ceiling for indexing speed, a small hand-written
// indexer on raw Xapian doing what Dateline's index needs and nothing more:
// headline (prefix S, and weight 3 in the free text) and body with English
// stemming (TermGenerator's default STEM_SOME) and positions, a unique id
// term, a source filter term, the date in value slot 0, the text as document
// data for snippets, and a commit every 2,000 articles (Dateline's batch).
//
//   raw_xapian_index [--batch N] [--spelling] [--no-fsync] INDEX PATH...
//
// --spelling adds Xapian spelling data the way Dateline does (once per
// distinct word per batch), to measure what that feature costs.
// --no-fsync opens the database with DB_NO_SYNC, to measure what waiting
// for the disk at each commit costs.
#include <xapian.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench_common.h"

namespace {

std::string lower_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned batch = 2000;
  bool spelling = false;
  int db_flags = Xapian::DB_CREATE_OR_OPEN;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--batch") == 0 && i + 1 < argc) {
      batch = static_cast<unsigned>(std::stoul(argv[++i]));
    } else if (std::strcmp(argv[i], "--spelling") == 0) {
      spelling = true;
    } else if (std::strcmp(argv[i], "--no-fsync") == 0) {
      db_flags |= Xapian::DB_NO_SYNC;
    } else {
      args.emplace_back(argv[i]);
    }
  }
  if (args.size() < 2 || batch == 0) {
    std::cerr << "usage: raw_xapian_index [--batch N] [--spelling] [--no-fsync] INDEX PATH...\n";
    return 2;
  }
  try {
    const auto start = bench::Clock::now();
    Xapian::WritableDatabase db(args[0], db_flags);
    Xapian::TermGenerator termgen;
    termgen.set_stemmer(Xapian::Stem("english"));
    std::unordered_map<std::string, Xapian::termcount> words;
    unsigned pending = 0;
    auto commit = [&] {
      for (const auto& [word, count] : words) db.add_spelling(word, count);
      words.clear();
      db.commit();
      pending = 0;
    };
    const std::vector<std::string> paths(args.begin() + 1, args.end());
    const bench::CorpusStats stats = bench::read_corpus(paths, [&](bench::RawArticle& a) {
      Xapian::Document doc;
      termgen.set_document(doc);
      if (!a.headline.empty()) {
        termgen.index_text(a.headline, 1, "S");
        termgen.increase_termpos(100);
        termgen.index_text(a.headline, 3);
        termgen.increase_termpos(100);
      }
      termgen.index_text(a.body);
      const std::string id_term = "Q" + a.id;
      doc.add_boolean_term(id_term);
      if (!a.source.empty()) doc.add_boolean_term("XS" + lower_ascii(a.source));
      if (a.date) doc.add_value(0, Xapian::sortable_serialise(static_cast<double>(*a.date)));
      doc.set_data(a.headline + "\n" + a.body);
      db.replace_document(id_term, doc);
      if (spelling) {
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
          const std::string& term = *t;
          if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z')) words[term] += t.get_wdf();
        }
      }
      if (++pending >= batch) commit();
    });
    commit();
    std::printf("raw_xapian_index: %llu articles, %llu files, %llu bytes, %.2f s; index holds %u\n",
                static_cast<unsigned long long>(stats.articles),
                static_cast<unsigned long long>(stats.files),
                static_cast<unsigned long long>(stats.bytes), bench::micros_since(start) / 1e6,
                db.get_doccount());
  } catch (const Xapian::Error& e) {
    std::cerr << "raw_xapian_index: " << e.get_description() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "raw_xapian_index: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
