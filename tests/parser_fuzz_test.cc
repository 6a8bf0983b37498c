// Mutation fuzzing of every parser, deterministic (fixed seed) so a failure
// reproduces.  Seeds are the project's corpus plus inline edge cases; each
// mutant must parse or be refused with ParseError, never crash (the
// sanitizer build catches memory errors), and whatever it yields must be
// valid UTF-8 with an id.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "common/dateline.h"
#include "common/error.h"
#include "common/format_registry.h"
#include "common/plain_text_parser.h"
#include "common/reuters_sgml_parser.h"
#include "common/stored_article.h"
#include "common/text.h"

namespace dateline {
namespace {

constexpr int kMutantsPerSeed = 2000;

std::vector<std::string> seeds() {
  std::vector<std::string> out = {
      "Headline\n\nMOSCOW, Jan 17, 2014 (AFP) - Text.\n\nAFP\n",
      "Source: AFP\nDate: 2014-01-17\nHeadline: H\n\nTegucigalpa, Jan 2 (EFE).- Text.",
      "<REUTERS NEWID=\"1\"><DATE>26-FEB-1987 15:01:01.79</DATE><PLACES><D>usa</D></PLACES>"
      "<TEXT>&#2;<TITLE>T &lt;X></TITLE><DATELINE>    SALVADOR, Feb 26 - </DATELINE>"
      "<BODY>Body\n    Second.\n Reuter\n&#3;</BODY></TEXT></REUTERS>",
      "<REUTERS NEWID=\"2\"><DATE>1-JAN-1987</DATE><TEXT TYPE=\"UNPROC\">&#2;raw</TEXT></REUTERS>",
  };
  const std::string corpus = std::string(DATELINE_SOURCE_DIR) + "/corpus";
  for (const auto& e : std::filesystem::recursive_directory_iterator(corpus)) {
    if (!e.is_regular_file() || out.size() >= 24) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    out.push_back(s.str().substr(0, 4096));
  }
  return out;
}

std::string mutate(std::string s, std::mt19937& rng, const std::vector<std::string>& pool) {
  static const std::string interesting =
      "<>&#;()-_.,:\"/\n \t\0\xC3\xA9\xFF\x80\xE2\x80\x94"
      "0123456789";
  auto pick = [&](size_t n) {
    return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(rng);
  };
  const int steps = 1 + static_cast<int>(pick(8));
  for (int i = 0; i < steps; ++i) {
    switch (pick(6)) {
      case 0:
        if (!s.empty()) s[pick(s.size())] = static_cast<char>(pick(256));
        break;
      case 1:
        s.insert(pick(s.size() + 1), 1, interesting[pick(interesting.size())]);
        break;
      case 2:
        if (!s.empty()) {
          const size_t at = pick(s.size());
          s.erase(at, pick(64));
        }
        break;
      case 3:
        if (!s.empty()) {
          const size_t at = pick(s.size());
          s.insert(pick(s.size() + 1), s.substr(at, pick(64)));
        }
        break;
      case 4:
        s.resize(pick(s.size() + 1));
        break;
      default: {
        const std::string& other = pool[pick(pool.size())];
        s.insert(pick(s.size() + 1), other.substr(pick(other.size() + 1), pick(256)));
      }
    }
  }
  return s;
}

void check_article(const Article& a, const std::string& input) {
  ASSERT_FALSE(a.id.empty()) << input;
  for (const std::string* field : {&a.id, &a.source, &a.headline, &a.byline, &a.language,
                                   &a.location.city, &a.location.region, &a.location.country}) {
    ASSERT_TRUE(text::is_valid_utf8(*field)) << "invalid UTF-8 in " << *field;
  }
  for (const auto& p : a.body) ASSERT_TRUE(text::is_valid_utf8(p));
  ASSERT_NO_THROW(decode_stored_article(encode_stored_article(a)));
}

TEST(ParserFuzz, MutantsParseOrFailCleanly) {
  const auto pool = seeds();
  std::mt19937 rng(20140117);
  const PlainTextParser text_parser;
  const ReutersSgmlParser sgml_parser;
  size_t parsed = 0, refused = 0;
  for (const std::string& seed : pool) {
    for (int i = 0; i < kMutantsPerSeed; ++i) {
      const std::string input = mutate(seed, rng, pool);
      for (const Parser* p :
           {static_cast<const Parser*>(&text_parser), static_cast<const Parser*>(&sgml_parser)}) {
        try {
          const ParseResult r = p->parse(input, "/fuzz/input");
          for (const Article& a : r.articles) check_article(a, input);
          ++parsed;
        } catch (const ParseError&) {
          ++refused;
        }
      }
      try {
        detect_parser(input);
      } catch (const ParseError&) {
      }
      const std::string first_line = input.substr(0, input.find('\n'));
      if (auto d = parse_dateline(first_line)) {
        ASSERT_LE(d->length, first_line.size());
      }
    }
  }
  // Both outcomes happen: the fuzzer reaches the parsers' success and error paths.
  EXPECT_GT(parsed, 0u);
  EXPECT_GT(refused, 0u);
}

}  // namespace
}  // namespace dateline
