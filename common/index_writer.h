// Writes articles into a Xapian database, one document per article id:
// writing an id that is already there replaces it, never doubles it.
// Keeps the current-version mark (schema.h) on the newest version of each
// story, so an older version arriving later never wins and a canceled
// story leaves default results.  Changes are committed in batches and by
// commit().
#pragma once

#include <xapian.h>

#include <string>

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

 private:
  Xapian::WritableDatabase db_;
  Xapian::TermGenerator termgen_;
  unsigned batch_size_;
  unsigned pending_ = 0;
};

}  // namespace dateline
