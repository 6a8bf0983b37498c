#include "tests/stored_index.h"

#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/schema.h"
#include "common/stored_article.h"

namespace dateline::testing {

std::vector<Article> stored_articles(const std::string& path, bool current_only) {
  Xapian::Database db(path);
  std::vector<Article> articles;
  const std::string term = current_only ? std::string(kCurrentVersionTerm) : std::string();
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    articles.push_back(decode_stored_article(db.get_document(*it).get_data()));
  }
  return articles;
}

size_t expected_article_count(const std::string& folder) {
  size_t count = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    const auto ext = entry.path().extension();
    if (ext == ".txt") {
      ++count;
    } else if (ext == ".sgm") {
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream s;
      s << in.rdbuf();
      const std::string content = s.str();
      for (size_t pos = 0; (pos = content.find("<REUTERS ", pos)) != std::string::npos; ++pos) {
        ++count;
      }
    }
  }
  return count;
}

}  // namespace dateline::testing
