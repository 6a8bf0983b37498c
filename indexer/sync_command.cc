#include "indexer/sync_command.h"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "common/error.h"
#include "common/file_record.h"
#include "indexer/index_store.h"
#include "indexer/input_files.h"
#include "indexer/interruption.h"
#include "indexer/progress.h"

namespace dateline {
namespace fs = std::filesystem;
namespace {

bool is_under(const std::string& path, const std::string& folder) {
  return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 &&
         path[folder.size()] == '/';
}

// Unchanged by size and time; or by content when only the time differs
// (then the record's time is brought up to date).
bool unchanged(IndexStore& store, const fs::path& file, const FileRecord& record, bool& touched) {
  const auto st = stat_file(file);
  if (!st || st->size != record.size) return false;
  if (st->mtime_ns == record.mtime_ns) return true;
  std::string content;
  try {
    content = read_file(file);
  } catch (const ParseError&) {
    return false;
  }
  if (content_hash(content) != record.hash) return false;
  FileRecord updated = record;
  updated.mtime_ns = st->mtime_ns;
  store.update_record(updated);
  touched = true;
  return true;
}

}  // namespace

std::string describe(const SyncReport& r, const std::string& verb) {
  return verb + ": " + std::to_string(r.new_files) + " new, " + std::to_string(r.changed_files) +
         " changed, " + std::to_string(r.removed_files) + " removed files; added " +
         std::to_string(r.added) + ", replaced " + std::to_string(r.replaced) + ", deleted " +
         std::to_string(r.deleted) + ", rejected " + std::to_string(r.rejected) + "; " +
         std::to_string(r.unchanged) + " unchanged" +
         (r.skipped ? ", " + std::to_string(r.skipped) + " left for the next run" : "") +
         (r.wrote ? "" : " (nothing to write)") + " (index holds " +
         std::to_string(r.articles_in_index) + " articles)";
}

SyncReport run_sync(const CommandContext& context, const std::string& folder,
                    const IngestOptions& options) {
  if (!fs::is_directory(folder)) throw UsageError("sync: " + folder + " is not a folder");
  SyncReport report;
  const std::string root = canonical_path(folder);
  const auto files =
      collect_input_files({folder}, [&](const std::string& path, const std::string& reason) {
        spdlog::get("indexer")->warn("{}: rejected: {}", path, reason);
        ++report.rejected;
      });
  report.files_seen = files.size();

  IndexStore store(context, /*remove_stale=*/true);  // also what a crashed rebuild left
  const std::map<std::string, FileRecord> records = store.file_records();

  // Files gone from the folder: their articles go too.
  std::set<std::string> present;
  for (const auto& f : files) present.insert(canonical_path(f));
  for (const auto& [path, record] : records) {
    if (!is_under(path, root) || present.count(path)) continue;
    report.deleted += store.forget_file(path);
    ++report.removed_files;
    report.wrote = true;
  }

  Progress progress(files.size());
  std::size_t done = 0, articles = 0;
  for (const auto& file : files) {
    if ((report.interrupted_by = interruption_signal()) != 0) break;
    progress.update(++done, articles);
    const auto known = records.find(canonical_path(file));
    if (known != records.end()) {
      bool touched = false;
      if (unchanged(store, file, known->second, touched)) {
        ++report.unchanged;
        report.wrote |= touched;
        continue;
      }
    }
    const IngestCounts counts = store.ingest(file, options);
    if (counts.skipped) {
      ++report.skipped;
      continue;
    }
    ++(known == records.end() ? report.new_files : report.changed_files);
    report.added += counts.added;
    report.replaced += counts.replaced;
    report.rejected += counts.rejected;
    articles += counts.articles;
    report.wrote = true;
  }
  if (report.wrote) store.commit();
  report.articles_in_index = store.article_count();
  return report;
}

}  // namespace dateline
