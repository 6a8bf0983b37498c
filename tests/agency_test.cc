#include "common/agency.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace dateline {
namespace {

TEST(Agency, CanonicalAfpAndAliases) {
  EXPECT_EQ(canonical_agency("AFP"), std::optional<std::string>("AFP"));
  EXPECT_EQ(canonical_agency("afp"), std::optional<std::string>("AFP"));
  EXPECT_EQ(canonical_agency("Agence France-Presse"), std::optional<std::string>("AFP"));
  EXPECT_EQ(canonical_agency("Agence France Presse"), std::optional<std::string>("AFP"));
}

TEST(Agency, CanonicalReutersAnyCaseAndOldSpelling) {
  EXPECT_EQ(canonical_agency("reuters"), std::optional<std::string>("Reuters"));
  EXPECT_EQ(canonical_agency("REUTERS"), std::optional<std::string>("Reuters"));
  EXPECT_EQ(canonical_agency("Reuter"), std::optional<std::string>("Reuters"));
}

TEST(Agency, CanonicalOtherAgencies) {
  EXPECT_EQ(canonical_agency("Associated Press"), std::optional<std::string>("AP"));
  EXPECT_EQ(canonical_agency("AP"), std::optional<std::string>("AP"));
  EXPECT_EQ(canonical_agency("DPA"), std::optional<std::string>("dpa"));
  EXPECT_EQ(canonical_agency("dpa"), std::optional<std::string>("dpa"));
  EXPECT_EQ(canonical_agency("Deutsche Presse-Agentur"), std::optional<std::string>("dpa"));
  EXPECT_EQ(canonical_agency("efe"), std::optional<std::string>("EFE"));
  EXPECT_EQ(canonical_agency("XINHUA"), std::optional<std::string>("Xinhua"));
  EXPECT_EQ(canonical_agency("  ANSA \n"), std::optional<std::string>("ANSA"));
}

TEST(Agency, UnknownNamesAreNullopt) {
  EXPECT_EQ(canonical_agency("Bloomberg"), std::nullopt);
  EXPECT_EQ(canonical_agency(""), std::nullopt);
  EXPECT_EQ(canonical_agency("Reuterss"), std::nullopt);
  EXPECT_EQ(canonical_agency("AFP staff"), std::nullopt);
  EXPECT_EQ(canonical_agency("Associated"), std::nullopt);
}

TEST(Agency, DisplayNameCanonicalisesKnownAndTrimsUnknown) {
  EXPECT_EQ(agency_display_name("reuters"), "Reuters");
  EXPECT_EQ(agency_display_name(" Agence France-Presse "), "AFP");
  EXPECT_EQ(agency_display_name("  Bloomberg News \t"), "Bloomberg News");
  EXPECT_EQ(agency_display_name("PTI"), "PTI");
  EXPECT_EQ(agency_display_name(""), "");
}

}  // namespace
}  // namespace dateline
