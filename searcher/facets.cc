#include "searcher/facets.h"

#include <algorithm>

#include "common/error.h"
#include "common/stored_article.h"

namespace dateline {
namespace {

bool is_facet(const Field& f) { return f.kind == FieldKind::kFilter && f.slot != kNoSlot; }

// The value as an article writes it: slots hold the normalised value
// ("rio de janeiro"), so read one article that has it.
std::string shown_value(const Field& field, const std::string& slot_value,
                        const Xapian::Database& db) {
  if (!field.fold_case) return slot_value;
  const std::string term = filter_term(field, slot_value);
  auto p = db.postlist_begin(term);
  if (p == db.postlist_end(term)) return slot_value;
  try {
    const Article a = decode_stored_article(db.get_document(*p).get_data());
    for (const auto& v : field.values(a)) {
      if (normalise_filter_value(field, v) == slot_value) return v;
    }
  } catch (const std::runtime_error&) {
    // Not a stored article: show the value as stored.
  }
  return slot_value;
}

}  // namespace

std::vector<std::string> facet_names() {
  std::vector<std::string> names;
  for (const Field& f : schema_fields()) {
    if (is_facet(f)) names.emplace_back(f.name);
  }
  return names;
}

void check_facet_names(const std::vector<std::string>& names) {
  for (const auto& name : names) {
    const Field* f = find_field(name);
    if (f == nullptr || !is_facet(*f)) {
      std::string valid;
      for (const auto& n : facet_names()) valid += (valid.empty() ? "" : ", ") + n;
      throw UsageError("--facets: '" + name + "' is not a facet (facets: " + valid + ")");
    }
  }
}

FacetCounter::FacetCounter(const std::vector<std::string>& names) {
  check_facet_names(names);
  for (const auto& name : names) {
    const Field* f = find_field(name);
    const bool seen =
        std::any_of(spies_.begin(), spies_.end(), [&](const auto& s) { return s.first == f; });
    if (seen) continue;
    spies_.emplace_back(
        f, std::make_unique<Xapian::ValueCountMatchSpy>(static_cast<Xapian::valueno>(f->slot)));
  }
}

void FacetCounter::attach(Xapian::Enquire& enquire) {
  for (auto& [field, spy] : spies_) enquire.add_matchspy(spy.get());
}

std::vector<Facet> FacetCounter::results(const Xapian::Database& db) const {
  std::vector<Facet> facets;
  for (const auto& [field, spy] : spies_) {
    Facet facet;
    facet.name = field->name;
    for (auto v = spy->values_begin(); v != spy->values_end(); ++v) {
      if ((*v).empty()) continue;
      facet.counts.push_back(FacetCount{shown_value(*field, *v, db), v.get_termfreq()});
    }
    if (field->name == "month") {
      std::sort(facet.counts.begin(), facet.counts.end(),
                [](const FacetCount& a, const FacetCount& b) { return a.value < b.value; });
    } else {
      std::sort(facet.counts.begin(), facet.counts.end(),
                [](const FacetCount& a, const FacetCount& b) {
                  return a.count != b.count ? a.count > b.count : a.value < b.value;
                });
    }
    facets.push_back(std::move(facet));
  }
  return facets;
}

}  // namespace dateline
