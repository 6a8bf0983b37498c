// indexer: keeps a Dateline index of wire articles.  This file is the
// command-line boundary: it parses options, runs a command, and maps every
// error to a message and an exit status (0 ok, 1 some input rejected,
// 2 usage or fatal error).
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <xapian.h>

#include <boost/program_options.hpp>
#include <iostream>

#include "common/error.h"
#include "common/format_registry.h"
#include "common/index_location.h"
#include "indexer/add_command.h"

namespace po = boost::program_options;
using namespace dateline;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;
constexpr int kExitError = 2;

constexpr const char* kUsage =
    "Usage: indexer add [OPTIONS] PATH...\n"
    "\n"
    "Adds the articles in the files and folders (searched recursively) to the\n"
    "index.  An article already in the index (same id) is replaced.\n";

std::optional<std::string> optional_value(const po::variables_map& vm, const char* name) {
  if (!vm.count(name)) return std::nullopt;
  return vm[name].as<std::string>();
}

int run_add_command(const std::vector<std::string>& args) {
  po::options_description visible("Options");
  // clang-format off
  visible.add_options()
      ("help,h", "show this help")
      ("index", po::value<std::string>(),
       "index folder (default: $DATELINE_INDEX, else $XDG_DATA_HOME/dateline/index, "
       "else ~/.local/share/dateline/index)")
      ("source", po::value<std::string>(), "set the source (agency) of every article")
      ("location", po::value<std::string>(), "set the dateline place of every article")
      ("date", po::value<std::string>(), "set the date of every article (YYYY-MM-DD)")
      ("format", po::value<std::string>(),
       ("read every file as this format instead of detecting it: " + format_names()).c_str());
  // clang-format on
  po::options_description hidden;
  hidden.add_options()("path", po::value<std::vector<std::string>>(), "");
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("path", -1);

  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << kUsage << "\n" << visible << "\n";
    return kExitOk;
  }
  if (!vm.count("path")) throw UsageError("add: no PATH given");

  AddOptions options;
  options.index_path = resolve_index_path(optional_value(vm, "index"));
  options.paths = vm["path"].as<std::vector<std::string>>();
  options.overrides = MetadataOverrides::from_flags(
      optional_value(vm, "source"), optional_value(vm, "location"), optional_value(vm, "date"));
  if (auto format = optional_value(vm, "format")) {
    options.forced_parser = parser_by_name(*format);
    if (!options.forced_parser) {
      throw UsageError("--format '" + *format + "' is not a format (formats: " + format_names() +
                       ")");
    }
  }

  const AddReport report = run_add(options);
  std::cout << "indexer: added " << report.added << ", replaced " << report.replaced
            << ", rejected " << report.rejected << " (" << report.files << " files read; "
            << options.index_path << " holds " << report.articles_in_index << " articles)\n";
  return report.rejected == 0 ? kExitOk : kExitRejected;
}

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) throw UsageError("no command given");
  const std::string command = args.front();
  args.erase(args.begin());
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage << "\nRun 'indexer add --help' for the options.\n";
    return kExitOk;
  }
  if (command == "--version") {
    std::cout << "indexer (Dateline) 0.1.0, Xapian " << Xapian::version_string() << "\n";
    return kExitOk;
  }
  if (command == "add") return run_add_command(args);
  throw UsageError("'" + command + "' is not a command (commands: add)");
}

}  // namespace

int main(int argc, char** argv) {
  auto logger = spdlog::stderr_logger_st("indexer");
  logger->set_pattern("%n: %v");
  try {
    return run(argc, argv);
  } catch (const UsageError& e) {
    std::cerr << "indexer: " << e.what() << "\nTry 'indexer --help'.\n";
  } catch (const po::error& e) {
    std::cerr << "indexer: " << e.what() << "\nTry 'indexer add --help'.\n";
  } catch (const Xapian::Error& e) {
    std::cerr << "indexer: index error: " << e.get_description() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "indexer: error: " << e.what() << "\n";
  }
  return kExitError;
}
