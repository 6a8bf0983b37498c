#include "searcher/related.h"

#include <vector>

#include "common/error.h"
#include "common/schema.h"
#include "common/stored_article.h"
#include "searcher/query_parser.h"

namespace dateline {
namespace {

// Stemmed words of the default free text ("Zgeneva"), not prefixed fields,
// stopwords or bare numbers.
class TellingTerms : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.size() < 3 || term[0] != 'Z' || (term[1] >= 'A' && term[1] <= 'Z')) return false;
    const std::string_view word = std::string_view(term).substr(1);
    if (is_stopword(word)) return false;
    return word.find_first_not_of("0123456789.,") != std::string_view::npos;
  }
};

}  // namespace

RelatedQuery related_query(const Xapian::Database& db, const std::string& id) {
  const std::string unique = id_term(id);
  auto posting = db.postlist_begin(unique);
  if (posting == db.postlist_end(unique)) {
    throw QueryError("--like: no article has the id '" + id +
                     "' (ids are shown by --format ids and in --json output)");
  }
  const Xapian::docid docid = *posting;
  const Article article = decode_stored_article(db.get_document(docid).get_data());

  Xapian::Enquire enquire(db);
  Xapian::RSet rset;
  rset.add_document(docid);
  const TellingTerms decider;
  const Xapian::ESet eset = enquire.get_eset(kRelatedTerms, rset, &decider);
  if (eset.empty()) {
    throw QueryError("--like: the article '" + id + "' has no words to search for");
  }
  const double top = eset.begin().get_weight();
  std::vector<Xapian::Query> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    const double share = top > 0 ? it.get_weight() / top : 1.0;
    terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), share);
  }
  RelatedQuery related;
  related.headline = article.headline;
  related.query = Xapian::Query(Xapian::Query::OP_AND_NOT,
                                Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                                Xapian::Query(filter_term(story_field(), story_key(article))));
  return related;
}

}  // namespace dateline
