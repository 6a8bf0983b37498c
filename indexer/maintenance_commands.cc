#include "indexer/maintenance_commands.h"

#include <spdlog/spdlog.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/archive.h"
#include "common/file_record.h"
#include "common/index_layout.h"
#include "common/index_lock.h"
#include "common/index_writer.h"
#include "common/schema.h"
#include "indexer/file_ingest.h"
#include "indexer/index_store.h"

namespace dateline {
namespace fs = std::filesystem;
namespace {

void require_index(const IndexLayout& layout) {
  if (!layout.exists()) throw std::runtime_error("no Dateline index at " + layout.root().string());
}

bool is_under(const std::string& path, const std::string& folder) {
  return path == folder ||
         (path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 &&
          path[folder.size()] == '/');
}

// For each term with `prefix`, how many of its documents also have the term
// `within` (a merge of two sorted postlists; no Enquire, see
// xapian_workarounds.h for why exact counts of filters avoid it).
std::map<std::string, Xapian::doccount> term_counts(const Xapian::Database& db,
                                                    const std::string& prefix,
                                                    const std::string& within) {
  std::map<std::string, Xapian::doccount> counts;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    Xapian::doccount n = 0;
    auto other = db.postlist_begin(within);
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
      other.skip_to(*p);
      if (other == db.postlist_end(within)) break;
      n += *other == *p;
    }
    counts[(*t).substr(prefix.size())] = n;
  }
  return counts;
}

}  // namespace

int run_remove(const CommandContext& context, const std::vector<std::string>& targets) {
  if (!Archive::is_archive(context.index)) require_index(IndexLayout(context.index));
  IndexStore store(context, /*remove_stale=*/false);
  const auto records = store.file_records();
  auto logger = spdlog::get("indexer");
  std::size_t removed = 0, not_found = 0;
  for (const std::string& target : targets) {
    const std::string path = canonical_path(target);
    std::size_t matched_files = 0;
    for (const auto& [recorded, record] : records) {
      if (!is_under(recorded, path)) continue;
      removed += store.forget_file(recorded);
      ++matched_files;
    }
    if (matched_files > 0) continue;
    if (store.remove_id(target)) {
      ++removed;
      continue;
    }
    logger->warn("{}: not found: no article with this id and no indexed file under this path",
                 target);
    ++not_found;
  }
  store.commit();
  std::cout << "indexer: removed " << removed << " articles; the index holds "
            << store.article_count() << " articles\n";
  return not_found == 0 ? kExitOk : kExitRejected;
}

int run_stats(const CommandContext& context, bool json) {
  const IndexLayout layout(context.index);
  require_index(layout);
  const Xapian::Database db(context.index.string());
  const std::string current(kCurrentVersionTerm);

  std::map<std::string, Xapian::doccount> by_year;
  for (const auto& [month, n] :
       term_counts(db, std::string(find_field("month")->prefix), current)) {
    by_year[month.substr(0, 4)] += n;
  }
  const auto by_source = term_counts(db, std::string(find_field("source")->prefix), current);
  std::size_t files = 0;
  for (auto k = db.metadata_keys_begin(std::string(kFileRecordPrefix));
       k != db.metadata_keys_end(std::string(kFileRecordPrefix)); ++k) {
    ++files;
  }
  // An archive's syncs are recorded at its root, unless the shard has its own.
  std::string last_sync;
  std::ifstream(fs::exists(context.index / "last-sync") || context.archive.empty()
                    ? context.index / "last-sync"
                    : context.archive / "last-sync") >>
      last_sync;

  nlohmann::ordered_json j;
  j["index"] = context.index.string();
  j["articles"] = db.get_doccount();
  j["current_articles"] = db.get_termfreq(std::string(kCurrentVersionTerm));
  j["files"] = files;
  j["by_source"] = by_source;
  j["by_year"] = by_year;
  j["last_sync"] =
      last_sync.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(last_sync);
  j["size_bytes"] = layout.live_size_bytes();
  j["revision"] = db.get_revision();
  if (json) {
    std::cout << j.dump() << "\n";
    return kExitOk;
  }
  std::cout << "index      " << context.index.string() << "\n"
            << "articles   " << db.get_doccount() << " ("
            << j["current_articles"].get<Xapian::doccount>() << " current versions)\n"
            << "files      " << files << "\n"
            << "last sync  " << (last_sync.empty() ? "never" : last_sync) << "\n"
            << "size       " << (layout.live_size_bytes() + 512 * 1024) / (1024 * 1024) << " MB\n"
            << "by source \n";
  for (const auto& [source, n] : by_source) std::cout << "  " << source << "  " << n << "\n";
  std::cout << "by year\n";
  for (const auto& [year, n] : by_year) std::cout << "  " << year << "  " << n << "\n";
  return kExitOk;
}

int run_check(const CommandContext& context) {
  const IndexLayout layout(context.index);
  require_index(layout);
  std::ostringstream xapian_report;
  const size_t structural = Xapian::Database::check(layout.live_generation().string(),
                                                    Xapian::DBCHECK_SHORT_TREE, &xapian_report);
  auto logger = spdlog::get("indexer");
  std::size_t problems = structural;
  if (structural)
    logger->warn("check: Xapian found {} errors:\n{}", structural, xapian_report.str());

  const Xapian::Database db(context.index.string());
  // At most one current version per story.
  const std::string story_prefix(story_field().prefix);
  const std::string current(kCurrentVersionTerm);
  for (auto t = db.allterms_begin(story_prefix); t != db.allterms_end(story_prefix); ++t) {
    std::size_t current_versions = 0;
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
      const Xapian::Document doc = db.get_document(*p);
      auto terms = doc.termlist_begin();
      terms.skip_to(current);
      current_versions += terms != doc.termlist_end() && *terms == current;
    }
    if (current_versions > 1) {
      logger->warn("check: story {} has {} current versions", (*t).substr(story_prefix.size()),
                   current_versions);
      ++problems;
    }
  }
  // Files known and articles held agree.
  const std::string path_prefix(find_field("path")->prefix);
  for (auto k = db.metadata_keys_begin(std::string(kFileRecordPrefix));
       k != db.metadata_keys_end(std::string(kFileRecordPrefix)); ++k) {
    const auto record = decode_file_record(db.get_metadata(*k));
    if (!record) continue;
    const Xapian::doccount held = db.get_termfreq(filter_term(*find_field("path"), record->path));
    if (held != record->articles) {
      logger->warn("check: {} should hold {} articles, the index has {}", record->path,
                   record->articles, held);
      ++problems;
    }
  }
  if (problems == 0) {
    std::cout << "indexer: check: " << context.index.string() << " is sound (" << db.get_doccount()
              << " articles)\n";
    return kExitOk;
  }
  std::cout << "indexer: check: " << problems << " problems in " << context.index.string() << "\n";
  return kExitRejected;
}

int run_compact(const CommandContext& context) {
  const IndexLayout layout(context.index);
  require_index(layout);
  const IndexLock lock(context.index, context.lock_timeout, lock_holder_description(context));
  layout.remove_stale_generations();
  const std::uintmax_t before = layout.live_size_bytes();
  const fs::path generation = layout.new_generation();
  Xapian::Database(layout.live_generation().string()).compact(generation.string());
  layout.make_live(generation);
  std::cout << "indexer: compacted " << context.index.string() << ": " << before / 1024 << " KB -> "
            << layout.live_size_bytes() / 1024 << " KB\n";
  return kExitOk;
}

}  // namespace dateline
