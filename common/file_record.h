// What the index remembers about each input file, so that `sync` can tell
// new, changed, unchanged and removed files apart cheaply.  Stored as Xapian
// user metadata ("file:" + canonical path) and committed in the same
// transaction as the file's articles, so a crash never separates the two.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dateline {

struct FileRecord {
  std::string path;  // canonical
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;  // modification time, nanoseconds since the epoch
  std::string hash;           // hash of the content, to settle a changed mtime
  std::size_t articles = 0;   // articles indexed from it
  std::size_t rejected = 0;   // records rejected in it
};

inline constexpr std::string_view kFileRecordPrefix = "file:";

// The metadata key: the prefix and the path (hashed when too long for a key).
std::string file_record_key(std::string_view canonical_path);
std::string encode_file_record(const FileRecord& record);
// nullopt for data that is not a file record.
std::optional<FileRecord> decode_file_record(std::string_view data);

// The content hash used in FileRecord::hash (64-bit FNV-1a, hex).
std::string content_hash(std::string_view content);

}  // namespace dateline
