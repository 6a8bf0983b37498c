#include "indexer/add_command.h"

#include <spdlog/spdlog.h>

#include "common/index_layout.h"
#include "common/index_lock.h"
#include "indexer/input_files.h"
#include "indexer/interruption.h"
#include "indexer/progress.h"

namespace dateline {

AddReport run_add(const CommandContext& context, const std::vector<std::string>& paths,
                  const IngestOptions& options) {
  AddReport report;
  const auto files =
      collect_input_files(paths, [&](const std::string& path, const std::string& reason) {
        spdlog::get("indexer")->warn("{}: rejected: {}", path, reason);
        ++report.rejected;
      });

  const IndexLock lock(context.index, context.lock_timeout, lock_holder_description(context));
  const IndexLayout layout(context.index);
  layout.ensure_created();
  IndexWriter writer(context.index.string());
  Progress progress(files.size());
  std::size_t articles = 0;
  for (const auto& file : files) {
    if ((report.interrupted_by = interruption_signal()) != 0) break;
    const IngestCounts counts = ingest_file(writer, file, options);
    ++report.files;
    report.added += counts.added;
    report.replaced += counts.replaced;
    report.rejected += counts.rejected;
    articles += counts.articles;
    progress.update(report.files, articles);
  }
  writer.commit();
  report.articles_in_index = writer.article_count();
  return report;
}

}  // namespace dateline
