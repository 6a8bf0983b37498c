#include "searcher/search.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

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
// without one).  Xapian's own bounds are loose when collapsing.  It also
// notes which articles share each fingerprint, so that when it has seen
// every match the near-identical articles of a hit need no second search.
class MatchCounter : public Xapian::MatchSpy {
 public:
  explicit MatchCounter(bool collapse) : collapse_(collapse), slot_(slot_of("fingerprint")) {}
  void operator()(const Xapian::Document& doc, double) override {
    ++seen_;
    if (!collapse_) return;
    std::string fp = doc.get_value(slot_);
    if (fp.empty()) {
      ++unique_;
      return;
    }
    const Xapian::docid did = doc.get_docid();
    // try_emplace leaves `fp` alone when the fingerprint is known.
    const auto [it, added] = groups_.try_emplace(std::move(fp), did);
    if (!added) it->second.more.push_back(did);
  }
  Xapian::doccount seen() const { return seen_; }
  Xapian::doccount folded() const {
    return collapse_ ? unique_ + static_cast<Xapian::doccount>(groups_.size()) : seen_;
  }
  // The articles seen with `fingerprint` other than `self`, in docid order,
  // at most the first kMaxDuplicatesListed + 1 of them, less `self`.
  std::vector<Xapian::docid> others(const std::string& fingerprint, Xapian::docid self) const {
    std::vector<Xapian::docid> out;
    const auto it = groups_.find(fingerprint);
    if (it == groups_.end()) return out;
    std::vector<Xapian::docid> all{it->second.first};
    all.insert(all.end(), it->second.more.begin(), it->second.more.end());
    std::sort(all.begin(), all.end());
    if (all.size() > kMaxDuplicatesListed + 1) all.resize(kMaxDuplicatesListed + 1);
    for (const Xapian::docid did : all) {
      if (did != self) out.push_back(did);
    }
    return out;
  }

 private:
  struct Group {
    explicit Group(Xapian::docid did) : first(did) {}
    Xapian::docid first;              // most fingerprints have one article
    std::vector<Xapian::docid> more;  // the others, in the order seen
  };
  bool collapse_;
  Xapian::valueno slot_;
  Xapian::doccount seen_ = 0;
  Xapian::doccount unique_ = 0;
  std::unordered_map<std::string, Group> groups_;  // fingerprint -> articles
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

// What xapian-tcpsrv can count for MatchCounter: the matches seen, and how
// many articles carry each fingerprint (Xapian's own match spy, which the
// server runs and the client merges).
class RemoteMatchCounter {
 public:
  RemoteMatchCounter() : spy_(slot_of("fingerprint")) {}
  void attach(Xapian::Enquire& enquire) { enquire.add_matchspy(&spy_); }
  Xapian::doccount seen() const { return spy_.get_total(); }
  Xapian::doccount folded(bool collapse) const {
    if (!collapse) return seen();
    Xapian::doccount with_fingerprint = 0, fingerprints = 0;
    for (auto it = spy_.values_begin(); it != spy_.values_end(); ++it) {
      with_fingerprint += it.get_termfreq();
      ++fingerprints;
    }
    return seen() - with_fingerprint + fingerprints;
  }

 private:
  Xapian::ValueCountMatchSpy spy_;
};

// The articles matching `query` with `fingerprint` other than `self`, by a
// search of their own (what a remote shard can answer), in docid order, at
// most kMaxDuplicatesListed.
std::vector<Xapian::docid> others_by_search(const Xapian::Database& db, const Xapian::Query& query,
                                            const std::string& fingerprint, Xapian::docid self) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  Xapian::Query(Xapian::Query::OP_VALUE_RANGE,
                                                slot_of("fingerprint"), fingerprint, fingerprint)));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::MSet mset = enquire.get_mset(0, kMaxDuplicatesListed + 1);
  std::vector<Xapian::docid> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    if (*it != self) out.push_back(*it);
  }
  return out;
}

Duplicate duplicate_from(const Xapian::Document& doc) {
  const Article a = decode_stored_article(doc.get_data());
  return Duplicate{a.id, a.source, a.origin.path};
}

// The articles the query matches that carry one of `fingerprints`, found
// in one pass over its matches, as MatchCounter would have noted them had it
// seen every match.  (A search per hit repeated the query's work each time:
// a third of a wildcard search.)
class FingerprintCollector : public Xapian::MatchSpy {
 public:
  explicit FingerprintCollector(const std::set<std::string>& fingerprints)
      : slot_(slot_of("fingerprint")) {
    for (const std::string& fp : fingerprints) groups_[fp];
  }
  void operator()(const Xapian::Document& doc, double) override {
    const auto it = groups_.find(doc.get_value(slot_));
    if (it != groups_.end() && it->second.size() <= kMaxDuplicatesListed) {
      it->second.push_back(doc.get_docid());  // matches come in docid order
    }
  }
  // The articles with `fingerprint` other than `self`, as duplicates_seen()
  // lists them from MatchCounter.
  std::vector<Xapian::docid> others(const std::string& fingerprint, Xapian::docid self) const {
    std::vector<Xapian::docid> out;
    const auto it = groups_.find(fingerprint);
    if (it == groups_.end()) return out;
    for (const Xapian::docid did : it->second) {
      if (did != self) out.push_back(did);
    }
    return out;
  }

