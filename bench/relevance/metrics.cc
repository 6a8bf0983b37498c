#include "metrics.h"

#include <algorithm>
#include <cmath>

namespace bench {

double ndcg_at(const std::vector<std::string>& ranked, const std::set<std::string>& relevant,
               size_t k) {
  double dcg = 0, ideal = 0;
  for (size_t i = 0; i < std::min(k, ranked.size()); ++i) {
    if (relevant.count(ranked[i])) dcg += 1.0 / std::log2(static_cast<double>(i) + 2);
  }
  for (size_t i = 0; i < std::min(k, relevant.size()); ++i) {
    ideal += 1.0 / std::log2(static_cast<double>(i) + 2);
  }
  return ideal > 0 ? dcg / ideal : 0;
}

double average_precision_at(const std::vector<std::string>& ranked,
                            const std::set<std::string>& relevant, size_t k) {
  if (relevant.empty()) return 0;
  double sum = 0;
  size_t found = 0;
  for (size_t i = 0; i < std::min(k, ranked.size()); ++i) {
    if (relevant.count(ranked[i])) sum += static_cast<double>(++found) / static_cast<double>(i + 1);
  }
  return sum / static_cast<double>(relevant.size());
}

Scores evaluate(const Run& run, const std::map<std::string, std::set<std::string>>& relevant) {
  Scores s;
  for (const auto& [query, rel] : relevant) {
    if (rel.empty()) continue;
    const auto it = run.find(query);
    const std::vector<std::string> none;
    const auto& ranked = it == run.end() ? none : it->second;
    s.ndcg10 += ndcg_at(ranked, rel, 10);
    s.map100 += average_precision_at(ranked, rel, 100);
    ++s.queries;
  }
  if (s.queries > 0) {
    s.ndcg10 /= static_cast<double>(s.queries);
    s.map100 /= static_cast<double>(s.queries);
  }
  return s;
}

}  // namespace bench
