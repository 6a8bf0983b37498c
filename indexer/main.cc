// indexer: keeps a Dateline index of wire articles in step with the files
// agencies deliver.  This file is the command-line boundary: it parses
// options, runs one command, and maps every error to a message and an exit
// status (see command_context.h and docs/operations.md).
#include <spdlog/spdlog.h>
#include <xapian.h>

#include <boost/program_options.hpp>
#include <chrono>
#include <csignal>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <set>

#include "common/archive.h"
#include "common/atomic_file.h"
#include "common/error.h"
#include "common/format_registry.h"
#include "common/index_location.h"
#include "common/index_lock.h"
#include "indexer/add_command.h"
#include "indexer/command_context.h"
#include "indexer/interruption.h"
#include "indexer/logging.h"
#include "indexer/maintenance_commands.h"
#include "indexer/rebuild_command.h"
#include "indexer/sync_command.h"

namespace po = boost::program_options;
using namespace dateline;

namespace {

constexpr int kDefaultLockTimeoutSeconds = 60;

constexpr const char* kUsage =
    "Usage: indexer COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "Commands:\n"
    "  init               create an archive: one shard per year (--shard-by month)\n"
    "  add PATH...        index files and folders (articles already there are replaced)\n"
    "  sync DIR           make the index mirror DIR: add new, re-index changed, delete removed\n"
    "  rebuild DIR        build a new index of DIR beside the live one and swap it in\n"
    "                     (an archive's shards one by one, or --shard NAME alone)\n"
    "  remove ID|PATH...  remove articles by id, or the articles of indexed files/folders\n"
    "  stats [--json]     articles by source and year, files, last sync, size\n"
    "  check              verify the index\n"
    "  compact            rewrite the index compactly (swapped in atomically)\n"
    "\n"
    "On an archive every command works across its shards.\n"
    "Run 'indexer COMMAND --help' for a command's options.  Exit status: 0 ok, 1 some\n"
    "input rejected (or check found problems), 2 usage or fatal error, 75 the index is\n"
    "locked by another indexer, 128+N stopped by signal N after committing.\n";

po::options_description common_options() {
  po::options_description o("Options");
  // clang-format off
  o.add_options()
      ("help,h", "show this help")
      ("index", po::value<std::string>(),
       "index folder (default: $DATELINE_INDEX, else $XDG_DATA_HOME/dateline/index, "
       "else ~/.local/share/dateline/index)")
      ("lock-timeout", po::value<double>()->default_value(kDefaultLockTimeoutSeconds),
       "seconds to wait for another indexer to finish before giving up (exit 75)")
      ("verbose,v", "report progress and a summary on stderr (default: silent on success)")
      ("log-file", po::value<std::string>(), "also log to FILE (rotated at 10 MB, 5 kept)");
  // clang-format on
  return o;
}

po::options_description ingest_options() {
  po::options_description o("Metadata and format");
  // clang-format off
  o.add_options()
      ("source", po::value<std::string>(), "set the source (agency) of every article")
      ("location", po::value<std::string>(), "set the dateline place of every article")
      ("date", po::value<std::string>(), "set the date of every article (YYYY-MM-DD)")
      ("format", po::value<std::string>(),
       ("read every file as this format instead of detecting it: " + format_names()).c_str());
  // clang-format on
  return o;
}

std::optional<std::string> optional_value(const po::variables_map& vm, const char* name) {
  if (!vm.count(name)) return std::nullopt;
  return vm[name].as<std::string>();
}

IngestOptions read_ingest_options(const po::variables_map& vm) {
  IngestOptions options;
  options.overrides = MetadataOverrides::from_flags(
      optional_value(vm, "source"), optional_value(vm, "location"), optional_value(vm, "date"));
  if (auto format = optional_value(vm, "format")) {
    options.forced_parser = parser_by_name(*format);
    if (!options.forced_parser) {
      throw UsageError("--format '" + *format + "' is not a format (formats: " + format_names() +
                       ")");
    }
  }
  return options;
}

void record_last_sync(const CommandContext& context, const std::string& summary) {
  char when[32];
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &utc);
  replace_file_atomically(context.index / "last-sync", std::string(when) + "\n" + summary + "\n");
}

// An archive's stats, check and compact run on each of its local shards in
// turn; the worst exit status wins.
int on_each_shard(const CommandContext& context,
                  const std::function<int(const CommandContext&)>& command) {
  if (!Archive::is_archive(context.index)) return command(context);
  const Archive archive(context.index);
  int status = kExitOk;
  for (const std::string& name : archive.local_shards()) {
    CommandContext shard = context;
    shard.index = archive.shard_root(name);
    shard.archive = context.index;
    status = std::max(status, command(shard));
  }
  return status;
}

