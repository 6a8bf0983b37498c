#include "tests/archive_corpus.h"

#include <filesystem>
#include <fstream>

namespace dateline::testing {

void write_article(const std::string& folder, const std::string& name, const std::string& source,
                   const std::string& date, const std::string& headline, const std::string& body,
                   const std::string& extra_headers) {
  std::filesystem::create_directories(folder);
  std::ofstream(std::filesystem::path(folder) / name)
      << extra_headers << "Source: " << source << "\nDate: " << date << "\nHeadline: " << headline
      << "\nLanguage: en\n\n"
      << body << "\n";
}

std::string write_archive_corpus(const TempDir& tmp) {
  const std::string dir = tmp / "corpus";
  const std::string harbour =
      "Fishing boats crowded the harbour at dawn as the storm passed, and the port authority "
      "said the breakwater had held through the night.";
  write_article(dir, "2013-03-04-talks.txt", "AFP", "2013-03-04", "Ceasefire talks begin",
                "Ceasefire talks began in Geneva on Monday between the government and rebels.");
  write_article(dir, "2013-08-15-harbour.txt", "Reuters", "2013-08-15", "Storm passes the harbour",
                harbour);
  write_article(dir, "2013-12-31-nye.txt", "AP", "2013-12-31T23:00:00Z",
                "Crowds gather for New Year fireworks",
                "Crowds gathered along the river for the fireworks, and talks of a curfew were "
                "dropped.",
                "ID: NYE-1\nStory: NYE\nVersion: 1\n");
  write_article(dir, "2014-01-01-nye-update.txt", "AP", "2014-01-01T01:00:00Z",
                "New Year fireworks draw record crowds",
                "A record crowd watched the fireworks along the river, the city said.",
                "ID: NYE-2\nStory: NYE\nVersion: 2\n");
  write_article(dir, "2014-01-20-talks.txt", "Reuters", "2014-01-20", "Talks stall over prisoners",
                "Talks stalled on Monday over an exchange of prisoners, negotiators said.");
  write_article(dir, "2014-05-12-talks.txt", "AFP", "2014-05-12", "Talks resume",
                "Negotiators resumed talks on Monday after a pause of a month.");
  write_article(dir, "2014-11-03-ceasefire.txt", "dpa", "2014-11-03", "Ceasefire holds",
                "The ceasefire held for a third day, monitors said, and aid convoys moved in.");
  write_article(dir, "2015-02-10-talks.txt", "AP", "2015-02-10", "New ceasefire talks",
                "New ceasefire talks opened in Minsk, with the ceasefire lines to be drawn.");
  write_article(dir, "2015-04-01-talks.txt", "EFE", "2015-04-01", "Trade talks",
                "Trade talks between the two blocs ended without an agreement on tariffs.");
  write_article(dir, "2015-06-30-harbour-again.txt", "AFP", "2015-06-30",
                "Storm passes the harbour", harbour);
  return dir;
}

}  // namespace dateline::testing
