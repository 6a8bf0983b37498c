// Plain Xapian, as its documentation's examples set it up: nothing of
// Dateline's is used here.
#include <xapian.h>

#include <filesystem>

#include "engines.h"

namespace bench {

Run run_plain_xapian(const Collection& c, const std::string& work) {
  const std::string path = work + "/plain-xapian";
  std::filesystem::remove_all(path);
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator termgen;
    termgen.set_stemmer(Xapian::Stem("en"));
    for (const Document& d : c.documents) {
      Xapian::Document doc;
      termgen.set_document(doc);
      termgen.index_text(d.title);
      termgen.increase_termpos();
      termgen.index_text(d.authors);
      for (const auto& p : d.paragraphs) {
        termgen.increase_termpos();
        termgen.index_text(p);
      }
      doc.set_data(d.id);
      db.add_document(doc);
    }
    db.commit();
  }
  Xapian::Database db(path);
  Xapian::QueryParser qp;
  qp.set_stemmer(Xapian::Stem("en"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_database(db);
  Run run;
  for (const auto& [qid, text] : c.queries) {
    Xapian::Enquire enquire(db);
    enquire.set_query(qp.parse_query(text));
    const Xapian::MSet mset = enquire.get_mset(0, kDepth);
    auto& ranked = run[qid];
    for (auto it = mset.begin(); it != mset.end(); ++it)
      ranked.push_back(it.get_document().get_data());
  }
  return run;
}

}  // namespace bench
