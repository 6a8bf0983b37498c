// synth_corpus: a deterministic generator of synthetic wire articles in
// Dateline's plain-text format (README "Plain-text articles"), for
// benchmarks at sizes no free corpus has.
//
//   synth_corpus --articles N --out DIR [--seed S]
//
// Writes DIR/articles/0000/0000000.txt ... (1,000 files per folder; index
// DIR/articles), DIR/queries.tsv
// (a query mix whose words come from the generated vocabulary) and
// DIR/MANIFEST.txt.  The same N and seed give byte-identical files on any
// machine: the random numbers, the distributions and the vocabulary are all
// computed here (no <random> distributions, whose output is
// implementation-defined).
//
// What the articles look like:
//  - a header block "ID:", "Source:", "Date:" (UTC time), a headline line,
//    a byline ("By First Last") in 30% of them, a first paragraph opening
//    with the agency's dateline form, and a credit line for the agencies
//    that use one;
//  - seven agencies (AFP, Reuters, AP, dpa, EFE, Xinhua, ANSA) with their
//    own dateline forms, dates spread over 2010-2021;
//  - bodies of log-normally distributed length (median 300 words, clipped
//    to 30..4000), sentences of 10-35 words, paragraphs of 1-3 sentences;
//  - words drawn from a Zipf (s = 1) vocabulary: 110 common English words
//    at the top, then 80,000 pseudo-words built from syllables, inflected
//    (-s, -ed, -ing) so that stemming has work to do; capitalised names and
//    places; 300 recurring multi-word phrases for phrase queries.
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "bench_common.h"

namespace {

// Bumped whenever the output changes, so that run.sh regenerates old corpora.
constexpr int kGeneratorVersion = 3;

// splitmix64: small, fast, and the same everywhere.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  size_t below(size_t n) { return static_cast<size_t>(uniform() * static_cast<double>(n)); }
  bool chance(double p) { return uniform() < p; }
  double normal() {  // Box-Muller
    const double u1 = std::max(uniform(), 1e-300), u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
  }

 private:
  uint64_t state_;
};

class Zipf {
 public:
  Zipf(size_t n, double s) : cdf_(n) {
    double sum = 0;
    for (size_t r = 0; r < n; ++r) {
      sum += 1.0 / std::pow(static_cast<double>(r + 1), s);
      cdf_[r] = sum;
    }
    for (double& c : cdf_) c /= sum;
  }
  size_t draw(Rng& rng) const {
    const auto it = std::lower_bound(cdf_.begin(), cdf_.end(), rng.uniform());
    return std::min(static_cast<size_t>(it - cdf_.begin()), cdf_.size() - 1);
  }

 private:
  std::vector<double> cdf_;
};

constexpr std::array<const char*, 110> kCommon = {
    "the",       "of",        "to",         "and",       "a",
    "in",        "said",      "for",        "on",        "that",
    "is",        "was",       "with",       "by",        "at",
    "as",        "it",        "from",       "he",        "be",
    "has",       "have",      "will",       "an",        "are",
    "not",       "which",     "its",        "were",      "had",
    "but",       "this",      "after",      "they",      "been",
    "also",      "who",       "would",      "their",     "more",
    "than",      "or",        "government", "year",      "new",
    "president", "minister",  "police",     "people",    "two",
    "percent",   "last",      "told",       "over",      "officials",
    "about",     "country",   "one",        "up",        "state",
    "first",     "against",   "security",   "week",      "three",
    "could",     "since",     "military",   "into",      "foreign",
    "talks",     "other",     "forces",     "party",     "million",
    "economic",  "news",      "between",    "while",     "national",
    "before",    "official",  "market",     "group",     "international",
    "election",  "should",    "agency",     "months",    "capital",
    "prime",     "spokesman", "meeting",    "statement", "region",
    "killed",    "leaders",   "bank",       "during",    "opposition",
    "according", "announced", "council",    "prices",    "trade",
    "oil",       "court",     "minister's", "crisis",    "under"};

