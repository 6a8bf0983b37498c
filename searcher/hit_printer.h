// Printing results: aligned text for people (with highlighted snippets in
// colour on a terminal) or JSON Lines for programs.
#pragma once

#include <xapian.h>

#include <ostream>
#include <string>

#include "searcher/search.h"
#include "searcher/snippet.h"

namespace dateline {

struct PrintContext {
  std::string query;   // as the user typed it, for the header line
  MatchTerms terms;    // what to highlight
  bool color = false;  // ANSI colour for matches and headlines
  std::string cwd;     // paths under it are shown relative to it
};

void print_text(std::ostream& out, const SearchResults& results, const PrintContext& context);

// One JSON object per hit, one per line (the fields are listed in README.md).
void print_json(std::ostream& out, const SearchResults& results, const PrintContext& context);

}  // namespace dateline
