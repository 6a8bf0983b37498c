#include "searcher/shard_set.h"

#include <filesystem>
#include <thread>

#include "common/archive.h"
#include "common/error.h"
#include "common/text_file.h"

namespace dateline {
namespace fs = std::filesystem;
namespace {

// A Dateline index folder, or a bare Xapian database: one local shard.
bool is_single_index(const fs::path& path) {
  return fs::is_directory(path) && !Archive::is_archive(path);
}

}  // namespace

ShardEntry remote_shard(const std::string& address) {
  try {
    const ShardList list = parse_shard_list("remote " + address + "\n", "--remote");
    if (list.shards.size() == 1) return list.shards.front();
  } catch (const ParseError&) {
  }
  throw UsageError("--remote '" + address + "' is not HOST:PORT");
}

ShardSet::ShardSet(const std::optional<std::string>& index_path, ShardOptions options)
    : options_(std::move(options)) {
  std::vector<Shard> listed;
  if (index_path) {
    const fs::path path(*index_path);
    if (!fs::exists(path)) {
      throw UsageError("no index at " + path.string() +
                       " (build one with 'indexer add PATH', or give --index or DATELINE_INDEX)");
    }
    if (is_single_index(path)) {
      Shard shard;
      shard.entry.name = path.string();
      shard.entry.location = path.string();
      shard.path = path.string();
      listed.push_back(std::move(shard));
    } else {
      // An archive folder, or a stub file.
      const fs::path stub = fs::is_directory(path) ? path / "XAPIANDB" : path;
      const ShardList list = parse_shard_list(read_text_file(stub), stub.string());
      for (const ShardEntry& entry : list.shards) {
        Shard shard;
        shard.entry = entry;
        if (entry.kind == ShardEntry::Kind::kLocal) {
          const fs::path where(entry.location);
          shard.path = where.is_absolute() ? where.string() : (stub.parent_path() / where).string();
        }
        listed.push_back(std::move(shard));
      }
    }
  }
  for (const std::string& address : options_.remotes) {
    Shard shard;
    shard.entry = remote_shard(address);
    listed.push_back(std::move(shard));
  }
  listed_ = listed.size();
  for (Shard& shard : listed) {
    if (options_.days && !shard.entry.may_hold(*options_.days)) {
      ++skipped_;
      continue;
    }
    wanted_.push_back(std::move(shard));
  }
  std::vector<Shard*> all;
  for (Shard& shard : wanted_) all.push_back(&shard);
  open_all(all);
}

std::string ShardSet::open_shard(Shard& shard) const {
  try {
    if (shard.entry.kind == ShardEntry::Kind::kRemote) {
      shard.db = Xapian::Remote::open(shard.entry.host(), shard.entry.port(),
                                      static_cast<unsigned>(options_.timeout.count()),
                                      static_cast<unsigned>(options_.connect_timeout.count()));
    } else {
      shard.db = Xapian::Database(shard.path);
    }
    return "";
  } catch (const Xapian::Error& e) {
    return e.get_description();
  } catch (const std::exception& e) {
    return e.what();
  }
}

void ShardSet::open_all(const std::vector<Shard*>& shards) {
  // Remote shards are opened at once: each connection waits for its
  // server's greeting, which in turn would add up.
  std::vector<std::string> errors(shards.size());
  std::vector<std::thread> openers;
  for (std::size_t i = 0; i < shards.size(); ++i) {
    if (shards[i]->entry.kind == ShardEntry::Kind::kRemote) {
      openers.emplace_back([&, i] { errors[i] = open_shard(*shards[i]); });
    } else {
      errors[i] = open_shard(*shards[i]);
    }
  }
  for (auto& t : openers) t.join();
  open_.clear();
  for (std::size_t i = 0; i < shards.size(); ++i) {
    if (errors[i].empty()) {
      open_.push_back(shards[i]);
    } else {
      failures_.push_back({shards[i]->entry.label(), errors[i]});
    }
  }
  combine();
}

void ShardSet::combine() {
  combined_ = Xapian::Database();
  for (const Shard* shard : open_) combined_.add_database(shard->db);
}

bool ShardSet::has_remote() const {
  for (const Shard* shard : open_) {
    if (shard->entry.kind == ShardEntry::Kind::kRemote) return true;
  }
  return false;
}

bool ShardSet::leave_out_failed(const Xapian::Error& error) {
  const std::size_t failed_before = failures_.size();
  const std::string said = error.get_context() + " " + error.get_msg();
  std::vector<Shard*> rest;
  for (Shard* shard : open_) {
    if (shard->entry.kind == ShardEntry::Kind::kRemote &&
        said.find("remote:tcp(" + shard->entry.location + ")") != std::string::npos) {
      failures_.push_back({shard->entry.label(), error.get_description()});
    } else {
      rest.push_back(shard);
    }
  }
  // Fresh connections: the others may have been left mid-exchange.
  open_all(rest);
  return failures_.size() > failed_before;
}

Xapian::Database ShardSet::local_database() const {
  Xapian::Database local;
  for (const Shard* shard : open_) {
    if (shard->entry.kind == ShardEntry::Kind::kLocal) local.add_database(shard->db);
  }
  return local;
}

}  // namespace dateline
