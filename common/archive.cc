#include "common/archive.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "common/atomic_file.h"
#include "common/error.h"
#include "common/schema.h"
#include "common/text_file.h"

namespace dateline {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kHeaderLead = "# Dateline archive: one shard per ";
constexpr std::string_view kShardsFolder = "shards/";

std::vector<std::string> header_lines(ShardPeriod period) {
  return {std::string(kHeaderLead) + period_name(period) +
              ".  Xapian reads this file as a stub database;",
          "# \"# shard NAME dates FIRST LAST\" lines tell Dateline's searcher the days",
          "# each shard's articles fall on, so that a date-restricted search skips the others."};
}

bool is_archive_shard(const ShardEntry& e) {
  return e.kind == ShardEntry::Kind::kLocal && e.location.rfind(kShardsFolder, 0) == 0;
}

}  // namespace

std::optional<DayRange> days_held(const Xapian::Database& db) {
  const auto slot = static_cast<Xapian::valueno>(date_field().slot);
  const std::string low = db.get_value_lower_bound(slot), high = db.get_value_upper_bound(slot);
  if (db.get_doccount() == 0 || low.empty() || high.empty()) return std::nullopt;
  const auto day = [](const std::string& value) {
    return day_of(static_cast<int64_t>(Xapian::sortable_unserialise(value)));
  };
  return DayRange{day(low), day(high)};
}

std::string period_name(ShardPeriod period) {
  return period == ShardPeriod::kYear ? "year" : "month";
}

std::optional<ShardPeriod> parse_period(std::string_view name) {
  if (name == "year") return ShardPeriod::kYear;
  if (name == "month") return ShardPeriod::kMonth;
  return std::nullopt;
}

bool Archive::is_archive(const fs::path& root) {
  std::ifstream in(root / "XAPIANDB");
  std::string first;
  return std::getline(in, first) && first.rfind(kHeaderLead, 0) == 0;
}

void Archive::create(const fs::path& root, ShardPeriod period) {
  std::error_code ec;
  if (fs::exists(root) && (!fs::is_directory(root) || !fs::is_empty(root, ec))) {
    throw UsageError("init: " + root.string() + " already exists and is not an empty folder");
  }
  fs::create_directories(root / kShardsFolder);
  ShardList list;
  list.header = header_lines(period);
  replace_file_atomically(root / "XAPIANDB", format_shard_list(list));
}

Archive::Archive(fs::path root) : root_(std::move(root)) {
  if (!is_archive(root_)) throw std::runtime_error(root_.string() + " is not a Dateline archive");
  list_ = parse_shard_list(read_text_file(stub_path()), stub_path().string());
  const std::string& first = list_.header.front();
  const auto word_end = first.find('.', kHeaderLead.size());
  const auto period = parse_period(first.substr(kHeaderLead.size(), word_end - kHeaderLead.size()));
  if (!period) throw std::runtime_error(stub_path().string() + ": unknown shard period");
  period_ = *period;
}

std::string Archive::shard_for_date(const std::optional<Timestamp>& date) const {
  if (!date) return std::string(kUndatedShard);
  const CivilDate d = date->date();
  char buf[16];
  if (period_ == ShardPeriod::kYear) {
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  }
  return buf;
}

fs::path Archive::shard_root(const std::string& name) const { return root_ / kShardsFolder / name; }

std::vector<std::string> Archive::local_shards() const {
  std::vector<std::string> names;
  for (const ShardEntry& e : list_.shards) {
    if (is_archive_shard(e)) names.push_back(e.location.substr(kShardsFolder.size()));
  }
  return names;
}

bool Archive::has_local_shard(const std::string& name) const {
  const auto names = local_shards();
  return std::find(names.begin(), names.end(), name) != names.end();
}

void Archive::record_shard(const std::string& name, const std::optional<DayRange>& dates) {
  const std::string location = std::string(kShardsFolder) + name;
  for (ShardEntry& e : list_.shards) {
    if (!is_archive_shard(e) || e.location != location) continue;
    if (!e.annotated || e.dates != dates || e.name != name) {
      e.annotated = true;
      e.name = name;
      e.dates = dates;
      changed_ = true;
    }
    return;
  }
  ShardEntry entry;
  entry.name = name;
  entry.kind = ShardEntry::Kind::kLocal;
  entry.backend = "auto";
  entry.location = location;
  entry.annotated = true;
  entry.dates = dates;
  // Keep the archive's own shards in name order (remote lines stay put).
  auto at = list_.shards.end();
  for (auto it = list_.shards.begin(); it != list_.shards.end(); ++it) {
    if (is_archive_shard(*it) && it->location > location) {
      at = it;
      break;
    }
  }
  list_.shards.insert(at, std::move(entry));
  changed_ = true;
}

bool Archive::cover(const std::string& name, const std::optional<DayRange>& days) {
  // The shard's whole period, from its name ("2014", "2014-03").
  std::optional<DayRange> want = days;
  int year = 0, month = 0;
  char rest = 0;
  if (std::sscanf(name.c_str(), "%4d-%2d%c", &year, &month, &rest) == 2 && month >= 1 &&
      month <= 12) {
    const int next_year = month == 12 ? year + 1 : year, next_month = month == 12 ? 1 : month + 1;
    want = DayRange{days_from_civil({year, month, 1}),
                    days_from_civil({next_year, next_month, 1}) - 1};
  } else if (std::sscanf(name.c_str(), "%4d%c", &year, &rest) == 1) {
    want = DayRange{days_from_civil({year, 1, 1}), days_from_civil({year, 12, 31})};
  }
  if (want && days) {
    want = DayRange{std::min(want->first, days->first), std::max(want->last, days->last)};
  }
  const std::string location = std::string(kShardsFolder) + name;
  for (const ShardEntry& e : list_.shards) {
    if (!is_archive_shard(e) || e.location != location) continue;
    if (!want || !e.annotated) return false;  // nothing to widen, or never skipped
    if (e.dates && e.dates->first <= want->first && want->last <= e.dates->last) return false;
    if (e.dates) {
      want = DayRange{std::min(want->first, e.dates->first), std::max(want->last, e.dates->last)};
    }
    break;
  }
  record_shard(name, want);
  return changed_;
}

void Archive::save() {
  if (!changed_) return;
  replace_file_atomically(stub_path(), format_shard_list(list_));
  changed_ = false;
}

}  // namespace dateline
