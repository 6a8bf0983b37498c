#include "indexer/add_command.h"

#include <spdlog/spdlog.h>

#include "indexer/index_store.h"
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

  IndexStore store(context, /*remove_stale=*/false);
  Progress progress(files.size());
  std::size_t articles = 0;
  for (const auto& file : files) {
    if ((report.interrupted_by = interruption_signal()) != 0) break;
    const IngestCounts counts = store.ingest(file, options);
    ++report.files;
    report.added += counts.added;
    report.replaced += counts.replaced;
    report.rejected += counts.rejected;
    articles += counts.articles;
    progress.update(report.files, articles);
  }
  store.commit();
  report.articles_in_index = store.article_count();
  return report;
}

}  // namespace dateline
