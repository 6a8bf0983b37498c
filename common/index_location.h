// Where the index lives: one default shared by indexer and searcher.
//   --index PATH  >  $DATELINE_INDEX  >  $XDG_DATA_HOME/dateline/index
//                 >  $HOME/.local/share/dateline/index  >  ./dateline-index
#pragma once

#include <optional>
#include <string>

namespace dateline {

// The path given by --index when there is one, else the default above.
std::string resolve_index_path(const std::optional<std::string>& from_flag);

}  // namespace dateline
