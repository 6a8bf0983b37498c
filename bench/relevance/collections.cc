#include "collections.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace bench {
namespace {

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

std::string trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

bool all_digits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

std::string strip_zeros(const std::string& s) {
  const size_t b = s.find_first_not_of('0');
  return b == std::string::npos ? "0" : s.substr(b);
}

// SMART records: ".I N", then fields ".T", ".A", ".W", ... each running to
// the next field.  Returns id -> field letter -> lines.
std::vector<std::pair<std::string, std::map<char, std::vector<std::string>>>> read_smart(
    const std::string& path) {
  std::vector<std::pair<std::string, std::map<char, std::vector<std::string>>>> records;
  char field = 0;
  bool after_id = false;
  for (const std::string& line : read_lines(path)) {
    if (line.rfind(".I ", 0) == 0) {
      records.emplace_back(strip_zeros(trim(line.substr(3))),
                           std::map<char, std::vector<std::string>>{});
      field = 0;
      after_id = true;
      continue;
    }
    if (records.empty()) continue;
    if (line.size() >= 2 && line[0] == '.' && std::isupper(static_cast<unsigned char>(line[1])) &&
        trim(line.substr(2)).empty()) {
      field = line[1];
      after_id = false;
      continue;
    }
    if (after_id && field == 0 && all_digits(trim(line))) {
      // CACM: ".I 28" followed by "56" is document 2856.
      records.back().first += trim(line);
      continue;
    }
    if (field != 0) records.back().second[field].push_back(line);
  }
  return records;
}

std::string joined(const std::vector<std::string>& lines, const std::string& sep) {
  std::string out;
  for (const auto& l : lines) {
    const std::string t = trim(l);
    if (t.empty()) continue;
    if (!out.empty()) out += sep;
    out += t;
  }
  return out;
}

Collection load_smart(const std::string& name, const std::string& docs, const std::string& queries,
                      const std::string& qrels, bool trec_qrels) {
  Collection c;
  c.name = name;
  for (auto& [id, fields] : read_smart(docs)) {
    Document d;
    d.id = id;
    d.title = joined(fields['T'], " ");
    d.authors = joined(fields['A'], "; ");
    if (!fields['K'].empty()) d.paragraphs.push_back(joined(fields['K'], " "));
    if (!fields['W'].empty()) d.paragraphs.push_back(joined(fields['W'], " "));
    c.documents.push_back(std::move(d));
  }
  for (auto& [id, fields] : read_smart(queries)) {
    c.queries.emplace_back(id, joined(fields['W'], " "));
  }
  for (const std::string& line : read_lines(qrels)) {
    std::istringstream in(line);
    std::string q, a, b, rel;
    if (!(in >> q >> a >> b)) continue;
    if (trec_qrels) {
      in >> rel;
      if (rel == "0") continue;
      c.relevant[strip_zeros(q)].insert(strip_zeros(b));
    } else {
      c.relevant[strip_zeros(q)].insert(strip_zeros(a));
    }
  }
  return c;
}

Collection load_time(const std::string& dir) {
  Collection c;
  c.name = "TIME";
  for (const std::string& line : read_lines(dir + "/TIME.ALL")) {
    if (line.rfind("*TEXT ", 0) == 0) {
      std::istringstream in(line.substr(6));
      std::string number;
      in >> number;
      c.documents.push_back(Document{strip_zeros(number), "", "", {}});
      continue;
    }
    if (c.documents.empty() || trim(line).empty() || line.rfind("*STOP", 0) == 0) continue;
    // Hard-wrapped lines separated by blank ones: one paragraph of text.
    auto& paragraphs = c.documents.back().paragraphs;
    if (paragraphs.empty()) paragraphs.emplace_back();
    if (!paragraphs.back().empty()) paragraphs.back() += ' ';
    paragraphs.back() += trim(line);
  }
  for (const std::string& line : read_lines(dir + "/time.queries.tsv")) {
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    c.queries.emplace_back(strip_zeros(trim(line.substr(0, tab))), trim(line.substr(tab + 1)));
  }
  for (const std::string& line : read_lines(dir + "/time.qrels.trec")) {
    std::istringstream in(line);
    std::string q, zero, d, rel;
    if ((in >> q >> zero >> d >> rel) && rel != "0")
      c.relevant[strip_zeros(q)].insert(strip_zeros(d));
  }
  return c;
}

}  // namespace

Collection load_collection(const std::string& name, const std::string& data) {
  const std::string ir = data + "/ir-classic";
  if (name == "time") return load_time(data + "/time");
  if (name == "cacm") {
    return load_smart("CACM", ir + "/cacm/cacm.all", ir + "/cacm/query.text",
                      ir + "/cacm/qrels.text", false);
  }
  if (name == "cisi") {
    return load_smart("CISI", ir + "/cisi/CISI.ALL", ir + "/cisi/CISI.QRY", ir + "/cisi/CISI.REL",
                      false);
  }
  if (name == "med") {
    return load_smart("MED", ir + "/med/MED.ALL", ir + "/med/MED.QRY", ir + "/med/MED.REL", true);
  }
  throw std::runtime_error("unknown collection '" + name + "' (time, cacm, cisi, med)");
}

}  // namespace bench
