#include "indexer/add_command.h"

#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "common/error.h"
#include "common/format_registry.h"
#include "common/index_writer.h"
#include "indexer/input_files.h"

namespace dateline {
namespace fs = std::filesystem;
namespace {

// Larger inputs are not news articles; refuse rather than exhaust memory.
constexpr std::uintmax_t kMaxFileBytes = 512ull * 1024 * 1024;

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

std::string canonical_path(const fs::path& path) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(fs::absolute(path), ec);
  return ec ? fs::absolute(path).string() : canonical.string();
}

void reject(AddReport& report, const std::string& where, const std::string& reason) {
  spdlog::get("indexer")->warn("{}: rejected: {}", where, reason);
  ++report.rejected;
}

}  // namespace

AddReport run_add(const AddOptions& options) {
  AddReport report;
  const auto files = collect_input_files(
      options.paths,
      [&](const std::string& path, const std::string& reason) { reject(report, path, reason); });

  IndexWriter writer(options.index_path);
  for (const fs::path& file : files) {
    ++report.files;
    const std::string shown = file.string();
    ParseResult parsed;
    try {
      const std::string content = read_file(file);
      const Parser& parser =
          options.forced_parser ? *options.forced_parser : detect_parser(content);
      parsed = parser.parse(content, canonical_path(file));
    } catch (const ParseError& e) {
      reject(report, shown, e.what());
      continue;
    }
    for (const RejectedRecord& r : parsed.rejected) {
      reject(report, shown + ": record " + std::to_string(r.record) + " (" + r.label + ")",
             r.reason);
    }
    for (Article& article : parsed.articles) {
      options.overrides.apply(article);
      if (writer.write(article) == IndexWriter::Outcome::kAdded) {
        ++report.added;
      } else {
        ++report.replaced;
      }
    }
  }
  writer.commit();
  report.articles_in_index = writer.article_count();
  return report;
}

}  // namespace dateline
