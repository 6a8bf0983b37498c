// Conformance on the real wire-feed samples in ../shared/data/wire-samples:
// every file is read through detect_parser, and what comes out is checked
// against values read in the files by hand.  Skipped when the folder is
// absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "common/error.h"
#include "common/format_registry.h"
#include "common/plain_text_parser.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

const fs::path kSamples = fs::path(DATELINE_SHARED_DATA "/wire-samples");

struct Expected {
  std::string parser;
  std::string source;
  std::string headline;
  std::string city;
  std::string date;  // ISO, UTC; "" when the file gives none
  std::string language;
  std::string story_id;  // "" when the format has none
  int version = 1;
  Status status = Status::kUsable;
  bool has_body = true;  // IPTC's listing 1 has a headline and no text
};

// Per file, one entry per article, in order.
const std::map<std::string, std::vector<Expected>>& expectations() {
  static const std::map<std::string, std::vector<Expected>> kExpected = {
      {"afp-newsml12.xml",
       {{"newsml-1.2", "AFP", "Sweden court accepts receivership for Saab carmaker", "Stockholm",
         "2014-08-29T13:49:51Z", "en", "urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86", 1,
         Status::kUsable}}},
      {"ansa-newsmlg2.xml",
       {{"newsml-g2", "ANSA", "Catalan independence declaration unacceptable - Alfano", "Rome",
         "2017-10-11T09:41:00Z", "it", "tag:ansa.it,2017-10-11:40e5fb1034e7e2b21942ea09718fc85a", 1,
         Status::kUsable}}},
      {"ap-anpa1312-1.tst",
       {{"anpa-1312", "AP", "For Argentine chemo patients, mirrors can hurt", "Buenos Aires",
         "2013-11-13T15:09:00Z", "en", "", 1, Status::kUsable}}},
      {"ap-newsmlg2.xml",
       {{"newsml-g2", "AP", "Nutrisystem beats 4Q earnings and revenue expectations",
         "Fort Washington", "2018-02-26T21:20:36Z", "en",
         "tag:ap.org,2011:5e565888b587889c5c8bd62b6164118c-text", 2, Status::kUsable},
        {"newsml-g2", "AP",
         "DiamondRock Hospitality posts 4Q FFO of $50.7 million, results top expectations",
         "Bethesda", "2018-02-26T21:22:18Z", "en",
         "tag:ap.org,2011:b6d5d4eb781939b5fe8722f3fba28ee2-text", 2, Status::kUsable},
        {"newsml-g2", "AP", "Scripps Networks tops 4Q profit and revenue expectations", "Knoxville",
         "2018-02-26T21:27:10Z", "en", "tag:ap.org,2011:4db5f9c37aac8924db872ba5a7e287e6-text", 1,
         Status::kUsable}}},
      {"ap-nitf.xml",
       {{"nitf", "AP", "Can trading pollution like stocks help fight climate change?", "New York",
         "2015-12-10T19:10:44Z", "en", "", 1, Status::kUsable}}},
      {"dpa-newsmlg2.xml",
       {{"newsml-g2", "dpa",
         "Eintracht in London: Hintereggers Tr\xC3\xA4nen und Attacke auf Reporter", "London",
         "2022-10-11T09:14:42Z", "de", "urn:newsml:dpa.com:20090101:221011-930-4303", 1,
         Status::kUsable}}},
      {"efe-nitf.xml",
       {{"nitf", "EFE", "Honduran president announces Cabinet changes", "Tegucigalpa",
         "2017-01-02T22:28:00Z", "en", "22751909", 1, Status::kUsable}}},
      {"iptc-g2-listing1-news-item.xml",
       {{"newsml-g2", "Reuters", "Fed to halt QE to avert \"bubble\"", "Berlin",
         "2016-10-18T18:12:21Z", "en", "urn:newsml:acmenews.com:20161018:US-FINANCE-FED", 11,
         Status::kUsable, false}}},
      {"iptc-g2-listing2-text-document.xml",
       {{"newsml-g2", "AP", "Fed to halt QE to avert \"bubble\"", "New York",
         "2016-11-21T20:21:06Z", "en", "urn:newsml:acmenews.com:20161121:US-FINANCE-FED", 11,
         Status::kUsable}}},
      {"iptc-g2-listing25-nitf-inline.xml",
       {{"newsml-g2", "Sports Network",
         "Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m.", "", "", "en",
         "", 1, Status::kUsable}}},
      {"iptc-nitf-fishing.xml",
       {{"nitf", "International Press Telecommunications Council",
         "Weather and Tide Updates for Norfolk", "Newport News", "2002-02-25T19:30:00Z", "en",
         "iptc.321656141.b", 1, Status::kCanceled}}},
      {"reuters-newsmlg2-KBN0FL0NN-v5.xml",
       {{"newsml-g2", "Reuters", "Confident Assad launches new term in stronger position",
         "Damascus", "2014-07-16T08:10:15Z", "en", "tag_reuters.com_2014_newsml_KBN0FL0NN", 5,
         Status::kUsable}}},
      // The dateline "Jan 30 (Reuters) -" names no place, and the item has no
      // <located>.  Reuters' version attribute is a large sequence number.
      {"reuters-newsmlg2-L4N1FL0N0-update1.xml",
       {{"newsml-g2", "Reuters", "PRECIOUS-Gold rises as Trump policy fuels safe haven demand", "",
         "2017-01-31T03:47:29Z", "en", "tag:reuters.com,0000:newsml_L4N1FL0N0", 1132689232,
         Status::kUsable}}},
  };
  return kExpected;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class WireSamples : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(kSamples)) GTEST_SKIP() << kSamples << " is absent";
  }
};

