#include "searcher/query_parser.h"

#include <algorithm>
#include <array>

#include "common/error.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/date_range.h"

namespace dateline {
namespace {

// Common English words left out of queries (not out of phrases), so that
// "what did AFP say about the talks in Geneva" requires neither "what" nor
// "about" nor "in": Snowball's English stop list, less "us" and "who", which
// news queries mean as US and WHO.  (The index keeps every word.)
constexpr std::array<std::string_view, 174> kStopwords = {
    "a",          "about",   "above",     "after",   "again",    "against",   "all",    "am",
    "an",         "and",     "any",       "are",     "aren't",   "as",        "at",     "be",
    "because",    "been",    "before",    "being",   "below",    "between",   "both",   "but",
    "by",         "can't",   "cannot",    "could",   "couldn't", "did",       "didn't", "do",
    "does",       "doesn't", "doing",     "don't",   "down",     "during",    "each",   "few",
    "for",        "from",    "further",   "had",     "hadn't",   "has",       "hasn't", "have",
    "haven't",    "having",  "he",        "he'd",    "he'll",    "he's",      "her",    "here",
    "here's",     "hers",    "herself",   "him",     "himself",  "his",       "how",    "how's",
    "i",          "i'd",     "i'll",      "i'm",     "i've",     "if",        "in",     "into",
    "is",         "isn't",   "it",        "it's",    "its",      "itself",    "let's",  "me",
    "more",       "most",    "mustn't",   "my",      "myself",   "no",        "nor",    "not",
    "of",         "off",     "on",        "once",    "only",     "or",        "other",  "ought",
    "our",        "ours",    "ourselves", "out",     "over",     "own",       "same",   "shan't",
    "she",        "she'd",   "she'll",    "she's",   "should",   "shouldn't", "so",     "some",
    "such",       "than",    "that",      "that's",  "the",      "their",     "theirs", "them",
    "themselves", "then",    "there",     "there's", "these",    "they",      "they'd", "they'll",
    "they're",    "they've", "this",      "those",   "through",  "to",        "too",    "under",
    "until",      "up",      "very",      "was",     "wasn't",   "we",        "we'd",   "we'll",
    "we're",      "we've",   "were",      "weren't", "what",     "what's",    "when",   "when's",
    "where",      "where's", "which",     "while",   "who's",    "whom",      "why",    "why's",
    "will",       "with",    "won't",     "would",   "wouldn't", "you",       "you'd",  "you'll",
    "you're",     "you've",  "your",      "yours",   "yourself", "yourselves"};

void record(const FieldErrors& errors, const std::string& message) {
  if (errors->empty()) *errors = message;
}

class FilterProcessor : public Xapian::FieldProcessor {
 public:
  FilterProcessor(const Field& field, FieldErrors errors)
      : field_(field), errors_(std::move(errors)) {}
  Xapian::Query operator()(const std::string& value) override {
    if (text::trim(value).empty()) {
      record(errors_, std::string(field_.name) + ": needs a value, e.g. " +
                          std::string(field_.name) + ":\"...\"");
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
  DateProcessor(const Field& field, FieldErrors errors, CivilDate today)
      : field_(field), errors_(std::move(errors)), today_(today) {}
  Xapian::Query operator()(const std::string& value) override {
    try {
      return date_range_query(parse_date_range(value, today_), field_.slot);
    } catch (const QueryError& e) {
      record(errors_, e.what());
      return Xapian::Query::MatchNothing;
    }
  }

 private:
  const Field& field_;
  FieldErrors errors_;
  CivilDate today_;
};

// "synonymgroup:N": any entry of the group the query words matched.  The
// words as written keep their usual reading; the other entries are searched
// as written in the synonyms file, several words as a phrase.
class SynonymProcessor : public Xapian::FieldProcessor {
 public:
  SynonymProcessor(std::shared_ptr<const std::vector<SynonymExpansion>> expansions,
                   const Xapian::Stem& stemmer, FieldErrors errors)
      : expansions_(std::move(expansions)), stemmer_(stemmer), errors_(std::move(errors)) {}
  Xapian::Query operator()(const std::string& value) override {
    size_t n = 0;
    try {
      n = std::stoul(value);
    } catch (const std::exception&) {
      n = expansions_ ? expansions_->size() : 0;
    }
    if (!expansions_ || n >= expansions_->size()) {
      record(errors_, "'" + std::string(Synonyms::kPlaceholderField) + ":' is reserved");
      return Xapian::Query::MatchNothing;
    }
    const SynonymExpansion& x = (*expansions_)[n];
    std::vector<Xapian::Query> alternatives{parse(x.written)};
    for (const auto& v : x.variants) alternatives.push_back(parse(v));
    return Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
  }

 private:
  Xapian::Query parse(const std::string& words) {
    Xapian::QueryParser qp;
    qp.set_stemmer(stemmer_);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    const bool several = words.find(' ') != std::string::npos;
    return qp.parse_query(several ? "\"" + words + "\"" : words, Xapian::QueryParser::FLAG_PHRASE);
  }

  std::shared_ptr<const std::vector<SynonymExpansion>> expansions_;
  Xapian::Stem stemmer_;
  FieldErrors errors_;
};

}  // namespace

unsigned query_flags() {
  return Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
         Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT |
         Xapian::QueryParser::FLAG_WILDCARD;
}

bool is_stopword(std::string_view word) {
  return std::find(kStopwords.begin(), kStopwords.end(), word) != kStopwords.end();
}

Xapian::QueryParser make_query_parser(const Xapian::Database& db, const Xapian::Stem& stemmer,
                                      const ParserSetup& setup) {
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(stemmer);
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_default_op(setup.match_any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
  qp.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_ERROR);
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
          qp.add_boolean_prefix(name, (new FilterProcessor(field, setup.errors))->release());
          break;
        case FieldKind::kDate:
          qp.add_boolean_prefix(name,
                                (new DateProcessor(field, setup.errors, setup.today))->release());
          break;
        case FieldKind::kNumber:
        case FieldKind::kKey:
          break;  // not queryable
      }
    }
  }
  qp.add_prefix(std::string(Synonyms::kPlaceholderField),
                (new SynonymProcessor(setup.synonyms, stemmer, setup.errors))->release());
  return qp;
}

}  // namespace dateline
