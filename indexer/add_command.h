// `indexer add PATH...`: indexes files and folders into the index, replacing
// articles already there by id, and reports added/replaced/rejected.
#pragma once

#include <string>
#include <vector>

#include "indexer/command_context.h"
#include "indexer/file_ingest.h"

namespace dateline {

struct AddReport {
  std::size_t files = 0;
  std::size_t added = 0;
  std::size_t replaced = 0;
  std::size_t rejected = 0;  // files and records
  std::size_t articles_in_index = 0;
  int interrupted_by = 0;  // the signal, or 0
};

AddReport run_add(const CommandContext& context, const std::vector<std::string>& paths,
                  const IngestOptions& options);

}  // namespace dateline
