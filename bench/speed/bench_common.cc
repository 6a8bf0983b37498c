#include "bench_common.h"

#include <time.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

namespace bench {
namespace fs = std::filesystem;
namespace {

std::string read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp <= 0x10FFFF) {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// &lt; &gt; &amp; &quot; &#N; decoded; control characters dropped.
std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    const size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 8) {
      out.push_back('&');
      continue;
    }
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    if (name == "lt") {
      out.push_back('<');
    } else if (name == "gt") {
      out.push_back('>');
    } else if (name == "amp") {
      out.push_back('&');
    } else if (name == "quot") {
      out.push_back('"');
    } else if (name.size() >= 2 && name[0] == '#' &&
               name.find_first_not_of("0123456789", 1) == std::string_view::npos) {
      const unsigned long cp = std::stoul(std::string(name.substr(1)));
      if (cp == '\n' || cp == '\t' || (cp >= 0x20 && cp != 0x7F)) append_utf8(out, cp);
    } else {
      out.push_back('&');
      continue;
    }
    i = semi;
  }
  return out;
}

// The content of the first <name...>...</name>; "" when absent.
std::string_view element(std::string_view s, std::string_view name, std::string_view* open_tag) {
  std::string open(1, '<');
  open.append(name);
  size_t pos = 0;
  while ((pos = s.find(open, pos)) != std::string_view::npos) {
    const size_t after = pos + open.size();
    if (after < s.size() && (s[after] == '>' || s[after] == ' ')) break;
    pos = after;
  }
  if (pos == std::string_view::npos) return {};
  const size_t tag_end = s.find('>', pos);
  if (tag_end == std::string_view::npos) return {};
  if (open_tag) *open_tag = s.substr(pos, tag_end + 1 - pos);
  std::string close("</");
  close.append(name).push_back('>');
  const size_t end = s.find(close, tag_end + 1);
  return s.substr(tag_end + 1,
                  end == std::string_view::npos ? std::string_view::npos : end - tag_end - 1);
}

std::string attribute(std::string_view tag, std::string_view name) {
  std::string key(1, ' ');
  key.append(name).append("=\"");
  const size_t pos = tag.find(key);
  if (pos == std::string_view::npos) return {};
  const size_t end = tag.find('"', pos + key.size());
  return std::string(tag.substr(pos + key.size(), end - pos - key.size()));
}

std::string strip_tags(std::string_view s) {
  std::string out;
  bool in_tag = false;
  for (char c : s) {
    if (c == '<') {
      in_tag = true;
    } else if (c == '>' && in_tag) {
      in_tag = false;
    } else if (!in_tag) {
      out.push_back(c);
    }
  }
  return out;
}

int month_number(std::string_view mon) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (mon.size() == 3 && std::equal(mon.begin(), mon.end(), kMonths[i].begin(),
                                      [](char a, char b) { return (a & ~0x20) == b; })) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

// "26-FEB-1987 15:01:01.79"
std::optional<int64_t> parse_reuters_date(std::string_view s) {
  s = trim(s);
  int d = 0, y = 0, h = 0, mi = 0, sec = 0;
  char mon[4] = {};
  const std::string copy(s);
  const int n = std::sscanf(copy.c_str(), "%d-%3[A-Za-z]-%d %d:%d:%d", &d, mon, &y, &h, &mi, &sec);
  if (n < 3) return std::nullopt;
  const int m = month_number(mon);
  if (m == 0 || d < 1 || d > 31) return std::nullopt;
  if (n < 6 || h > 23 || mi > 59 || sec > 59) h = mi = sec = 0;
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400 + h * 3600 +
         mi * 60 + sec;
}

// A paragraph break ("\n\n") at each indented line, as Reuters bodies mark them.
std::string reuters_body(std::string_view raw) {
  std::string text = decode_entities(raw);
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    const bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
    line = trim(line);
    if (!line.empty()) {
      if (!out.empty()) out += indented ? "\n\n" : " ";
      out += line;
    }
    pos = end + 1;
  }
  // The closing "Reuter" credit.
  const std::string_view tail = trim(out);
  const size_t last = tail.rfind("\n\n");
  const std::string_view last_para = last == std::string_view::npos ? tail : tail.substr(last + 2);
  if (last_para.rfind("Reuter", 0) == 0 && last_para.size() <= 8) {
    out.resize(last == std::string_view::npos ? 0 : last);
  }
  return out;
}

void read_reuters(std::string_view s, const std::function<void(RawArticle&)>& sink,
                  CorpusStats& stats) {
  size_t pos = 0;
  while ((pos = s.find("<REUTERS", pos)) != std::string_view::npos) {
    const size_t tag_end = s.find('>', pos);
    const size_t close = s.find("</REUTERS>", pos);
    if (tag_end == std::string_view::npos || close == std::string_view::npos) break;
    const std::string_view open_tag = s.substr(pos, tag_end + 1 - pos);
    const std::string_view record = s.substr(tag_end + 1, close - tag_end - 1);
    pos = close + 10;
    RawArticle a;
    a.id = "reuters-" + attribute(open_tag, "NEWID");
    a.source = "Reuters";
    a.date = parse_reuters_date(element(record, "DATE", nullptr));
    std::string_view text_tag;
    const std::string_view text = element(record, "TEXT", &text_tag);
    a.headline = std::string(trim(decode_entities(element(text, "TITLE", nullptr))));
    const std::string_view body = element(text, "BODY", nullptr);
    if (!body.empty()) {
      a.body = reuters_body(body);
    } else if (attribute(text_tag, "TYPE") == "UNPROC") {
      a.body = reuters_body(strip_tags(text));
    }
    ++stats.articles;
    sink(a);
  }
}

