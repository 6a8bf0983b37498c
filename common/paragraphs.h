// Splitting wire text into paragraphs, the way agencies lay it out: blank
// lines between paragraphs, or hard-wrapped lines with an indent starting
// each paragraph (Reuters), or one long line per paragraph.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// Lines of `s` without their '\n'.  A final line without '\n' counts.
std::vector<std::string_view> split_lines(std::string_view s);

// Paragraphs of lines[from..], whitespace collapsed.  Blank lines separate
// paragraphs.  Inside a block of non-blank lines, hard-wrapped text (every
// line at most 80 bytes) is joined, an indented line starting a new
// paragraph; a block with longer lines has one paragraph per line.
std::vector<std::string> split_paragraphs(const std::vector<std::string_view>& lines,
                                          size_t from = 0);

}  // namespace dateline