constexpr std::array<const char*, 30> kOnsets = {
    "b", "c", "d",  "f",  "g",  "h",  "k",  "l",  "m",  "n",  "p",  "r",  "s",  "t",  "v",
    "w", "z", "br", "cr", "dr", "fr", "gr", "pr", "tr", "st", "sl", "pl", "ch", "sh", "th"};
constexpr std::array<const char*, 8> kVowels = {"a", "e", "i", "o", "u", "ai", "ea", "ou"};
constexpr std::array<const char*, 10> kCodas = {"", "n", "r", "s", "l", "t", "m", "nd", "st", "rk"};

struct Place {
  const char* name;  // as the agencies write it
  const char* caps;  // in capitals, for AFP/Reuters/AP/Xinhua/ANSA datelines
};
constexpr std::array<Place, 40> kPlaces = {{
    {"Paris", "PARIS"},
    {"London", "LONDON"},
    {"Washington", "WASHINGTON"},
    {"Moscow", "MOSCOW"},
    {"Beijing", "BEIJING"},
    {"Berlin", "BERLIN"},
    {"Brussels", "BRUSSELS"},
    {"Geneva", "GENEVA"},
    {"Tokyo", "TOKYO"},
    {"New York", "NEW YORK"},
    {"Madrid", "MADRID"},
    {"Rome", "ROME"},
    {"Cairo", "CAIRO"},
    {"Beirut", "BEIRUT"},
    {"Nairobi", "NAIROBI"},
    {"Lagos", "LAGOS"},
    {"Johannesburg", "JOHANNESBURG"},
    {"New Delhi", "NEW DELHI"},
    {"Islamabad", "ISLAMABAD"},
    {"Kabul", "KABUL"},
    {"Tehran", "TEHRAN"},
    {"Baghdad", "BAGHDAD"},
    {"Jerusalem", "JERUSALEM"},
    {"Ankara", "ANKARA"},
    {"Athens", "ATHENS"},
    {"Vienna", "VIENNA"},
    {"Warsaw", "WARSAW"},
    {"Kiev", "KIEV"},
    {"Sydney", "SYDNEY"},
    {"Jakarta", "JAKARTA"},
    {"Manila", "MANILA"},
    {"Seoul", "SEOUL"},
    {"Bangkok", "BANGKOK"},
    {"Mexico City", "MEXICO CITY"},
    {"Buenos Aires", "BUENOS AIRES"},
    {"Lima", "LIMA"},
    {"Bogota", "BOGOTA"},
    {"Tegucigalpa", "TEGUCIGALPA"},
    {"Havana", "HAVANA"},
    {"Ottawa", "OTTAWA"},
}};

constexpr std::array<const char*, 12> kMonthShort = {"Jan",  "Feb", "March", "April", "May", "June",
                                                     "July", "Aug", "Sept",  "Oct",   "Nov", "Dec"};
constexpr std::array<const char*, 12> kMonthLong = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

struct Agency {
  const char* name;
  double weight;
};
constexpr std::array<Agency, 7> kAgencies = {{{"AFP", 0.25},
                                              {"Reuters", 0.25},
                                              {"AP", 0.20},
                                              {"dpa", 0.10},
                                              {"EFE", 0.08},
                                              {"Xinhua", 0.07},
                                              {"ANSA", 0.05}}};

std::string capitalised(std::string w) {
  if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
  return w;
}

