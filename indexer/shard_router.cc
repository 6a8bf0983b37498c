#include "indexer/shard_router.h"

#include "common/file_record.h"
#include "common/schema.h"

namespace dateline {

void ShardRouter::add_shard(const std::string& name, const Xapian::Database& db) {
  shards_.emplace_back(name, &db);
}

std::optional<std::string> ShardRouter::shard_holding_file(
    const std::string& canonical_path) const {
  const std::string key = file_record_key(canonical_path);
  for (const auto& [name, db] : shards_) {
    if (!db->get_metadata(key).empty()) return name;
  }
  return std::nullopt;
}

std::optional<std::string> ShardRouter::shard_holding_story(const std::string& story_term) const {
  if (const auto it = stories_routed_.find(story_term); it != stories_routed_.end()) {
    return it->second;
  }
  for (const auto& [name, db] : shards_) {
    if (db->term_exists(story_term)) return name;
  }
  return std::nullopt;
}

std::string ShardRouter::route(const InputFile& input) {
  std::vector<std::string> stories;
  for (const Article& a : input.parsed.articles) {
    stories.push_back(filter_term(story_field(), story_key(a)));
  }
  std::optional<std::string> shard;
  for (std::size_t i = 0; !shard && i < stories.size(); ++i) {
    shard = shard_holding_story(stories[i]);
  }
  if (!shard) shard = shard_holding_file(input.canonical);
  if (!shard) {
    std::optional<Timestamp> earliest;
    for (const Article& a : input.parsed.articles) {
      if (a.date && (!earliest || a.date->seconds() < earliest->seconds())) earliest = a.date;
    }
    shard = archive_.shard_for_date(earliest);
  }
  for (const std::string& story : stories) stories_routed_.emplace(story, *shard);
  return *shard;
}

}  // namespace dateline
