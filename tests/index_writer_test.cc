#include "common/index_writer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <map>

namespace dateline {
namespace {

namespace fs = std::filesystem;

class IndexWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dateline-index-writer-" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static Article article(const std::string& id, const std::string& body) {
    Article a;
    a.id = id;
    a.source = "AFP";
    a.headline = "Talks";
    a.body = {body};
    return a;
  }

  fs::path dir_;
};

TEST_F(IndexWriterTest, WritingAnIdAgainReplacesIt) {
  {
    IndexWriter writer(dir_.string());
    EXPECT_EQ(writer.write(article("A-1", "first text")), IndexWriter::Outcome::kAdded);
    EXPECT_EQ(writer.write(article("A-1", "second text")), IndexWriter::Outcome::kReplaced);
    writer.commit();
  }
  Xapian::Database db(dir_.string());
  EXPECT_EQ(db.get_doccount(), 1u);
  EXPECT_EQ(db.get_termfreq("first"), 0u);
  EXPECT_EQ(db.get_termfreq("second"), 1u);
}

TEST_F(IndexWriterTest, SpellingDataSumsEveryBatchAndLeavesOutWordsWithDigits) {
  {
    IndexWriter writer(dir_.string(), /*batch_size=*/1);
    writer.write(article("A-1", "Geneva talks resumed in 2014 geneva"));
    writer.maybe_commit();
    writer.write(article("A-2", "Geneva conference on 3.5 percent q4 growth"));
    writer.maybe_commit();
    writer.write(article("A-3", "Talks in Geneva"));
    writer.commit();
  }
  Xapian::Database db(dir_.string());
  EXPECT_EQ(db.get_doccount(), 3u);
  std::map<std::string, Xapian::termcount> spelling;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
    spelling[*it] = it.get_termfreq();
  }
  // Body words plus the headline "Talks" (indexed in free text, weight 3).
  EXPECT_EQ(spelling["geneva"], db.get_collection_freq("geneva"));
  EXPECT_EQ(spelling["geneva"], 4u);
  EXPECT_EQ(spelling["conference"], 1u);
  for (const auto& [word, freq] : spelling) {
    EXPECT_EQ(word.find_first_of("0123456789"), std::string::npos) << word;
  }
  EXPECT_EQ(db.get_spelling_suggestion("genva"), "geneva");
}

TEST_F(IndexWriterTest, ALaterRunAddsItsWordsToTheSpellingData) {
  {
    IndexWriter writer(dir_.string());  // empty: spelling from the vocabulary
    writer.write(article("A-1", "Geneva talks"));
    writer.commit();
  }
  {
    IndexWriter writer(dir_.string());  // has spelling data: counts its words
    writer.write(article("A-2", "Geneva and Montreux talks"));
    writer.commit();
  }
  Xapian::Database db(dir_.string());
  std::map<std::string, Xapian::termcount> spelling;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
    spelling[*it] = it.get_termfreq();
  }
  EXPECT_EQ(spelling["geneva"], 2u);
  EXPECT_EQ(spelling["montreux"], 1u);
  EXPECT_EQ(spelling["talks"], db.get_collection_freq("talks"));
}

TEST_F(IndexWriterTest, ARunKilledBeforeItsSpellingDataLeavesItToTheNext) {
  {
    IndexWriter writer(dir_.string(), /*batch_size=*/1);
    writer.write(article("A-1", "Geneva talks"));
    writer.maybe_commit();  // committed articles, no spelling data yet
  }
  {
    Xapian::Database db(dir_.string());
    ASSERT_EQ(db.get_doccount(), 1u);
  }
  {
    IndexWriter writer(dir_.string());
    writer.write(article("A-2", "Montreux"));
    writer.commit();
  }
  Xapian::Database db(dir_.string());
  EXPECT_EQ(db.get_spelling_suggestion("genevs"), "geneva");
  EXPECT_EQ(db.get_spelling_suggestion("montreaux"), "montreux");
}

}  // namespace
}  // namespace dateline
