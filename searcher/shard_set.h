// The databases a search runs over: one Dateline index, or the shards a stub
// lists (an archive's, or any stub file; see common/shard_list.h), plus
// shards served by xapian-tcpsrv given with --remote.  Each shard is opened
// on its own, so that one that fails is named; the ones that opened are
// searched as one Xapian database (Xapian merges ranking, sorting,
// collapsing and match spies across them).
//
// A date-restricted search opens only the shards whose annotated days
// overlap its range.  A shard that cannot be opened, or stops answering
// during a search, is a ShardFailure; whether to go on without it is the
// caller's choice (--partial).
#pragma once

#include <xapian.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/shard_list.h"

namespace dateline {

struct ShardFailure {
  std::string label;  // "2014 (remote 10.0.0.5:33302)"
  std::string error;  // what Xapian said
};

struct ShardOptions {
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds timeout{20000};  // each read from a remote shard
  std::vector<std::string> remotes;          // --remote HOST:PORT
  std::optional<DayRange> days;              // search only shards that may hold these
};

class ShardSet {
 public:
  // Lists the shards of `index_path` (when given) and options.remotes, then
  // opens the ones the date range may need.  Throws UsageError when there
  // is no index at `index_path`, ParseError for a malformed stub or address.
  ShardSet(const std::optional<std::string>& index_path, ShardOptions options);

  // The shards that opened, as one database (empty when none did).
  Xapian::Database& database() { return combined_; }
  const Xapian::Database& database() const { return combined_; }
  bool empty() const { return open_.empty(); }
  bool has_remote() const;

  std::size_t listed() const { return listed_; }    // in the stub and --remote
  std::size_t skipped() const { return skipped_; }  // outside the date range
  const std::vector<ShardFailure>& failures() const { return failures_; }

  // After a search over database() failed with `error`: the remote shard the
  // error names (a timeout, a broken reply: "remote:tcp(HOST:PORT)") is left
  // out even if it would answer again, and every other shard is opened
  // anew, those that no longer open being left out too.  Returns false when
  // no shard was left out (the failure was not a shard's).
  bool leave_out_failed(const Xapian::Error& error);

  // The local shards, for what Xapian's remote protocol does not carry
  // (spelling data); empty when there are none.
  Xapian::Database local_database() const;

 private:
  struct Shard {
    ShardEntry entry;
    std::string path;  // local: resolved against the stub's folder
    Xapian::Database db;
  };
  // Opens one shard; "" or what went wrong.
  std::string open_shard(Shard& shard) const;
  // Opens `shards` (remote ones in parallel): the ones that open become
  // open_, the others failures_.
  void open_all(const std::vector<Shard*>& shards);
  void combine();

  ShardOptions options_;
  std::vector<Shard> wanted_;  // listed and within the date range
  std::vector<Shard*> open_;
  std::vector<ShardFailure> failures_;
  Xapian::Database combined_;
  std::size_t listed_ = 0;
  std::size_t skipped_ = 0;
};

// "HOST:PORT" as a remote shard entry; throws UsageError when malformed.
ShardEntry remote_shard(const std::string& address);

}  // namespace dateline
