#include "searcher/search.h"

#include <unordered_set>

#include "common/error.h"
#include "common/schema.h"
#include "common/stored_article.h"
#include "common/xapian_workarounds.h"
#include "searcher/query_parser.h"
#include "searcher/recency.h"

namespace dateline {
namespace {

// A writer that commits during a search invalidates what the reader holds;
// reopening and running the whole search again is the cure.
constexpr int kAttempts = 5;
constexpr Xapian::doccount kExactUpTo = 1000;
constexpr Xapian::doccount kMaxDuplicatesListed = 100;

Xapian::valueno slot_of(std::string_view field) {
  return static_cast<Xapian::valueno>(find_field(field)->slot);
}

// Counts the matches the search looks at, and the hits they make once
// near-identical ones are folded (one per fingerprint, plus every article
// without one).  Xapian's own bounds are loose when collapsing.
class MatchCounter : public Xapian::MatchSpy {
 public:
  explicit MatchCounter(bool collapse) : collapse_(collapse) {}
  void operator()(const Xapian::Document& doc, double) override {
    ++seen_;
    if (!collapse_) return;
    std::string fp = doc.get_value(slot_of("fingerprint"));
    if (fp.empty()) {
      ++unique_;
    } else {
      fingerprints_.insert(std::move(fp));
    }
  }
  Xapian::doccount seen() const { return seen_; }
  Xapian::doccount folded() const {
    return collapse_ ? unique_ + static_cast<Xapian::doccount>(fingerprints_.size()) : seen_;
  }

 private:
  bool collapse_;
  Xapian::doccount seen_ = 0;
  Xapian::doccount unique_ = 0;
  std::unordered_set<std::string> fingerprints_;
};

// --recent: the boost is as large as the best relevance score, so a fresh
// article needs only part of the best match's relevance to lead.
Xapian::Query boosted(const Xapian::Database& db, const Xapian::Query& query,
                      const SearchRequest& request, const Xapian::Weight& weight) {
  Xapian::Enquire probe(db);
  probe.set_query(query);
  probe.set_weighting_scheme(weight);
  const Xapian::MSet top = probe.get_mset(0, 1);
  const double max_boost = top.get_max_attained() > 0 ? top.get_max_attained() : 1.0;
  int64_t reference = 0;
  if (request.today) {
    reference = (days_from_civil(*request.today) + 1) * 86400 - 1;
  } else {
    const std::string newest = db.get_value_upper_bound(slot_of("date"));
    reference = newest.empty() ? 0 : static_cast<int64_t>(Xapian::sortable_unserialise(newest));
  }
  return with_recency_boost(query, max_boost, reference);
}

// The other articles with the same fingerprint that the query matched.
std::vector<Duplicate> duplicates_of(const Xapian::Database& db, const Xapian::Query& query,
                                     const Xapian::Document& doc) {
  const Xapian::valueno slot = slot_of("fingerprint");
  const std::string fp = doc.get_value(slot);
  std::vector<Duplicate> out;
  if (fp.empty()) return out;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, fp, fp)));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::MSet mset = enquire.get_mset(0, kMaxDuplicatesListed + 1);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    if (*it == doc.get_docid()) continue;
    const Article a = decode_stored_article(it.get_document().get_data());
    out.push_back(Duplicate{a.id, a.source, a.origin.path});
  }
  return out;
}

SearchResults search_once(const Xapian::Database& db, const Xapian::Query& query,
                          const SearchRequest& request, bool exact_count, const Bm25Params& p) {
  const Xapian::BM25Weight weight(p.k1, p.k2, p.k3, p.b, p.min_normlen);
  // See common/xapian_workarounds.h: a query of filters only is run as
  // MatchAll FILTER query.
  const Xapian::Query base = without_weightless_top(query);
  const Xapian::Query q = request.recent ? boosted(db, base, request, weight) : base;
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_weighting_scheme(weight);
  if (request.collapse) enquire.set_collapse_key(slot_of("fingerprint"), 1);
  const auto slot = static_cast<Xapian::valueno>(date_field().slot);
  switch (request.sort) {
    case SortOrder::kRelevance:
      break;
    case SortOrder::kNewest:
      enquire.set_sort_by_value_then_relevance(slot, true);
      break;
    case SortOrder::kOldest:
      enquire.set_sort_by_value_then_relevance(slot, false);
      break;
  }
  FacetCounter facets(request.facets);
  facets.attach(enquire);
  MatchCounter counter(request.collapse);
  enquire.add_matchspy(&counter);
  // Counts up to kExactUpTo matches are exact, which costs little; past it
  // the header says "About N".  Facets count the whole result set.
  const bool whole = exact_count || !request.facets.empty();
  const Xapian::doccount check_at_least =
      whole ? db.get_doccount() : request.offset + request.limit + kExactUpTo;
  const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, check_at_least);

  SearchResults results;
  // Fewer matches looked at than asked for means all were.
  results.exact = counter.seen() < check_at_least || check_at_least >= db.get_doccount();
  results.matches = results.exact ? counter.seen() : mset.get_uncollapsed_matches_estimated();
  results.folded_matches = results.exact ? counter.folded() : mset.get_matches_estimated();
  unsigned rank = request.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = ++rank;
    hit.score = it.get_weight();
    const Xapian::Document doc = it.get_document();
    hit.article = decode_stored_article(doc.get_data());
    if (request.collapse && it.get_collapse_count() > 0) hit.duplicates = duplicates_of(db, q, doc);
    results.hits.push_back(std::move(hit));
  }
  results.facets = facets.results(db);
  return results;
}

// "Wildcard a* expands to more than 100 terms" -> "a*".
std::string wildcard_pattern(const std::string& message) {
  const std::string lead = "Wildcard ";
  const size_t end = message.find(" expands");
  if (message.rfind(lead, 0) != 0 || end == std::string::npos) return "";
  return message.substr(lead.size(), end - lead.size());
}

}  // namespace

SearchResults run_search(Xapian::Database& db, const Xapian::Query& query,
                         const SearchRequest& request, bool exact_count, const Bm25Params& bm25) {
  for (int attempt = 1;; ++attempt) {
    try {
      return search_once(db, query, request, exact_count, bm25);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kAttempts) throw;
      db.reopen();
    } catch (const Xapian::WildcardError& e) {
      const std::string pattern = wildcard_pattern(e.get_msg());
      throw QueryError("wildcard " + (pattern.empty() ? std::string() : "'" + pattern + "' ") +
                       "matches more than " + std::to_string(kMaxWildcardExpansion) +
                       " different words; give more letters before the * (e.g. Syri*)");
    }
  }
}

}  // namespace dateline
