// Dateline measured through its own code: the indexer's IndexWriter builds
// the documents through the schema, and the searcher's query builder and
// search run the queries, as `indexer add` and `searcher --any` would.
#include <filesystem>

#include "common/article.h"
#include "common/error.h"
#include "common/index_writer.h"
#include "common/text.h"
#include "engines.h"
#include "searcher/query_builder.h"
#include "searcher/search.h"
#include "searcher/synonyms.h"

namespace bench {

Run run_dateline(const Collection& c, const std::string& work, const DatelineVariant& variant,
                 const std::string& synonyms_file) {
  const std::string path = work + "/dateline-" + (variant.titles_as_headline ? "headline" : "body");
  if (!std::filesystem::exists(path)) {
    dateline::IndexWriter writer(path);
    for (const Document& d : c.documents) {
      dateline::Article a;
      a.id = d.id;
      a.language = "en";
      a.byline = d.authors;
      if (variant.titles_as_headline) {
        a.headline = d.title;
      } else if (!d.title.empty()) {
        a.body.push_back(d.title);
      }
      for (const auto& p : d.paragraphs) a.body.push_back(p);
      writer.write(a);
    }
    writer.commit();
  }
  Xapian::Database db(path);
  std::vector<std::string> warnings;
  const dateline::Synonyms synonyms = variant.synonyms && !synonyms_file.empty()
                                          ? dateline::Synonyms::load(synonyms_file, &warnings)
                                          : dateline::Synonyms();
  dateline::Bm25Params bm25;
  if (variant.xapian_bm25_defaults) {
    bm25.k1 = 1.0;
    bm25.b = 0.5;
  }
  Run run;
  for (const auto& [qid, text] : c.queries) {
    dateline::SearchRequest request;
    request.query = variant.lower_case_queries ? dateline::text::to_lower(text) : text;
    request.match_any = true;
    request.limit = kDepth;
    auto& ranked = run[qid];
    try {
      const dateline::BuiltQuery built = dateline::build_query(request, db, &synonyms);
      for (const auto& hit : dateline::run_search(db, built.query, request, false, bm25).hits) {
        ranked.push_back(hit.article.id);
      }
    } catch (const dateline::QueryError&) {
      // A query of stopwords only finds nothing, as in the searcher.
    }
  }
  return run;
}

}  // namespace bench
