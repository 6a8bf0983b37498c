#include "indexer/input_files.h"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <system_error>

namespace dateline {
namespace fs = std::filesystem;
namespace {

bool is_hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.' && name != "." && name != "..";
}

// Component by component, as std::filesystem::path compares: the separator
// sorts before every other character ("a/b" before "a-b").
bool path_order(const std::string& a, const std::string& b) {
  const auto key = [](char c) { return c == '/' ? 0 : static_cast<unsigned char>(c) + 1; };
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [&](char x, char y) { return key(x) < key(y); });
}

}  // namespace

std::vector<std::string> collect_input_files(
    const std::vector<std::string>& arguments,
    const std::function<void(const std::string&, const std::string&)>& on_error) {
  std::vector<std::string> files;
  for (const std::string& arg : arguments) {
    std::error_code ec;
    const fs::file_status status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) {
      on_error(arg, "no such file or folder");
      continue;
    }
    if (fs::is_regular_file(status)) {
      files.emplace_back(arg);
      continue;
    }
    if (!fs::is_directory(status)) {
      on_error(arg, "not a regular file or folder");
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (is_hidden(it->path())) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) found.push_back(it->path().string());
    }
    if (ec) on_error(arg, "cannot list folder: " + ec.message());
    std::sort(found.begin(), found.end(), path_order);
    files.insert(files.end(), std::make_move_iterator(found.begin()),
                 std::make_move_iterator(found.end()));
  }
  return files;
}

}  // namespace dateline
