// Printing results: aligned text for people (with highlighted snippets in
// colour on a terminal), JSON Lines for programs (docs/json-output.md), or
// bare ids or paths for scripts.
#pragma once

#include <xapian.h>

#include <ostream>
#include <string>

#include "searcher/search.h"
#include "searcher/shard_set.h"
#include "searcher/snippet.h"

namespace dateline {

// The "schema" of every JSON line; raised only when a field changes meaning
// or goes away (adding a field keeps it).  See docs/json-output.md.
inline constexpr int kJsonSchemaVersion = 1;

struct PrintContext {
  std::string query;          // as the user typed it, for the header line
  MatchTerms terms;           // what to highlight
  bool color = false;         // ANSI colour for matches and headlines
  std::string cwd;            // paths under it are shown relative to it
  std::string like_id;        // --like: the article asked about
  std::string like_headline;  //   and its headline
  // "Did you mean": the corrected query, whether it was run instead
  // (--correct), and what the query as typed found.
  std::string suggestion;
  bool corrected = false;
  std::string original_query;
  Xapian::doccount original_matches = 0;
  // --partial: the shards that failed (their results are missing), of how
  // many searched.
  std::vector<ShardFailure> failed_shards;
  std::size_t shards_searched = 0;
};

void print_text(std::ostream& out, const SearchResults& results, const PrintContext& context);

// One JSON object per hit, one per line, then a facets line and a
// suggestion line when there are any (docs/json-output.md).
void print_json(std::ostream& out, const SearchResults& results, const PrintContext& context);

// One article id per line.
void print_ids(std::ostream& out, const SearchResults& results);

// The files the hits came from, each once, in the order of its best hit.
void print_paths(std::ostream& out, const SearchResults& results);

}  // namespace dateline
