#include "indexer/file_ingest.h"

#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "common/error.h"
#include "common/file_record.h"
#include "common/format_registry.h"

namespace dateline {
namespace fs = std::filesystem;
namespace {

// Larger inputs are not news articles; refuse rather than exhaust memory.
constexpr std::uintmax_t kMaxFileBytes = 512ull * 1024 * 1024;

void reject(IngestCounts& counts, const std::string& where, const std::string& reason) {
  spdlog::get("indexer")->warn("{}: rejected: {}", where, reason);
  ++counts.rejected;
}

}  // namespace

std::optional<FileStat> stat_file(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileStat{static_cast<std::uintmax_t>(st.st_size),
                  static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

std::string canonical_path(const fs::path& path) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(fs::absolute(path), ec);
  return ec ? fs::absolute(path).lexically_normal().string() : canonical.string();
}

std::string read_file(const fs::path& path) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > kMaxFileBytes) {
    throw ParseError("file too large (" + std::to_string(size / (1024 * 1024)) +
                     " MB; the limit is 512 MB)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ParseError(std::string("cannot open: ") + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw ParseError(std::string("read error: ") + std::strerror(errno));
  return std::move(buffer).str();
}

std::optional<InputFile> read_input_file(const fs::path& file, const IngestOptions& options,
                                         IngestCounts& counts, bool log_records) {
  const std::string shown = file.string();
  auto logger = spdlog::get("indexer");
  InputFile input;
  input.canonical = canonical_path(file);

  const auto before = stat_file(file);
  if (!before) {
    logger->info("{}: vanished before it could be read; left for the next run", shown);
    counts.skipped = true;
    return std::nullopt;
  }
  std::string content;
  try {
    content = read_file(file);
    const auto after = stat_file(file);
    if (!after || after->size != before->size || after->mtime_ns != before->mtime_ns ||
        content.size() != before->size) {
      logger->info("{}: changed while being read; left for the next run", shown);
      counts.skipped = true;
      return std::nullopt;
    }
    const Parser& parser = options.forced_parser ? *options.forced_parser : detect_parser(content);
    input.parsed = parser.parse(content, input.canonical);
  } catch (const ParseError& e) {
    reject(counts, shown, e.what());
    return std::nullopt;
  }
  for (const RejectedRecord& r : input.parsed.rejected) {
    if (!log_records) {
      ++counts.rejected;
      continue;
    }
    reject(counts, shown + ": record " + std::to_string(r.record) + " (" + r.label + ")", r.reason);
  }
  for (Article& article : input.parsed.articles) options.overrides.apply(article);
  input.stat = *before;
  input.hash = content_hash(content);
  return input;
}

void write_input_file(IndexWriter& writer, const InputFile& input, IngestCounts& counts) {
  // The file is a unit: what it holds now replaces what it held before (by
  // id, keeping document ids), and ids it no longer holds are removed.
  // (Deleting everything first and re-adding was measured to be slower, and
  // with Xapian 1.4.22 left postlists that a weightless boolean query could
  // not read: "Unexpected end of posting list".)
  std::set<std::string> previous_ids;
  for (const std::string& id : writer.ids_from(input.canonical)) previous_ids.insert(id);
  std::set<std::string> current_ids;
  for (const Article& article : input.parsed.articles) {
    const bool existed = previous_ids.count(article.id) > 0;
    if (writer.write(article) == IndexWriter::Outcome::kReplaced || existed) {
      ++counts.replaced;
    } else {
      ++counts.added;
    }
    current_ids.insert(article.id);
    ++counts.articles;
  }
  for (const std::string& id : previous_ids) {
    if (!current_ids.count(id)) writer.remove_id(id);
  }
  FileRecord record;
  record.path = input.canonical;
  record.size = input.stat.size;
  record.mtime_ns = input.stat.mtime_ns;
  record.hash = input.hash;
  record.articles = current_ids.size();  // an id given twice is one article
  record.rejected = input.parsed.rejected.size();
  writer.set_file_record(record);
  writer.maybe_commit();
}

IngestCounts ingest_file(IndexWriter& writer, const fs::path& file, const IngestOptions& options) {
  IngestCounts counts;
  if (const auto input = read_input_file(file, options, counts)) {
    write_input_file(writer, *input, counts);
  }
  return counts;
}

}  // namespace dateline
