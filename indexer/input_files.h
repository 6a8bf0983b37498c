// Expanding the PATH arguments of `indexer add` into the files to read:
// files as given, folders walked recursively (hidden entries skipped), in a
// stable sorted order so runs are repeatable.  Paths are plain strings: a
// std::filesystem::path also keeps its parsed components, which for a
// million-file corpus cost 400 MB more.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace dateline {

// Calls `on_error(path, reason)` for an argument or entry that cannot be read
// and goes on with the rest.
std::vector<std::string> collect_input_files(
    const std::vector<std::string>& arguments,
    const std::function<void(const std::string& path, const std::string& reason)>& on_error);

}  // namespace dateline
