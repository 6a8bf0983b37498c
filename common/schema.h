// The index schema: every field of an indexed article, defined once, as data.
//
// The index writer turns an Article into a Xapian document by walking this
// table, and the searcher builds its QueryParser from the same table, so a
// field's prefix, kind and value slot are written down nowhere else.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"

namespace dateline {

enum class FieldKind {
  kText,    // free text: stemmed words with positions; "headline:geneva"
  kFilter,  // exact values, one boolean term each; "source:AFP"
  kDate,    // a point in time in a sortable value slot; "date:2014-01-17"
  kNumber,  // a number in a sortable value slot, for sorting and display only
  kKey,     // a string in a value slot, for grouping (facets, collapsing) only
};

inline constexpr int kNoSlot = -1;

struct Field {
  std::string_view name;    // as written in queries and JSON output
  std::string_view alias;   // a second query name, or ""
  std::string_view prefix;  // Xapian term prefix ("" = the default free text)
  FieldKind kind;
  int slot;                   // Xapian value slot, or kNoSlot
  unsigned free_text_weight;  // kText: weight of its words in the default free text (0 = none)
  bool fold_case;             // kFilter: values compare case-insensitively
  // The article's values for this field; kDate gives Unix seconds and
  // kNumber a decimal number, as strings.
  std::vector<std::string> (*values)(const Article&);
  std::string_view description;
};

// All fields, in a fixed order.
std::span<const Field> schema_fields();

// The field with this query name or alias; nullptr when there is none.
const Field* find_field(std::string_view name);

// True for fields a query can name ("headline:", "source:").
bool is_queryable(const Field& field);

// The field whose term identifies an article uniquely.
const Field& id_field();

// The field whose term groups the versions of a story.
const Field& story_field();

// The term every current version carries: the newest version of each story
// that has not been canceled.  Default searches are restricted to it.
inline constexpr std::string_view kCurrentVersionTerm = "XKcurrent";

// The field that holds an article's date (sorting, date ranges).
const Field& date_field();

// A filter value as stored: whitespace collapsed; case and diacritics folded
// when the field says so.
std::string normalise_filter_value(const Field& field, std::string_view value);

// The boolean term for a filter value: prefix + normalised value, shortened
// with a hash when it would pass Xapian's term length limit.
std::string filter_term(const Field& field, std::string_view value);

// The unique term of the article with id `id`.
std::string id_term(std::string_view id);

// Query names of the fields, comma-separated, for messages ("headline, source, ...").
std::string query_field_names();

}  // namespace dateline
