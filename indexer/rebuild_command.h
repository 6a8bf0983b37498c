// `indexer rebuild DIR`: builds a complete new index of a folder beside the
// live one and swaps it in atomically (IndexLayout::make_live).  Searches
// keep running on the old index until the swap and see the new one after.
#pragma once

#include <optional>
#include <string>

#include "indexer/command_context.h"
#include "indexer/file_ingest.h"
#include "indexer/sync_command.h"

namespace dateline {

// With `jobs` > 1 the files are split in order into that many parts,
// indexed by as many threads, each with its own Xapian writer;
// the shards are then merged by compaction into the new generation and the
// current-version marks of stories split across shards are reconciled.
// Article ids never depend on the number of jobs.
//
// On an archive, each file of DIR is routed to its shard (ShardRouter, against
// the live shards) and the shards are rebuilt one after another, each swapped
// in when done; with `shard`, only that one, every other shard staying live
// and untouched.
SyncReport run_rebuild(const CommandContext& context, const std::string& folder,
                       const IngestOptions& options, unsigned jobs = 1,
                       const std::optional<std::string>& shard = std::nullopt);

}  // namespace dateline
