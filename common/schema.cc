#include "common/schema.h"

#include <array>

#include "common/text.h"

namespace dateline {
namespace {

// Xapian's limit is 245 bytes; keep a margin for the prefix.
constexpr size_t kMaxTermBytes = 240;
constexpr size_t kTermHeadBytes = 200;

std::vector<std::string> nonempty(const std::string& s) {
  return s.empty() ? std::vector<std::string>{} : std::vector<std::string>{s};
}

// A hash of the body's words (case, accents and punctuation ignored), so
// the same story filed twice, or by two services, has one fingerprint.
std::string content_fingerprint(const Article& a) {
  std::string words;
  const auto add = [&words](char c) {
    const bool keep =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (static_cast<unsigned char>(c) >= 0x80);
    if (keep) {
      words.push_back(c);
    } else if (!words.empty() && words.back() != ' ') {
      words.push_back(' ');
    }
  };
  for (const auto& p : a.body) {
    if (text::is_ascii(p)) {  // most wire copy: no folding tables, no copies
      for (char c : p) add(text::ascii_lower(c));
    } else {
      for (char c : text::to_lower(text::fold_diacritics(p))) add(c);
    }
  }
  if (words.size() < 40) return {};  // too short to call two articles the same
  return text::hash_hex(words);
}

std::vector<std::string> seconds(const std::optional<Timestamp>& t) {
  return t ? std::vector<std::string>{std::to_string(t->seconds())} : std::vector<std::string>{};
}

// Value slots are part of the index format: never renumber one.
const std::array<Field, 19> kFields = {{
    {"id", "", "Q", FieldKind::kFilter, kNoSlot, 0, false,
     [](const Article& a) { return nonempty(a.id); }, "one version of an article, by its id"},
    {"story", "", "XR", FieldKind::kFilter, kNoSlot, 0, false,
     [](const Article& a) { return nonempty(story_key(a)); }, "every version of a story"},
    {"headline", "title", "S", FieldKind::kText, kNoSlot, 3, false,
     [](const Article& a) { return nonempty(a.headline); }, "words of the headline"},
    {"slug", "", "XG", FieldKind::kText, kNoSlot, 0, false,
     [](const Article& a) { return nonempty(a.slug); }, "words of the agency's slugline"},
    {"byline", "", "A", FieldKind::kText, kNoSlot, 1, false,
     [](const Article& a) { return nonempty(a.byline); }, "words of the byline"},
    {"body", "", "", FieldKind::kText, kNoSlot, 1, false, [](const Article& a) { return a.body; },
     "words of the text (the default)"},
    {"source", "", "XS", FieldKind::kFilter, 1, 0, true,
     [](const Article& a) { return nonempty(a.source); }, "the agency, e.g. AFP"},
    {"location", "", "XL", FieldKind::kFilter, 2, 0, true,
     [](const Article& a) { return nonempty(a.location.city); }, "the dateline place"},
    {"country", "", "XC", FieldKind::kFilter, 3, 0, true,
     [](const Article& a) { return nonempty(a.location.country); }, "the country, when known"},
    {"language", "lang", "L", FieldKind::kFilter, kNoSlot, 0, true,
     [](const Article& a) { return nonempty(a.language); }, "ISO 639-1 code, e.g. en"},
    {"subject", "", "K", FieldKind::kFilter, kNoSlot, 0, true,
     [](const Article& a) { return a.subjects; }, "a subject or keyword"},
    {"status", "", "XU", FieldKind::kFilter, 6, 0, true,
     [](const Article& a) { return std::vector<std::string>{std::string(status_name(a.status))}; },
     "usable, withheld, embargoed or canceled"},
    {"path", "", "XP", FieldKind::kFilter, kNoSlot, 0, false,
     [](const Article& a) { return nonempty(a.origin.path); }, "the file it came from"},
    {"date", "", "", FieldKind::kDate, 0, 0, false,
     [](const Article& a) { return seconds(a.date); }, "YYYY-MM-DD, or a range FROM..TO"},
    {"month", "", "XM", FieldKind::kFilter, 8, 0, false,
     [](const Article& a) {
       return a.date ? std::vector<std::string>{a.date->iso().substr(0, 7)}
                     : std::vector<std::string>{};
     },
     "YYYY-MM of the date (for facets)"},
    {"fingerprint", "", "", FieldKind::kKey, 9, 0, false,
     [](const Article& a) { return nonempty(content_fingerprint(a)); },
     "same text, same fingerprint: near-identical articles collapse on it"},
    {"updated", "", "", FieldKind::kDate, 5, 0, false,
     [](const Article& a) { return seconds(a.version_created); },
     "when this version was filed; YYYY-MM-DD or FROM..TO"},
    {"version", "", "", FieldKind::kNumber, 4, 0, false,
     [](const Article& a) { return std::vector<std::string>{std::to_string(a.version)}; },
     "the version number within its story"},
    {"urgency", "", "", FieldKind::kNumber, 7, 0, false,
     [](const Article& a) {
       return a.urgency > 0 ? std::vector<std::string>{std::to_string(a.urgency)}
                            : std::vector<std::string>{};
     },
     "1 (flash) to 8"},
}};

}  // namespace

std::span<const Field> schema_fields() { return kFields; }

const Field* find_field(std::string_view name) {
  for (const Field& f : kFields) {
    if (f.name == name || (!f.alias.empty() && f.alias == name)) return &f;
  }
  return nullptr;
}

bool is_queryable(const Field& field) {
  if (field.kind == FieldKind::kNumber || field.kind == FieldKind::kKey) return false;
  return !(field.kind == FieldKind::kText && field.prefix.empty());  // the default field
}

const Field& story_field() {
  static const Field& field = *find_field("story");
  return field;
}

const Field& id_field() {
  static const Field& field = *find_field("id");
  return field;
}

const Field& date_field() {
  static const Field& field = *find_field("date");
  return field;
}

std::string normalise_filter_value(const Field& field, std::string_view value) {
  std::string v = text::collapse_whitespace(value);
  return field.fold_case ? text::to_lower(text::fold_diacritics(v)) : v;
}

std::string filter_term(const Field& field, std::string_view value) {
  std::string term(field.prefix);
  const std::string v = normalise_filter_value(field, value);
  if (term.size() + v.size() <= kMaxTermBytes) return term + v;
  size_t cut = kTermHeadBytes;
  while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;
  return term + v.substr(0, cut) + "#" + text::hash_hex(v);
}

std::string id_term(std::string_view id) { return filter_term(id_field(), id); }

std::string query_field_names() {
  std::string names;
  for (const Field& f : kFields) {
    if (!is_queryable(f)) continue;
    if (!names.empty()) names += ", ";
    names += f.name;
    if (!f.alias.empty()) names += std::string(" (") + std::string(f.alias) + ")";
  }
  return names;
}

}  // namespace dateline
