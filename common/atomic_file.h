// Replacing a small file so that readers see the old content or the new,
// never a mix, and a crash leaves one of the two.
#pragma once

#include <filesystem>
#include <string>

namespace dateline {

// Writes `content` to a temporary file beside `path`, fsyncs it and renames
// it over `path`.  Throws std::runtime_error when it cannot (disk full...).
void replace_file_atomically(const std::filesystem::path& path, const std::string& content);

}  // namespace dateline
