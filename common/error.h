// Errors raised inside Dateline.  Each tool's main() is the one place that
// turns them into a message and an exit status.
#pragma once

#include <stdexcept>
#include <string>

namespace dateline {

// The command line was wrong: an unknown option, a missing argument, a value
// that does not parse.  Tools exit with status 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A whole input file cannot be read as articles (empty, binary, unsupported
// format, unreadable).  The file is skipped and reported; the run goes on.
class ParseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A query that cannot be run (unknown field, bad date, empty query).
class QueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace dateline
