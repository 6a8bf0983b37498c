#include "common/atomic_file.h"

#include <unistd.h>

#include <cstdio>
#include <stdexcept>

namespace dateline {

void replace_file_atomically(const std::filesystem::path& path, const std::string& content) {
  const std::filesystem::path tmp = path.string() + ".tmp";
  {
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) throw std::runtime_error("cannot write " + tmp.string());
    const bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size() &&
                    std::fflush(f) == 0 && fsync(fileno(f)) == 0;
    std::fclose(f);
    if (!ok) throw std::runtime_error("cannot write " + tmp.string() + " (disk full?)");
  }
  std::filesystem::rename(tmp, path);
}

}  // namespace dateline
