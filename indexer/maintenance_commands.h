// The small indexer commands: remove, stats, check, compact.
#pragma once

#include <string>
#include <vector>

#include "indexer/command_context.h"

namespace dateline {

// `indexer remove ID|PATH...`: a path (file or folder, as indexed) removes
// the articles of those files and forgets them; anything else is taken as
// an article id.  Returns the exit status.
int run_remove(const CommandContext& context, const std::vector<std::string>& targets);

// `indexer stats [--json]`: articles (all versions, current), by source and
// by year, files known, last sync, size on disk.
int run_stats(const CommandContext& context, bool json);

// `indexer check`: Xapian's structural check of the live generation, then
// Dateline's own invariants (one current version per story at most, every
// article's file known, every known file's article count right).
int run_check(const CommandContext& context);

// `indexer compact`: writes a compacted copy of the live generation and
// swaps it in atomically.
int run_compact(const CommandContext& context);

}  // namespace dateline