class Generator {
 public:
  explicit Generator(uint64_t seed)
      : rng_(seed),
        words_zipf_(kCommon.size() + kPseudoWords, 1.0),
        names_zipf_(kNames, 1.0),
        places_zipf_(kPlaces.size(), 0.8),
        phrases_zipf_(kPhrases, 1.0) {
    Rng vocab_rng(seed ^ 0x5EED5EED5EEDull);
    std::unordered_set<std::string> seen(kCommon.begin(), kCommon.end());
    for (const char* w : kCommon) vocab_.emplace_back(w);
    auto make = [&](size_t syllables) {
      while (true) {
        std::string w;
        for (size_t s = 0; s < syllables; ++s) {
          w += kOnsets[vocab_rng.below(kOnsets.size())];
          w += kVowels[vocab_rng.below(kVowels.size())];
          w += kCodas[vocab_rng.below(kCodas.size())];
        }
        if (w.size() >= 3 && seen.insert(w).second) return w;
      }
    };
    for (size_t r = 0; r < kPseudoWords; ++r) {
      vocab_.push_back(make(r < 500 ? 1 : r < 30000 ? 2 : 3));
    }
    for (size_t i = 0; i < kNames; ++i) names_.push_back(capitalised(make(2)));
    for (size_t i = 0; i < kPhrases; ++i) {
      std::string p;
      const size_t len = 2 + vocab_rng.below(2);
      for (size_t k = 0; k < len; ++k) {
        if (k) p += ' ';
        p += vocab_[kCommon.size() + 100 + vocab_rng.below(5000)];
      }
      phrases_.push_back(p);
    }
  }

  const std::string& pseudo_word(size_t rank) const { return vocab_[kCommon.size() + rank]; }
  const std::string& phrase(size_t i) const { return phrases_[i]; }

  // One article file's content; `source` and `date` say what it holds.
  std::string article(size_t number, std::string& source, int64_t& date) {
    const Agency& agency = pick_agency();
    source = agency.name;
    const int year = 2010 + static_cast<int>(rng_.below(12));
    const int month = 1 + static_cast<int>(rng_.below(12));
    const int day = 1 + static_cast<int>(rng_.below(28));
    const int secs = static_cast<int>(rng_.below(86400));
    date = bench::days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) *
               86400 +
           secs;
    const Place& place = kPlaces[places_zipf_.draw(rng_)];

    std::string out;
    char buf[128];
    std::snprintf(buf, sizeof buf,
                  "ID: synth-%07zu\nSource: %s\nDate: %04d-%02d-%02dT%02d:%02d:%02dZ\n\n", number,
                  agency.name, year, month, day, secs / 3600, secs / 60 % 60, secs % 60);
    out += buf;
    out += headline();
    out += "\n\n";
    if (rng_.chance(0.3)) out += "By " + person() + "\n\n";

