// The indexer's messages, through spdlog: problems (rejected input, errors)
// always on stderr, progress and summaries on stderr only with --verbose,
// and everything in a rotating log file when --log-file is given.
#pragma once

#include <optional>
#include <string>

namespace dateline {

void setup_logging(bool verbose, const std::optional<std::string>& log_file);

}  // namespace dateline
