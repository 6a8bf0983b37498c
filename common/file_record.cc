#include "common/file_record.h"

#include <nlohmann/json.hpp>

#include "common/text.h"

namespace dateline {

std::string file_record_key(std::string_view canonical_path) {
  std::string key(kFileRecordPrefix);
  // Xapian metadata keys are limited to about 245 bytes.
  if (key.size() + canonical_path.size() <= 200) {
    key += canonical_path;
  } else {
    key += "#";
    key += text::hash_hex(canonical_path);
  }
  return key;
}

std::string encode_file_record(const FileRecord& r) {
  return nlohmann::json{{"path", r.path}, {"size", r.size},         {"mtime_ns", r.mtime_ns},
                        {"hash", r.hash}, {"articles", r.articles}, {"rejected", r.rejected}}
      .dump();
}

std::optional<FileRecord> decode_file_record(std::string_view data) {
  const auto j = nlohmann::json::parse(data, nullptr, false);
  if (!j.is_object() || !j.contains("size") || !j.contains("mtime_ns")) return std::nullopt;
  FileRecord r;
  r.path = j.value("path", "");
  r.size = j.value("size", std::uintmax_t{0});
  r.mtime_ns = j.value("mtime_ns", std::int64_t{0});
  r.hash = j.value("hash", "");
  r.articles = j.value("articles", std::size_t{0});
  r.rejected = j.value("rejected", std::size_t{0});
  return r;
}

std::string content_hash(std::string_view content) { return text::hash_hex(content); }

}  // namespace dateline
