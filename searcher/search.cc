#include "searcher/search.h"

#include "common/schema.h"
#include "common/stored_article.h"
#include "common/xapian_workarounds.h"

namespace dateline {
namespace {

// A writer that commits during a search invalidates what the reader holds;
// reopening and running the whole search again is the cure.
constexpr int kAttempts = 5;
constexpr Xapian::doccount kExactUpTo = 1000;

SearchResults search_once(const Xapian::Database& db, const Xapian::Query& query,
                          const SearchRequest& request, bool exact_count) {
  Xapian::Enquire enquire(db);
  enquire.set_query(without_weightless_top(query));  // see common/xapian_workarounds.h
  enquire.set_weighting_scheme(Xapian::BM25Weight());
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
  // Counts up to kExactUpTo matches are exact, which costs little; past it
  // the header says "About N".
  const Xapian::doccount check_at_least =
      exact_count ? db.get_doccount() : request.offset + request.limit + kExactUpTo;
  const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, check_at_least);

  SearchResults results;
  results.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  results.matches = results.exact ? mset.get_matches_lower_bound() : mset.get_matches_estimated();
  unsigned rank = request.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = ++rank;
    hit.score = it.get_weight();
    hit.article = decode_stored_article(it.get_document().get_data());
    results.hits.push_back(std::move(hit));
  }
  return results;
}

}  // namespace

SearchResults run_search(Xapian::Database& db, const Xapian::Query& query,
                         const SearchRequest& request, bool exact_count) {
  for (int attempt = 1;; ++attempt) {
    try {
      return search_once(db, query, request, exact_count);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kAttempts) throw;
      db.reopen();
    }
  }
}

}  // namespace dateline
