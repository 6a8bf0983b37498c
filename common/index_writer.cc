#include "common/index_writer.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <limits>
#include <tuple>
#include <vector>

#include "common/document_builder.h"
#include "common/schema.h"
#include "common/stored_article.h"

namespace dateline {
namespace {

Xapian::WritableDatabase open_writable(const std::string& path) {
  return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
}

// A document built afresh from `d`: data, values, terms with their wdf and
// positions.
Xapian::Document copy_document(const Xapian::Document& d) {
  Xapian::Document c;
  c.set_data(d.get_data());
  for (auto v = d.values_begin(); v != d.values_end(); ++v) c.add_value(v.get_valueno(), *v);
  for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) {
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) c.add_posting(*t, *p, 0);
    c.add_term(*t, t.get_wdf());
  }
  return c;
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path, unsigned batch_size)
    : db_(open_writable(path)),
      batch_size_(batch_size == 0 ? 1 : batch_size),
      spelling_from_vocabulary_(db_.spellings_begin() == db_.spellings_end()) {}

namespace {

// Words worth offering as "did you mean": unprefixed (prefixes and 'Z' are
// upper case) and without digits ("1987", "3.5", "q4" are never a useful
// suggestion, and are a third of a wire archive's vocabulary).
bool spelling_word(const std::string& term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z') &&
         term.find_first_of("0123456789") == std::string::npos;
}

// The newest version wins: highest version number, then latest filed, then
// the one indexed last (the one being written is indexed last of all).
bool older(const IndexWriter::StoredVersion& a, const IndexWriter::StoredVersion& b) {
  const auto rank = [](const IndexWriter::StoredVersion& v) {
    return v.docid == 0 ? std::numeric_limits<Xapian::docid>::max() : v.docid;
  };
  if (a.version != b.version) return a.version < b.version;
  if (a.updated != b.updated) return a.updated < b.updated;
  return rank(a) < rank(b);
}

}  // namespace

IndexWriter::Outcome IndexWriter::write(const Article& article) {
  const std::string unique = id_term(article.id);
  const bool existed = db_.term_exists(unique);
  Xapian::Document doc = build_document(article, termgen_);

  // Decide which version of the story is current before writing, so the
  // common case (a story's only version) costs one write and no reads.
  StoredVersion incoming;
  incoming.version = article.version;
  incoming.updated = doc.get_value(slot("updated"));
  incoming.canceled = article.status == Status::kCanceled;
  std::vector<StoredVersion> versions =
      stored_versions(filter_term(story_field(), story_key(article)), unique);
  versions.push_back(incoming);
  apply_current_mark(versions, &doc);

  if (existed) note_superseded(unique, article.origin.path);
  db_.replace_document(unique, doc);
  count_spelling_words(doc);
  ++pending_;
  return existed ? Outcome::kReplaced : Outcome::kAdded;
}

Xapian::valueno IndexWriter::slot(std::string_view field) const {
  return static_cast<Xapian::valueno>(find_field(field)->slot);
}

std::vector<IndexWriter::StoredVersion> IndexWriter::stored_versions(
    const std::string& story_term, const std::string& except_term) {
  std::vector<StoredVersion> versions;
  if (!db_.term_exists(story_term)) return versions;
  Xapian::docid except = 0;
  if (!except_term.empty()) {
    auto p = db_.postlist_begin(except_term);
    if (p != db_.postlist_end(except_term)) except = *p;
  }
  const std::string current(kCurrentVersionTerm);
  for (auto it = db_.postlist_begin(story_term); it != db_.postlist_end(story_term); ++it) {
    if (*it == except) continue;
    const Xapian::Document doc = db_.get_document(*it);
    auto terms = doc.termlist_begin();
    terms.skip_to(current);
    StoredVersion v;
    v.docid = *it;
    v.version = Xapian::sortable_unserialise(doc.get_value(slot("version")));
    v.updated = doc.get_value(slot("updated"));
    v.canceled = doc.get_value(slot("status")) == "canceled";
    v.is_current = terms != doc.termlist_end() && *terms == current;
    versions.push_back(std::move(v));
  }
  return versions;
}