    const double median = 300, sigma = 0.7;
    size_t length = static_cast<size_t>(median * std::exp(sigma * rng_.normal()));
    length = std::clamp<size_t>(length, 30, 4000);
    out += dateline(agency.name, place, year, month, day);
    size_t written = 0;
    bool first_paragraph = true;
    while (written < length) {
      if (!first_paragraph) out += "\n\n";
      const size_t sentences = 1 + rng_.below(3);
      for (size_t s = 0; s < sentences && written < length; ++s) {
        if (s > 0 || first_paragraph) out += ' ';  // after the dateline or a sentence
        written += sentence(out);
      }
      first_paragraph = false;
    }
    out += "\n\n";
    out += credit(agency.name);
    return out;
  }

 private:
  static constexpr size_t kPseudoWords = 80000;
  static constexpr size_t kNames = 3000;
  static constexpr size_t kPhrases = 300;

  const Agency& pick_agency() {
    double u = rng_.uniform();
    for (const Agency& a : kAgencies) {
      if (u < a.weight) return a;
      u -= a.weight;
    }
    return kAgencies.back();
  }

  std::string word() {
    const size_t r = words_zipf_.draw(rng_);
    std::string w = vocab_[r];
    if (r >= kCommon.size()) {
      const double u = rng_.uniform();
      if (u < 0.12) {
        w += "s";
      } else if (u < 0.16) {
        w += "ed";
      } else if (u < 0.20) {
        w += "ing";
      }
    }
    return w;
  }

  std::string person() {
    return names_[names_zipf_.draw(rng_)] + " " + names_[names_zipf_.draw(rng_)];
  }

  std::string headline() {
    std::string h;
    const size_t n = 6 + rng_.below(6);
    for (size_t i = 0; i < n; ++i) {
      if (i) h += ' ';
      h += i == 0 ? capitalised(word()) : word();
    }
    return h;
  }

  // Appends one sentence; returns its word count.
  size_t sentence(std::string& out) {
    const size_t n = 10 + rng_.below(26);
    size_t count = 0;
    for (size_t i = 0; i < n; ++i) {
      std::string w;
      const double u = rng_.uniform();
      if (u < 0.03) {
        w = person();
        ++count;
      } else if (u < 0.04) {
        w = kPlaces[places_zipf_.draw(rng_)].name;
      } else if (u < 0.055) {
        w = phrases_[phrases_zipf_.draw(rng_)];
        count += static_cast<size_t>(std::count(w.begin(), w.end(), ' '));
      } else {
        w = word();
      }
      if (i == 0) w = capitalised(w);
      if (i) out += (i > 3 && rng_.chance(0.06)) ? ", " : " ";
      out += w;
      ++count;
    }
    out += '.';
    return count;
  }

  std::string dateline(std::string_view agency, const Place& p, int year, int month, int day) {
    char buf[160];
    const char* mon = kMonthShort[static_cast<size_t>(month - 1)];
    if (agency == "AFP") {
      std::snprintf(buf, sizeof buf, "%s, %s %d, %d (AFP) -", p.caps, mon, day, year);
    } else if (agency == "Reuters") {
      std::snprintf(buf, sizeof buf, "%s (Reuters) -", p.caps);
    } else if (agency == "AP") {
      std::snprintf(buf, sizeof buf, "%s (AP) \xE2\x80\x94", p.caps);
    } else if (agency == "dpa") {
      std::snprintf(buf, sizeof buf, "%s (dpa) -", p.name);
    } else if (agency == "EFE") {
      std::snprintf(buf, sizeof buf, "%s, %s %d (EFE).-", p.name, mon, day);
    } else if (agency == "Xinhua") {
      std::snprintf(buf, sizeof buf, "%s, %s. %d (Xinhua) --", p.caps,
                    std::string(mon).substr(0, 3).c_str(), day);
    } else {
      std::snprintf(buf, sizeof buf, "%s, %s %d, %d (ANSA) -", p.caps,
                    kMonthLong[static_cast<size_t>(month - 1)], day, year);
    }
    return buf;
  }

  std::string credit(std::string_view agency) {
    auto initials = [&] {
      std::string s;
      s += static_cast<char>('a' + rng_.below(26));
      s += static_cast<char>('a' + rng_.below(26));
      return s;
    };
    if (agency == "AFP") return initials() + "/" + initials() + "\n";
    if (agency == "Reuters") {
      return "(Reporting by " + person() + "; Editing by " + person() + ")\n";
    }
    if (agency == "dpa") return "dpa " + initials() + " " + initials() + "\n";
    if (agency == "Xinhua") return "Enditem\n";
    return "";
  }

  Rng rng_;
  Zipf words_zipf_, names_zipf_, places_zipf_, phrases_zipf_;
  std::vector<std::string> vocab_, names_, phrases_;
};

void write_file(const std::string& path, const std::string& content) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f || std::fwrite(content.data(), 1, content.size(), f) != content.size() ||
      std::fclose(f) != 0) {
    throw std::runtime_error("cannot write " + path);
  }
}

