#include "common/index_writer.h"

#include <filesystem>

#include "common/document_builder.h"
#include "common/schema.h"

namespace dateline {
namespace {

Xapian::WritableDatabase open_writable(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path, unsigned batch_size)
    : db_(open_writable(path)), batch_size_(batch_size == 0 ? 1 : batch_size) {
  termgen_.set_stemmer(Xapian::Stem(kStemLanguage));
}

IndexWriter::Outcome IndexWriter::write(const Article& article) {
  const std::string unique = id_term(article.id);
  const bool existed = db_.term_exists(unique);
  db_.replace_document(unique, build_document(article, termgen_));
  if (++pending_ >= batch_size_) commit();
  return existed ? Outcome::kReplaced : Outcome::kAdded;
}

void IndexWriter::commit() {
  db_.commit();
  pending_ = 0;
}

}  // namespace dateline
