#include "searcher/query_builder.h"

#include <array>
#include <memory>

#include "common/error.h"
#include "common/schema.h"
#include "common/stemmers.h"
#include "common/text.h"
#include "searcher/date_range.h"

namespace dateline {
namespace {

// Common English words left out of queries (not out of phrases), so that
// "the talks in Geneva" does not require "the" and "in" under AND.
constexpr std::array<std::string_view, 33> kStopwords = {
    "a",   "an",    "and",  "are",   "as",    "at",   "be",   "but", "by",  "for",  "if",
    "in",  "into",  "is",   "it",    "no",    "not",  "of",   "on",  "or",  "such", "that",
    "the", "their", "then", "there", "these", "they", "this", "to",  "was", "will", "with"};

// The first error a field processor met.  Processors never throw: an
// exception thrown through Xapian's QueryParser leaks its parse state, so they
// record the error, return an empty match, and build_query throws after the
// parse.
using FieldErrors = std::shared_ptr<std::string>;

class FilterProcessor : public Xapian::FieldProcessor {
 public:
  FilterProcessor(const Field& field, FieldErrors errors)
      : field_(field), errors_(std::move(errors)) {}
  Xapian::Query operator()(const std::string& value) override {
    if (text::trim(value).empty()) {
      if (errors_->empty()) {
        *errors_ = std::string(field_.name) + ": needs a value, e.g. " + std::string(field_.name) +
                   ":\"...\"";
      }
      return Xapian::Query::MatchNothing;
    }
    return Xapian::Query(filter_term(field_, value));
  }

 private:
  const Field& field_;
  FieldErrors errors_;
};

class DateProcessor : public Xapian::FieldProcessor {
 public:
  DateProcessor(const Field& field, FieldErrors errors)
      : field_(field), errors_(std::move(errors)) {}
  Xapian::Query operator()(const std::string& value) override {
    try {
      return date_range_query(parse_date_range(value), field_.slot);
    } catch (const QueryError& e) {
      if (errors_->empty()) *errors_ = e.what();
      return Xapian::Query::MatchNothing;
    }
  }

