// The searcher's documents cannot drift from the code: every example in
// docs/query-syntax.md is run on an index of corpus/ and must print what the
// document shows, and docs/json-output.md must list exactly the fields
// --json prints.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "common/text_file.h"
#include "tests/cli_runner.h"

namespace dateline::testing {
namespace {

using Json = nlohmann::json;

std::string read_doc(const std::string& name) {
  return read_text_file(std::filesystem::path(DATELINE_SOURCE_DIR) / "docs" / name);
}

std::vector<std::string> all_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

std::string rtrim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s;
}

// Splits a command line as a POSIX shell would for the forms the document
// uses: words, '...' and "..." (with \" and \\ inside double quotes).
std::vector<std::string> shell_words(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else if (c == '\'') {
      in_word = true;
      const size_t end = line.find('\'', i + 1);
      word += line.substr(i + 1, end - i - 1);
      i = end;
    } else if (c == '"') {
      in_word = true;
      for (++i; i < line.size() && line[i] != '"'; ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) ++i;
        word += line[i];
      }
    } else {
      in_word = true;
      word += c;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

TEST(ShellWords, SplitsLikeAShell) {
  EXPECT_EQ(shell_words("searcher '\"prisoner swap\"' location:Moscow"),
            (std::vector<std::string>{"searcher", "\"prisoner swap\"", "location:Moscow"}));
  EXPECT_EQ(shell_words("searcher ''"), (std::vector<std::string>{"searcher", ""}));
  EXPECT_EQ(shell_words("a \"b c\" d'e f'"), (std::vector<std::string>{"a", "b c", "de f"}));
}

struct Example {
  int line = 0;  // in the document, 1-based
  std::string command;
  std::vector<std::string> expected;  // non-empty lines shown after it
};

// The "$ searcher" lines of the ```console blocks and the lines after each.
std::vector<Example> examples_in(const std::string& doc) {
  std::vector<Example> out;
  bool in_console = false;
  const auto lines = all_lines(doc);
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (l.rfind("```", 0) == 0) {
      in_console = !in_console && l == "```console";
      continue;
    }
    if (!in_console) continue;
    if (l.rfind("$ ", 0) == 0) {
      out.push_back(Example{static_cast<int>(i + 1), l.substr(2), {}});
    } else if (!out.empty() && !rtrim(l).empty()) {
      out.back().expected.push_back(rtrim(l));
    }
  }
  return out;
}

class QuerySyntaxDoc : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = std::make_unique<TempDir>();
    index_ = *tmp_ / "index";
    const CliResult r = run_indexer({"add", "--index", index_, corpus_dir()});
    ASSERT_EQ(r.status, 0) << r.err;
  }
  static void TearDownTestSuite() { tmp_.reset(); }
  static std::unique_ptr<TempDir> tmp_;
  static std::string index_;
};
std::unique_ptr<TempDir> QuerySyntaxDoc::tmp_;
std::string QuerySyntaxDoc::index_;

TEST_F(QuerySyntaxDoc, EveryExampleRunsAndPrintsWhatTheDocumentShows) {
  const std::string doc = read_doc("query-syntax.md");
  const auto examples = examples_in(doc);
  ASSERT_GE(examples.size(), 60u) << "the examples were not found";
  // Every "$ searcher" line of the document is one of them.
  size_t commands = 0;
  for (const auto& l : all_lines(doc)) commands += l.rfind("$ searcher", 0) == 0;
  EXPECT_EQ(commands, examples.size()) << "a '$ searcher' line outside a ```console block";

  // From the top of the tree, as the document says, so paths read corpus/...
  const std::filesystem::path before = std::filesystem::current_path();
  std::filesystem::current_path(DATELINE_SOURCE_DIR);
  for (const Example& e : examples) {
    SCOPED_TRACE("docs/query-syntax.md:" + std::to_string(e.line) + ": $ " + e.command);
    std::vector<std::string> args = shell_words(e.command);
    ASSERT_FALSE(args.empty());
    ASSERT_EQ(args[0], "searcher");
    args.erase(args.begin());
    ASSERT_FALSE(e.expected.empty()) << "an example shows no output";
    const CliResult r = run_searcher(
        args, {{"DATELINE_INDEX", index_}, {"DATELINE_NOW", ""}, {"DATELINE_SYNONYMS", ""}});
    std::vector<std::string> actual;
    for (const auto& l : lines(r.out + r.err)) {
      if (!rtrim(l).empty()) actual.push_back(rtrim(l));
    }
    ASSERT_GE(actual.size(), e.expected.size()) << r.out << r.err;
    for (size_t i = 0; i < e.expected.size(); ++i) EXPECT_EQ(actual[i], e.expected[i]);
    const std::string& first = e.expected.front();
    const bool error =
        first.rfind("searcher: ", 0) == 0 && first.find("warning") == std::string::npos;
    const int status = error ? 2 : (first.rfind("0 results", 0) == 0 || first == "0") ? 1 : 0;
    EXPECT_EQ(r.status, status) << r.err;
  }
  std::filesystem::current_path(before);
}

// The member names of the first Markdown table after `heading`.
std::set<std::string> documented_fields(const std::string& doc, const std::string& heading) {
  std::set<std::string> fields;
  const auto lines = all_lines(doc);
  auto it = std::find(lines.begin(), lines.end(), heading);
  EXPECT_NE(it, lines.end()) << heading;
  bool in_table = false;
  for (; it != lines.end(); ++it) {
    if (it->rfind("| `", 0) == 0) {
      in_table = true;
      const size_t end = it->find('`', 3);
      fields.insert(it->substr(3, end - 3));
    } else if (in_table) {
      break;
    }
  }
  return fields;
}

std::set<std::string> keys(const Json& j) {
  std::set<std::string> out;
  for (const auto& [k, v] : j.items()) out.insert(k);
  return out;
}

TEST_F(QuerySyntaxDoc, JsonOutputDocumentListsExactlyTheFieldsPrinted) {
  const std::string doc = read_doc("json-output.md");
  const CliResult r = run_searcher({"--index", index_, "--json", "-n", "1", "--facets",
                                    "source,month", "Genva", "OR", "Geneva"});
  const CliResult s = run_searcher({"--index", index_, "--json", "Genva", "talks"});
  std::vector<Json> lines_out;
  for (const auto& l : lines(r.out + s.out)) lines_out.push_back(Json::parse(l));
  ASSERT_EQ(lines_out.size(), 3u) << r.out << s.out;
  EXPECT_EQ(keys(lines_out[0]), documented_fields(doc, "## Hit lines"));
  EXPECT_EQ(keys(lines_out[1]), documented_fields(doc, "## The facets line"));
  EXPECT_EQ(keys(lines_out[2]), documented_fields(doc, "## The suggestion line"));
  for (const auto& j : lines_out) EXPECT_EQ(j["schema"], 1);
}

}  // namespace
}  // namespace dateline::testing
