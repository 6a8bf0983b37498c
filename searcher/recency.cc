#include "searcher/recency.h"

#include <cmath>

#include "common/schema.h"

namespace dateline {
namespace {

class RecencySource : public Xapian::ValuePostingSource {
 public:
  RecencySource(Xapian::valueno slot, double max_boost, double reference, double half_life)
      : Xapian::ValuePostingSource(slot),
        max_boost_(max_boost),
        reference_(reference),
        half_life_(half_life) {}

  void init(const Xapian::Database& db) override {
    Xapian::ValuePostingSource::init(db);
    set_maxweight(max_boost_);
  }

  double get_weight() const override {
    const double seconds = Xapian::sortable_unserialise(get_value());
    const double age_days = std::abs(reference_ - seconds) / 86400.0;
    return max_boost_ * std::exp2(-age_days / half_life_);
  }

  RecencySource* clone() const override {
    return new RecencySource(get_slot(), max_boost_, reference_, half_life_);
  }

  std::string get_description() const override { return "RecencySource()"; }

 private:
  double max_boost_;
  double reference_;
  double half_life_;
};

}  // namespace

Xapian::Query with_recency_boost(const Xapian::Query& query, double max_boost,
                                 int64_t reference_seconds, double half_life_days) {
  auto* source = new RecencySource(static_cast<Xapian::valueno>(date_field().slot), max_boost,
                                   static_cast<double>(reference_seconds), half_life_days);
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(source->release()));
}

}  // namespace dateline
