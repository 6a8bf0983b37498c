#include "indexer/rebuild_command.h"

#include <spdlog/spdlog.h>

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "common/archive.h"
#include "common/error.h"
#include "common/index_layout.h"
#include "common/index_lock.h"
#include "indexer/input_files.h"
#include "indexer/interruption.h"
#include "indexer/progress.h"
#include "indexer/shard_router.h"

namespace dateline {
namespace fs = std::filesystem;

namespace {

// Indexes `files` into a new database at `path`; adds its counts to `report`.
void index_files(const fs::path& path, const std::vector<std::string>& files,
                 const IngestOptions& options, SyncReport& report, bool show_progress) {
  IndexWriter writer(path.string());
  Progress progress(show_progress ? files.size() : 0);
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
}

// Splits `files` into at most `jobs` runs of consecutive files of about equal
// size.  Shard k holds files that all come before shard k+1's, so the shards
// merged in order hold the articles in the order one worker gives them (and
// break ties between equal scores the same way).
std::vector<std::vector<std::string>> split_in_order(const std::vector<std::string>& files,
                                                     unsigned jobs) {
  std::vector<std::uintmax_t> sizes;
  std::uintmax_t total = 0;
  for (const auto& f : files) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(f, ec);
    sizes.push_back(ec ? 0 : size + 1);
    total += sizes.back();
  }
  std::vector<std::vector<std::string>> shares(1);
  std::uintmax_t done = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    // Start the next share once this one holds its part of the bytes.
    if (!shares.back().empty() && shares.size() < jobs && done * jobs >= total * shares.size()) {
      shares.emplace_back();
    }
    shares.back().push_back(files[i]);
    done += sizes[i];
  }
  return shares;
}

// Builds a new generation of the index at `root` from `files` beside the
// live one and makes it live; adds its counts to `report`.
void rebuild_one(const fs::path& root, const std::vector<std::string>& files,
                 const IngestOptions& options, unsigned jobs, SyncReport& report) {
  const IndexLayout layout(root);
  layout.ensure_created();
  layout.remove_stale_generations();
  const fs::path generation = layout.new_generation();
  const fs::path building = layout.building_folder(generation);

  if (jobs == 1) {
    index_files(generation, files, options, report, true);
  } else {
    fs::create_directories(building);
    const std::vector<std::vector<std::string>> shares = split_in_order(files, jobs);
    jobs = static_cast<unsigned>(shares.size());
    std::vector<SyncReport> shard_reports(jobs);
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::thread> workers;
    std::vector<std::exception_ptr> failures(jobs);
    for (unsigned k = 0; k < jobs; ++k) {
      workers.emplace_back([&, k] {
        try {
          index_files(building / ("shard-" + std::to_string(k)), shares[k], options,
                      shard_reports[k], false);
        } catch (...) {
          failures[k] = std::current_exception();
        }
      });
    }
    for (auto& w : workers) w.join();
    for (const auto& f : failures) {
      if (f) {
        fs::remove_all(building);
        std::rethrow_exception(f);
      }
    }
    for (const SyncReport& r : shard_reports) {
      report.new_files += r.new_files;
      report.added += r.added;
      report.rejected += r.rejected;
      report.skipped += r.skipped;
      if (r.interrupted_by) report.interrupted_by = r.interrupted_by;
    }
    const auto indexed = std::chrono::steady_clock::now();
    if (report.interrupted_by == 0) {
      Xapian::Database shards;
      for (unsigned k = 0; k < jobs; ++k) {
        shards.add_database(Xapian::Database((building / ("shard-" + std::to_string(k))).string()));
      }
      shards.compact(generation.string());
      IndexWriter merged(generation.string());
      merged.resolve_duplicate_ids();  // an id filed again in a later shard's files
      merged.reconcile_current_versions();
      merged.commit();
      const auto seconds = [](auto from, auto to) {
        return std::chrono::duration<double>(to - from).count();
      };
      spdlog::get("indexer")->info("rebuild: {} shards indexed in {:.1f} s, merged in {:.1f} s",
                                   jobs, seconds(started, indexed),
                                   seconds(indexed, std::chrono::steady_clock::now()));
    }
    fs::remove_all(building);
  }
  if (report.interrupted_by != 0) {
    // The live index was never touched; drop the half-built one.
    fs::remove_all(generation);
    return;
  }
  report.articles_in_index += Xapian::Database(generation.string()).get_doccount();
  layout.make_live(generation);
  report.wrote = true;
}

