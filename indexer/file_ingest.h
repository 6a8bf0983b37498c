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

// A file read and parsed, not yet written.
struct InputFile {
  std::string canonical;  // the path recorded for it
  FileStat stat;          // as it was when read
  std::string hash;       // content_hash() of what was read
  ParseResult parsed;     // metadata overrides applied
};

// Reads and parses `file`; nullopt when it was rejected whole (logged, and
// counted in `counts`) or vanished or changed while read (counts.skipped).
// Rejected records are counted too, and logged when `log_records`.
std::optional<InputFile> read_input_file(const std::filesystem::path& file,
                                         const IngestOptions& options, IngestCounts& counts,
                                         bool log_records = true);

// Writes a file read by read_input_file as a unit: its articles replace the
// ones it held before, which go when it no longer holds them, and its
// record is updated.  Adds to `counts`.
void write_input_file(IndexWriter& writer, const InputFile& input, IngestCounts& counts);

// Indexes `file`: read_input_file, then write_input_file.  Rejections are logged one line each
// ("PATH: rejected: why").  A file that cannot be parsed keeps the articles it had.
IngestCounts ingest_file(IndexWriter& writer, const std::filesystem::path& file,
                         const IngestOptions& options);

// Reads a whole file; throws ParseError with the reason when it cannot.
std::string read_file(const std::filesystem::path& path);

}  // namespace dateline