void IndexWriter::apply_current_mark(const std::vector<StoredVersion>& versions,
                                     Xapian::Document* incoming) {
  if (versions.empty()) return;
  const auto newest = std::max_element(versions.begin(), versions.end(), older);
  const std::string current(kCurrentVersionTerm);
  for (const StoredVersion& v : versions) {
    // A canceled newest version means the story was killed: none is current.
    const bool should_be_current = &v == &*newest && !v.canceled;
    if (v.docid == 0) {
      if (should_be_current && incoming) incoming->add_boolean_term(current);
      continue;
    }
    if (should_be_current == v.is_current) continue;
    Xapian::Document doc = db_.get_document(v.docid);
    if (should_be_current) {
      doc.add_boolean_term(current);
    } else {
      doc.remove_term(current);
    }
    db_.replace_document(v.docid, doc);
  }
}

void IndexWriter::resolve_duplicate_ids() {
  const std::string prefix(id_field().prefix);
  std::vector<std::string> doubled;
  for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
    if (t.get_termfreq() > 1) doubled.push_back(*t);
  }
  for (const std::string& term : doubled) {
    std::vector<Xapian::docid> docids;
    for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) docids.push_back(*p);
    const Xapian::Document winner = db_.get_document(docids.back());
    const std::string winner_path = decode_stored_article(winner.get_data()).origin.path;
    for (std::size_t i = 0; i + 1 < docids.size(); ++i) {
      const std::string path =
          decode_stored_article(db_.get_document(docids[i]).get_data()).origin.path;
      if (path != winner_path) ++superseded_[path];
    }
    // A copy, not the document itself: Xapian 1.4 keeps the old contents
    // when a document read from this database is written to another docid.
    db_.replace_document(docids.front(), copy_document(winner));
    for (std::size_t i = 1; i < docids.size(); ++i) db_.delete_document(docids[i]);
    ++pending_;
  }
}

void IndexWriter::reconcile_current_versions() {
  const std::string prefix(story_field().prefix);
  std::vector<std::string> stories;
  for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
    if (t.get_termfreq() > 1) stories.push_back(*t);
  }
  for (const std::string& story_term : stories) {
    apply_current_mark(stored_versions(story_term, {}), nullptr);
    ++pending_;
  }
}

void IndexWriter::refresh_current_version(const std::string& story) {
  apply_current_mark(stored_versions(filter_term(story_field(), story), {}), nullptr);
}

void IndexWriter::count_spelling_words(const Xapian::Document& doc) {
  if (spelling_from_vocabulary_) return;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string& term = *t;
    if (spelling_word(term)) spelling_words_[term] += t.get_wdf();
  }
}

void IndexWriter::add_spelling_from_vocabulary() {
  db_.commit();  // so that the vocabulary holds every article written
  auto t = db_.allterms_begin();
  t.skip_to("a");  // past words starting with digits and the prefixed terms
  std::size_t added = 0;
  for (; t != db_.allterms_end(); ++t) {
    const std::string& term = *t;
    if (!spelling_word(term)) continue;
    db_.add_spelling(term, db_.get_collection_freq(term));
    // Xapian holds a word's spelling fragments in memory until the commit.
    if (++added % kSpellingWordsHeld == 0) db_.commit();
  }
  spelling_from_vocabulary_ = false;  // the next words written are counted
}

std::vector<std::string> IndexWriter::ids_from(const std::string& canonical_path) const {
  const std::string term = filter_term(*find_field("path"), canonical_path);
  const std::string id_prefix(id_field().prefix);
  std::vector<std::string> ids;
  for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
    const Xapian::Document doc = db_.get_document(*it);
    auto t = doc.termlist_begin();
    t.skip_to(id_prefix);
    if (t != doc.termlist_end() && (*t).rfind(id_prefix, 0) == 0) {
      ids.push_back((*t).substr(id_prefix.size()));
    }
  }
  return ids;
}

