// Synonyms and aliases, read from a plain-text file and applied at search
// time ("UN = United Nations", "Kiev = Kyiv").  The file has one group per
// line, entries separated by "="; "#" starts a comment.  An entry of several
// words is searched as a phrase.  Matching ignores case and accents, except
// that an entry written in capitals (an acronym: UN, US, EU) matches only a
// query word written in capitals, so "us" and "un" stay ordinary words.
//
// Synonyms apply to plain query words outside quotes and fields; a query
// word or run of words that is an entry is searched as any entry of its
// group.  Rewrite() marks each such run with a placeholder field
// ("synonymgroup:N") that the query parser expands, so operators, +/- and
// brackets around it keep their meaning.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// One run of query words that matched a synonym entry.
struct SynonymExpansion {
  std::string written;                // the words as the query has them
  std::vector<std::string> variants;  // the other entries of the group, as in the file
};

struct SynonymRewrite {
  std::string text;  // the query with each matched run replaced by a placeholder
  std::vector<SynonymExpansion> expansions;  // placeholder N is expansions[N]
};

class Synonyms {
 public:
  // The query-parser field name of the placeholder.
  static constexpr std::string_view kPlaceholderField = "synonymgroup";

  Synonyms() = default;

  // Reads `content`; each malformed line is skipped and reported in
  // `warnings` as "NAME:LINE: what is wrong".
  static Synonyms parse(std::string_view content, const std::string& name,
                        std::vector<std::string>* warnings);
  // Reads the file at `path`; throws UsageError when it cannot be read.
  static Synonyms load(const std::string& path, std::vector<std::string>* warnings);

  SynonymRewrite rewrite(std::string_view query) const;

  size_t group_count() const { return groups_.size(); }

 private:
  struct Entry {
    std::vector<std::string> words;  // normalised: lower case, accents and dots removed
    bool acronym = false;            // written in capitals: matches capitals only
    size_t group = 0;
    std::string written;
  };
  std::vector<std::vector<std::string>> groups_;  // entries as written
  std::vector<Entry> entries_;                    // longest first
};

// The file searched when no --synonyms is given: $DATELINE_SYNONYMS, else
// synonyms.txt beside the searcher binary, else the source tree's
// searcher/synonyms.txt; "" when none exists.
std::string default_synonyms_path(const std::string& argv0);

}  // namespace dateline
