// paths_experiment: measures the memory that the list of input files takes
// before `indexer add` indexes anything (indexer/input_files.cc collects
// every path under the folders given as a std::filesystem::path, sorts
// them, and copies them into the result), against the same list held as
// std::string.
//
//   paths_experiment FOLDER
//
// Prints the files found and the resident memory each representation added.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

long rss_kb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: paths_experiment FOLDER\n";
    return 2;
  }
  namespace fs = std::filesystem;
  std::vector<std::string> strings;
  for (auto it = fs::recursive_directory_iterator(argv[1]);
       it != fs::recursive_directory_iterator(); ++it) {
    if (it->is_regular_file()) strings.push_back(it->path().string());
  }
  std::sort(strings.begin(), strings.end());
  // Both lists are built from the same names; only the representation differs.
  const long base = rss_kb();
  {
    std::vector<std::string> copy(strings.begin(), strings.end());
    std::printf("paths_experiment: %zu files; std::string: %ld MB\n", copy.size(),
                (rss_kb() - base) / 1024);
  }
  const long before = rss_kb();
  std::vector<fs::path> found(strings.begin(), strings.end());
  const long one = rss_kb();
  std::vector<fs::path> files;
  files.insert(files.end(), found.begin(), found.end());  // as collect_input_files does
  const long two = rss_kb();
  std::printf(
      "paths_experiment: std::filesystem::path: %ld MB; with the copy into the result: %ld MB\n",
      (one - before) / 1024, (two - before) / 1024);
  return 0;
}