size_t IndexWriter::remove_path(const std::string& canonical_path) {
  const std::string term = filter_term(*find_field("path"), canonical_path);
  std::vector<std::string> stories;  // their story terms
  std::vector<Xapian::docid> docids;
  for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
    docids.push_back(*it);
    const Xapian::Document doc = db_.get_document(*it);
    auto t = doc.termlist_begin();
    t.skip_to(std::string(story_field().prefix));
    if (t != doc.termlist_end() && (*t).rfind(story_field().prefix, 0) == 0) {
      stories.push_back(*t);
    }
  }
  for (Xapian::docid id : docids) db_.delete_document(id);
  for (const std::string& story_term : stories) {
    apply_current_mark(stored_versions(story_term, {}), nullptr);
  }
  pending_ += docids.size();
  return docids.size();
}

bool IndexWriter::remove_refiled(const std::string& id) {
  const std::string term = id_term(id);
  if (!db_.term_exists(term)) return false;
  note_superseded(term, "");
  return remove_id(id);
}

bool IndexWriter::remove_id(const std::string& id) {
  const std::string term = id_term(id);
  auto it = db_.postlist_begin(term);
  if (it == db_.postlist_end(term)) return false;
  const Xapian::Document doc = db_.get_document(*it);
  auto t = doc.termlist_begin();
  t.skip_to(std::string(story_field().prefix));
  std::string story_term;
  if (t != doc.termlist_end() && (*t).rfind(story_field().prefix, 0) == 0) story_term = *t;
  db_.delete_document(term);
  if (!story_term.empty()) apply_current_mark(stored_versions(story_term, {}), nullptr);
  ++pending_;
  return true;
}

void IndexWriter::set_file_record(const FileRecord& record) {
  db_.set_metadata(file_record_key(record.path), encode_file_record(record));
}

void IndexWriter::erase_file_record(const std::string& canonical_path) {
  db_.set_metadata(file_record_key(canonical_path), "");
}

std::map<std::string, FileRecord> IndexWriter::file_records() const {
  std::map<std::string, FileRecord> records;
  const std::string prefix(kFileRecordPrefix);
  for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it) {
    if (auto r = decode_file_record(db_.get_metadata(*it))) records[r->path] = *r;
  }
  return records;
}

void IndexWriter::set_metadata(const std::string& key, const std::string& value) {
  db_.set_metadata(key, value);
}

void IndexWriter::note_superseded(const std::string& unique_term, const std::string& new_path) {
  auto p = db_.postlist_begin(unique_term);
  if (p == db_.postlist_end(unique_term)) return;
  const std::string old_path = decode_stored_article(db_.get_document(*p).get_data()).origin.path;
  if (old_path != new_path) ++superseded_[old_path];
}

void IndexWriter::apply_superseded() {
  for (const auto& [path, count] : superseded_) {
    const std::string data = db_.get_metadata(file_record_key(path));
    auto record = decode_file_record(data);
    if (!record) continue;
    record->articles -= std::min<std::size_t>(record->articles, count);
    db_.set_metadata(file_record_key(path), encode_file_record(*record));
  }
  superseded_.clear();
}

void IndexWriter::maybe_commit() {
  if (pending_ >= batch_size_) commit(/*end_of_run=*/false);
}

void IndexWriter::commit() { commit(/*end_of_run=*/true); }

void IndexWriter::commit(bool end_of_run) {
  apply_superseded();
  // Spelling data waits for the end of the run (or a bounded number of
  // words): Xapian rewrites, and zlib-compresses, every spelling fragment a
  // commit touches, so adding a common word's count once per run instead of
  // once per batch is most of what spelling data costs.
  if (end_of_run && spelling_from_vocabulary_) {
    add_spelling_from_vocabulary();
  } else if (end_of_run || spelling_words_.size() >= kSpellingWordsHeld) {
    add_spelling_data();
  }
  db_.commit();
  pending_ = 0;
}

void IndexWriter::add_spelling_data() {
  for (const auto& [word, count] : spelling_words_) db_.add_spelling(word, count);
  spelling_words_.clear();
}

}  // namespace dateline
