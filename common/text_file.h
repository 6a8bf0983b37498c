// Reading a whole small file (a stub, a listing, a document) into a string.
#pragma once

#include <filesystem>
#include <string>

namespace dateline {

// The bytes of `path`.  Throws std::runtime_error naming the file and the
// reason when it cannot be opened or read.
std::string read_text_file(const std::filesystem::path& path);

}  // namespace dateline
