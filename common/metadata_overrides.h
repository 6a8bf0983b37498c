// Metadata given on the indexer's command line (--source, --location,
// --date), which wins over what the files say.
#pragma once

#include <optional>
#include <string>

#include "common/article.h"

namespace dateline {

struct MetadataOverrides {
  std::optional<std::string> source;
  std::optional<std::string> location;
  std::optional<Timestamp> date;

  // Throws UsageError for a date that does not parse.
  static MetadataOverrides from_flags(const std::optional<std::string>& source,
                                      const std::optional<std::string>& location,
                                      const std::optional<std::string>& date);

  void apply(Article& article) const;
};

}  // namespace dateline