int interrupted(int signal, const std::string& what) {
  spdlog::get("indexer")->warn("interrupted by {}: {} committed; the next run continues",
                               signal == SIGINT ? "SIGINT" : "SIGTERM", what);
  return kExitInterruptedBase + signal;
}

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) throw UsageError("no command given");
  const std::string command = args.front();
  args.erase(args.begin());
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (command == "--version") {
    std::cout << "indexer (Dateline) 0.2.0, Xapian " << Xapian::version_string() << "\n";
    return kExitOk;
  }

  const bool ingests = command == "add" || command == "sync" || command == "rebuild";
  po::options_description visible = common_options();
  if (ingests) visible.add(ingest_options());
  if (command == "stats") visible.add_options()("json", "print one JSON object");
  if (command == "rebuild") {
    visible.add_options()("jobs,j", po::value<unsigned>()->default_value(1),
                          "index with N threads into N parts, merged at the end")(
        "shard", po::value<std::string>(),
        "in an archive, rebuild only this shard (e.g. 2014); the others stay live");
  }
  if (command == "init") {
    visible.add_options()("shard-by", po::value<std::string>()->default_value("year"),
                          "year or month: the period each shard of the archive holds");
  }
  po::options_description hidden;
  hidden.add_options()("arg", po::value<std::vector<std::string>>(), "");
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("arg", -1);

  static const std::set<std::string> kCommands = {"init",   "add",   "sync",  "rebuild",
                                                  "remove", "stats", "check", "compact"};
  if (!kCommands.count(command)) {
    throw UsageError("'" + command +
                     "' is not a command (commands: init, add, sync, rebuild, remove, "
                     "stats, check, compact)");
  }
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << kUsage << "\n" << visible << "\n";
    return kExitOk;
  }
  const std::vector<std::string> operands =
      vm.count("arg") ? vm["arg"].as<std::vector<std::string>>() : std::vector<std::string>{};

  CommandContext context;
  context.index = resolve_index_path(optional_value(vm, "index"));
  const double timeout = vm["lock-timeout"].as<double>();
  if (timeout < 0) throw UsageError("--lock-timeout must be 0 or more seconds");
  context.lock_timeout = std::chrono::milliseconds(static_cast<long long>(timeout * 1000));
  context.verbose = vm.count("verbose") > 0;
  context.command_line = "indexer " + command;
  for (const auto& a : operands) context.command_line += " " + a;
  setup_logging(context.verbose, optional_value(vm, "log-file"));
  auto logger = spdlog::get("indexer");

  if (command == "add") {
    if (operands.empty()) throw UsageError("add: no PATH given");
    const IngestOptions options = read_ingest_options(vm);
    install_interruption_handlers();
    const AddReport r = run_add(context, operands, options);
    const std::string summary = "added " + std::to_string(r.added) + ", replaced " +
                                std::to_string(r.replaced) + ", rejected " +
                                std::to_string(r.rejected) + " (" + std::to_string(r.files) +
                                " files read; " + context.index.string() + " holds " +
                                std::to_string(r.articles_in_index) + " articles)";
    std::cout << "indexer: " << summary << "\n";
    logger->info("{} {}", context.command_line, summary);
    if (r.interrupted_by) return interrupted(r.interrupted_by, std::to_string(r.files) + " files");
    return r.rejected == 0 ? kExitOk : kExitRejected;
  }
  if (command == "sync" || command == "rebuild") {
    if (operands.size() != 1) throw UsageError(command + ": give exactly one folder");
    const IngestOptions options = read_ingest_options(vm);
    install_interruption_handlers();
    const SyncReport r = command == "sync"
                             ? run_sync(context, operands[0], options)
                             : run_rebuild(context, operands[0], options, vm["jobs"].as<unsigned>(),
                                           optional_value(vm, "shard"));
    const std::string summary = describe(r, command);
    logger->info("{}", summary);
    if (r.interrupted_by) {
      return interrupted(r.interrupted_by, command == "sync" ? "the files done so far are"
                                                             : "nothing was (the live index is "
                                                               "unchanged)");
    }
    if (r.wrote || command == "rebuild") record_last_sync(context, summary);
    return r.rejected == 0 ? kExitOk : kExitRejected;
  }
  if (command == "remove") {
    if (operands.empty()) throw UsageError("remove: give article ids or paths");
    return run_remove(context, operands);
  }
  if (!operands.empty()) throw UsageError(command + ": takes no arguments");
  if (command == "init") {
    const std::string period_arg = vm["shard-by"].as<std::string>();
    const auto period = parse_period(period_arg);
    if (!period) throw UsageError("--shard-by '" + period_arg + "' is not year or month");
    Archive::create(context.index, *period);
    std::cout << "indexer: created the archive " << context.index.string() << " (one shard per "
              << period_arg << ")\n";
    return kExitOk;
  }
  if (command == "stats") {
    const bool json = vm.count("json") > 0;
    return on_each_shard(context, [json](const CommandContext& c) { return run_stats(c, json); });
  }
  if (command == "check") return on_each_shard(context, run_check);
  return on_each_shard(context, run_compact);
}

}  // namespace

int main(int argc, char** argv) {
  setup_logging(false, std::nullopt);
  try {
    return run(argc, argv);
  } catch (const UsageError& e) {
    std::cerr << "indexer: " << e.what() << "\nTry 'indexer --help'.\n";
  } catch (const po::error& e) {
    std::cerr << "indexer: " << e.what() << "\nTry 'indexer --help'.\n";
  } catch (const LockTimeout& e) {
    std::cerr << "indexer: " << e.what() << "; gave up waiting (--lock-timeout)\n";
    return kExitLocked;
  } catch (const Xapian::Error& e) {
    std::cerr << "indexer: index error: " << e.get_description() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "indexer: error: " << e.what() << "\n";
  }
  return kExitError;
}
