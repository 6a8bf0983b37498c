// The dateline that opens a wire story's first paragraph:
//
//   MOSCOW, Jan 17, 2014 (AFP) - ...        BEIRUT (Reuters) - ...
//   NEW YORK (AP) — ...                     FORT WASHINGTON, Pa. (AP) _ ...
//   Berlin (dpa) - ...                      Tegucigalpa, Jan 2 (EFE).- ...
//   SALVADOR, Feb 26 - ...                  BEIJING, Nov. 5 (Xinhua) -- ...
//
// PLACE [, REGION] [, DATE] [(AGENCY)] SEPARATOR, where a dateline must name
// an agency or a date (so "Paris - the city ..." is not one), and every word
// of the place is capitalised (so "The minister told AFP (AFP) -" is not one).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dateline {

struct Dateline {
  std::string place;   // as written: "FORT WASHINGTON"
  std::string region;  // "Pa.", or empty
  std::string agency;  // as written in the parentheses, or empty
  int year = 0;        // 0 when the dateline gives none
  int month = 0;       // 0 when the dateline gives no date
  int day = 0;
  size_t length = 0;  // bytes of the paragraph it takes, with the separator and spaces after it
};

// Parses a dateline at the very start of `paragraph`; nullopt when there is
// none.
std::optional<Dateline> parse_dateline(std::string_view paragraph);

// For text known to be a dateline (Reuters-21578's <DATELINE> element):
// as parse_dateline, but neither an agency nor a date is required, and the
// separator may be missing at the end ("WINSTON-SALEM, N.C. -", "LONDON").
std::optional<Dateline> parse_dateline_field(std::string_view text);

}  // namespace dateline