bool header_key(std::string_view key) {
  static constexpr std::array<std::string_view, 13> kKeys = {
      "Source", "Location", "Country", "Date",   "Headline", "ID",      "Language",
      "Byline", "Story",    "Version", "Status", "Slug",     "Keywords"};
  return std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end();
}

void read_plain_text(std::string_view s, const std::string& path,
                     const std::function<void(RawArticle&)>& sink, CorpusStats& stats) {
  RawArticle a;
  size_t pos = 0;
  // Header block.
  while (pos < s.size()) {
    size_t end = s.find('\n', pos);
    if (end == std::string_view::npos) end = s.size();
    const std::string_view line = s.substr(pos, end - pos);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || !header_key(trim(line.substr(0, colon)))) break;
    const std::string_view key = trim(line.substr(0, colon));
    const std::string value(trim(line.substr(colon + 1)));
    if (key == "ID") a.id = value;
    if (key == "Source") a.source = value;
    if (key == "Headline") a.headline = value;
    if (key == "Date") a.date = parse_iso_date(value);
    pos = end + 1;
  }
  std::string_view rest = pos < s.size() ? trim(s.substr(pos)) : std::string_view{};
  // A short first line that does not end a sentence is the headline.
  if (a.headline.empty()) {
    const size_t nl = rest.find('\n');
    const std::string_view first = trim(rest.substr(0, nl));
    if (nl != std::string_view::npos && !first.empty() && first.size() <= 200 &&
        first.back() != '.') {
      a.headline = std::string(first);
      rest = trim(rest.substr(nl));
    }
  }
  a.body = std::string(rest);
  if (a.id.empty()) a.id = path;
  ++stats.articles;
  sink(a);
}

}  // namespace

int64_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<int64_t>(era) * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::optional<int64_t> parse_iso_date(std::string_view s) {
  s = trim(s);
  int y = 0, m = 0, d = 0, h = 0, mi = 0, sec = 0;
  const std::string copy(s);
  const int n = std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &m, &d, &h, &mi, &sec);
  if (n != 3 && n != 6) return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400 + h * 3600 +
         mi * 60 + sec;
}

std::vector<std::string> corpus_files(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    if (fs::is_regular_file(p)) {
      files.push_back(p);
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(p); it != fs::recursive_directory_iterator();
         ++it) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) files.push_back(it->path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

CorpusStats read_corpus(const std::vector<std::string>& paths,
                        const std::function<void(RawArticle&)>& sink) {
  CorpusStats stats;
  for (const std::string& file : corpus_files(paths)) {
    const std::string content = read_whole(file);
    ++stats.files;
    stats.bytes += content.size();
    const std::string_view start = std::string_view(content).substr(0, 2048);
    if (start.find("<REUTERS") != std::string_view::npos) {
      read_reuters(content, sink, stats);
    } else if (!trim(content).empty()) {
      read_plain_text(content, fs::absolute(file).string(), sink, stats);
    }
  }
  return stats;
}

// ---------------------------------------------------------------- queries

const std::vector<std::string>& stopwords() {
  static const std::vector<std::string> kWords = {
      "a",   "an",    "and",  "are",   "as",    "at",   "be",   "but", "by",  "for",  "if",
      "in",  "into",  "is",   "it",    "no",    "not",  "of",   "on",  "or",  "such", "that",
      "the", "their", "then", "there", "these", "they", "this", "to",  "was", "will", "with"};
  return kWords;
}

std::vector<BenchQuery> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open query mix " + path);
  std::vector<BenchQuery> queries;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {  // column names
      header = false;
      continue;
    }
    std::vector<std::string> cols;
    size_t pos = 0;
    while (true) {
      const size_t tab = line.find('\t', pos);
      cols.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
      if (tab == std::string::npos) break;
      pos = tab + 1;
    }
    if (cols.size() != 8) {
      throw std::runtime_error(path + ": expected 8 tab-separated columns in: " + line);
    }
    for (auto& c : cols) {
      if (c == "-") c.clear();
    }
    BenchQuery q;
    q.name = cols[0];
    q.cls = cols[1];
    q.text = cols[2];
    q.source = cols[3];
    q.date_from = cols[4];
    q.date_to = cols[5];
    q.sort = cols[6] == "newest" ? Sort::kNewest : Sort::kRelevance;
    q.check = cols[7].empty() ? "none" : cols[7];
    queries.push_back(std::move(q));
  }
  return queries;
}