 private:
  const Field& field_;
  FieldErrors errors_;
};

Xapian::QueryParser make_query_parser(const Xapian::Database& db, const FieldErrors& errors,
                                      const Xapian::Stem& stemmer) {
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(stemmer);
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_default_op(Xapian::Query::OP_AND);
  static const std::vector<std::string> stopwords(kStopwords.begin(), kStopwords.end());
  qp.set_stopper((new Xapian::SimpleStopper(stopwords.begin(), stopwords.end()))->release());
  for (const Field& field : schema_fields()) {
    std::vector<std::string> names{std::string(field.name)};
    if (!field.alias.empty()) names.emplace_back(field.alias);
    for (const std::string& name : names) {
      switch (field.kind) {
        case FieldKind::kText:
          if (!field.prefix.empty()) qp.add_prefix(name, std::string(field.prefix));
          break;
        case FieldKind::kFilter:
          qp.add_boolean_prefix(name, (new FilterProcessor(field, errors))->release());
          break;
        case FieldKind::kDate:
          qp.add_boolean_prefix(name, (new DateProcessor(field, errors))->release());
          break;
        case FieldKind::kNumber:
        case FieldKind::kKey:
          break;  // not queryable
      }
    }
  }
  return qp;
}

// The languages of the articles in the index ("en" when it is empty).
std::vector<std::string> languages_in(const Xapian::Database& db) {
  const std::string prefix(find_field("language")->prefix);
  std::vector<std::string> languages;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    languages.push_back((*t).substr(prefix.size()));
  }
  if (languages.empty()) languages.emplace_back("en");
  return languages;
}

// "name:" at the start of a word outside quotes, where name is not a field.
void reject_unknown_fields(std::string_view q) {
  bool in_quotes = false;
  for (size_t i = 0; i < q.size(); ++i) {
    const char c = q[i];
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    const bool word_start = i == 0 || q[i - 1] == ' ' || q[i - 1] == '(' || q[i - 1] == '+' ||
                            q[i - 1] == '-' || q[i - 1] == '\t';
    if (!word_start || !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) continue;
    size_t end = i;
    while (end < q.size() && ((q[end] >= 'a' && q[end] <= 'z') ||
                              (q[end] >= 'A' && q[end] <= 'Z') || q[end] == '_')) {
      ++end;
    }
    if (end + 1 < q.size() && q[end] == ':' && q[end + 1] != ' ') {
      const std::string_view name = q.substr(i, end - i);
      const Field* field = find_field(name);
      if (!field || !is_queryable(*field)) {
        throw QueryError("unknown field '" + std::string(name) +
                         ":' (fields: " + query_field_names() + ")");
      }
    }
    i = end;
  }
}

// Why the query cannot be read as the query language, or "" when it can.
std::string syntax_problem(std::string_view q) {
  size_t quotes = 0;
  int depth = 0;
  bool in_quotes = false;
  for (char c : q) {
    if (c == '"') {
      ++quotes;
      in_quotes = !in_quotes;
    } else if (!in_quotes && c == '(') {
      ++depth;
    } else if (!in_quotes && c == ')') {
      if (--depth < 0) return "unbalanced bracket";
    }
  }
  if (quotes % 2 != 0) return "unbalanced quote";
  if (depth != 0) return "unbalanced bracket";
  return {};
}

std::string without_syntax(std::string_view q) {
  std::string out(q);
  for (char& c : out) {
    if (c == '"' || c == '(' || c == ')') c = ' ';
  }
  return out;
}

Xapian::Query any_of(const Field& field, const std::vector<std::string>& values) {
  std::vector<Xapian::Query> terms;
  for (const auto& v : values) terms.emplace_back(filter_term(field, v));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace

BuiltQuery build_query(const SearchRequest& request, const Xapian::Database& db) {
  BuiltQuery built;
  reject_unknown_fields(request.query);
  const std::string query_text = text::fold_diacritics(request.query);

  // Each language in the index is searched with its own stemmer, and only
  // among its own articles; the results are ORed.
  const std::vector<std::string> languages = languages_in(db);
  const auto field_errors = std::make_shared<std::string>();
  auto parse_all = [&](const std::string& q, unsigned flags) {
    std::vector<Xapian::Query> parsed;
    for (const std::string& language : languages) {
      Xapian::QueryParser qp = make_query_parser(db, field_errors, stemmer_for(language));
      parsed.push_back(qp.parse_query(q, flags));
    }
    return parsed;
  };
  constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                              Xapian::QueryParser::FLAG_LOVEHATE |
                              Xapian::QueryParser::FLAG_PURE_NOT;
  std::vector<Xapian::Query> per_language;
  std::string problem = syntax_problem(query_text);
  if (problem.empty()) {
    try {
      per_language = parse_all(query_text, kFlags);
    } catch (const Xapian::QueryParserError& e) {
      problem = e.get_msg();
    }
  }
  if (!problem.empty()) {
    built.warnings.push_back("query syntax: " + problem +
                             "; searching for the words as plain text");
    per_language = parse_all(without_syntax(query_text), 0);
  }
  if (!field_errors->empty()) throw QueryError(*field_errors);

  Xapian::Query main;
  if (per_language.size() == 1 || per_language.front().empty()) {
    main = per_language.front();
  } else {
    std::vector<Xapian::Query> alternatives;
    for (size_t i = 0; i < languages.size(); ++i) {
      alternatives.emplace_back(Xapian::Query::OP_FILTER, per_language[i],
                                Xapian::Query(filter_term(*find_field("language"), languages[i])));
    }
    main = Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  }

  std::vector<Xapian::Query> filters;
  if (!request.sources.empty()) filters.push_back(any_of(*find_field("source"), request.sources));
  if (!request.locations.empty()) {
    filters.push_back(any_of(*find_field("location"), request.locations));
  }
  if (!request.languages.empty()) {
    filters.push_back(any_of(*find_field("language"), request.languages));
  }
  if (request.since || request.until) {
    DateRange range;
    if (request.since) range.from = parse_date_range(*request.since).from;
    if (request.until) range.until = parse_date_range(*request.until).until;
    if (range.from && range.until && *range.from > *range.until) {
      throw QueryError("--since " + *request.since + " is after --until " + *request.until);
    }
    filters.push_back(date_range_query(range, date_field().slot));
  }

  if (main.empty()) {
    if (filters.empty()) {
      throw QueryError("empty query: give words to search for, or a filter such as source:AFP");
    }
    main = Xapian::Query::MatchAll;
  }
  if (!request.all_versions) filters.emplace_back(std::string(kCurrentVersionTerm));
  for (const auto& f : filters) main = Xapian::Query(Xapian::Query::OP_FILTER, main, f);
  built.query = main;
  return built;
}

}  // namespace dateline
