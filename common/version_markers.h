// The markers agencies put on headlines and slugs of later versions of a
// story: "UPDATE 1-", "UPDATE 2-", "CORRECTED-", "REFILE-", "RPT-",
// "CORRECTED-UPDATE 1-", "(UPDATE 1, PIX)", "(CORRECTED)".  They say what
// kind of version this is; they are not part of the headline.
#pragma once

#include <string>
#include <string_view>

namespace dateline {

struct VersionMarkers {
  std::string text;  // the headline or slug without the markers
  int update = 0;    // N of "UPDATE N", 0 when there is none
  bool corrected = false;
  bool refiled = false;
};

VersionMarkers strip_version_markers(std::string_view headline);

}  // namespace dateline
