#include "indexer/logging.h"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace dateline {
namespace {

constexpr std::size_t kLogFileBytes = 10 * 1024 * 1024;
constexpr std::size_t kLogFiles = 5;

}  // namespace

void setup_logging(bool verbose, const std::optional<std::string>& log_file) {
  spdlog::drop("indexer");
  auto console = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  console->set_pattern("%n: %v");
  console->set_level(verbose ? spdlog::level::info : spdlog::level::warn);
  std::vector<spdlog::sink_ptr> sinks{console};
  if (log_file) {
    auto file =
        std::make_shared<spdlog::sinks::rotating_file_sink_mt>(*log_file, kLogFileBytes, kLogFiles);
    file->set_pattern("%Y-%m-%dT%H:%M:%S%z [%l] %v");
    file->set_level(spdlog::level::info);
    sinks.push_back(file);
  }
  auto logger = std::make_shared<spdlog::logger>("indexer", sinks.begin(), sinks.end());
  logger->set_level(spdlog::level::info);
  logger->flush_on(spdlog::level::info);
  spdlog::register_logger(logger);
}

}  // namespace dateline
