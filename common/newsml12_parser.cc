#include "common/newsml12_parser.h"

#include "common/error.h"
#include "common/nitf_body.h"
#include "common/text.h"
#include "common/xml_document.h"

namespace dateline {
namespace {

int small_number(std::string_view s, int max) {
  s = text::trim(s);
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string_view::npos) {
    return 0;
  }
  const int v = std::stoi(std::string(s));
  return v <= max ? v : 0;
}

std::string formal_name(pugi::xml_node node) { return xml::attr(node, "FormalName"); }

std::string party(pugi::xml_node admin, std::string_view role) {
  return formal_name(xml::child(xml::child(admin, role), "Party"));
}

// The Location of the story: the one present as its origin, else the first.
pugi::xml_node origin_location(pugi::xml_node descriptive) {
  const auto locations = xml::children(descriptive, "Location");
  for (pugi::xml_node l : locations) {
    if (text::equals_ci(xml::attr(l, "HowPresent"), "Origin")) return l;
  }
  return locations.empty() ? pugi::xml_node() : locations.front();
}

std::string property(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node p : xml::children(node, "Property")) {
    if (text::equals_ci(formal_name(p), name)) return xml::attr(p, "Value");
  }
  return "";
}

struct Content {
  std::vector<std::string> paragraphs;
  std::string headline;
  std::string byline;
  Location dateline;
  std::vector<std::string> rights;
  std::string media;  // a non-text media type seen, e.g. "Photo"
};

Content read_content(pugi::xml_node item) {
  Content out;
  for (pugi::xml_node ci : xml::descendants(item, "ContentItem")) {
    const std::string media = formal_name(xml::child(ci, "MediaType"));
    const pugi::xml_node data = xml::child(ci, "DataContent");
    if (!media.empty() && !text::equals_ci(media, "Text")) {
      if (out.media.empty()) out.media = media;
      continue;
    }
    if (!data) continue;
    pugi::xml_node root;
    for (pugi::xml_node e = data.first_child(); e; e = e.next_sibling()) {
      if (e.type() == pugi::node_element) {
        root = e;
        break;
      }
    }
    if (xml::is(root, "nitf")) {
      NitfBody nitf = read_nitf_body(root);
      out.paragraphs = std::move(nitf.paragraphs);
      out.headline = nitf.headline;
      out.byline = nitf.byline;
      out.dateline = nitf.dateline;
      out.rights = nitf.rights;
    } else if (xml::is(root, "html")) {
      const pugi::xml_node body = xml::child(root, "body");
      out.paragraphs = markup_paragraphs(body ? body : root);
    } else if (root) {
      out.paragraphs = markup_paragraphs(data);
    } else {
      out.paragraphs = text_paragraphs(xml::raw_text(data));
    }
    if (!out.paragraphs.empty() || !out.headline.empty()) break;
  }
  return out;
}

