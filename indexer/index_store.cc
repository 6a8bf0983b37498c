#include "indexer/index_store.h"

#include "common/index_layout.h"

namespace dateline {
namespace fs = std::filesystem;

struct IndexStore::Shard {
  // `locked`: the caller holds this index's lock already (a single index);
  // otherwise the shard's own lock is taken.
  Shard(const fs::path& root, const CommandContext& context, bool remove_stale, bool locked)
      : lock(locked ? nullptr
                    : std::make_unique<IndexLock>(root, context.lock_timeout,
                                                  lock_holder_description(context))),
        writer((prepare(root, remove_stale), root.string())) {}
  static void prepare(const fs::path& root, bool remove_stale) {
    const IndexLayout layout(root);
    layout.ensure_created();
    if (remove_stale) layout.remove_stale_generations();
  }
  std::unique_ptr<IndexLock> lock;
  IndexWriter writer;
};

IndexStore::IndexStore(const CommandContext& context, bool remove_stale)
    : context_(context), remove_stale_(remove_stale) {
  lock_ = std::make_unique<IndexLock>(context.index, context.lock_timeout,
                                      lock_holder_description(context));
  if (!Archive::is_archive(context.index)) {
    shards_.emplace("", std::make_unique<Shard>(context.index, context, remove_stale, true));
    return;
  }
  archive_.emplace(context.index);
  router_ = std::make_unique<ShardRouter>(*archive_);
  for (const std::string& name : archive_->local_shards()) shard(name);
}

IndexStore::~IndexStore() = default;

IndexStore::Shard& IndexStore::shard(const std::string& name) {
  auto& slot = shards_[name];
  if (!slot) {
    slot = std::make_unique<Shard>(archive_->shard_root(name), context_, remove_stale_, false);
    router_->add_shard(name, slot->writer.database());
  }
  return *slot;
}

IndexStore::Shard& IndexStore::shard_holding(const std::string& canonical_path) {
  if (!archive_) return *shards_.begin()->second;
  const auto name = router_->shard_holding_file(canonical_path);
  return name ? shard(*name) : *shards_.begin()->second;
}

std::map<std::string, FileRecord> IndexStore::file_records() const {
  std::map<std::string, FileRecord> records;
  for (const auto& [name, s] : shards_) records.merge(s->writer.file_records());
  return records;
}

IngestCounts IndexStore::ingest(const fs::path& file, const IngestOptions& options) {
  IngestCounts counts;
  const auto input = read_input_file(file, options, counts);
  if (!input) return counts;
  if (!archive_) {
    write_input_file(shards_.begin()->second->writer, *input, counts);
    return counts;
  }
  const std::string name = router_->route(*input);
  std::optional<DayRange> days;
  for (const Article& a : input->parsed.articles) {
    if (!a.date) continue;
    const int64_t day = day_of(a.date->seconds());
    days =
        days ? DayRange{std::min(days->first, day), std::max(days->last, day)} : DayRange{day, day};
  }
  if (archive_->cover(name, days)) archive_->save();  // before a commit can show them
  Shard& target = shard(name);
  // A file that now belongs elsewhere (it carries a story another shard
  // holds) leaves the shard that held it.
  if (const auto held = router_->shard_holding_file(input->canonical); held && *held != name) {
    IndexWriter& old = shard(*held).writer;
    old.remove_path(input->canonical);
    old.erase_file_record(input->canonical);
  }
  // An id is kept in one shard: a file that files again an article another
  // shard holds takes it over (as writing it into one index would).
  for (auto& [name, other] : shards_) {
    if (other.get() == &target) continue;
    for (const Article& article : input->parsed.articles) other->writer.remove_refiled(article.id);
  }
  write_input_file(target.writer, *input, counts);
  return counts;
}

void IndexStore::update_record(const FileRecord& record) {
  shard_holding(record.path).writer.set_file_record(record);
}

std::size_t IndexStore::forget_file(const std::string& canonical_path) {
  IndexWriter& writer = shard_holding(canonical_path).writer;
  const std::size_t removed = writer.remove_path(canonical_path);
  writer.erase_file_record(canonical_path);
  writer.maybe_commit();
  return removed;
}

bool IndexStore::remove_id(const std::string& id) {
  bool removed = false;
  for (auto& [name, s] : shards_) removed |= s->writer.remove_id(id);
  return removed;
}

void IndexStore::commit() {
  for (auto& [name, s] : shards_) {
    s->writer.commit();
    if (archive_) archive_->record_shard(name, days_held(s->writer.database()));
  }
  if (archive_) archive_->save();
}

Xapian::doccount IndexStore::article_count() const {
  Xapian::doccount n = 0;
  for (const auto& [name, s] : shards_) n += s->writer.article_count();
  return n;
}

}  // namespace dateline