std::string query_mix(const Generator& g) {
  std::string q =
      "# Query mix for a synth_corpus corpus, from its vocabulary (ranks in the Zipf list).\n"
      "name\tclass\ttext\tsource\tfrom\tto\tsort\tcheck\n";
  auto line = [&](const std::string& name, const std::string& cls, const std::string& text,
                  const std::string& source, const std::string& from, const std::string& to,
                  const std::string& sort, const std::string& check) {
    q += name + "\t" + cls + "\t" + text + "\t" + source + "\t" + from + "\t" + to + "\t" + sort +
         "\t" + check + "\n";
  };
  line("one-common", "one", g.pseudo_word(200), "-", "-", "-", "relevance", "count");
  line("one-medium", "one", g.pseudo_word(3000), "-", "-", "-", "relevance", "count");
  line("one-rare", "one", g.pseudo_word(40000), "-", "-", "-", "relevance", "count");
  line("words-2", "words", g.pseudo_word(300) + " " + g.pseudo_word(2500), "-", "-", "-",
       "relevance", "count");
  line("words-3", "words",
       g.pseudo_word(100) + " " + g.pseudo_word(400) + " " + g.pseudo_word(1200), "-", "-", "-",
       "relevance", "count");
  line("words-stop", "words", "the " + g.pseudo_word(400) + " of " + g.pseudo_word(900), "-", "-",
       "-", "relevance", "count");
  line("phrase-common", "phrase", "\"" + g.phrase(0) + "\"", "-", "-", "-", "relevance", "overlap");
  line("phrase-medium", "phrase", "\"" + g.phrase(40) + "\"", "-", "-", "-", "relevance",
       "overlap");
  line("field-date", "field+date", "headline:" + g.pseudo_word(400), "AFP", "2014-01-01",
       "2015-12-31", "relevance", "count");
  line("words-date", "field+date", g.pseudo_word(250), "Reuters", "2018-01-01", "2018-06-30",
       "relevance", "count");
  line("sort-newest", "sort", g.pseudo_word(1000), "-", "-", "-", "newest", "overlap");
  // Six letters: Dateline refuses a wildcard that expands to more than 100
  // words, and four letters of this vocabulary expand to more at 100,000.
  line("wildcard", "wildcard", g.pseudo_word(600).substr(0, 6) + "*", "-", "-", "-", "relevance",
       "none");
  return q;
}

}  // namespace

int main(int argc, char** argv) {
  size_t articles = 0;
  uint64_t seed = 20240601;
  std::string out;
  if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
    std::printf("generator %d\n", kGeneratorVersion);
    return 0;
  }
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string opt = argv[i];
    if (opt == "--articles") {
      articles = std::stoull(argv[i + 1]);
    } else if (opt == "--out") {
      out = argv[i + 1];
    } else if (opt == "--seed") {
      seed = std::stoull(argv[i + 1]);
    } else {
      std::cerr << "synth_corpus: unknown option " << opt << "\n";
      return 2;
    }
  }
  if (articles == 0 || out.empty()) {
    std::cerr << "usage: synth_corpus --articles N --out DIR [--seed S]\n";
    return 2;
  }
  try {
    Generator g(seed);
    ::mkdir(out.c_str(), 0755);
    const std::string articles_dir = out + "/articles";
    ::mkdir(articles_dir.c_str(), 0755);
    uint64_t bytes = 0;
    std::string source;
    int64_t date = 0;
    for (size_t n = 0; n < articles; ++n) {
      char dir[64], file[64];
      std::snprintf(dir, sizeof dir, "/%04zu", n / 1000);
      if (n % 1000 == 0) ::mkdir((articles_dir + dir).c_str(), 0755);
      std::snprintf(file, sizeof file, "/%07zu.txt", n);
      const std::string content = g.article(n, source, date);
      bytes += content.size();
      write_file(articles_dir + dir + file, content);
    }
    write_file(out + "/queries.tsv", query_mix(g));
    char manifest[256];
    std::snprintf(
        manifest, sizeof manifest,
        "synth_corpus --articles %zu --seed %llu\ngenerator %d\narticles %zu\nbytes %llu\n",
        articles, static_cast<unsigned long long>(seed), kGeneratorVersion, articles,
        static_cast<unsigned long long>(bytes));
    write_file(out + "/MANIFEST.txt", manifest);
    std::printf("synth_corpus: %zu articles, %llu bytes in %s\n", articles,
                static_cast<unsigned long long>(bytes), out.c_str());
  } catch (const std::exception& e) {
    std::cerr << "synth_corpus: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
