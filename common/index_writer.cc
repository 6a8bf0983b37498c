#include "common/index_writer.h"

#include <algorithm>
#include <filesystem>
#include <tuple>
#include <vector>

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
    : db_(open_writable(path)), batch_size_(batch_size == 0 ? 1 : batch_size) {}

IndexWriter::Outcome IndexWriter::write(const Article& article) {
  const std::string unique = id_term(article.id);
  const bool existed = db_.term_exists(unique);
  db_.replace_document(unique, build_document(article, termgen_));
  refresh_current_version(story_key(article));
  if (++pending_ >= batch_size_) commit();
  return existed ? Outcome::kReplaced : Outcome::kAdded;
}

void IndexWriter::refresh_current_version(const std::string& story) {
  const std::string story_term = filter_term(story_field(), story);
  const std::string current(kCurrentVersionTerm);
  const auto version_slot = static_cast<Xapian::valueno>(find_field("version")->slot);
  const auto updated_slot = static_cast<Xapian::valueno>(find_field("updated")->slot);
  const auto status_slot = static_cast<Xapian::valueno>(find_field("status")->slot);

  // The newest version wins: highest version number, then latest filed,
  // then the one indexed last.  A canceled winner means the story is killed.
  struct Candidate {
    Xapian::docid docid;
    double version;
    std::string updated;  // sortable_serialise()d; "" sorts first
    bool canceled;
    bool is_current;
  };
  std::vector<Candidate> versions;
  for (auto it = db_.postlist_begin(story_term); it != db_.postlist_end(story_term); ++it) {
    const Xapian::Document doc = db_.get_document(*it);
    auto terms = doc.termlist_begin();
    terms.skip_to(current);
    versions.push_back({*it, Xapian::sortable_unserialise(doc.get_value(version_slot)),
                        doc.get_value(updated_slot), doc.get_value(status_slot) == "canceled",
                        terms != doc.termlist_end() && *terms == current});
  }
  if (versions.empty()) return;
  const auto newest = std::max_element(
      versions.begin(), versions.end(), [](const Candidate& a, const Candidate& b) {
        return std::tie(a.version, a.updated, a.docid) < std::tie(b.version, b.updated, b.docid);
      });
  for (const Candidate& c : versions) {
    const bool should_be_current = &c == &*newest && !c.canceled;
    if (should_be_current == c.is_current) continue;
    Xapian::Document doc = db_.get_document(c.docid);
    if (should_be_current) {
      doc.add_boolean_term(current);
    } else {
      doc.remove_term(current);
    }
    db_.replace_document(c.docid, doc);
  }
}

void IndexWriter::commit() {
  db_.commit();
  pending_ = 0;
}

}  // namespace dateline
