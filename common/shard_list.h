// The shards a stub database lists, as Dateline reads and writes them.
//
// A stub is Xapian's own format (so xapian-delve, quest and Omega can open
// an archive as one database), one shard per line:
//
//   auto shards/2014          a local database; a relative path is relative
//   glass /srv/archive/2015   to the stub's folder
//   remote 10.0.0.5:33302     a database served by xapian-tcpsrv
//
// Blank lines and lines starting with '#' are comments to Xapian.  Dateline
// gives one comment a meaning: "# shard NAME dates FIRST LAST" (days, UTC,
// inclusive; "dates none" for a shard without dated articles) names the
// shard on the next line and says which days it holds, so that a
// date-restricted search can skip it.  A shard without one is named after
// its path or address and always searched.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// Days since 1970-01-01, inclusive at both ends.
struct DayRange {
  int64_t first = 0;
  int64_t last = 0;
  friend bool operator==(const DayRange&, const DayRange&) = default;
};

struct ShardEntry {
  enum class Kind { kLocal, kRemote };
  std::string name;  // from the annotation, else the path or address
  Kind kind = Kind::kLocal;
  std::string backend;   // local: "auto" or "glass", as written
  std::string location;  // local: the path as written; remote: "HOST:PORT"
  bool annotated = false;
  // With an annotation: the days its articles fall on, or nullopt when it
  // holds no dated article ("dates none").
  std::optional<DayRange> dates;

  // "2014 (remote 10.0.0.5:33302)", for messages.
  std::string label() const;
  // Whether a search restricted to `range` can find anything here.
  bool may_hold(const DayRange& range) const;
  std::string host() const;  // remote: the part before the last ':'
  int port() const;          // remote: the part after it
};

struct ShardList {
  std::vector<std::string> header;  // the leading comment lines, verbatim
  std::vector<ShardEntry> shards;
};

// Throws ParseError naming `where` and the line for anything else (a remote
// program line, an unknown backend, a malformed annotation or address).
ShardList parse_shard_list(std::string_view text, const std::string& where);

// The stub text: header lines, then each shard with its annotation.
std::string format_shard_list(const ShardList& list);

// "2014-01-17" for a day number, and back (nullopt when not a date).
std::string day_iso(int64_t day);
std::optional<int64_t> parse_day(std::string_view iso);

}  // namespace dateline
