// Facets (--facets source,location,country,month): how many articles of the
// whole result set have each value of a field, read from the field's value
// slot while the match runs.  Any schema filter field with a value slot can
// be a facet.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/schema.h"

namespace dateline {

struct FacetCount {
  std::string value;  // as the articles write it ("AFP", "Rio de Janeiro", "2014-01")
  Xapian::doccount count = 0;
};

struct Facet {
  std::string name;                // the field's name
  std::vector<FacetCount> counts;  // most frequent first; months in date order
};

// The names --facets accepts, in schema order.
std::vector<std::string> facet_names();

// Throws UsageError naming an unknown facet and listing the valid ones.
void check_facet_names(const std::vector<std::string>& names);

// Counts values while a match runs; keep it alive until results() is read.
class FacetCounter {
 public:
  explicit FacetCounter(const std::vector<std::string>& names);
  void attach(Xapian::Enquire& enquire);
  std::vector<Facet> results(const Xapian::Database& db) const;

 private:
  std::vector<std::pair<const Field*, std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies_;
};

}  // namespace dateline
