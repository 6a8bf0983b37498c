#include "indexer/rebuild_command.h"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "common/error.h"
#include "common/index_layout.h"
#include "common/index_lock.h"
#include "indexer/input_files.h"
#include "indexer/interruption.h"
#include "indexer/progress.h"

namespace dateline {
namespace fs = std::filesystem;

SyncReport run_rebuild(const CommandContext& context, const std::string& folder,
                       const IngestOptions& options) {
  if (!fs::is_directory(folder)) throw UsageError("rebuild: " + folder + " is not a folder");
  SyncReport report;
  const auto files = collect_input_files({folder}, [&](const std::string& path,
                                                       const std::string& reason) {
    spdlog::get("indexer")->warn("{}: rejected: {}", path, reason);
    ++report.rejected;
  });
  report.files_seen = files.size();

  const IndexLock lock(context.index, context.lock_timeout, lock_holder_description(context));
  const IndexLayout layout(context.index);
  layout.ensure_created();
  layout.remove_stale_generations();
  const fs::path generation = layout.new_generation();
  {
    IndexWriter writer(generation.string());
    Progress progress(files.size());
    std::size_t done = 0, articles = 0;
    for (const auto& file : files) {
      if ((report.interrupted_by = interruption_signal()) != 0) break;
      const IngestCounts counts = ingest_file(writer, file, options);
      progress.update(++done, articles += counts.articles);
      if (counts.skipped) {
        ++report.skipped;
        continue;
      }
      ++report.new_files;
      report.added += counts.added + counts.replaced;
      report.rejected += counts.rejected;
    }
    writer.commit();
    report.articles_in_index = writer.article_count();
  }
  if (report.interrupted_by != 0) {
    // The live index was never touched; drop the half-built one.
    fs::remove_all(generation);
    return report;
  }
  layout.make_live(generation);
  report.wrote = true;
  return report;
}

}  // namespace dateline
