#include "common/metadata_overrides.h"

#include "common/agency.h"
#include "common/error.h"
#include "common/text.h"

namespace dateline {

MetadataOverrides MetadataOverrides::from_flags(const std::optional<std::string>& source,
                                                const std::optional<std::string>& location,
                                                const std::optional<std::string>& date) {
  MetadataOverrides o;
  if (source) {
    if (text::trim(*source).empty()) throw UsageError("--source is empty");
    o.source = agency_display_name(*source);
  }
  if (location) {
    if (text::trim(*location).empty()) throw UsageError("--location is empty");
    o.location = text::collapse_whitespace(*location);
  }
  if (date) {
    o.date = parse_iso_timestamp(*date);
    if (!o.date) {
      throw UsageError("--date '" + *date +
                       "' is not a date (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)");
    }
  }
  return o;
}

void MetadataOverrides::apply(Article& article) const {
  if (source) article.source = *source;
  if (location) {
    article.location.city = *location;
    article.location.region.clear();
  }
  if (date) article.date = date;
}

}  // namespace dateline