TEST_F(WireSamples, EveryFileParsesToTheValuesItHolds) {
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(kSamples)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    const std::string name = entry.path().filename().string();
    SCOPED_TRACE(name);
    const auto it = expectations().find(name);
    ASSERT_NE(it, expectations().end()) << "a sample without expectations: " << name;
    const std::string content = read(entry.path());
    const Parser& parser = detect_parser(content);
    const ParseResult r = parser.parse(content, entry.path().string());
    EXPECT_TRUE(r.rejected.empty()) << r.rejected.front().reason;
    ASSERT_EQ(r.articles.size(), it->second.size());
    for (size_t i = 0; i < r.articles.size(); ++i) {
      const Article& a = r.articles[i];
      const Expected& e = it->second[i];
      SCOPED_TRACE("article " + std::to_string(i + 1));
      EXPECT_EQ(parser.name(), e.parser);
      EXPECT_EQ(a.source, e.source);
      EXPECT_EQ(a.headline, e.headline);
      EXPECT_EQ(a.location.city, e.city);
      EXPECT_EQ(a.date ? a.date->iso() : "", e.date);
      EXPECT_EQ(a.language, e.language);
      EXPECT_EQ(a.story_id, e.story_id);
      if (!e.story_id.empty()) {
        EXPECT_EQ(a.version, e.version);
        EXPECT_EQ(a.id, version_id(e.story_id, e.version));
      } else {
        EXPECT_EQ(a.id, id_from_origin(a.origin));
      }
      EXPECT_EQ(a.status, e.status);
      EXPECT_EQ(a.origin.record, r.articles.size() > 1 ? static_cast<int>(i + 1) : 0);
      EXPECT_EQ(!a.body.empty(), e.has_body);
      for (const std::string& p : a.body) {
        EXPECT_FALSE(p.empty());
        EXPECT_EQ(p.find("hh/ph/ts/hd"), std::string::npos) << p;
      }
      if (!a.body.empty()) {
        EXPECT_FALSE(is_credit_line(a.body.back(), nullptr)) << a.body.back();
      }
    }
  }
  EXPECT_EQ(files, expectations().size());
}

