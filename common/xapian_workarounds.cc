#include "common/xapian_workarounds.h"

#include "common/schema.h"

namespace dateline {

bool has_weighted_terms(const Xapian::Query& query) {
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const std::string& term = *t;
    if (term.empty()) continue;  // MatchAll
    const char first = term[0];
    if (first < 'A' || first > 'Z' || first == 'Z') return true;  // unprefixed or stemmed
    for (const Field& f : schema_fields()) {
      if (f.kind != FieldKind::kText || f.prefix.empty()) continue;
      if (term.compare(0, f.prefix.size(), f.prefix) == 0) return true;
    }
  }
  return false;
}

Xapian::Query without_weightless_top(const Xapian::Query& query) {
  if (query.empty() || has_weighted_terms(query)) return query;
  return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll, query);
}

}  // namespace dateline
