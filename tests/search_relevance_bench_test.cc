// The relevance benchmark's measures and collection readers
// (bench/relevance, docs/RELEVANCE.md): nDCG@10 and MAP@100 against hand
// computations, and the quirks of ../shared/data's collections.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "bench/relevance/collections.h"
#include "bench/relevance/metrics.h"

namespace bench {
namespace {

TEST(RelevanceMetrics, NdcgAndAveragePrecisionByHand) {
  const std::set<std::string> rel{"a", "b", "c"};
  // Relevant at ranks 1 and 3: DCG = 1 + 1/log2(4); ideal = 1 + 1/log2(3) + 1/log2(4).
  const std::vector<std::string> ranked{"a", "x", "b", "y"};
  EXPECT_NEAR(ndcg_at(ranked, rel, 10), (1 + 0.5) / (1 + 1 / std::log2(3.0) + 0.5), 1e-12);
  // AP = (1/1 + 2/3) / 3 relevant.
  EXPECT_NEAR(average_precision_at(ranked, rel, 100), (1 + 2.0 / 3) / 3, 1e-12);
  EXPECT_NEAR(average_precision_at(ranked, rel, 2), 1.0 / 3, 1e-12) << "cut at 2";
  EXPECT_DOUBLE_EQ(ndcg_at({"a", "b", "c"}, rel, 10), 1.0);
  EXPECT_DOUBLE_EQ(ndcg_at({}, rel, 10), 0.0);
  // Averaged over judged queries only; a judged query with no run counts 0.
  const bench::Run run{{"1", {"a"}}, {"3", {"z"}}};
  const std::map<std::string, std::set<std::string>> judged{{"1", {"a"}}, {"2", {"b"}}};
  const Scores s = evaluate(run, judged);
  EXPECT_EQ(s.queries, 2u);
  EXPECT_DOUBLE_EQ(s.ndcg10, 0.5);
  EXPECT_DOUBLE_EQ(s.map100, 0.5);
}

TEST(RelevanceCollections, ReadTheSharedDataWithItsQuirks) {
  const std::string data = DATELINE_SHARED_DATA;
  if (!std::filesystem::exists(data + "/time") || !std::filesystem::exists(data + "/ir-classic")) {
    GTEST_SKIP() << "no test collections in " << data;
  }
  const Collection time = load_collection("time", data);
  EXPECT_EQ(time.documents.size(), 423u);
  EXPECT_EQ(time.queries.size(), 83u);
  EXPECT_EQ(time.documents.front().id, "17") << "*TEXT 017";
  EXPECT_TRUE(time.relevant.at("1").count("334")) << "time.qrels.trec, *TEXT numbers";
  const Collection cacm = load_collection("cacm", data);
  EXPECT_EQ(cacm.documents.size(), 3204u);
  bool has_2856 = false;
  for (const auto& d : cacm.documents) has_2856 |= d.id == "2856";
  EXPECT_TRUE(has_2856) << "'.I 28' then '56'";
  EXPECT_EQ(cacm.documents.front().title, "Preliminary Report-International Algebraic Language");
  EXPECT_EQ(cacm.queries.size(), 64u);
  EXPECT_EQ(load_collection("cisi", data).documents.size(), 1460u);
  const Collection med = load_collection("med", data);
  EXPECT_EQ(med.documents.size(), 1033u);
  EXPECT_EQ(med.queries.size(), 30u);
  EXPECT_TRUE(med.relevant.at("1").count("13"));
  EXPECT_THROW(load_collection("trec", data), std::runtime_error);
}

}  // namespace
}  // namespace bench
