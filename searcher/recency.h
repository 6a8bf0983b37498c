// The recency boost of --recent: each match gains up to `max_boost`, which
// halves for every `half_life_days` its date lies from the reference time
// (before it, or after it when searching an archive "as of" a day; an
// article without a date gains nothing).  Added to the relevance score, so relevance still decides
// among articles of the same age.
#pragma once

#include <xapian.h>

#include <cstdint>

namespace dateline {

inline constexpr double kRecencyHalfLifeDays = 7.0;

// `query` with the boost added to each match's weight.
Xapian::Query with_recency_boost(const Xapian::Query& query, double max_boost,
                                 int64_t reference_seconds,
                                 double half_life_days = kRecencyHalfLifeDays);

}  // namespace dateline
