// `indexer sync DIR`: makes the index mirror a folder.  New files are added,
// changed files re-indexed as a unit, the articles of removed files deleted;
// unchanged files are skipped on size and modification time (and, when
// only the time differs, on a content hash).  An unchanged folder writes
// nothing.  Safe to kill at any moment: the next sync finishes the job.
#pragma once

#include <string>

#include "indexer/command_context.h"
#include "indexer/file_ingest.h"

namespace dateline {

struct SyncReport {
  std::size_t files_seen = 0;
  std::size_t unchanged = 0;
  std::size_t new_files = 0;
  std::size_t changed_files = 0;
  std::size_t removed_files = 0;
  std::size_t skipped = 0;  // changing or vanishing while read: next run
  std::size_t added = 0;
  std::size_t replaced = 0;
  std::size_t deleted = 0;  // articles of removed files
  std::size_t rejected = 0;
  std::size_t articles_in_index = 0;
  bool wrote = false;  // false: the index was not touched
  int interrupted_by = 0;
};

SyncReport run_sync(const CommandContext& context, const std::string& folder,
                    const IngestOptions& options);

// One line: "sync: 3 new, 1 changed, 0 removed files; added 5, replaced 2,
// deleted 0, rejected 0; 120 unchanged (index holds 1234 articles)".
std::string describe(const SyncReport& report, const std::string& verb);

}  // namespace dateline
