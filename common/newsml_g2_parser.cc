#include "common/newsml_g2_parser.h"

#include <array>
#include <climits>

#include "common/error.h"
#include "common/nitf_body.h"
#include "common/text.h"
#include "common/xml_document.h"

namespace dateline {
namespace {

constexpr std::array<std::string_view, 7> kRoots = {"newsItem",    "newsMessage",   "packageItem",
                                                    "conceptItem", "knowledgeItem", "planningItem",
                                                    "contentSet"};

// Item classes that carry no text of their own (IPTC ninat: and older icls:).
constexpr std::array<std::string_view, 7> kMediaClasses = {"picture",   "graphic", "video", "audio",
                                                           "animation", "photo",   "image"};

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// A version attribute: a positive integer that fits; 0 otherwise.
int version_number(std::string_view s) {
  s = text::trim(s);
  if (s.empty() || s.size() > 10 || s.find_first_not_of("0123456789") != std::string_view::npos) {
    return 0;
  }
  const long long v = std::stoll(std::string(s));
  return v > 0 && v <= INT_MAX ? static_cast<int>(v) : 0;
}

// The name of a G2 concept (provider, located, subject ...): its <name>
// (the display one when there are several), else its literal.
std::string concept_name(pugi::xml_node node) {
  pugi::xml_node best;
  for (pugi::xml_node name : xml::children(node, "name")) {
    const std::string role = xml::attr(name, "role");
    if (role.empty() || role == "nrol:display" || role == "nrol:full") {
      best = name;
      break;
    }
    if (!best) best = name;
  }
  if (best) {
    std::string t = xml::text(best);
    if (!t.empty()) return t;
  }
  return xml::attr(node, "literal");
}

std::string choose_headline(pugi::xml_node content_meta) {
  std::string fallback;
  for (pugi::xml_node h : xml::children(content_meta, "headline")) {
    const std::string t = xml::text(h);
    if (t.empty()) continue;
    const std::string role = xml::attr(h, "role");
    if (role.empty() || contains(role, "main")) return t;
    if (fallback.empty() && !contains(text::to_lower(role), "sub")) fallback = t;
  }
  return fallback;
}

// A located place as a Location; `named_city` says whether it names a city
// (rather than a region or country).
Location read_located(pugi::xml_node located, bool* named_city) {
  Location loc;
  *named_city = false;
  if (!located) return loc;
  const std::string type = text::to_lower(xml::attr(located, "type"));
  const std::string name = concept_name(located);
  if (contains(type, "country")) {
    loc.country = name;
  } else if (contains(type, "statprov") || contains(type, "region")) {
    loc.region = name;
  } else if (!name.empty()) {
    *named_city = true;
    if (auto d = parse_dateline_field(name)) {
      loc.city = d->place;
      loc.region = d->region;
    } else {
      loc.city = std::string(text::trim(std::string_view(name).substr(0, name.find(','))));
    }
  }
  for (pugi::xml_node broader : xml::children(located, "broader")) {
    const std::string btype = text::to_lower(xml::attr(broader, "type"));
    if (contains(btype, "country") && loc.country.empty()) {
      const std::string qcode = xml::attr(broader, "qcode");
      if (text::starts_with_ci(qcode, "iso3166") && qcode.find(':') != std::string::npos) {
        loc.country = qcode.substr(qcode.find(':') + 1);
      } else {
        loc.country = concept_name(broader);
      }
    }
  }
  return loc;
}

// What a contentSet holds as text: its first text rendition.
struct Content {
  std::vector<std::string> paragraphs;
  std::string headline;  // NITF hl1, or XHTML h1 / title
  std::string byline;
  Location dateline;  // NITF body.head dateline
  std::vector<std::string> rights;
  std::string language;
  bool remote = false;  // only remote (linked) content
};

Content read_content(pugi::xml_node content_set) {
  Content out;
  for (pugi::xml_node c = content_set.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    Content r;
    r.language = xml::attr(c, "xml:lang");
    if (xml::is(c, "inlineXML")) {
      pugi::xml_node root;
      for (pugi::xml_node e = c.first_child(); e; e = e.next_sibling()) {
        if (e.type() == pugi::node_element) {
          root = e;
          break;
        }
      }
      if (xml::is(root, "nitf")) {
        NitfBody nitf = read_nitf_body(root);
        r.paragraphs = std::move(nitf.paragraphs);
        r.headline = nitf.headline;
        r.byline = nitf.byline;
        r.dateline = nitf.dateline;
        r.rights = nitf.rights;
        if (r.language.empty()) r.language = xml::attr(root, "baselang");
      } else if (xml::is(root, "html")) {
        const pugi::xml_node body = xml::child(root, "body");
        r.paragraphs = markup_paragraphs(body ? body : root);
        r.headline = xml::text(xml::descendant(body, "h1"));
        if (r.headline.empty()) r.headline = xml::text(xml::path(root, {"head", "title"}));
        if (r.language.empty()) r.language = xml::attr(root, "lang");
        if (r.language.empty()) r.language = xml::attr(root, "xml:lang");
      } else if (root) {
        r.paragraphs = markup_paragraphs(c);
      } else {
        r.paragraphs = text_paragraphs(xml::raw_text(c));
      }
    } else if (xml::is(c, "inlineData")) {
      const std::string type = text::to_lower(xml::attr(c, "contenttype"));
      const bool textual = type.empty() || text::starts_with_ci(type, "text/") ||
                           contains(type, "xml") || contains(type, "html");
      if (!textual || xml::attr(c, "encoding") == "base64") continue;
      r.paragraphs = text_paragraphs(xml::raw_text(c));
    } else if (xml::is(c, "remoteContent")) {
      out.remote = true;
      continue;
    } else {
      continue;
    }
    if (!r.paragraphs.empty() || !r.headline.empty()) {
      r.remote = out.remote;
      return r;
    }
  }
  return out;
}

struct Message {
  std::string sender;
};

// One newsItem (or a bare contentSet) as an Article; throws ParseError with
// the reason when it has no text.
Article parse_item(pugi::xml_node item, const Message& message, const std::string& path,
                   int record) {
  Article a;
  a.origin = {path, record};
  const bool fragment = xml::is(item, "contentSet");
  const pugi::xml_node item_meta = xml::child(item, "itemMeta");
  const pugi::xml_node content_meta = xml::child(item, "contentMeta");
  const pugi::xml_node rights = xml::child(item, "rightsInfo");
  const pugi::xml_node content_set = fragment ? item : xml::child(item, "contentSet");

  const std::string item_class = xml::attr(xml::child(item_meta, "itemClass"), "qcode");
  const std::string klass = text::to_lower(item_class.substr(item_class.find(':') + 1));
  for (auto media : kMediaClasses) {
    if (klass == media) {
      throw ParseError("no text: a " + item_class +
                       " item (pictures, graphics, video and audio are not indexed)");
    }
  }

  a.story_id = xml::attr(item, "guid");
  const int version = version_number(xml::attr(item, "version"));
  if (version > 0) a.version = version;
  if (auto status = parse_status(xml::attr(xml::child(item_meta, "pubStatus"), "qcode"))) {
    a.status = *status;
  }
  const auto version_created =
      parse_wire_timestamp(xml::text(xml::child(item_meta, "versionCreated")));
  const auto first_created = parse_wire_timestamp(xml::text(xml::child(item_meta, "firstCreated")));
  const auto content_created =
      parse_wire_timestamp(xml::text(xml::child(content_meta, "contentCreated")));
  a.date = first_created ? first_created : content_created ? content_created : version_created;
  a.version_created = version_created;

  const std::string urgency = xml::text(xml::child(content_meta, "urgency"));
  if (urgency.size() == 1 && urgency[0] >= '1' && urgency[0] <= '9') a.urgency = urgency[0] - '0';
  a.headline = choose_headline(content_meta);
  a.slug = xml::text(xml::child(content_meta, "slugline"));
  a.byline = xml::text(xml::child(content_meta, "by"));
  const std::string creditline = xml::text(xml::child(content_meta, "creditline"));
  for (pugi::xml_node subject : xml::children(content_meta, "subject")) {
    std::string label = concept_name(subject);
    if (label.empty()) label = xml::attr(subject, "qcode");
    a.subjects.push_back(label);
  }
  for (pugi::xml_node keyword : xml::children(content_meta, "keyword")) {
    a.subjects.push_back(xml::text(keyword));
  }

  Content content = read_content(content_set);
  a.body = std::move(content.paragraphs);
  if (a.headline.empty()) a.headline = content.headline;
  if (a.byline.empty()) a.byline = content.byline;
  std::string body_byline;
  const auto body_dateline = take_body_dateline(a.body, &body_byline);
  if (a.byline.empty()) a.byline = body_byline;

  const std::string dateline_text = xml::text(xml::child(content_meta, "dateline"));
  const auto dateline_field = parse_dateline_field(dateline_text);

  // Source: the first known agency among the item's parties, else the first
  // party's name.
  std::vector<std::string> candidates, names;
  auto party = [&](pugi::xml_node node) {
    if (!node) return;
    const std::string name = concept_name(node);
    candidates.push_back(name);
    names.push_back(name);
    candidates.push_back(xml::attr(node, "qcode"));
    candidates.push_back(xml::attr(node, "uri"));
  };
  party(xml::child(item_meta, "provider"));
  party(xml::child(rights, "copyrightHolder"));
  for (pugi::xml_node source : xml::children(content_meta, "infoSource")) party(source);
  candidates.push_back(creditline);
  names.push_back(creditline);
  for (const auto& dl : {body_dateline, dateline_field}) {
    if (!dl) continue;
    candidates.push_back(dl->agency);
    names.push_back(dl->agency);
  }
  candidates.insert(candidates.end(), content.rights.begin(), content.rights.end());
  candidates.push_back(message.sender);
  a.source = choose_source(candidates, names);

  // The dateline place.
  bool located_city = false;
  const Location located = read_located(xml::child(content_meta, "located"), &located_city);
  bool from_located = false;
  if (a.source == "Reuters") {
    if (body_dateline) {
      a.location.city = body_dateline->place;
      a.location.region = body_dateline->region;
    } else if (located_city &&
               xml::attr(xml::child(content_meta, "located"), "type") == "cptype:city") {
      // Reuters' own feeds type their editing hub "cptType:5"; a located
      // typed with IPTC's city code is taken for the place.
      a.location = located;
      from_located = true;
    }
  } else if (dateline_field && !dateline_field->place.empty()) {
    a.location.city = dateline_field->place;
    a.location.region = dateline_field->region;
  } else if (located_city) {
    a.location = located;
    from_located = true;
  } else if (!content.dateline.city.empty()) {
    a.location = content.dateline;
  } else if (body_dateline) {
    a.location.city = body_dateline->place;
    a.location.region = body_dateline->region;
  }
  if (a.location.country.empty() &&
      (from_located || !located_city || text::equals_ci(located.city, a.location.city))) {
    a.location.country = located.country;
  }

  std::string language = xml::attr(xml::child(content_meta, "language"), "tag");
  for (const std::string& fallback :
       {content.language, xml::attr(content_set, "xml:lang"), xml::attr(content_meta, "xml:lang"),
        xml::attr(item, "xml:lang")}) {
    if (language.empty()) language = fallback;
  }
  a.language = language;

  finish_wire_article(a, version > 0);
  if (a.headline.empty() && a.body.empty()) {
    throw ParseError(content.remote
                         ? "no text: the newsItem has only remote content and no headline"
                         : "no text: the newsItem has no headline and no text content");
  }
  return a;
}

std::string label_of(pugi::xml_node item, size_t number) {
  std::string guid = xml::attr(item, "guid");
  if (!guid.empty()) return guid;
  return std::string(xml::local_name(item)) + " " + std::to_string(number);
}

}  // namespace

bool NewsMLG2Parser::recognizes(std::string_view content) const {
  const std::string root = xml::root_element_name(content);
  for (auto r : kRoots) {
    if (root == r) return true;
  }
  return false;
}

ParseResult NewsMLG2Parser::parse(std::string_view content, const std::string& path) const {
  const xml::Document doc(content);
  const pugi::xml_node root = doc.root();
  bool known_root = false;
  for (auto r : kRoots) known_root |= xml::is(root, r);
  if (!known_root) {
    throw ParseError("XML whose root element is <" + std::string(root.name()) +
                     ">, not a NewsML-G2 newsItem or newsMessage");
  }

  Message message;
  std::vector<pugi::xml_node> items;
  if (xml::is(root, "newsMessage")) {
    message.sender = xml::text(xml::path(root, {"header", "sender"}));
    for (pugi::xml_node set : xml::children(root, "itemSet")) {
      for (pugi::xml_node c = set.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element) items.push_back(c);
      }
    }
    if (items.empty()) throw ParseError("a NewsML-G2 newsMessage with no items");
  } else {
    items.push_back(root);
  }

  ParseResult result;
  const bool several = items.size() > 1;
  for (size_t i = 0; i < items.size(); ++i) {
    const int number = static_cast<int>(i + 1);
    const pugi::xml_node item = items[i];
    if (!xml::is(item, "newsItem") && !xml::is(item, "contentSet")) {
      result.rejected.push_back({number, label_of(item, i + 1),
                                 "no text: a " + std::string(xml::local_name(item)) +
                                     " (only newsItems carry article text)"});
      continue;
    }
    try {
      result.articles.push_back(parse_item(item, message, path, several ? number : 0));
    } catch (const ParseError& e) {
      result.rejected.push_back({number, label_of(item, i + 1), e.what()});
    }
  }
  return result;
}

}  // namespace dateline
