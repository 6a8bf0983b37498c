#include "common/paragraphs.h"

#include <algorithm>

#include "common/text.h"

namespace dateline {
namespace {

constexpr size_t kWrappedLineWidth = 80;

bool is_blank(std::string_view line) { return text::trim(line).empty(); }

}  // namespace

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < s.size()) {
    const size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) {
      lines.push_back(s.substr(start));
      break;
    }
    lines.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::vector<std::string> split_paragraphs(const std::vector<std::string_view>& lines, size_t from) {
  std::vector<std::string> paragraphs;
  size_t i = from;
  while (i < lines.size()) {
    while (i < lines.size() && is_blank(lines[i])) ++i;
    size_t end = i;
    size_t widest = 0;
    while (end < lines.size() && !is_blank(lines[end])) {
      widest = std::max(widest, lines[end].size());
      ++end;
    }
    const bool wrapped = widest <= kWrappedLineWidth;
    std::string current;
    for (size_t k = i; k < end; ++k) {
      const bool indented = lines[k].front() == ' ' || lines[k].front() == '\t';
      if (!current.empty() && (!wrapped || indented)) {
        paragraphs.push_back(text::collapse_whitespace(current));
        current.clear();
      }
      if (!current.empty()) current.push_back(' ');
      current.append(lines[k]);
    }
    if (!text::trim(current).empty()) paragraphs.push_back(text::collapse_whitespace(current));
    i = end;
  }
  return paragraphs;
}

}  // namespace dateline
