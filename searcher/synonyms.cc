#include "searcher/synonyms.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <sstream>

#include "common/error.h"
#include "common/text.h"

namespace dateline {
namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Characters a synonym word may hold besides letters and digits: "U.S.",
// "Côte d'Ivoire", "al-Qaeda", "AT&T".
bool is_word_char(char c) {
  return is_ascii_letter(c) || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80 ||
         c == '.' || c == '\'' || c == '-' || c == '&';
}

bool is_operator(std::string_view w) {
  return w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || w == "NEAR" || w == "ADJ" ||
         w.rfind("NEAR/", 0) == 0 || w.rfind("ADJ/", 0) == 0;
}

// Lower case, accents folded, dots dropped: "U.S." and "US" compare equal.
std::string normalise(std::string_view word) {
  std::string out;
  for (char c : text::to_lower(text::fold_diacritics(word))) {
    if (c != '.') out.push_back(c);
  }
  return out;
}

bool has_letter(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) {
    return is_ascii_letter(c) || static_cast<unsigned char>(c) >= 0x80;
  });
}

// A word that can be a synonym entry's word or a query word it matches.
bool is_plain_word(std::string_view w) {
  return !w.empty() && w.front() != '-' && w.front() != '\'' &&
         std::all_of(w.begin(), w.end(), is_word_char) && has_letter(w) && !is_operator(w);
}

struct Token {
  size_t begin = 0;  // byte range in the query, including a leading + or -
  size_t end = 0;
  char sign = 0;           // '+', '-' or 0
  bool candidate = false;  // a plain word outside quotes and fields
  std::string word;        // without the sign
};

// Whitespace-separated tokens; quotes and brackets are tokens of their own
// and never candidates, and nothing inside quotes is.
std::vector<Token> tokenize(std::string_view q) {
  std::vector<Token> tokens;
  bool in_quotes = false;
  size_t i = 0;
  while (i < q.size()) {
    const char c = q[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      ++i;
      continue;
    }
    if (c == '"' || c == '(' || c == ')') {
      if (c == '"') in_quotes = !in_quotes;
      tokens.push_back(Token{i, i + 1, 0, false, {}});
      ++i;
      continue;
    }
    size_t end = i;
    while (end < q.size() && q[end] != ' ' && q[end] != '\t' && q[end] != '\n' && q[end] != '"' &&
           q[end] != '(' && q[end] != ')') {
      ++end;
    }
    Token t{i, end, 0, false, std::string(q.substr(i, end - i))};
    if (!in_quotes) {
      if (t.word.size() > 1 && (t.word[0] == '+' || t.word[0] == '-')) {
        t.sign = t.word[0];
        t.word.erase(0, 1);
      }
      t.candidate = is_plain_word(t.word);
    }
    tokens.push_back(std::move(t));
    i = end;
  }
  return tokens;
}

std::string trim_copy(std::string_view s) { return std::string(text::trim(s)); }

}  // namespace

