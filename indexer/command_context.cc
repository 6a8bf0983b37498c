#include "indexer/command_context.h"

#include <unistd.h>

#include <ctime>

namespace dateline {

std::string lock_holder_description(const CommandContext& context) {
  char when[32];
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return "pid " + std::to_string(::getpid()) + " (" + context.command_line + ") since " + when;
}

}  // namespace dateline