Article parse_item(pugi::xml_node item, const std::optional<Timestamp>& sent,
                   const std::string& path, int record) {
  Article a;
  a.origin = {path, record};
  const pugi::xml_node ident = xml::path(item, {"Identification", "NewsIdentifier"});
  const std::string provider_id = xml::text(xml::child(ident, "ProviderId"));
  const std::string date_id = xml::text(xml::child(ident, "DateId"));
  const std::string item_id = xml::text(xml::child(ident, "NewsItemId"));
  if (!provider_id.empty() && !date_id.empty() && !item_id.empty()) {
    a.story_id = "urn:newsml:" + provider_id + ":" + date_id + ":" + item_id;
  } else {
    // urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86:1 -> without ":1".
    const std::string public_id = xml::text(xml::child(ident, "PublicIdentifier"));
    a.story_id = public_id.substr(0, public_id.rfind(':'));
  }
  const int version = small_number(xml::text(xml::child(ident, "RevisionId")), 1'000'000'000);
  if (version > 0) a.version = version;

  const pugi::xml_node management = xml::child(item, "NewsManagement");
  const auto first_created =
      parse_wire_timestamp(xml::text(xml::child(management, "FirstCreated")));
  const auto revision_created =
      parse_wire_timestamp(xml::text(xml::child(management, "ThisRevisionCreated")));
  if (auto status = parse_status(formal_name(xml::child(management, "Status")))) a.status = *status;
  a.urgency = small_number(formal_name(xml::child(management, "Urgency")), 9);

  const pugi::xml_node lines = xml::descendant(item, "NewsLines");
  a.headline = xml::text(xml::child(lines, "HeadLine"));
  a.slug = xml::text(xml::child(lines, "SlugLine"));
  a.byline = xml::text(xml::child(lines, "ByLine"));
  const std::string creditline = xml::text(xml::child(lines, "CreditLine"));
  const auto dateline_field = parse_dateline_field(xml::text(xml::child(lines, "DateLine")));

  const pugi::xml_node descriptive = xml::descendant(item, "DescriptiveMetadata");
  a.language = formal_name(xml::child(descriptive, "Language"));
  if (a.language.empty()) a.language = xml::attr(item, "xml:lang");
  for (pugi::xml_node code : xml::children(descriptive, "SubjectCode")) {
    for (pugi::xml_node s = code.first_child(); s; s = s.next_sibling()) {
      if (s.type() == pugi::node_element) a.subjects.push_back(formal_name(s));
    }
  }
  for (pugi::xml_node p : xml::children(descriptive, "Property")) {
    if (text::equals_ci(formal_name(p), "Keyword")) a.subjects.push_back(xml::attr(p, "Value"));
  }

  Content content = read_content(item);
  if (content.paragraphs.empty() && content.headline.empty()) {
    if (!content.media.empty()) {
      throw ParseError("no text: the NewsItem holds only " + content.media + " content");
    }
    if (xml::descendant(item, "NewsItemRef")) {
      throw ParseError("no text: a package NewsItem (it refers to other items)");
    }
  }
  a.body = std::move(content.paragraphs);
  if (a.headline.empty()) a.headline = content.headline;
  if (a.byline.empty()) a.byline = content.byline;
  std::string body_byline;
  const auto body_dateline = take_body_dateline(a.body, &body_byline);
  if (a.byline.empty()) a.byline = body_byline;

  // The place: the structured Location first, then the DateLine, the NITF
  // dateline, the body's dateline.
  const pugi::xml_node location = origin_location(descriptive);
  const std::string city = property(location, "City");
  if (!city.empty()) {
    a.location.city = city;
    a.location.region = property(location, "CountryArea");
    if (a.location.region.empty()) a.location.region = property(location, "Region");
  } else if (dateline_field) {
    a.location.city = dateline_field->place;
    a.location.region = dateline_field->region;
  } else if (!content.dateline.city.empty()) {
    a.location = content.dateline;
  } else if (body_dateline) {
    a.location.city = body_dateline->place;
    a.location.region = body_dateline->region;
  }
  const std::string country = property(location, "Country");
  if (!country.empty()) a.location.country = country;

  a.date = first_created;
  if (!a.date) a.date = parse_wire_timestamp(xml::text(xml::child(descriptive, "DateLineDate")));
  if (!a.date) a.date = parse_wire_timestamp(date_id);
  if (!a.date) a.date = sent;
  a.version_created = revision_created;

  const pugi::xml_node admin = xml::descendant(item, "AdministrativeMetadata");
  std::vector<std::string> names = {party(admin, "Provider"), party(admin, "Source"), creditline};
  for (const auto& dl : {dateline_field, body_dateline}) {
    if (dl) names.push_back(dl->agency);
  }
  std::vector<std::string> candidates = names;
  candidates.insert(candidates.end(), content.rights.begin(), content.rights.end());
  candidates.push_back(provider_id);
  candidates.push_back(party(admin, "Creator"));
  a.source = choose_source(candidates, names);

  finish_wire_article(a, version > 0);
  if (a.headline.empty() && a.body.empty()) {
    throw ParseError("no text: the NewsItem has no headline and no text content");
  }
  return a;
}

}  // namespace

bool NewsML12Parser::recognizes(std::string_view content) const {
  const std::string root = xml::root_element_name(content);
  return root == "NewsML" || root == "NewsItem";
}

ParseResult NewsML12Parser::parse(std::string_view content, const std::string& path) const {
  const xml::Document doc(content);
  const pugi::xml_node root = doc.root();
  std::vector<pugi::xml_node> items;
  std::optional<Timestamp> sent;
  if (xml::is(root, "NewsItem")) {
    items.push_back(root);
  } else if (xml::is(root, "NewsML")) {
    items = xml::children(root, "NewsItem");
    sent = parse_wire_timestamp(xml::text(xml::path(root, {"NewsEnvelope", "DateAndTime"})));
  } else {
    throw ParseError("XML whose root element is <" + std::string(root.name()) +
                     ">, not a NewsML 1.2 <NewsML>");
  }
  if (items.empty()) throw ParseError("a NewsML document with no NewsItem");

  ParseResult result;
  const bool several = items.size() > 1;
  for (size_t i = 0; i < items.size(); ++i) {
    const int number = static_cast<int>(i + 1);
    try {
      result.articles.push_back(parse_item(items[i], sent, path, several ? number : 0));
    } catch (const ParseError& e) {
      const pugi::xml_node ident = xml::path(items[i], {"Identification", "NewsIdentifier"});
      std::string label = xml::text(xml::child(ident, "PublicIdentifier"));
      if (label.empty()) label = xml::text(xml::child(ident, "NewsItemId"));
      if (label.empty()) label = "NewsItem " + std::to_string(number);
      result.rejected.push_back({number, label, e.what()});
    }
  }
  return result;
}

}  // namespace dateline
