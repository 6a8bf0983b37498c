#include "common/index_location.h"

#include <cstdlib>

namespace dateline {
namespace {

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

}  // namespace

std::string resolve_index_path(const std::optional<std::string>& from_flag) {
  if (from_flag && !from_flag->empty()) return *from_flag;
  if (auto path = env("DATELINE_INDEX")) return *path;
  if (auto data_home = env("XDG_DATA_HOME")) return *data_home + "/dateline/index";
  if (auto home = env("HOME")) return *home + "/.local/share/dateline/index";
  return "dateline-index";
}

}  // namespace dateline