std::optional<int64_t> range_from(const BenchQuery& q) {
  if (q.date_from.empty()) return std::nullopt;
  return parse_iso_date(q.date_from);
}

std::optional<int64_t> range_until(const BenchQuery& q) {
  if (q.date_to.empty()) return std::nullopt;
  const auto day = parse_iso_date(q.date_to);
  if (!day) return std::nullopt;
  return *day + 86399;
}

std::string dateline_query_text(const BenchQuery& q) {
  std::string s = q.text;
  auto add = [&](const std::string& part) {
    if (!s.empty()) s += ' ';
    s += part;
  };
  if (!q.source.empty()) add("source:" + q.source);
  if (!q.date_from.empty() || !q.date_to.empty()) add("date:" + q.date_from + ".." + q.date_to);
  return s;
}

std::string fts5_match(const BenchQuery& q) {
  std::string out;
  const std::string& t = q.text;
  size_t i = 0;
  auto emit = [&](const std::string& piece) {
    if (!out.empty()) out += ' ';
    out += piece;
  };
  while (i < t.size()) {
    if (t[i] == ' ') {
      ++i;
      continue;
    }
    std::string column;
    const size_t colon = t.find(':', i);
    const size_t space = t.find(' ', i);
    const size_t quote = t.find('"', i);
    if (colon != std::string::npos && colon < space &&
        (quote == std::string::npos || colon < quote)) {
      column = t.substr(i, colon - i);
      i = colon + 1;
    }
    std::string piece;
    if (t[i] == '"') {
      const size_t end = t.find('"', i + 1);
      piece = t.substr(i, end - i + 1);  // FTS5 phrase syntax is the same
      i = end + 1;
    } else {
      const size_t end = std::min(t.find(' ', i), t.size());
      std::string word = t.substr(i, end - i);
      i = end;
      const bool prefix = !word.empty() && word.back() == '*';
      if (prefix) word.pop_back();
      std::string lower = word;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!prefix && column.empty() &&
          std::find(stopwords().begin(), stopwords().end(), lower) != stopwords().end()) {
        continue;
      }
      piece = "\"" + word + "\"" + (prefix ? " *" : "");
    }
    emit(column.empty() ? piece : column + " : " + piece);
  }
  return out;
}

// ---------------------------------------------------------------- timing

Percentiles percentiles(std::vector<double> samples) {
  Percentiles p;
  p.n = samples.size();
  if (samples.empty()) return p;
  std::sort(samples.begin(), samples.end());
  auto rank = [&](double q) {
    size_t k = static_cast<size_t>(q * static_cast<double>(samples.size()) + 0.999999);
    if (k == 0) k = 1;
    return samples[std::min(k, samples.size()) - 1];
  };
  p.p50 = rank(0.50);
  p.p95 = rank(0.95);
  p.p99 = rank(0.99);
  double sum = 0;
  for (double s : samples) sum += s;
  p.mean = sum / static_cast<double>(samples.size());
  return p;
}

double thread_cpu_micros() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

void print_latency(const std::string& engine, const std::string& query, const std::string& cls,
                   const Percentiles& p, const Percentiles& c) {
  std::printf("latency\t%s\t%s\t%s\t%.1f\t%.1f\t%.1f\t%.1f\t%zu\t%.1f\t%.1f\t%.1f\n",
              engine.c_str(), query.c_str(), cls.c_str(), p.p50, p.p95, p.p99, p.mean, p.n, c.p50,
              c.p95, c.p99);
}

void print_hits(const std::string& engine, const std::string& query, uint64_t count,
                const std::vector<std::string>& ids) {
  std::string joined;
  for (const auto& id : ids) {
    if (!joined.empty()) joined += ',';
    joined += id;
  }
  std::printf("hits\t%s\t%s\t%llu\t%s\n", engine.c_str(), query.c_str(),
              static_cast<unsigned long long>(count), joined.empty() ? "-" : joined.c_str());
}

void time_mix(const std::string& engine, const std::vector<BenchQuery>& queries, int reps,
              const std::function<void(const BenchQuery&)>& one_query) {
  for (const auto& q : queries) one_query(q);  // warm-up
  std::vector<std::vector<double>> wall(queries.size()), cpu(queries.size());
  std::vector<double> all_wall, all_cpu;
  for (int r = 0; r < reps; ++r) {
    for (size_t i = 0; i < queries.size(); ++i) {
      const double cpu_start = thread_cpu_micros();
      const auto start = Clock::now();
      one_query(queries[i]);
      const double us = micros_since(start);
      const double cpu_us = thread_cpu_micros() - cpu_start;
      wall[i].push_back(us);
      cpu[i].push_back(cpu_us);
      all_wall.push_back(us);
      all_cpu.push_back(cpu_us);
    }
  }
  for (size_t i = 0; i < queries.size(); ++i) {
    print_latency(engine, queries[i].name, queries[i].cls, percentiles(wall[i]),
                  percentiles(cpu[i]));
  }
  print_latency(engine, "ALL", "all", percentiles(all_wall), percentiles(all_cpu));
  std::fflush(stdout);
}

}  // namespace bench
