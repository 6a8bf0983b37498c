// A time-sharded archive: one Dateline index (a shard) per year or month,
// listed in a stub database that Xapian and Dateline's searcher open as one.
//
//   ARCHIVE/XAPIANDB        the stub (shard_list.h): a header naming the
//                           period, then "# shard 2014 dates ..." and
//                           "auto shards/2014" for each shard
//   ARCHIVE/shards/2014/    a complete Dateline index (index_layout.h)
//   ARCHIVE/dateline.lock   the archive's writers' lock (index_lock.h)
//
// Shards are named after their period ("2014", or "2014-03" by month);
// articles without a date go to "undated".  Remote shards an operator lists
// in the stub are kept as they are when the indexer rewrites it.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/shard_list.h"
#include "common/timestamp.h"

namespace dateline {

enum class ShardPeriod { kYear, kMonth };

class Archive {
 public:
  // True when `root` holds an archive (its stub starts with the header).
  static bool is_archive(const std::filesystem::path& root);

  // Creates an empty archive at `root`, which must not exist or be an empty
  // folder.  Throws UsageError otherwise.
  static void create(const std::filesystem::path& root, ShardPeriod period);

  // Opens the archive at `root`; throws std::runtime_error when it is none.
  explicit Archive(std::filesystem::path root);

  const std::filesystem::path& root() const { return root_; }
  ShardPeriod period() const { return period_; }

  // The shard an article dated `date` belongs to by period.
  std::string shard_for_date(const std::optional<Timestamp>& date) const;

  // The folder of the local shard `name` (which may not exist yet).
  std::filesystem::path shard_root(const std::string& name) const;

  // The local shards the stub lists (in stub order), by name.
  std::vector<std::string> local_shards() const;
  bool has_local_shard(const std::string& name) const;

  // Lists a local shard (new ones are placed in name order) with the days
  // its articles fall on; save() writes the stub when anything changed.
  void record_shard(const std::string& name, const std::optional<DayRange>& dates);
  // Before articles falling on `days` are written into shard `name`: lists
  // it if need be, and widens its days to cover them and its whole period,
  // so that the stub never claims less than a shard holds, even after a
  // crash (record_shard narrows the days to the truth after the commit).
  // Returns whether the stub must be saved.
  bool cover(const std::string& name, const std::optional<DayRange>& days);
  void save();

 private:
  std::filesystem::path stub_path() const { return root_ / "XAPIANDB"; }

  std::filesystem::path root_;
  ShardPeriod period_ = ShardPeriod::kYear;
  ShardList list_;
  bool changed_ = false;
};

// The days the dated articles of `db` fall on; nullopt when it has none.
std::optional<DayRange> days_held(const Xapian::Database& db);

// "year" / "month", and back (nullopt for anything else).
std::string period_name(ShardPeriod period);
std::optional<ShardPeriod> parse_period(std::string_view name);

// The name of the shard that holds articles without a date.
inline constexpr std::string_view kUndatedShard = "undated";

}  // namespace dateline
