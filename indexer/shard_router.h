// Which shard of an archive (common/archive.h) an input file goes to.  A
// file is a unit and goes whole to one shard:
//   1. the shard holding the story of one of its articles, so that a
//      story's versions stay together and one of them is current;
//   2. else the shard that already holds the file (its file record);
//   3. else the shard of its earliest-dated article's period ("undated"
//      when none has a date).
// Stories routed earlier in the same run count as held.
#pragma once

#include <xapian.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/archive.h"
#include "indexer/file_ingest.h"

namespace dateline {

class ShardRouter {
 public:
  explicit ShardRouter(const Archive& archive) : archive_(archive) {}

  // A shard to consult (it must outlive the router); consulted in the order
  // added.
  void add_shard(const std::string& name, const Xapian::Database& db);

  // The shard holding the record of `canonical_path`, if any.
  std::optional<std::string> shard_holding_file(const std::string& canonical_path) const;

  // The shard `input` goes to (rules above); remembers its stories.
  std::string route(const InputFile& input);

 private:
  std::optional<std::string> shard_holding_story(const std::string& story_term) const;

  const Archive& archive_;
  std::vector<std::pair<std::string, const Xapian::Database*>> shards_;
  std::map<std::string, std::string> stories_routed_;  // story term -> shard, this run
};

}  // namespace dateline
