// The input formats Dateline reads, and how one is chosen for a file: by its
// content, unless the user forces one with --format.  A new format is a new
// Parser and one line in format_registry.cc.
#pragma once

#include <string>
#include <string_view>

#include "common/parser.h"

namespace dateline {

// The parser named `name` ("text", "reuters-sgml"); nullptr if none is.
const Parser* parser_by_name(std::string_view name);

// The names --format accepts, comma-separated, for messages.
std::string format_names();

// The parser for `content`, decided from the file's start.  Throws ParseError
// for content no parser takes (e.g. an XML news format not supported yet).
const Parser& detect_parser(std::string_view content);

}  // namespace dateline
