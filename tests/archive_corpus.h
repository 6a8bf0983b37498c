// A small corpus of wire articles spread over 2013-2015, for the tests of
// archives and remote shards: the same words in every year, a story filed
// on New Year's Eve and updated on New Year's Day (NYE-1, NYE-2), and one
// story filed twice word for word, in 2013 and in 2015 (near-identical
// articles in different shards).
#pragma once

#include <string>

#include "tests/cli_runner.h"

namespace dateline::testing {

// Writes the corpus into tmp/"corpus"; returns that folder.
std::string write_archive_corpus(const TempDir& tmp);

// Writes one plain-text article (headers, a blank line, the body) to
// folder/name; `extra_headers` are further "Name: value" lines.
void write_article(const std::string& folder, const std::string& name, const std::string& source,
                   const std::string& date, const std::string& headline, const std::string& body,
                   const std::string& extra_headers = "");

}  // namespace dateline::testing
