// Writes articles into a Xapian database, one document per article id:
// writing an id that is already there replaces it, never doubles it.
// Keeps the current-version mark (schema.h) on the newest version of each
// story, so an older version arriving later never wins and a canceled
// story leaves default results.  Records the words indexed as Xapian
// spelling data.  Changes are committed in batches and by commit().
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/article.h"

namespace dateline {

class IndexWriter {
 public:
  enum class Outcome { kAdded, kReplaced };

  // Opens (creating when needed, with its parent folders) the index at `path`.
  explicit IndexWriter(const std::string& path, unsigned batch_size = 2000);

  Outcome write(const Article& article);
  void commit();

  // Puts the current-version mark on the right version of `story` (after a
  // write or a removal).
  void refresh_current_version(const std::string& story);

  Xapian::doccount article_count() const { return db_.get_doccount(); }

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
  void count_spelling_words(const Xapian::Document& doc);
  // The stored versions of `story`, leaving out the document whose unique
  // term is `except_term`.
  std::vector<StoredVersion> stored_versions(const std::string& story,
                                             const std::string& except_term);
  // Marks the newest non-canceled version current and unmarks the rest;
  // the version with docid 0 is `incoming`, not yet written.
  void apply_current_mark(const std::vector<StoredVersion>& versions, Xapian::Document* incoming);

  Xapian::WritableDatabase db_;
  Xapian::TermGenerator termgen_;
  unsigned batch_size_;
  unsigned pending_ = 0;
  std::unordered_map<std::string, Xapian::termcount> spelling_words_;
};

}  // namespace dateline