// An archive: each file is routed to its shard (against the live shards),
// then each shard asked for is rebuilt from its files, one after another.
void rebuild_archive(const CommandContext& context, const std::vector<std::string>& files,
                     const IngestOptions& options, unsigned jobs,
                     const std::optional<std::string>& only, SyncReport& report) {
  Archive archive(context.index);
  if (only && only->find('/') != std::string::npos) {
    throw UsageError("--shard '" + *only + "' is not a shard name");
  }
  std::vector<std::unique_ptr<Xapian::Database>> live;
  ShardRouter router(archive);
  for (const std::string& name : archive.local_shards()) {
    live.push_back(std::make_unique<Xapian::Database>(archive.shard_root(name).string()));
    router.add_shard(name, *live.back());
  }
  std::map<std::string, std::vector<std::string>> files_of;
  for (const std::string& file : files) {
    if (auto held = router.shard_holding_file(canonical_path(file))) {
      files_of[*held].push_back(file);
      continue;
    }
    IngestCounts counts;
    const auto input = read_input_file(file, options, counts, /*log_records=*/false);
    if (input) {
      files_of[router.route(*input)].push_back(file);
    } else {
      report.rejected += counts.rejected;  // logged; no shard to index it in
      report.skipped += counts.skipped ? 1 : 0;
    }
  }
  std::vector<std::string> targets;
  if (only) {
    if (!archive.has_local_shard(*only) && !files_of.count(*only)) {
      std::string names;
      for (const auto& n : archive.local_shards()) names += (names.empty() ? "" : ", ") + n;
      throw UsageError("no shard '" + *only + "' in " + context.index.string() +
                       " and no file of the folder belongs to it (shards: " +
                       (names.empty() ? "none" : names) + ")");
    }
    targets.push_back(*only);
  } else {
    const std::vector<std::string> listed = archive.local_shards();
    std::set<std::string> all(listed.begin(), listed.end());
    for (const auto& [name, shard_files] : files_of) all.insert(name);
    targets.assign(all.begin(), all.end());
  }
  for (const std::string& name : targets) {
    const fs::path root = archive.shard_root(name);
    const IndexLock lock(root, context.lock_timeout, lock_holder_description(context));
    rebuild_one(root, files_of[name], options, jobs, report);
    if (report.interrupted_by != 0) break;
    archive.record_shard(name, days_held(Xapian::Database(root.string())));
    archive.save();  // each shard listed with its days as soon as it is live
    spdlog::get("indexer")->info("rebuild: shard {} rebuilt from {} files", name,
                                 files_of[name].size());
  }
  archive.save();
  if (only) return;
  report.articles_in_index = 0;
  for (const std::string& name : archive.local_shards()) {
    report.articles_in_index += Xapian::Database(archive.shard_root(name).string()).get_doccount();
  }
}

}  // namespace

SyncReport run_rebuild(const CommandContext& context, const std::string& folder,
                       const IngestOptions& options, unsigned jobs,
                       const std::optional<std::string>& shard) {
  if (!fs::is_directory(folder)) throw UsageError("rebuild: " + folder + " is not a folder");
  if (jobs == 0) throw UsageError("--jobs must be at least 1");
  SyncReport report;
  const auto files =
      collect_input_files({folder}, [&](const std::string& path, const std::string& reason) {
        spdlog::get("indexer")->warn("{}: rejected: {}", path, reason);
        ++report.rejected;
      });
  report.files_seen = files.size();

  const IndexLock lock(context.index, context.lock_timeout, lock_holder_description(context));
  if (Archive::is_archive(context.index)) {
    rebuild_archive(context, files, options, jobs, shard, report);
  } else {
    if (shard) throw UsageError("--shard: " + context.index.string() + " is not an archive");
    rebuild_one(context.index, files, options, jobs, report);
  }
  return report;
}

}  // namespace dateline
