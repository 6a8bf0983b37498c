// Writes articles into a Xapian database, one document per article id:
// writing an id that is already there replaces it, never doubles it.
// Keeps the current-version mark (schema.h) on the newest version of each
// story, so an older version arriving later never wins and a canceled
// story leaves default results.  Records the words indexed as Xapian
// spelling data, and what it knows of each input file (file_record.h).
//
// Spelling data is written by commit(), once per run, because Xapian
// rewrites (and compresses) every spelling entry a commit touches.  An index
// without spelling data (a first `add`, each rebuild shard, or a run killed
// before its commit()) gets it from its own vocabulary: each word with its
// collection frequency, which is what counting every article's words gives,
// at a fraction of the cost.  Otherwise the words of each article written
// are counted in memory (up to kSpellingWordsHeld distinct words between
// writes); a run killed by SIGKILL then keeps every committed article but
// may miss the spelling counts of its words.
//
// Nothing is committed behind the caller's back: callers commit at file
// boundaries (maybe_commit), so every commit holds whole files together
// with their records, and a crash between commits loses nothing that the
// next sync cannot see is missing.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/article.h"
#include "common/file_record.h"

namespace dateline {

class IndexWriter {
 public:
  enum class Outcome { kAdded, kReplaced };

  // Opens the Xapian database at `path`: a Dateline index folder (whose stub
  // names the live generation; see IndexLayout::ensure_created) or a
  // generation folder, which is created when missing.
  explicit IndexWriter(const std::string& path, unsigned batch_size = 2000);

  Outcome write(const Article& article);

  // The ids of the articles that came from `canonical_path`.
  std::vector<std::string> ids_from(const std::string& canonical_path) const;

  // Removes the articles that came from `canonical_path`; returns how many.
  size_t remove_path(const std::string& canonical_path);
  // Removes one article (one version) by id; false when there is none.
  bool remove_id(const std::string& id);
  // The same, for an article that a file in another shard of an archive now
  // holds: the file that held it here holds one article fewer, which its
  // record says from the next commit.
  bool remove_refiled(const std::string& id);

  // What the index knows of input files.
  void set_file_record(const FileRecord& record);
  void erase_file_record(const std::string& canonical_path);
  std::map<std::string, FileRecord> file_records() const;

  void set_metadata(const std::string& key, const std::string& value);
  std::string metadata(const std::string& key) const { return db_.get_metadata(key); }

  // Commits when a batch's worth of articles is pending; call between files.
  void maybe_commit();
  // Commits everything pending, spelling data included: call at the end.
  void commit();

  // The most distinct spelling words held between commits (Xapian keeps
  // each word's spelling fragments in memory until a commit).
  static constexpr size_t kSpellingWordsHeld = 100'000;

  // Puts the current-version mark on the right version of `story` (after a
  // write or a removal).
  void refresh_current_version(const std::string& story);

  // After shards indexed apart were merged in file order: keeps one document
  // per id, as writing them in order would have (the content written last,
  // at the place of the first), and re-marks the current version of every
  // story with several versions.
  void resolve_duplicate_ids();
  void reconcile_current_versions();

  Xapian::doccount article_count() const { return db_.get_doccount(); }
  // The database as written so far (uncommitted changes included).
  const Xapian::Database& database() const { return db_; }

  // One stored version of a story, as far as choosing the current one goes.
  struct StoredVersion {
    Xapian::docid docid = 0;  // 0: the version being written
    double version = 0;
    std::string updated;  // sortable_serialise()d; "" sorts first
    bool canceled = false;
    bool is_current = false;
  };

 private:
  Xapian::valueno slot(std::string_view field) const;
  // Commits pending articles; spelling data too at the end of a run.
  void commit(bool end_of_run);
  void count_spelling_words(const Xapian::Document& doc);
  void add_spelling_data();
  void add_spelling_from_vocabulary();
  // An id filed again by another file: the file that held it holds one
  // article fewer, which its record must say (applied before each commit).
  void note_superseded(const std::string& unique_term, const std::string& new_path);
  void apply_superseded();
  // The stored versions of the story with term `story_term`, leaving out
  // the document whose unique term is `except_term`.
  std::vector<StoredVersion> stored_versions(const std::string& story_term,
                                             const std::string& except_term);
  // Marks the newest non-canceled version current and unmarks the rest;
  // the version with docid 0 is `incoming`, not yet written.
  void apply_current_mark(const std::vector<StoredVersion>& versions, Xapian::Document* incoming);

  Xapian::WritableDatabase db_;
  Xapian::TermGenerator termgen_;
  unsigned batch_size_;
  unsigned pending_ = 0;
  bool spelling_from_vocabulary_;  // at commit(), instead of counting words
  std::unordered_map<std::string, Xapian::termcount> spelling_words_;
  std::map<std::string, std::size_t> superseded_;  // path -> articles it lost
};

}  // namespace dateline
