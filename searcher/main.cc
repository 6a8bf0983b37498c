// searcher: ranked search over a Dateline index.  This file is the
// command-line boundary: options in, results out, and grep's exit statuses:
// 0 something matched, 1 nothing did, 2 error.
#include <unistd.h>
#include <xapian.h>

#include <boost/program_options.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "common/error.h"
#include "common/index_location.h"
#include "searcher/hit_printer.h"
#include "searcher/query_builder.h"
#include "searcher/search.h"

namespace po = boost::program_options;
using namespace dateline;

namespace {

constexpr int kExitFound = 0;
constexpr int kExitNothing = 1;
constexpr int kExitError = 2;

constexpr const char* kUsage =
    "Usage: searcher [OPTIONS] QUERY...\n"
    "\n"
    "Searches the Dateline index.  QUERY words are joined; all must match unless\n"
    "OR is used.  \"phrases\", AND OR NOT ( ), +word -word, and fields:\n"
    "headline:WORDS slug:WORDS byline:WORDS source:AFP location:Moscow country:usa\n"
    "lang:en subject:politics status:canceled id:ID story:ID date:2014-01-17\n"
    "date:2014-01 date:2014-01-01..2014-01-31 updated:2014-01-17.\n"
    "Exit status: 0 when something matched, 1 when nothing did, 2 on errors.\n";

SortOrder parse_sort(const std::string& s) {
  if (s == "relevance") return SortOrder::kRelevance;
  if (s == "newest") return SortOrder::kNewest;
  if (s == "oldest") return SortOrder::kOldest;
  throw UsageError("--sort '" + s + "' is not an order (relevance, newest, oldest)");
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
      ("source", po::value<std::vector<std::string>>(), "only this source (repeatable: any of)")
      ("location", po::value<std::vector<std::string>>(), "only this dateline place (repeatable)")
      ("lang", po::value<std::vector<std::string>>(), "only this language, e.g. fr (repeatable)")
      ("since", po::value<std::string>(), "only articles on or after DATE (YYYY[-MM[-DD]])")
      ("until", po::value<std::string>(), "only articles on or before DATE (YYYY[-MM[-DD]])")
      ("all-versions", "show every version of a story, not just the current one")
      ("json", "print one JSON object per result per line")
      ("count", "print only the exact number of matches")
      ("color", po::value<std::string>()->default_value("auto"),
       "auto, always or never (auto: colour on a terminal unless NO_COLOR is set)");
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
  request.sort = parse_sort(vm["sort"].as<std::string>());
  request.limit = vm["-n"].as<unsigned>();
  request.offset = vm["offset"].as<unsigned>();
  const bool count_only = vm.count("count") > 0;
  const bool color = use_color(vm["color"].as<std::string>());

  const std::string index_path = resolve_index_path(
      vm.count("index") ? std::optional<std::string>(vm["index"].as<std::string>()) : std::nullopt);
  if (!std::filesystem::exists(index_path)) {
    throw UsageError("no index at " + index_path +
                     " (build one with 'indexer add PATH', or give --index or DATELINE_INDEX)");
  }
  Xapian::Database db(index_path);

  const BuiltQuery built = build_query(request, db);
  for (const auto& w : built.warnings) std::cerr << "searcher: warning: " << w << "\n";

  if (count_only) request.limit = 0;
  const SearchResults results = run_search(db, built.query, request, count_only);
  if (count_only) {
    std::cout << results.matches << "\n";
  } else {
    PrintContext context;
    context.query = request.query;
    context.terms = match_terms(built.query);
    context.color = color;
    std::error_code ec;
    context.cwd = std::filesystem::current_path(ec).string();
    if (vm.count("json")) {
      print_json(std::cout, results, context);
    } else {
      print_text(std::cout, results, context);
    }
  }
  return results.matches > 0 ? kExitFound : kExitNothing;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const UsageError& e) {
    std::cerr << "searcher: " << e.what() << "\n";
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
