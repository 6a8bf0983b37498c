// Reading back what an index holds, for the end-to-end tests: every stored
// article, and how many articles a corpus folder should give.
#pragma once

#include <string>
#include <vector>

#include "common/article.h"

namespace dateline::testing {

// Every article stored in the index at `path`, in document order; with
// `current_only`, only the current versions (what default searches see).
std::vector<Article> stored_articles(const std::string& path, bool current_only = false);

// The number of articles a folder should yield, counted independently of
// the parsers: one per .txt file, one per <REUTERS record in .sgm files, and
// in .xml files one per newsItem (NewsML-G2) or NewsItem (NewsML 1.2), else
// one per NITF document.
size_t expected_article_count(const std::string& folder);

}  // namespace dateline::testing
