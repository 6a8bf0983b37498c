#include "searcher/hit_printer.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "common/stemmers.h"

namespace dateline {
namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kMatch = "\x1b[1;31m";
constexpr std::string_view kReset = "\x1b[0m";
constexpr size_t kMaxColumn = 18;

// Display width of UTF-8 text, counting code points (wire text is
// overwhelmingly Latin script, where that is right).
size_t width(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string pad(std::string s, size_t w) {
  size_t cur = width(s);
  if (cur > w) {
    // Cut on a character boundary and mark the cut.
    size_t bytes = 0, chars = 0;
    while (bytes < s.size() && chars < w - 1) {
      ++bytes;
      while (bytes < s.size() && (static_cast<unsigned char>(s[bytes]) & 0xC0) == 0x80) ++bytes;
      ++chars;
    }
    s = s.substr(0, bytes) + "\xE2\x80\xA6";
    cur = w;
  }
  return s + std::string(w - cur, ' ');
}

std::string shown_path(const Article& a, const std::string& cwd) {
  std::string p = a.origin.path;
  if (!cwd.empty() && p.size() > cwd.size() + 1 && p.compare(0, cwd.size(), cwd) == 0 &&
      p[cwd.size()] == '/') {
    p = p.substr(cwd.size() + 1);
  }
  if (a.origin.record > 0) p += " #" + std::to_string(a.origin.record);
  return p;
}

std::string shown_date(const Article& a) {
  return a.date ? a.date->iso().substr(0, 10) : "no date";
}

std::string or_dash(const std::string& s) { return s.empty() ? "-" : s; }

std::string header_line(const SearchResults& r, const PrintContext& c) {
  const Xapian::doccount n = r.matches;
  std::string line = r.exact ? "" : "About ";
  line += std::to_string(n) + (n == 1 ? " result" : " results");
  if (!c.query.empty()) line += " for " + c.query;
  if (!r.hits.empty()) {
    line += " (showing " + std::to_string(r.hits.front().rank) + "-" +
            std::to_string(r.hits.back().rank) + ")";
  }
  return line;
}

}  // namespace

void print_text(std::ostream& out, const SearchResults& results, const PrintContext& c) {
  out << header_line(results, c) << "\n";
  if (results.hits.empty()) return;
  size_t source_w = 1, location_w = 1;
  for (const Hit& h : results.hits) {
    source_w = std::max(source_w, std::min(kMaxColumn, width(or_dash(h.article.source))));
    location_w =
        std::max(location_w, std::min(kMaxColumn, width(or_dash(h.article.location.city))));
  }
  const size_t rank_w = std::to_string(results.hits.back().rank).size();
  const std::string indent(rank_w + 2, ' ');
  for (const Hit& h : results.hits) {
    const Article& a = h.article;
    std::string rank = std::to_string(h.rank);
    out << "\n"
        << std::string(rank_w - rank.size(), ' ') << rank << ". " << pad(shown_date(a), 10) << "  "
        << pad(or_dash(a.source), source_w) << "  " << pad(or_dash(a.location.city), location_w)
        << "  ";
    const std::string headline = a.headline.empty() ? "(no headline)" : a.headline;
    if (c.color) {
      const Snippet marked = mark_all(headline, c.terms, stemmer_for(a.language));
      out << kBold
          << render_snippet(marked, std::string(kMatch), std::string(kReset) + std::string(kBold))
          << kReset;
    } else {
      out << headline;
    }
    out << "\n";
    const Snippet snippet = make_snippet(a.body, c.terms, stemmer_for(a.language));
    if (!snippet.text.empty()) {
      out << indent << (c.color ? render_snippet(snippet, kMatch, kReset) : snippet.text) << "\n";
    }
    out << indent << shown_path(a, c.cwd) << "\n";
  }
}

void print_json(std::ostream& out, const SearchResults& results, const PrintContext& c) {
  for (const Hit& h : results.hits) {
    const Article& a = h.article;
    const Snippet snippet = make_snippet(a.body, c.terms, stemmer_for(a.language));
    nlohmann::ordered_json j;
    j["rank"] = h.rank;
    j["id"] = a.id;
    j["story"] = story_key(a);
    j["version"] = a.version;
    j["status"] = status_name(a.status);
    j["score"] = h.score;
    j["source"] = a.source;
    j["location"] = a.location.city;
    j["region"] = a.location.region;
    j["country"] = a.location.country;
    j["date"] = a.date ? nlohmann::ordered_json(a.date->iso()) : nlohmann::ordered_json(nullptr);
    j["updated"] = a.version_created ? nlohmann::ordered_json(a.version_created->iso())
                                     : nlohmann::ordered_json(nullptr);
    j["headline"] = a.headline;
    j["slug"] = a.slug;
    j["urgency"] = a.urgency;
    j["subjects"] = a.subjects;
    j["byline"] = a.byline;
    j["language"] = a.language;
    j["path"] = a.origin.path;
    j["record"] = a.origin.record;
    j["snippet"] = snippet.text;
    j["matches"] = snippet.matched;
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
}

}  // namespace dateline
