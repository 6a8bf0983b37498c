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
    } else if (ext == ".sgm" || ext == ".xml") {
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream s;
      s << in.rdbuf();
      const std::string content = s.str();
      // Start tags <name ...> or <name>, not <nameId> or <nameRef>.
      auto tags = [&](const std::string& name) {
        size_t n = 0;
        for (size_t pos = 0; (pos = content.find("<" + name, pos)) != std::string::npos; ++pos) {
          const size_t after = pos + 1 + name.size();
          const char c = after < content.size() ? content[after] : '\0';
          if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>') ++n;
        }
        return n;
      };
      if (ext == ".sgm") {
        count += tags("REUTERS");
      } else if (const size_t g2 = tags("newsItem"); g2 > 0) {
        count += g2;  // NewsML-G2: one per newsItem (an NITF inside one is its body)
      } else if (const size_t n12 = tags("NewsItem"); n12 > 0) {
        count += n12;  // NewsML 1.2: one per NewsItem
      } else {
        count += tags("nitf") > 0 ? 1 : 0;  // NITF: one per file
      }
    }
  }
  return count;
}

}  // namespace dateline::testing
