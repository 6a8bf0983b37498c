// `indexer add`: reads files and folders, parses every article, applies the
// command-line metadata and writes the articles into the index.  Every
// rejected file or record is reported on its own line and skipped.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/metadata_overrides.h"
#include "common/parser.h"

namespace dateline {

struct AddOptions {
  std::string index_path;
  std::vector<std::string> paths;
  MetadataOverrides overrides;
  const Parser* forced_parser = nullptr;  // --format; nullptr = detect per file
};

struct AddReport {
  size_t files = 0;
  size_t added = 0;
  size_t replaced = 0;
  size_t rejected = 0;  // files and records
  size_t articles_in_index = 0;
};

// Rejection lines go to the "indexer" spdlog logger.
AddReport run_add(const AddOptions& options);

}  // namespace dateline
