#include "common/article.h"

#include "common/text.h"

namespace dateline {

std::string id_from_origin(const Origin& origin) {
  std::string key = origin.path;
  if (origin.record > 0) {
    key += '#';
    key += std::to_string(origin.record);
  }
  std::string id = "file-";
  id += text::hash_hex(key);
  return id;
}

std::string body_text(const Article& article) {
  std::string out;
  for (const auto& paragraph : article.body) {
    if (!out.empty()) out += "\n\n";
    out += paragraph;
  }
  return out;
}

}  // namespace dateline
