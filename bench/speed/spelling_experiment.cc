// spelling_experiment: measures a proposed change to how Dateline's indexer
// stores spelling data ("did you mean"), without touching it.  Today
// IndexWriter::commit() calls add_spelling() once per distinct word of each
// 2,000-article batch, so a common word is written again in every batch.
// The alternative: build the spelling data once, from the finished index's
// own vocabulary (every unprefixed term, with its collection frequency), at
// the end of a run (or at compaction).
//
//   spelling_experiment INDEX
//
// INDEX must be an index without spelling data (raw_xapian_index's, built
// without --spelling); it is modified.  Prints the words added and the time.
#include <xapian.h>

#include <cstdio>
#include <iostream>

#include "bench_common.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: spelling_experiment INDEX\n";
    return 2;
  }
  try {
    const auto start = bench::Clock::now();
    Xapian::WritableDatabase db(argv[1], Xapian::DB_OPEN);
    unsigned long long words = 0;
    // Unprefixed, unstemmed terms start with a lower-case letter or a digit
    // (prefixes and Z stems are upper case), as IndexWriter selects them.
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
      const std::string term = *t;
      if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;
      db.add_spelling(term, db.get_collection_freq(term));
      ++words;
    }
    db.commit();
    std::printf("spelling_experiment: %llu words, %.2f s\n", words,
                bench::micros_since(start) / 1e6);
  } catch (const Xapian::Error& e) {
    std::cerr << "spelling_experiment: " << e.get_description() << "\n";
    return 1;
  }
  return 0;
}
