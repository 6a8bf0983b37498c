// searcher: ranked search over a Dateline index.  This file is the
// command-line boundary: options in, results out, and grep's exit statuses:
// 0 something matched, 1 nothing did, 2 error.
#include <unistd.h>
#include <xapian.h>

#include <boost/program_options.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <limits>
#include <optional>
#include <sstream>

#include "common/error.h"
#include "common/index_location.h"
#include "searcher/date_range.h"
#include "searcher/facets.h"
#include "searcher/hit_printer.h"
#include "searcher/query_builder.h"
#include "searcher/search.h"
#include "searcher/shard_set.h"
#include "searcher/spelling.h"
#include "searcher/synonyms.h"

namespace po = boost::program_options;
using namespace dateline;

namespace {

constexpr int kExitFound = 0;
constexpr int kExitNothing = 1;
constexpr int kExitError = 2;
constexpr int kExitPartial = 3;  // --partial, and some shards failed

// A shard failed and --partial was not given; what() names the shards.
class ShardError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string describe_failures(const std::vector<ShardFailure>& failures) {
  std::string out;
  for (const ShardFailure& f : failures) {
    out += (out.empty() ? "" : "\nsearcher: ") + ("shard " + f.label + " failed: " + f.error);
  }
  return out;
}

constexpr const char* kUsage =
    "Usage: searcher [OPTIONS] QUERY...\n"
    "\n"
    "Searches the Dateline index.  QUERY words are joined; all must match unless\n"
    "OR is used (or --any).  \"phrases\", AND OR NOT NEAR ( ), +word -word, Syri*,\n"
    "and fields: headline:WORDS slug:WORDS byline:WORDS source:AFP location:Moscow\n"
    "country:usa lang:en subject:politics status:canceled id:ID story:ID\n"
    "date:2014-01-17 date:2014-01 date:2014 date:2014-01-01..2014-01-31\n"
    "date:..2014-01-31 date:7d.. updated:2014-01-17.  See docs/query-syntax.md.\n"
    "--index is an index, an archive or a stub file listing shards; --remote adds shards\n"
    "served by xapian-tcpsrv (docs/sharding.md).\n"
    "Exit status: 0 when something matched, 1 when nothing did, 2 on errors, 3 when\n"
    "--partial results leave out shards that failed.\n";

enum class Format { kText, kJson, kIds, kPaths };

SortOrder parse_sort(const std::string& s) {
  if (s == "relevance") return SortOrder::kRelevance;
  if (s == "newest") return SortOrder::kNewest;
  if (s == "oldest") return SortOrder::kOldest;
  throw UsageError("--sort '" + s + "' is not an order (relevance, newest, oldest)");
}

Format parse_format(const std::string& s) {
  if (s == "text") return Format::kText;
  if (s == "json") return Format::kJson;
  if (s == "ids") return Format::kIds;
  if (s == "paths") return Format::kPaths;
  throw UsageError("--format '" + s + "' is not a format (text, json, ids, paths)");
}

bool use_color(const std::string& when) {
  if (when == "always") return true;
  if (when == "never") return false;
  if (when != "auto") throw UsageError("--color '" + when + "' is not one of auto, always, never");
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return isatty(STDOUT_FILENO) != 0;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// "source,location" and repeated --facets, as one list.
std::vector<std::string> split_list(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) {
    std::istringstream in(v);
    std::string item;
    while (std::getline(in, item, ',')) {
      if (!item.empty()) out.push_back(item);
    }
  }
  return out;
}

Synonyms load_synonyms(const po::variables_map& vm, const char* argv0) {
  if (vm.count("no-synonyms")) return {};
  const std::string path =
      vm.count("synonyms") ? vm["synonyms"].as<std::string>() : default_synonyms_path(argv0);
  if (path.empty()) return {};
  std::vector<std::string> warnings;
  Synonyms synonyms = Synonyms::load(path, &warnings);
  for (const auto& w : warnings) std::cerr << "searcher: warning: synonyms " << w << "\n";
  return synonyms;
}

std::chrono::milliseconds seconds_option(const po::variables_map& vm, const char* name) {
  const double seconds = vm[name].as<double>();
  if (!(seconds > 0)) throw UsageError(std::string("--") + name + " must be more than 0 seconds");
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

// The days --since/--until and the query's own date: filters restrict the
// search to (shards outside are not opened); nullopt when unrestricted.
std::optional<DayRange> days_of(const SearchRequest& request) {
  const CivilDate today = request_today(request);
  DateRange range;
  if (const auto in_query = query_date_range(request.query, today)) range = *in_query;
  const auto narrow = [](std::optional<int64_t>& bound, std::optional<int64_t> by, bool lower) {
    if (by) bound = !bound ? *by : lower ? std::max(*bound, *by) : std::min(*bound, *by);
  };
  if (request.since) narrow(range.from, parse_date_range(*request.since, today).from, true);
  if (request.until) narrow(range.until, parse_date_range(*request.until, today).until, false);
  if (!range.from && !range.until) return std::nullopt;
  return DayRange{range.from ? day_of(*range.from) : std::numeric_limits<int64_t>::min() / 2,
                  range.until ? day_of(*range.until) : std::numeric_limits<int64_t>::max() / 2};
}

// Where "did you mean" reads spelling data: --spelling-from, else the
// shards (remote ones carry none over Xapian's protocol: then the local
// ones, with a warning when there are none).
Xapian::Database spelling_source(const po::variables_map& vm, const ShardSet& shards) {
  if (vm.count("spelling-from")) {
    const std::string path = vm["spelling-from"].as<std::string>();
    try {
      const ShardSet replica(path, ShardOptions{});
      for (const ShardFailure& f : replica.failures()) {
        std::cerr << "searcher: warning: --spelling-from: shard " << f.label
                  << " failed: " << f.error << "\n";
      }
      return replica.local_database();
    } catch (const std::exception& e) {
      throw UsageError(std::string("--spelling-from: ") + e.what());
    }
  }
  if (!shards.has_remote()) return shards.database();
  Xapian::Database local = shards.local_database();
  if (local.size() == 0) {
    std::cerr << "searcher: warning: no spelling suggestions: remote shards do not serve spelling "
                 "data (give --spelling-from a local replica)\n";
  }
  return local;
}

// "Did you mean": when the query finds little, and a spelling correction
// finds more; with --correct, the correction's results replace the query's.
void suggest(const SearchRequest& request, Xapian::Database& db, const Xapian::Database& spelling,
             const Synonyms& synonyms, bool count_only, bool correct, PrintContext& context,
             BuiltQuery& built, SearchResults& results) {
  if (spelling.size() == 0) return;
  const std::string suggestion =
      spelling_suggestion(request.query, spelling, request_today(request));
  if (suggestion.empty()) return;
  SearchRequest alternative = request;
  alternative.query = suggestion;
  const BuiltQuery alt = build_query(alternative, db, &synonyms);
  SearchRequest probe = alternative;
  probe.limit = 0;
  probe.facets.clear();
  if (run_search(db, alt.query, probe, true).matches <= results.matches) return;
  context.suggestion = suggestion;
  if (correct) {
    context.corrected = true;
    context.query = suggestion;
    built = alt;
    results = run_search(db, built.query, alternative, count_only);
  }
}

int run(int argc, char** argv) {
  po::options_description visible("Options");
  // clang-format off
  visible.add_options()
      ("help,h", "show this help")
      ("index", po::value<std::string>(),
       "index folder (default: $DATELINE_INDEX, else $XDG_DATA_HOME/dateline/index, "
       "else ~/.local/share/dateline/index)")
      (",n", po::value<unsigned>()->default_value(10), "show at most N results")
      ("offset", po::value<unsigned>()->default_value(0), "skip the first K results (paging)")
      ("sort", po::value<std::string>()->default_value("relevance"), "relevance, newest or oldest")
      ("recent", "boost recent articles (for 'latest news'); see docs/query-syntax.md")
      ("any", "rank articles with any of the words, not only those with all")
      ("source", po::value<std::vector<std::string>>(), "only this source (repeatable: any of)")
      ("location", po::value<std::vector<std::string>>(), "only this dateline place (repeatable)")
      ("lang", po::value<std::vector<std::string>>(), "only this language, e.g. fr (repeatable)")
      ("since", po::value<std::string>(), "only articles on or after DATE (YYYY[-MM[-DD]], 7d)")
      ("until", po::value<std::string>(), "only articles on or before DATE (YYYY[-MM[-DD]], 7d)")
      ("today", po::value<std::string>(),
       "YYYY-MM-DD: the day relative dates (date:7d..) and --recent count from "
       "(default: $DATELINE_NOW, else the current UTC date)")
      ("all-versions", "show every version of a story, not just the current one")
      ("like", po::value<std::string>(), "articles like the one with this id (not its versions)")
      ("facets", po::value<std::vector<std::string>>(),
       "count results by fields, e.g. source,location,country,month")
      ("no-collapse", "show near-identical articles as separate hits")
      ("correct", "when the query finds little and a spelling correction finds more, "
                  "search for the correction")
      ("synonyms", po::value<std::string>(),
       "synonyms file (default: $DATELINE_SYNONYMS, else the one shipped)")
      ("no-synonyms", "apply no synonyms")
      ("format", po::value<std::string>()->default_value("text"), "text, json, ids or paths")
      ("json", "the same as --format json: one JSON object per result per line")
      ("count", "print only the exact number of matches")
      ("color", po::value<std::string>()->default_value("auto"),
       "auto, always or never (auto: colour on a terminal unless NO_COLOR is set)")
      ("remote", po::value<std::vector<std::string>>(),
       "HOST:PORT: also search the shard xapian-tcpsrv serves there (repeatable)")
      ("connect-timeout", po::value<double>()->default_value(5),
       "seconds to wait for a remote shard to answer a connection")
      ("timeout", po::value<double>()->default_value(20),
       "seconds to wait for each reply of a remote shard")
      ("partial", "when shards fail, show what the others found (marked incomplete; exit 3)")
      ("spelling-from", po::value<std::string>(),
       "index or archive to take \"did you mean\" spelling data from (a local replica "
       "of remote shards)");
  // clang-format on
  // Query words are whatever is not an option, in order, so that "-Ghana"
  // (exclude Ghana) is a query word, not an unknown option.
  const po::parsed_options parsed =
      po::command_line_parser(argc, argv).options(visible).allow_unregistered().run();
  po::variables_map vm;
  po::store(parsed, vm);
  po::notify(vm);
  const std::vector<std::string> query_words =
      po::collect_unrecognized(parsed.options, po::include_positional);
  for (const std::string& word : query_words) {
    if (word.rfind("--", 0) == 0 && word.size() > 2) {
      throw UsageError("unrecognised option '" + word + "' (try 'searcher --help')");
    }
  }
  if (vm.count("help")) {
    std::cout << kUsage << "\n" << visible << "\n";
    return kExitFound;
  }

  SearchRequest request;
  request.query = join(query_words);
  if (vm.count("source")) request.sources = vm["source"].as<std::vector<std::string>>();
  if (vm.count("location")) request.locations = vm["location"].as<std::vector<std::string>>();
  if (vm.count("lang")) request.languages = vm["lang"].as<std::vector<std::string>>();
  request.all_versions = vm.count("all-versions") > 0;
  if (vm.count("since")) request.since = vm["since"].as<std::string>();
  if (vm.count("until")) request.until = vm["until"].as<std::string>();
  if (vm.count("today")) {
    request.today = parse_today(vm["today"].as<std::string>(), "--today");
  } else if (const char* now = std::getenv("DATELINE_NOW"); now != nullptr && *now != '\0') {
    request.today = parse_today(now, "$DATELINE_NOW");
  }
  request.sort = parse_sort(vm["sort"].as<std::string>());
  request.limit = vm["-n"].as<unsigned>();
  request.offset = vm["offset"].as<unsigned>();
  request.recent = vm.count("recent") > 0;
  request.match_any = vm.count("any") > 0;
  request.collapse = vm.count("no-collapse") == 0;
  if (vm.count("like")) request.like_id = vm["like"].as<std::string>();
  if (vm.count("facets")) {
    request.facets = split_list(vm["facets"].as<std::vector<std::string>>());
    check_facet_names(request.facets);
  }
  const bool count_only = vm.count("count") > 0;
  const bool correct = vm.count("correct") > 0;
  const Format format =
      vm.count("json") ? Format::kJson : parse_format(vm["format"].as<std::string>());
  const bool color = use_color(vm["color"].as<std::string>());
  const Synonyms synonyms = load_synonyms(vm, argv[0]);

  ShardOptions shard_options;
  shard_options.connect_timeout = seconds_option(vm, "connect-timeout");
  shard_options.timeout = seconds_option(vm, "timeout");
  if (vm.count("remote")) shard_options.remotes = vm["remote"].as<std::vector<std::string>>();
  // --like needs its article wherever it is: no shard is skipped for it.
  if (request.like_id.empty()) shard_options.days = days_of(request);
  const bool partial = vm.count("partial") > 0;
  // Without --index, --remote alone names the shards.
  const std::optional<std::string> index_path =
      vm.count("index") || shard_options.remotes.empty()
          ? std::optional<std::string>(resolve_index_path(
                vm.count("index") ? std::optional<std::string>(vm["index"].as<std::string>())
                                  : std::nullopt))
          : std::nullopt;
  ShardSet shards(index_path, shard_options);
  const std::size_t shards_searched = shards.listed() - shards.skipped();
  if (!shards.failures().empty() && (!partial || shards.empty())) {
    throw ShardError(describe_failures(shards.failures()));
  }
  request.remote_shards = shards.has_remote();
  if (request.recent && request.remote_shards) {
    std::cerr << "searcher: warning: --recent is not available with remote shards "
                 "(xapian-tcpsrv cannot run Dateline's recency weighting); ranking by relevance\n";
  }

  PrintContext context;
  BuiltQuery built;
  SearchResults results;
  // A shard that stops answering mid-search: without --partial an error
  // naming it; with it, the search runs again over the others.
  for (;;) {
    try {
      context = PrintContext{};
      results = SearchResults{};
      Xapian::Database& db = shards.database();
      built = build_query(request, db, &synonyms);  // errors in the query, even with no shard
      if (shards.empty()) {
        context.query = request.query;
        results.exact = true;
        break;  // the date range skips every shard: nothing to find
      }
      for (const auto& w : built.warnings) std::cerr << "searcher: warning: " << w << "\n";
      if (count_only) request.limit = 0;
      results = run_search(db, built.query, request, count_only);
      context.query = request.query;
      context.original_query = request.query;
      context.original_matches = results.matches;
      if (results.matches < kSuggestBelow && request.like_id.empty() && (!count_only || correct)) {
        suggest(request, db, spelling_source(vm, shards), synonyms, count_only, correct, context,
                built, results);
      }
      break;
    } catch (const Xapian::Error& e) {
      if (!shards.has_remote() || !shards.leave_out_failed(e)) throw;
      if (!partial || shards.empty()) throw ShardError(describe_failures(shards.failures()));
      request.remote_shards = shards.has_remote();
    }
  }
  for (const ShardFailure& f : shards.failures()) {
    std::cerr << "searcher: warning: incomplete results: shard " << f.label
              << " failed: " << f.error << "\n";
  }
  context.failed_shards = shards.failures();
  context.shards_searched = shards_searched;
  const int found = results.matches > 0 ? kExitFound : kExitNothing;
  const int status = shards.failures().empty() ? found : kExitPartial;

  if (count_only) {
    std::cout << results.matches << "\n";
    return status;
  }
  context.terms = match_terms(built.query);
  context.color = color;
  context.like_id = request.like_id;
  context.like_headline = built.like_headline;
  std::error_code ec;
  context.cwd = std::filesystem::current_path(ec).string();
  switch (format) {
    case Format::kText:
      print_text(std::cout, results, context);
      break;
    case Format::kJson:
      print_json(std::cout, results, context);
      break;
    case Format::kIds:
      print_ids(std::cout, results);
      break;
    case Format::kPaths:
      print_paths(std::cout, results);
      break;
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const UsageError& e) {
    std::cerr << "searcher: " << e.what() << "\n";
  } catch (const ShardError& e) {
    std::cerr << "searcher: " << e.what() << "\n(--partial shows what the other shards found)\n";
  } catch (const QueryError& e) {
    std::cerr << "searcher: bad query: " << e.what() << "\n";
  } catch (const po::error& e) {
    std::cerr << "searcher: " << e.what() << "\nTry 'searcher --help'.\n";
  } catch (const Xapian::Error& e) {
    std::cerr << "searcher: index error: " << e.get_description() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "searcher: error: " << e.what() << "\n";
  }
  return kExitError;
}