TEST_F(WireSamples, DetailsTheSamplesExercise) {
  auto parse = [](const std::string& name) {
    const std::string content = read(kSamples / name);
    return detect_parser(content).parse(content, (kSamples / name).string()).articles;
  };
  // AFP: the staff sign-off is the source's last paragraph; it is gone.
  const auto afp = parse("afp-newsml12.xml");
  ASSERT_EQ(afp.size(), 1u);
  EXPECT_EQ(afp[0].body.size(), 9u);
  EXPECT_EQ(afp[0].body.back().rfind("Saab automobile offers only one model today", 0), 0u);
  EXPECT_EQ(afp[0].location.country, "SWE");
  EXPECT_EQ(afp[0].slug, "Sweden-SAAB");
  EXPECT_EQ(afp[0].urgency, 4);

  // Reuters: the body dateline and byline paragraph are taken out.
  const auto reuters = parse("reuters-newsmlg2-KBN0FL0NN-v5.xml");
  ASSERT_EQ(reuters.size(), 1u);
  EXPECT_EQ(reuters[0].byline, "Marwan Makdisi");
  EXPECT_EQ(reuters[0].body.front().rfind("Bashar al-Assad was sworn in", 0), 0u);
  EXPECT_EQ(reuters[0].body.back().rfind("Assad's government says the election", 0), 0u);
  EXPECT_EQ(reuters[0].version_created->iso(), "2014-07-16T15:53:10Z");

  const auto update = parse("reuters-newsmlg2-L4N1FL0N0-update1.xml");
  ASSERT_EQ(update.size(), 1u);
  EXPECT_EQ(update[0].slug, "GLOBAL-PRECIOUS/");  // "(UPDATE 1)" removed
  EXPECT_EQ(update[0].byline, "Arpan Varghese");
  EXPECT_EQ(update[0].body.back(), "Palladium rose 0.7 percent, to $745.40 per ounce.");

  // AP: "FORT WASHINGTON, Pa." and the write-thru slug.
  const auto ap = parse("ap-newsmlg2.xml");
  ASSERT_EQ(ap.size(), 3u);
  EXPECT_EQ(ap[0].location.region, "Pa.");
  EXPECT_EQ(ap[0].slug, "BC-US--Earns-Nutrisystem");
  EXPECT_EQ(ap[0].body.front().rfind("Nutrisystem Inc. (NTRI) on Monday", 0), 0u);

  const auto ap_nitf = parse("ap-nitf.xml");
  EXPECT_EQ(ap_nitf[0].body.front().rfind("The gas produced by hog manure", 0), 0u);
  EXPECT_EQ(ap_nitf[0].byline, "BERNARD CONDON");

  const auto efe = parse("efe-nitf.xml");
  EXPECT_EQ(efe[0].body, std::vector<std::string>{"Test body."});

  const auto fishing = parse("iptc-nitf-fishing.xml");
  EXPECT_EQ(fishing[0].byline, "Alan Karben");
  EXPECT_EQ(fishing[0].location.region, "VA");
  EXPECT_EQ(fishing[0].location.country, "US");
  EXPECT_EQ(fishing[0].urgency, 3);

  const auto dpa = parse("dpa-newsmlg2.xml");
  EXPECT_EQ(dpa[0].body.front().rfind("2019 gab es bittere Tr\xC3\xA4nen", 0), 0u);

  const auto ansa = parse("ansa-newsmlg2.xml");
  EXPECT_EQ(ansa[0].body.front().rfind("Italian Foreign Minister Angelino Alfano", 0), 0u);

  const auto anpa = parse("ap-anpa1312-1.tst");
  EXPECT_EQ(anpa[0].byline, "PAUL BYRNE and ALMUDENA CALATRAVA");
  EXPECT_EQ(anpa[0].slug, "BC-LT--Argentina-Cancer Beauty");
  EXPECT_EQ(anpa[0].location.region, "Argentina");
  EXPECT_EQ(anpa[0].body.back(),
            "APTN contributor Kacey Cherry in Buenos Aires helped with this story.");
}

}  // namespace
}  // namespace dateline