Synonyms Synonyms::parse(std::string_view content, const std::string& name,
                         std::vector<std::string>* warnings) {
  // Groups sharing an entry are merged ("US = USA" and "USA = United States").
  std::vector<std::vector<std::string>> lines_groups;
  std::istringstream in{std::string(content)};
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (const size_t hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    if (text::trim(line).empty()) continue;
    std::vector<std::string> entries;
    std::string problem;
    size_t start = 0;
    while (true) {
      const size_t eq = line.find('=', start);
      const std::string entry =
          text::collapse_whitespace(trim_copy(std::string_view(line).substr(start, eq - start)));
      if (entry.empty()) {
        problem = "an empty entry";
      } else {
        for (std::string_view w : text::split_words(entry)) {
          if (!is_plain_word(w)) {
            problem = "'" + entry + "' is not plain words";
            break;
          }
        }
      }
      if (!problem.empty()) break;
      entries.push_back(entry);
      if (eq == std::string::npos) break;
      start = eq + 1;
    }
    if (problem.empty() && entries.size() < 2) problem = "no '='";
    if (!problem.empty()) {
      if (warnings) {
        warnings->push_back(name + ":" + std::to_string(number) + ": " + problem +
                            " (expected: ENTRY = ENTRY [= ENTRY...], e.g. UN = United "
                            "Nations); line skipped");
      }
      continue;
    }
    lines_groups.push_back(std::move(entries));
  }

  // Union the lines that share an entry.
  std::vector<size_t> parent(lines_groups.size());
  std::iota(parent.begin(), parent.end(), 0);
  const auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  // Each entry normalised once, for the union and the duplicate checks.
  std::vector<std::vector<std::string>> normalised(lines_groups.size());
  std::map<std::string, size_t> first_line;
  for (size_t g = 0; g < lines_groups.size(); ++g) {
    normalised[g].reserve(lines_groups[g].size());
    for (const auto& e : lines_groups[g]) {
      normalised[g].push_back(normalise(e));
      const auto [it, inserted] = first_line.emplace(normalised[g].back(), g);
      if (!inserted) parent[find(g)] = find(it->second);
    }
  }
  Synonyms s;
  std::vector<std::vector<std::string>> group_normalised;  // of s.groups_
  std::map<size_t, size_t> group_of_root;
  for (size_t g = 0; g < lines_groups.size(); ++g) {
    const size_t root = find(g);
    auto [it, inserted] = group_of_root.emplace(root, s.groups_.size());
    if (inserted) {
      s.groups_.emplace_back();
      group_normalised.emplace_back();
    }
    auto& group = s.groups_[it->second];
    auto& seen = group_normalised[it->second];
    for (size_t i = 0; i < lines_groups[g].size(); ++i) {
      const std::string& n = normalised[g][i];
      if (std::find(seen.begin(), seen.end(), n) != seen.end()) continue;
      group.push_back(lines_groups[g][i]);
      seen.push_back(n);
    }
  }
  for (size_t g = 0; g < s.groups_.size(); ++g) {
    for (const auto& e : s.groups_[g]) {
      Entry entry;
      entry.group = g;
      entry.written = e;
      for (std::string_view w : text::split_words(e)) entry.words.push_back(normalise(w));
      entry.acronym = entry.words.size() == 1 && text::is_all_caps(e);
      s.entries_.push_back(std::move(entry));
    }
  }
  std::stable_sort(s.entries_.begin(), s.entries_.end(),
                   [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
  return s;
}

Synonyms Synonyms::load(const std::string& path, std::vector<std::string>* warnings) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read the synonyms file " + path);
  std::ostringstream content;
  content << in.rdbuf();
  return parse(content.str(), path, warnings);
}

SynonymRewrite Synonyms::rewrite(std::string_view query) const {
  SynonymRewrite out;
  if (entries_.empty()) {
    out.text = query;
    return out;
  }
  const std::vector<Token> tokens = tokenize(query);
  // Each candidate word normalised once, not once per entry tried.
  std::vector<std::string> normalised(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].candidate) normalised[i] = normalise(tokens[i].word);
  }
  size_t copied = 0;  // bytes of `query` already in out.text
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].candidate) continue;
    for (const Entry& e : entries_) {
      const size_t n = e.words.size();
      if (i + n > tokens.size()) continue;
      bool match = true;
      for (size_t k = 0; k < n && match; ++k) {
        const Token& t = tokens[i + k];
        // +/- belongs to one word: a run of several takes none.
        match = t.candidate && (n == 1 || t.sign == 0) && normalised[i + k] == e.words[k] &&
                (!e.acronym || text::is_all_caps(t.word));
      }
      if (!match) continue;
      const Token& first = tokens[i];
      const Token& last = tokens[i + n - 1];
      SynonymExpansion x;
      x.written = text::collapse_whitespace(query.substr(
          first.begin + (first.sign ? 1 : 0), last.end - first.begin - (first.sign ? 1 : 0)));
      for (const auto& v : groups_[e.group]) {
        if (normalise(v) != normalise(x.written)) x.variants.push_back(v);
      }
      out.text.append(query.substr(copied, first.begin - copied));
      if (first.sign) out.text.push_back(first.sign);
      out.text += std::string(kPlaceholderField) + ":" + std::to_string(out.expansions.size());
      out.expansions.push_back(std::move(x));
      copied = last.end;
      i += n - 1;
      break;
    }
  }
  out.text.append(query.substr(copied));
  return out;
}

std::string default_synonyms_path(const std::string& argv0) {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("DATELINE_SYNONYMS"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) exe = fs::absolute(argv0, ec);
  if (!ec) {
    const fs::path beside = exe.parent_path() / "synonyms.txt";
    if (fs::exists(beside, ec)) return beside.string();
  }
#ifdef DATELINE_SOURCE_SYNONYMS
  if (fs::exists(DATELINE_SOURCE_SYNONYMS, ec)) return DATELINE_SOURCE_SYNONYMS;
#endif
  return {};
}

}  // namespace dateline