 private:
  Xapian::valueno slot_;
  std::map<std::string, std::vector<Xapian::docid>> groups_;
};

// The other articles with the same fingerprint that the query matched, read
// from what `counter` (a MatchCounter that saw every match, or a
// FingerprintCollector) noted.
// Listed by id, so that the list does not depend on how the archive is
// sharded (docids do).
std::vector<Duplicate> duplicates_of(const Xapian::Database& db,
                                     const std::vector<Xapian::docid>& others) {
  std::vector<Duplicate> out;
  for (const Xapian::docid did : others) out.push_back(duplicate_from(db.get_document(did)));
  std::sort(out.begin(), out.end(),
            [](const Duplicate& a, const Duplicate& b) { return a.id < b.id; });
  return out;
}

template <typename Counter>
std::vector<Duplicate> duplicates_seen(const Xapian::Database& db, const Counter& counter,
                                       const Xapian::Document& doc) {
  const std::string fp = doc.get_value(slot_of("fingerprint"));
  if (fp.empty()) return {};
  return duplicates_of(db, counter.others(fp, doc.get_docid()));
}

SearchResults search_once(const Xapian::Database& db, const Xapian::Query& query,
                          const SearchRequest& request, bool exact_count, const Bm25Params& p) {
  const Xapian::BM25Weight weight(p.k1, p.k2, p.k3, p.b, p.min_normlen);
  // See common/xapian_workarounds.h: a query of filters only is run as
  // MatchAll FILTER query.
  const Xapian::Query base = without_weightless_top(query);
  // Dateline's recency weighting is a PostingSource a stock xapian-tcpsrv
  // cannot run (the searcher warns).
  const bool boost = request.recent && !request.remote_shards;
  const Xapian::Query q = boost ? boosted(db, base, request, weight) : base;
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_weighting_scheme(weight);
  if (request.collapse) enquire.set_collapse_key(slot_of("fingerprint"), 1);
  const auto slot = static_cast<Xapian::valueno>(date_field().slot);
  switch (request.sort) {
    case SortOrder::kRelevance:
      // Equal scores: newest first.  (Xapian would break ties by docid,
      // which depends on how the archive is sharded.)
      enquire.set_sort_by_relevance_then_value(slot, true);
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
  RemoteMatchCounter remote_counter;
  if (request.remote_shards) {
    remote_counter.attach(enquire);
  } else {
    enquire.add_matchspy(&counter);
  }
  // Counts up to kExactUpTo matches are exact, which costs little; past it
  // the header says "About N".  Facets count the whole result set.
  const bool whole = exact_count || !request.facets.empty();
  const Xapian::doccount check_at_least =
      whole ? db.get_doccount() : request.offset + request.limit + kExactUpTo;
  const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, check_at_least);

  SearchResults results;
  // Fewer matches looked at than asked for means all were.  (Each remote
  // shard looks at up to check_at_least of its own: fewer in all means each
  // saw all of its own.)
  const Xapian::doccount seen = request.remote_shards ? remote_counter.seen() : counter.seen();
  results.exact = seen < check_at_least || check_at_least >= db.get_doccount();
  results.matches = results.exact ? seen : mset.get_uncollapsed_matches_estimated();
  results.folded_matches = !results.exact          ? mset.get_matches_estimated()
                           : request.remote_shards ? remote_counter.folded(request.collapse)
                                                   : counter.folded();
  // When the counter did not see every match, one more pass over them finds
  // the near-identical articles of the hits that have some.
  // Match spies see each shard's own docids, not the combined database's:
  // over several shards (or remote ones) the near-identical articles of a
  // hit are found by a search of their own.
  const bool by_search = request.remote_shards || db.size() > 1;
  std::optional<FingerprintCollector> collector;
  if (request.collapse && !results.exact && !by_search) {
    std::set<std::string> wanted;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      if (it.get_collapse_count() > 0) wanted.insert(it.get_collapse_key());
    }
    if (!wanted.empty()) {
      collector.emplace(wanted);
      Xapian::Enquire all(db);
      all.set_query(q);
      all.set_weighting_scheme(Xapian::BoolWeight());
      all.add_matchspy(&*collector);
      all.get_mset(0, 0, db.get_doccount());
    }
  }
  unsigned rank = request.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = ++rank;
    hit.score = it.get_weight();
    const Xapian::Document doc = it.get_document();
    hit.article = decode_stored_article(doc.get_data());
    if (request.collapse && it.get_collapse_count() > 0) {
      // The counter saw every match when the count is exact (Xapian calls
      // match spies on all matches until check_at_least have been seen).
      if (by_search) {
        hit.duplicates = duplicates_of(db, others_by_search(db, q, it.get_collapse_key(), *it));
      } else {
        hit.duplicates = results.exact ? duplicates_seen(db, counter, doc)
                                       : duplicates_seen(db, *collector, doc);
      }
    }
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
