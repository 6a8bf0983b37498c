#include "searcher/query_builder.h"

#include <memory>

#include "common/error.h"
#include "common/schema.h"
#include "common/stemmers.h"
#include "common/text.h"
#include "searcher/date_range.h"
#include "searcher/query_parser.h"
#include "searcher/related.h"

namespace dateline {
namespace {

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

CivilDate request_today(const SearchRequest& request) {
  return request.today ? *request.today : today_utc();
}

BuiltQuery build_query(const SearchRequest& request, const Xapian::Database& db,
                       const Synonyms* synonyms) {
  BuiltQuery built;
  const std::string query_text = text::fold_diacritics(request.query);
  const bool shouted = text::is_all_caps(query_text);
  reject_unknown_fields(shouted ? text::to_lower(query_text) : query_text);
  const CivilDate today = request_today(request);

  // Each language in the index is searched with its own stemmer, and only
  // among its own articles; the results are ORed.
  const std::vector<std::string> languages = languages_in(db);
  ParserSetup setup;
  setup.today = today;
  setup.match_any = request.match_any;
  auto parse_all = [&](const std::string& q, unsigned flags) {
    std::string text = q;
    if (synonyms != nullptr) {
      SynonymRewrite rewrite = synonyms->rewrite(q);
      text = std::move(rewrite.text);
      setup.synonyms =
          std::make_shared<const std::vector<SynonymExpansion>>(std::move(rewrite.expansions));
    }
    // A query typed all in capitals (a pasted wire headline, an archive's
    // queries) carries no case information: its words are read as lower
    // case, stemmed like any lower-case word, and AND, OR, NOT as words.
    if (shouted) text = text::to_lower(text);
    std::vector<Xapian::Query> parsed;
    for (const std::string& language : languages) {
      Xapian::QueryParser qp = make_query_parser(db, stemmer_for(language), setup);
      parsed.push_back(qp.parse_query(text, flags));
    }
    return parsed;
  };
  std::vector<Xapian::Query> per_language;
  std::string problem = syntax_problem(query_text);
  if (problem.empty()) {
    try {
      per_language = parse_all(query_text, query_flags());
    } catch (const Xapian::QueryParserError& e) {
      problem = e.get_msg();
    }
  }
  if (!problem.empty()) {
    built.warnings.push_back("query syntax: " + problem +
                             "; searching for the words as plain text");
    per_language = parse_all(without_syntax(query_text), 0);
  }
  if (!setup.errors->empty()) throw QueryError(*setup.errors);

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

  if (!request.like_id.empty()) {
    // Articles like the given one; query words, if any, only filter them.
    RelatedQuery like = related_query(db, request.like_id);
    built.like_headline = like.headline;
    main = main.empty() ? like.query : Xapian::Query(Xapian::Query::OP_FILTER, like.query, main);
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
    if (request.since) range.from = parse_date_range(*request.since, today).from;
    if (request.until) range.until = parse_date_range(*request.until, today).until;
    if (range.from && range.until && *range.from > *range.until) {
      throw QueryError("--since " + *request.since + " is after --until " + *request.until);
    }
    filters.push_back(date_range_query(range, date_field().slot));
  }

  if (main.empty()) {
    if (filters.empty()) {
      throw QueryError(
          "empty query: give words to search for, a filter such as source:AFP, or --like ID");
    }
    main = Xapian::Query::MatchAll;
  }
  if (!request.all_versions) filters.emplace_back(std::string(kCurrentVersionTerm));
  for (const auto& f : filters) main = Xapian::Query(Xapian::Query::OP_FILTER, main, f);
  built.query = main;
  return built;
}

}  // namespace dateline
