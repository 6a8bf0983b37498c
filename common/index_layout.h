// How an index lives on disk, so that it can be replaced atomically:
//
//   INDEX/XAPIANDB        a Xapian stub file naming the live generation
//   INDEX/gen-000003/     the live glass database
//   INDEX/gen-000002/     the previous one (kept until the next replacement,
//                         so a search that opened it just before can finish)
//   INDEX/dateline.lock   the writers' lock (index_lock.h)
//
// Readers open INDEX (Xapian follows the stub).  `rebuild` and `compact`
// build a new generation beside the live one and swap the stub by rename(),
// which is atomic: a search sees the old index or the new, never a mix.
#pragma once

#include <filesystem>
#include <string>

namespace dateline {

class IndexLayout {
 public:
  explicit IndexLayout(std::filesystem::path root);

  const std::filesystem::path& root() const { return root_; }

  // True when `root` holds a Dateline index (a stub naming a generation).
  bool exists() const;

  // Creates the folder and a first, empty generation when there is none.
  // Throws std::runtime_error when `root` exists but is something else.
  void ensure_created() const;

  // The live generation's folder.  Throws when there is no index.
  std::filesystem::path live_generation() const;

  // A new, empty folder for the next generation (not yet live).
  std::filesystem::path new_generation() const;

  // A scratch folder beside `generation` for building it from shards
  // (removed after; left over only by a crash, then removed as stale).
  std::filesystem::path building_folder(const std::filesystem::path& generation) const;

  // Makes `generation` live (atomic rename of the stub), then removes every
  // generation but the new live one and the one it replaced.
  void make_live(const std::filesystem::path& generation) const;

  // Removes generation folders that are neither live nor the previous one
  // (left by a rebuild that crashed, or replaced twice since).
  void remove_stale_generations() const;

  // Bytes used by the live generation.
  std::uintmax_t live_size_bytes() const;

 private:
  std::filesystem::path stub_path() const { return root_ / "XAPIANDB"; }
  int generation_number(const std::filesystem::path& generation) const;

  std::filesystem::path root_;
};

}  // namespace dateline
