// Workarounds for bugs in the Xapian this project builds with (Debian 12's
// 1.4.22), each with the smallest reproduction we found.
#pragma once

#include <xapian.h>

namespace dateline {

// Xapian 1.4.22, glass: once any document has been deleted from a database
// of a few thousand documents, a query with no weighted terms (a pure
// boolean filter such as "source:AFP", which the QueryParser returns as
// "0 * XSafp") fails with DatabaseCorruptError "Unexpected end of posting
// list" when get_mset() is asked to check (nearly) all matches, as an exact
// count does.  The database itself is sound (xapian-check passes) and the
// same filter under MatchAll works.  So a query without weighted terms is
// rewritten as MatchAll FILTER query, which matches the same documents.
// Reproduced by tests/xapian_workarounds_test.cc.
Xapian::Query without_weightless_top(const Xapian::Query& query);

// True when some term of `query` is free text (weighted), as opposed to a
// boolean filter term.
bool has_weighted_terms(const Xapian::Query& query);

}  // namespace dateline
