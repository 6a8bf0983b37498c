#include "common/version_markers.h"

#include <array>

#include "common/text.h"

namespace dateline {
namespace {

// Reads "UPDATE 3" (or "UPDATE3") at the start of `s`; advances it.
bool read_update(std::string_view& s, int& number) {
  if (!text::starts_with_ci(s, "UPDATE")) return false;
  std::string_view rest = s.substr(6);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  int n = 0;
  size_t digits = 0;
  while (digits < rest.size() && digits < 3 && rest[digits] >= '0' && rest[digits] <= '9') {
    n = n * 10 + (rest[digits] - '0');
    ++digits;
  }
  if (digits == 0) return false;
  number = n;
  s = rest.substr(digits);
  return true;
}

// A leading "WORD-" marker; advances `s` past it and the hyphen.
bool read_prefix_marker(std::string_view& s, VersionMarkers& m) {
  std::string_view probe = s;
  int n = 0;
  if (read_update(probe, n)) {
    m.update = n;
  } else {
    static constexpr std::array<std::pair<std::string_view, int>, 6> kWords = {{
        {"CORRECTED", 1},
        {"CORRECTION", 1},
        {"REFILE", 2},
        {"RPT", 2},
        {"REPEAT", 2},
        {"WRAPUP", 0},
    }};
    bool found = false;
    for (const auto& [word, kind] : kWords) {
      if (probe.size() > word.size() && probe.substr(0, word.size()) == word) {
        probe.remove_prefix(word.size());
        if (kind == 1) m.corrected = true;
        if (kind == 2) m.refiled = true;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  while (!probe.empty() && probe.front() == ' ') probe.remove_prefix(1);
  if (probe.empty() || probe.front() != '-') return false;
  probe.remove_prefix(1);
  s = text::trim(probe);
  return true;
}

// A trailing "(UPDATE 1, PIX)" / "(CORRECTED)" group.
bool read_suffix_marker(std::string_view& s, VersionMarkers& m) {
  if (s.empty() || s.back() != ')') return false;
  const size_t open = s.rfind('(');
  if (open == std::string_view::npos) return false;
  std::string_view inside = s.substr(open + 1, s.size() - open - 2);
  bool any = false;
  VersionMarkers found;
  while (!inside.empty()) {
    const size_t comma = inside.find(',');
    std::string_view part = text::trim(inside.substr(0, comma));
    int n = 0;
    std::string_view probe = part;
    if (read_update(probe, n) && text::trim(probe).empty()) {
      found.update = n;
      any = true;
    } else if (part == "CORRECTED" || part == "CORRECTS") {
      found.corrected = true;
      any = true;
    } else if (part != "PIX" && part != "VIDEO" && part != "GRAPHIC" && part != "FACTBOX") {
      return false;  // "(Updated prices)" or "(AFP)" is text, not a marker
    }
    if (comma == std::string_view::npos) break;
    inside.remove_prefix(comma + 1);
  }
  if (!any && s.substr(open).find("PIX") == std::string_view::npos) return false;
  if (found.update) m.update = found.update;
  m.corrected |= found.corrected;
  s = text::trim(s.substr(0, open));
  return true;
}

}  // namespace

VersionMarkers strip_version_markers(std::string_view headline) {
  VersionMarkers m;
  std::string_view s = text::trim(headline);
  while (read_prefix_marker(s, m)) {
  }
  while (read_suffix_marker(s, m)) {
  }
  m.text = std::string(s);
  return m;
}

}  // namespace dateline
