#include "common/index_layout.h"

#include "common/atomic_file.h"

#include <xapian.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace dateline {
namespace fs = std::filesystem;
namespace {

constexpr const char* kGenerationPrefix = "gen-";

std::string generation_name(int n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%06d", kGenerationPrefix, n);
  return buf;
}

}  // namespace

IndexLayout::IndexLayout(fs::path root) : root_(std::move(root)) {}

bool IndexLayout::exists() const { return fs::is_regular_file(stub_path()); }

void IndexLayout::ensure_created() const {
  if (exists()) return;
  if (fs::exists(root_) && !fs::is_directory(root_)) {
    throw std::runtime_error(root_.string() + " exists and is not an index folder");
  }
  if (fs::exists(root_ / "iamglass")) {
    throw std::runtime_error(root_.string() +
                             " is a bare Xapian database, not a Dateline index folder");
  }
  fs::create_directories(root_);
  const fs::path first = new_generation();
  Xapian::WritableDatabase(first.string(), Xapian::DB_CREATE_OR_OPEN).commit();
  replace_file_atomically(stub_path(), "glass " + first.filename().string() + "\n");
}

fs::path IndexLayout::live_generation() const {
  std::ifstream in(stub_path());
  std::string backend, name;
  if (!(in >> backend >> name) || name.rfind(kGenerationPrefix, 0) != 0) {
    throw std::runtime_error("no Dateline index at " + root_.string());
  }
  return root_ / name;
}

int IndexLayout::generation_number(const fs::path& generation) const {
  const std::string name = generation.filename().string();
  if (name.rfind(kGenerationPrefix, 0) != 0) return -1;
  try {
    return std::stoi(name.substr(4));
  } catch (const std::exception&) {
    return -1;
  }
}

fs::path IndexLayout::new_generation() const {
  int highest = 0;
  if (fs::is_directory(root_)) {
    for (const auto& entry : fs::directory_iterator(root_)) {
      highest = std::max(highest, generation_number(entry.path()));
    }
  }
  const fs::path next = root_ / generation_name(highest + 1);
  fs::remove_all(next);
  return next;
}

fs::path IndexLayout::building_folder(const fs::path& generation) const {
  return root_ / ("building-" + generation.filename().string().substr(4));
}

void IndexLayout::make_live(const fs::path& generation) const {
  replace_file_atomically(stub_path(), "glass " + generation.filename().string() + "\n");
  remove_stale_generations();
}

void IndexLayout::remove_stale_generations() const {
  const int live = generation_number(live_generation());
  int previous = -1;
  for (const auto& entry : fs::directory_iterator(root_)) {
    const int n = generation_number(entry.path());
    if (n >= 0 && n < live) previous = std::max(previous, n);
  }
  for (const auto& entry : fs::directory_iterator(root_)) {
    const int n = generation_number(entry.path());
    const bool scratch = entry.path().filename().string().rfind("building-", 0) == 0;
    if ((n >= 0 && n != live && n != previous) || scratch) fs::remove_all(entry.path());
  }
}

std::uintmax_t IndexLayout::live_size_bytes() const {
  std::uintmax_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(live_generation())) {
    std::error_code ec;
    if (entry.is_regular_file(ec)) total += entry.file_size(ec);
  }
  return total;
}

}  // namespace dateline
