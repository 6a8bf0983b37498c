#include "common/agency.h"

#include <array>
#include <utility>

#include "common/text.h"

namespace dateline {
namespace {

// alias -> canonical name.  Lookup is case-insensitive.
constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kAgencies = {{
    {"AFP", "AFP"},
    {"Agence France-Presse", "AFP"},
    {"Agence France Presse", "AFP"},
    {"Reuters", "Reuters"},
    {"Reuter", "Reuters"},
    {"AP", "AP"},
    {"Associated Press", "AP"},
    {"dpa", "dpa"},
    {"Deutsche Presse-Agentur", "dpa"},
    {"EFE", "EFE"},
    {"ANSA", "ANSA"},
    {"Xinhua", "Xinhua"},
    {"UPI", "UPI"},
    {"Kyodo", "Kyodo"},
    {"AAP", "AAP"},
    {"PA", "PA"},
    {"ANP", "ANP"},
    {"APA", "APA"},
    {"Belga", "Belga"},
    {"TASS", "TASS"},
    {"Interfax", "Interfax"},
    {"Yonhap", "Yonhap"},
}};

}  // namespace

std::optional<std::string> canonical_agency(std::string_view name) {
  name = text::trim(name);
  for (const auto& [alias, canonical] : kAgencies) {
    if (text::equals_ci(name, alias)) return std::string(canonical);
  }
  return std::nullopt;
}

std::string agency_display_name(std::string_view name) {
  if (auto known = canonical_agency(name)) return *known;
  return std::string(text::trim(name));
}

}  // namespace dateline
