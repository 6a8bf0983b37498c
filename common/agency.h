// The news agencies Dateline knows by name, so that "(AFP)", "Agence
// France-Presse" and a trailing "AFP" credit all become the source "AFP".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dateline {

// The canonical spelling of a known agency name or alias (case-insensitive),
// e.g. "reuters" -> "Reuters", "Associated Press" -> "AP"; nullopt if unknown.
std::optional<std::string> canonical_agency(std::string_view name);

// The name to store for an agency seen in a dateline: the canonical spelling
// when known, else the text as written (trimmed).
std::string agency_display_name(std::string_view name);

}  // namespace dateline
