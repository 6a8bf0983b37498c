#include "common/shard_list.h"

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "common/error.h"
#include "common/timestamp.h"

namespace dateline {
namespace {

constexpr std::string_view kAnnotation = "# shard ";

std::vector<std::string> words_of(std::string_view line) {
  std::istringstream in{std::string(line)};
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return "";
  const auto last = s.find_last_not_of(" \t\r");
  return std::string(s.substr(first, last - first + 1));
}

bool valid_port(std::string_view digits, int* port) {
  int value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() || value < 1 || value > 65535) {
    return false;
  }
  if (port) *port = value;
  return true;
}

}  // namespace

std::string day_iso(int64_t day) {
  const CivilDate d = civil_from_days(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::optional<int64_t> parse_day(std::string_view iso) {
  CivilDate d;
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  const auto number = [&](size_t at, size_t len, int& out) {
    const auto [end, ec] = std::from_chars(iso.data() + at, iso.data() + at + len, out);
    return ec == std::errc() && end == iso.data() + at + len;
  };
  if (!number(0, 4, d.year) || !number(5, 2, d.month) || !number(8, 2, d.day)) return std::nullopt;
  if (!is_valid_civil(d)) return std::nullopt;
  return days_from_civil(d);
}

std::string ShardEntry::label() const {
  std::string where = kind == Kind::kRemote ? "remote " + location : location;
  return name == location ? where : name + " (" + where + ")";
}

bool ShardEntry::may_hold(const DayRange& range) const {
  if (!annotated) return true;
  if (!dates) return false;
  return dates->first <= range.last && range.first <= dates->last;
}

std::string ShardEntry::host() const {
  std::string host = location.substr(0, location.rfind(':'));
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  return host;
}

int ShardEntry::port() const {
  int port = 0;
  valid_port(std::string_view(location).substr(location.rfind(':') + 1), &port);
  return port;
}

ShardList parse_shard_list(std::string_view text, const std::string& where) {
  ShardList list;
  std::optional<ShardEntry> pending;  // an annotation waiting for its line
  int line_number = 0;
  const auto fail = [&](const std::string& why) {
    throw ParseError(where + ": line " + std::to_string(line_number) + ": " + why);
  };
  std::istringstream in{std::string(text)};
  for (std::string raw; std::getline(in, raw);) {
    ++line_number;
    const std::string line = trimmed(raw);
    if (line.rfind(kAnnotation, 0) == 0) {
      const auto w = words_of(std::string_view(line).substr(kAnnotation.size()));
      ShardEntry entry;
      entry.annotated = true;
      if (w.size() == 3 && w[1] == "dates" && w[2] == "none") {
        entry.name = w[0];
      } else if (w.size() == 4 && w[1] == "dates") {
        const auto first = parse_day(w[2]), last = parse_day(w[3]);
        if (!first || !last || *last < *first) {
          fail("'" + line + "': the dates must be FIRST LAST, as YYYY-MM-DD");
        }
        entry.name = w[0];
        entry.dates = DayRange{*first, *last};
      } else {
        fail("'" + line + "' is not '# shard NAME dates FIRST LAST' (or 'dates none')");
      }
      if (pending) fail("two '# shard' lines for one shard");
      pending = entry;
      continue;
    }
    if (line.empty() || line[0] == '#') {
      if (list.shards.empty() && !pending && !line.empty()) list.header.push_back(line);
      continue;
    }
    const auto w = words_of(line);
    ShardEntry entry = pending.value_or(ShardEntry{});
    pending.reset();
    if ((w[0] == "auto" || w[0] == "glass") && w.size() == 2) {
      entry.kind = ShardEntry::Kind::kLocal;
      entry.backend = w[0];
      // "shards/2014/" and "./shards/2014" are "shards/2014".
      std::string path = std::filesystem::path(w[1]).lexically_normal().string();
      while (path.size() > 1 && path.back() == '/') path.pop_back();
      entry.location = path;
    } else if (w[0] == "remote") {
      const auto colon = w.size() == 2 ? w[1].rfind(':') : std::string::npos;
      if (colon == std::string::npos || colon == 0 ||
          !valid_port(std::string_view(w[1]).substr(colon + 1), nullptr)) {
        fail("'" + line +
             "': only TCP remote shards, 'remote HOST:PORT', are supported (for ssh, tunnel a "
             "port; see docs/sharding.md)");
      }
      entry.kind = ShardEntry::Kind::kRemote;
      entry.backend = "remote";
      entry.location = w[1];
    } else {
      fail("'" + line + "' is not 'auto PATH', 'glass PATH' or 'remote HOST:PORT'");
    }
    if (!entry.annotated) entry.name = entry.location;
    list.shards.push_back(std::move(entry));
  }
  if (pending) fail("a '# shard' line with no shard after it");
  return list;
}

std::string format_shard_list(const ShardList& list) {
  std::string out;
  for (const auto& h : list.header) out += h + "\n";
  for (const ShardEntry& s : list.shards) {
    if (s.annotated) {
      out += std::string(kAnnotation) + s.name + " dates " +
             (s.dates ? day_iso(s.dates->first) + " " + day_iso(s.dates->last) : "none") + "\n";
    }
    out += s.backend + " " + s.location + "\n";
  }
  return out;
}

}  // namespace dateline
