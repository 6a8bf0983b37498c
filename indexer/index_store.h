// Where `add` and `sync` write: one Dateline index, or the shards of an
// archive (common/archive.h), each input file going whole to the shard
// ShardRouter picks.  Holds the writers' locks (the archive's and each
// shard's) while it lives.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "common/archive.h"
#include "common/file_record.h"
#include "common/index_lock.h"
#include "common/index_writer.h"
#include "indexer/command_context.h"
#include "indexer/file_ingest.h"
#include "indexer/shard_router.h"

namespace dateline {

class IndexStore {
 public:
  // Opens the index or archive at context.index (a new single index when
  // nothing is there).  `remove_stale` also removes generations a crashed
  // rebuild left behind.
  IndexStore(const CommandContext& context, bool remove_stale);
  ~IndexStore();
  IndexStore(const IndexStore&) = delete;
  IndexStore& operator=(const IndexStore&) = delete;

  // What every shard knows of input files, by canonical path.
  std::map<std::string, FileRecord> file_records() const;

  // Reads `file` and writes it as a unit into its shard.
  IngestCounts ingest(const std::filesystem::path& file, const IngestOptions& options);
  // Rewrites a file's record (sync: only its time changed).
  void update_record(const FileRecord& record);
  // Removes the articles of a file and its record; returns how many.
  std::size_t forget_file(const std::string& canonical_path);
  // Removes one article by id from every shard holding it; false when none does.
  bool remove_id(const std::string& id);

  // Commits every shard written to (and an archive's stub: new shards, and
  // the days each shard holds).
  void commit();
  Xapian::doccount article_count() const;

 private:
  struct Shard;
  Shard& shard(const std::string& name);  // opens or creates it
  Shard& shard_holding(const std::string& canonical_path);

  CommandContext context_;
  bool remove_stale_;
  std::unique_ptr<IndexLock> lock_;
  std::optional<Archive> archive_;
  std::map<std::string, std::unique_ptr<Shard>> shards_;  // "" for a single index
  std::unique_ptr<ShardRouter> router_;
};

}  // namespace dateline
