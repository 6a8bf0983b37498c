#include "searcher/hit_printer.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "common/stemmers.h"

namespace dateline {
namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kMatch = "\x1b[1;31m";
constexpr std::string_view kReset = "\x1b[0m";
constexpr size_t kMaxColumn = 18;
constexpr size_t kFacetValuesShown = 10;

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

std::string results_word(Xapian::doccount n) { return n == 1 ? " result" : " results"; }

std::string header_line(const SearchResults& r, const PrintContext& c) {
  const Xapian::doccount n = r.matches;
  std::string line = r.exact ? "" : "About ";
  line += std::to_string(n) + results_word(n);
  if (!c.like_id.empty()) {
    line += " like " + c.like_id;
    if (!c.like_headline.empty()) line += " (" + c.like_headline + ")";
    if (!c.query.empty()) line += " matching " + c.query;
  } else if (!c.query.empty()) {
    line += " for " + c.query;
  }
  if (r.exact && r.folded_matches < n) {
    line += ", " + std::to_string(r.folded_matches) + " once near-identical ones are folded";
  }
  if (!r.hits.empty()) {
    line += " (showing " + std::to_string(r.hits.front().rank) + "-" +
            std::to_string(r.hits.back().rank) + ")";
  }
  if (!c.failed_shards.empty()) {
    line += " (incomplete: " + std::to_string(c.failed_shards.size()) + " of " +
            std::to_string(c.shards_searched) + " shards failed)";
  }
  return line;
}

std::string duplicates_line(const Hit& h) {
  std::vector<std::string> sources;
  for (const auto& d : h.duplicates) {
    const std::string s = or_dash(d.source);
    if (std::find(sources.begin(), sources.end(), s) == sources.end()) sources.push_back(s);
  }
  std::string line = "(+" + std::to_string(h.duplicates.size()) + " near-identical from ";
  for (size_t i = 0; i < sources.size(); ++i) line += (i ? ", " : "") + sources[i];
  return line + "; --no-collapse lists them)";
}

void print_facets_text(std::ostream& out, const SearchResults& results) {
  if (results.facets.empty() || results.matches == 0) return;
  size_t name_w = 0;
  for (const Facet& f : results.facets) name_w = std::max(name_w, f.name.size());
  out << "\nFacets over all " << results.matches << results_word(results.matches) << ":\n";
  for (const Facet& f : results.facets) {
    out << "  " << pad(f.name, name_w) << "  ";
    if (f.counts.empty()) out << "-";
    for (size_t i = 0; i < f.counts.size() && i < kFacetValuesShown; ++i) {
      out << (i ? ", " : "") << f.counts[i].value << " " << f.counts[i].count;
    }
    if (f.counts.size() > kFacetValuesShown) {
      out << ", … (" << f.counts.size() - kFacetValuesShown << " more)";
    }
    out << "\n";
  }
}

}  // namespace

void print_text(std::ostream& out, const SearchResults& results, const PrintContext& c) {
  if (c.corrected) {
    out << "Showing results for " << c.suggestion << " (" << c.original_query << " found "
        << c.original_matches << ")\n";
  }
  out << header_line(results, c) << "\n";
  if (!c.suggestion.empty() && !c.corrected) {
    out << "Did you mean: " << c.suggestion << "?  (--correct searches for it)\n";
  }
  size_t source_w = 1, location_w = 1;
  for (const Hit& h : results.hits) {
    source_w = std::max(source_w, std::min(kMaxColumn, width(or_dash(h.article.source))));
    location_w =
        std::max(location_w, std::min(kMaxColumn, width(or_dash(h.article.location.city))));
  }
  const size_t rank_w = results.hits.empty() ? 1 : std::to_string(results.hits.back().rank).size();
  const std::string indent(rank_w + 2, ' ');
  SnippetMaker snippets(c.terms);  // one for the page: words are matched once
  for (const Hit& h : results.hits) {
    const Article& a = h.article;
    std::string rank = std::to_string(h.rank);
    out << "\n"
        << std::string(rank_w - rank.size(), ' ') << rank << ". " << pad(shown_date(a), 10) << "  "
        << pad(or_dash(a.source), source_w) << "  " << pad(or_dash(a.location.city), location_w)
        << "  ";
    const std::string headline = a.headline.empty() ? "(no headline)" : a.headline;
    if (c.color) {
      const Snippet marked = snippets.mark_all(headline, stemmer_for(a.language));
      out << kBold
          << render_snippet(marked, std::string(kMatch), std::string(kReset) + std::string(kBold))
          << kReset;
    } else {
      out << headline;
    }
    out << "\n";
    const Snippet snippet = snippets.make(a.body, stemmer_for(a.language));
    if (!snippet.text.empty()) {
      out << indent << (c.color ? render_snippet(snippet, kMatch, kReset) : snippet.text) << "\n";
    }
    out << indent << shown_path(a, c.cwd) << "\n";
    if (!h.duplicates.empty()) out << indent << duplicates_line(h) << "\n";
  }
  print_facets_text(out, results);
}

void print_json(std::ostream& out, const SearchResults& results, const PrintContext& c) {
  const auto dump = [&](const nlohmann::ordered_json& j) {
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  };
  SnippetMaker snippets(c.terms);  // one for the page: words are matched once
  for (const Hit& h : results.hits) {
    const Article& a = h.article;
    const Snippet snippet = snippets.make(a.body, stemmer_for(a.language));
    nlohmann::ordered_json j;
    j["schema"] = kJsonSchemaVersion;
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
    nlohmann::ordered_json dups = nlohmann::ordered_json::array();
    for (const auto& d : h.duplicates) {
      dups.push_back({{"id", d.id}, {"source", d.source}, {"path", d.path}});
    }
    j["duplicates"] = dups;
    dump(j);
  }
  if (!results.facets.empty()) {
    nlohmann::ordered_json facets = nlohmann::ordered_json::object();
    for (const Facet& f : results.facets) {
      nlohmann::ordered_json counts = nlohmann::ordered_json::array();
      for (const auto& v : f.counts) counts.push_back({{"value", v.value}, {"count", v.count}});
      facets[f.name] = counts;
    }
    nlohmann::ordered_json line;
    line["schema"] = kJsonSchemaVersion;
    line["matches"] = results.matches;
    line["facets"] = facets;
    dump(line);
  }
  if (!c.suggestion.empty()) {
    nlohmann::ordered_json line;
    line["schema"] = kJsonSchemaVersion;
    line["suggestion"] = c.suggestion;
    line["corrected"] = c.corrected;
    line["query"] = c.original_query;
    line["query_matches"] = c.original_matches;
    dump(line);
  }
  if (!c.failed_shards.empty()) {
    nlohmann::ordered_json failed = nlohmann::ordered_json::array();
    for (const ShardFailure& f : c.failed_shards) {
      failed.push_back({{"shard", f.label}, {"error", f.error}});
    }
    nlohmann::ordered_json line;
    line["schema"] = kJsonSchemaVersion;
    line["incomplete"] = true;
    line["shards_searched"] = c.shards_searched;
    line["failed_shards"] = failed;
    dump(line);
  }
}

void print_ids(std::ostream& out, const SearchResults& results) {
  for (const Hit& h : results.hits) out << h.article.id << "\n";
}

void print_paths(std::ostream& out, const SearchResults& results) {
  std::set<std::string> seen;
  for (const Hit& h : results.hits) {
    if (!h.article.origin.path.empty() && seen.insert(h.article.origin.path).second) {
      out << h.article.origin.path << "\n";
    }
  }
}

}  // namespace dateline
