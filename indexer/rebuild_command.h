// `indexer rebuild DIR`: builds a complete new index of a folder beside the
// live one and swaps it in atomically (IndexLayout::make_live).  Searches
// keep running on the old index until the swap and see the new one after.
#pragma once

#include <string>

#include "indexer/command_context.h"
#include "indexer/file_ingest.h"
#include "indexer/sync_command.h"

namespace dateline {

SyncReport run_rebuild(const CommandContext& context, const std::string& folder,
                       const IngestOptions& options);

}  // namespace dateline
