// Ranking quality of a run against binary relevance judgments, as
// trec_eval computes them: nDCG@10 (gain 1 per relevant document, log2
// discount) and MAP@100 (average precision over the first 100 results,
// divided by the number of relevant documents), averaged over the queries
// that have at least one relevant document.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace bench {

using Run = std::map<std::string, std::vector<std::string>>;  // query id -> ranked doc ids

struct Scores {
  double ndcg10 = 0;
  double map100 = 0;
  size_t queries = 0;  // judged queries averaged over
};

double ndcg_at(const std::vector<std::string>& ranked, const std::set<std::string>& relevant,
               size_t k);
double average_precision_at(const std::vector<std::string>& ranked,
                            const std::set<std::string>& relevant, size_t k);

Scores evaluate(const Run& run, const std::map<std::string, std::set<std::string>>& relevant);

}  // namespace bench
