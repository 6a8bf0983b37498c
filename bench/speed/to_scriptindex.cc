// to_scriptindex: converts a corpus into scriptindex's input format
// ("name=value" lines, newlines in values escaped as "\n=", records
// separated by blank lines), read the same way as the other peers read it.
// Used with dateline.script.
//
//   to_scriptindex OUT PATH...
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "bench_common.h"

namespace {

void field(std::ofstream& out, const char* name, const std::string& value) {
  if (value.empty()) return;
  out << name << '=';
  for (char c : value) {
    out << c;
    if (c == '\n') out << '=';
  }
  out << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: to_scriptindex OUT PATH...\n";
    return 2;
  }
  try {
    std::ofstream out(argv[1], std::ios::binary);
    const std::vector<std::string> paths(argv + 2, argv + argc);
    const bench::CorpusStats stats = bench::read_corpus(paths, [&](bench::RawArticle& a) {
      field(out, "id", a.id);
      field(out, "source", a.source);
      if (a.date) field(out, "date", std::to_string(*a.date));
      field(out, "headline", a.headline);
      field(out, "body", a.body);
      out << '\n';
    });
    if (!out) throw std::runtime_error("write error");
    std::printf("to_scriptindex: %llu articles\n", static_cast<unsigned long long>(stats.articles));
  } catch (const std::exception& e) {
    std::cerr << "to_scriptindex: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
