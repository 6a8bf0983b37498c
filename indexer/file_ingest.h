// Indexing one input file as a unit: read it (noticing when it changes or
// vanishes underneath), parse it, replace the articles it held before with
// the ones it holds now, and record its size, time and hash.  Shared by
// `add`, `sync` and `rebuild`.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "common/index_writer.h"
#include "common/metadata_overrides.h"
#include "common/parser.h"

namespace dateline {

struct IngestOptions {
  MetadataOverrides overrides;
  const Parser* forced_parser = nullptr;  // --format; nullptr = detect
};

struct IngestCounts {
  std::size_t added = 0;
  std::size_t replaced = 0;
  std::size_t rejected = 0;  // the file, or records in it
  std::size_t articles = 0;  // articles written
  bool skipped = false;      // vanished or changed while read: left for the next run
};

// What stat() says of a file; nullopt when it is gone.
struct FileStat {
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;
};
std::optional<FileStat> stat_file(const std::filesystem::path& path);

// The canonical absolute path recorded for `path`.
std::string canonical_path(const std::filesystem::path& path);

// Indexes `file`.  Rejections are logged one line each ("PATH: rejected:
// why").  A file that cannot be parsed keeps the articles it had.
IngestCounts ingest_file(IndexWriter& writer, const std::filesystem::path& file,
                         const IngestOptions& options);

// Reads a whole file; throws ParseError with the reason when it cannot.
std::string read_file(const std::filesystem::path& path);

}  // namespace dateline
