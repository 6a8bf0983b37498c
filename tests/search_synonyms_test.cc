// Unit tests of the synonyms file reader and the query rewriting, and of
// the spelling probe ("did you mean") that runs beside them.
#include "searcher/synonyms.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "searcher/spelling.h"

#include "common/error.h"

namespace dateline {
namespace {

Synonyms parse(const std::string& content, std::vector<std::string>* warnings = nullptr) {
  std::vector<std::string> ignored;
  return Synonyms::parse(content, "syn.txt", warnings ? warnings : &ignored);
}

TEST(Synonyms, RewritesMatchedWordsToPlaceholders) {
  const Synonyms s = parse("UN = United Nations\nKiev = Kyiv\n");
  const SynonymRewrite r = s.rewrite("Kyiv talks");
  EXPECT_EQ(r.text, "synonymgroup:0 talks");
  ASSERT_EQ(r.expansions.size(), 1u);
  EXPECT_EQ(r.expansions[0].written, "Kyiv");
  EXPECT_EQ(r.expansions[0].variants, (std::vector<std::string>{"Kiev"}));
  const SynonymRewrite multi = s.rewrite("the United   Nations said");
  EXPECT_EQ(multi.text, "the synonymgroup:0 said");
  EXPECT_EQ(multi.expansions[0].written, "United Nations");
  EXPECT_EQ(multi.expansions[0].variants, (std::vector<std::string>{"UN"}));
}

TEST(Synonyms, CaseAccentsAndDotsDoNotMatterExceptForAcronyms) {
  const Synonyms s = parse("US = U.S.A. = United States\nCote d'Ivoire = Ivory Coast\n");
  EXPECT_EQ(s.rewrite("US").expansions.size(), 1u);
  EXPECT_EQ(s.rewrite("U.S.A.").expansions.size(), 1u);
  EXPECT_EQ(s.rewrite("us").expansions.size(), 0u) << "an acronym needs capitals";
  EXPECT_EQ(s.rewrite("usa").expansions.size(), 0u);
  EXPECT_EQ(s.rewrite("united states").expansions.size(), 1u);
  EXPECT_EQ(s.rewrite("Côte d'Ivoire").expansions.size(), 1u);
  EXPECT_EQ(s.rewrite("IVORY COAST").expansions.size(), 1u);
}

TEST(Synonyms, LeavesSyntaxAlone) {
  const Synonyms s = parse("Kiev = Kyiv\nUN = United Nations\n");
  EXPECT_EQ(s.rewrite("\"Kyiv talks\"").text, "\"Kyiv talks\"");
  EXPECT_EQ(s.rewrite("location:Kyiv").text, "location:Kyiv");
  EXPECT_EQ(s.rewrite("Kyiv*").text, "Kyiv*");
  EXPECT_EQ(s.rewrite("-Kyiv +Kiev").text, "-synonymgroup:0 +synonymgroup:1");
  EXPECT_EQ(s.rewrite("(Kyiv OR Moscow)").text, "(synonymgroup:0 OR Moscow)");
  EXPECT_EQ(s.rewrite("Kyiv NEAR talks").text, "synonymgroup:0 NEAR talks");
  // A sign belongs to one word, so a run of several words takes none.
  EXPECT_EQ(s.rewrite("-United Nations").text, "-United Nations");
  EXPECT_EQ(s.rewrite("United -Nations").text, "United -Nations");
  // The longest entry wins.
  const Synonyms t = parse("Rio = Rio de Janeiro\nRio de Janeiro = Rio de Janeiro city\n");
  const SynonymRewrite r = t.rewrite("Rio de Janeiro");
  ASSERT_EQ(r.expansions.size(), 1u);
  EXPECT_EQ(r.text, "synonymgroup:0");
}

TEST(Synonyms, LinesSharingAnEntryAreOneGroup) {
  const Synonyms s = parse("US = USA\nUSA = United States\n");
  EXPECT_EQ(s.group_count(), 1u);
  const auto r = s.rewrite("US");
  EXPECT_EQ(r.expansions[0].variants, (std::vector<std::string>{"USA", "United States"}));
}

TEST(Synonyms, MalformedLinesAreReportedWithTheirNumberAndSkipped) {
  std::vector<std::string> warnings;
  const Synonyms s = parse(
      "# comment\n"
      "UN = United Nations  # trailing comment\n"
      "no equals sign here\n"
      "\n"
      "a = = b\n"
      "quote = \"phrase\"\n"
      "field = source:AFP\n"
      "Kiev = Kyiv\n",
      &warnings);
  ASSERT_EQ(warnings.size(), 4u);
  EXPECT_EQ(warnings[0].rfind("syn.txt:3: no '='", 0), 0u) << warnings[0];
  EXPECT_EQ(warnings[1].rfind("syn.txt:5: an empty entry", 0), 0u) << warnings[1];
  EXPECT_EQ(warnings[2].rfind("syn.txt:6: '\"phrase\"' is not plain words", 0), 0u) << warnings[2];
  EXPECT_EQ(warnings[3].rfind("syn.txt:7:", 0), 0u) << warnings[3];
  for (const auto& w : warnings) EXPECT_NE(w.find("line skipped"), std::string::npos);
  EXPECT_EQ(s.group_count(), 2u);
  EXPECT_EQ(s.rewrite("Kyiv").expansions.size(), 1u);
}

TEST(Synonyms, TheShippedFileIsWellFormed) {
  std::vector<std::string> warnings;
  const Synonyms s =
      Synonyms::load(std::string(DATELINE_SOURCE_DIR) + "/searcher/synonyms.txt", &warnings);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  EXPECT_GE(s.group_count(), 30u);
  for (const char* q : {"UN", "United Nations", "US", "United States", "Kyiv", "Kiev", "EU",
                        "Ivory Coast", "NATO", "Myanmar"}) {
    EXPECT_EQ(s.rewrite(q).expansions.size(), 1u) << q;
  }
  for (const char* q : {"us", "un", "who", "is", "it"}) {
    EXPECT_TRUE(s.rewrite(q).expansions.empty()) << q;
  }
  EXPECT_THROW(Synonyms::load("/no/such/file", &warnings), UsageError);
}

// "Did you mean" on a small index: a misspelt word is corrected (in the
// case it was typed in), words the index has are kept even when the
// spelling data knows a more frequent neighbour, and a query of known words
// gets no suggestion at all (nor a spelling probe).
TEST(SpellingProbe, CorrectsOnlyWordsTheIndexLacks) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("dateline_spelling_test_" + std::to_string(getpid()));
  fs::remove_all(dir);
  {
    Xapian::WritableDatabase w(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    for (const auto& [word, count] : std::vector<std::pair<std::string, unsigned>>{
             {"geneva", 50}, {"geneve", 2}, {"talks", 40}, {"muallem", 3}, {"peace", 30}}) {
      Xapian::Document doc;
      doc.add_term(word);
      w.add_document(doc);
      w.add_spelling(word, count);
    }
    w.commit();
  }
  const Xapian::Database db(dir.string());
  EXPECT_EQ(spelling_suggestion("Genva talks", db), "Geneva talks");
  EXPECT_EQ(spelling_suggestion("Muallem Genva", db), "Muallem Geneva");
  EXPECT_EQ(spelling_suggestion("GENVA", db), "GENEVA");
  EXPECT_EQ(spelling_suggestion("peace tlaks", db), "peace talks");
  EXPECT_EQ(spelling_suggestion("Geneva talks", db), "");
  EXPECT_EQ(spelling_suggestion("Geneve talks", db), "") << "a word the index has is kept";
  EXPECT_EQ(spelling_suggestion("zzzzqqq", db), "") << "nothing near it";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dateline
