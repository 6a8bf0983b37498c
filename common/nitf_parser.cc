#include "common/nitf_parser.h"

#include "common/error.h"
#include "common/nitf_body.h"
#include "common/text.h"
#include "common/xml_document.h"

namespace dateline {
namespace {

int positive_int(std::string_view s) {
  s = text::trim(s);
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string_view::npos) {
    return 0;
  }
  return std::stoi(std::string(s));
}

std::optional<Timestamp> norm_date(pugi::xml_node node, const char* attribute = "norm") {
  if (!node) return std::nullopt;
  return parse_wire_timestamp(xml::attr(node, attribute));
}

void add_subjects(pugi::xml_node docdata, pugi::xml_node head, Article& a) {
  for (pugi::xml_node keyword : xml::descendants(xml::child(docdata, "key-list"), "keyword")) {
    a.subjects.push_back(xml::attr(keyword, "key"));
  }
  for (pugi::xml_node classifier :
       xml::descendants(xml::child(docdata, "identified-content"), "classifier")) {
    const std::string value = xml::attr(classifier, "value");
    a.subjects.push_back(value.empty() ? xml::text(classifier) : value);
  }
  for (pugi::xml_node subject : xml::descendants(xml::child(head, "tobject"), "tobject.subject")) {
    a.subjects.push_back(xml::attr(subject, "tobject.subject.refnum"));
    for (const char* level :
         {"tobject.subject.detail", "tobject.subject.matter", "tobject.subject.type"}) {
      const std::string name = xml::attr(subject, level);
      if (!name.empty()) {
        a.subjects.push_back(name);
        break;
      }
    }
  }
}

}  // namespace

bool NitfParser::recognizes(std::string_view content) const {
  return xml::root_element_name(content) == "nitf";
}

ParseResult NitfParser::parse(std::string_view content, const std::string& path) const {
  const xml::Document doc(content);
  const pugi::xml_node root = doc.root();
  if (!xml::is(root, "nitf")) {
    throw ParseError("XML whose root element is <" + std::string(root.name()) + ">, not <nitf>");
  }
  Article a;
  a.origin = {path, 0};
  const pugi::xml_node head = xml::child(root, "head");
  const pugi::xml_node docdata = xml::child(head, "docdata");
  const pugi::xml_node pubdata = xml::child(head, "pubdata");

  a.story_id = xml::attr(xml::child(docdata, "doc-id"), "id-string");
  const pugi::xml_node du_key = xml::child(docdata, "du-key");
  const int version = positive_int(xml::attr(du_key, "version"));
  if (version > 0) a.version = version;
  a.slug = xml::attr(du_key, "key");
  if (auto status = parse_status(xml::attr(docdata, "management-status"))) a.status = *status;
  a.urgency = positive_int(xml::attr(xml::child(docdata, "urgency"), "ed-urg"));
  if (a.urgency > 9) a.urgency = 0;

  const NitfBody body = read_nitf_body(root);
  const auto issued = norm_date(xml::child(docdata, "date.issue"));
  a.date = issued;
  if (!a.date) a.date = norm_date(xml::child(docdata, "date.release"));
  if (!a.date) a.date = norm_date(pubdata, "date.publication");
  if (!a.date) a.date = body.dateline_date;
  a.version_created = issued;

  a.headline = body.headline;
  if (a.headline.empty()) a.headline = xml::text(xml::child(head, "title"));
  a.byline = body.byline;
  a.body = body.paragraphs;
  const auto body_dateline = take_body_dateline(a.body, &a.byline);

  // The dateline place: body.head's dateline, else the body's, else the
  // event location.
  const pugi::xml_node evloc = xml::child(docdata, "evloc");
  const std::string ev_city = xml::attr(evloc, "city");
  if (!body.dateline.city.empty()) {
    a.location = body.dateline;
  } else if (body_dateline) {
    a.location.city = body_dateline->place;
    a.location.region = body_dateline->region;
  } else {
    a.location.city = ev_city;
    a.location.region = xml::attr(evloc, "state-prov");
  }
  if (a.location.region.empty() && text::equals_ci(a.location.city, ev_city)) {
    a.location.region = xml::attr(evloc, "state-prov");
  }
  if (a.location.country.empty()) a.location.country = xml::attr(evloc, "iso-cc");
  if (!a.date && body_dateline && body_dateline->year != 0) {
    a.date = Timestamp::from_date({body_dateline->year, body_dateline->month, body_dateline->day});
  }

  std::vector<std::string> sources = {
      xml::attr(xml::child(docdata, "doc.copyright"), "holder"),
      xml::attr(pubdata, "name"),
      body_dateline ? body_dateline->agency : std::string(),
      xml::attr(xml::child(docdata, "doc-id"), "regsrc"),
      xml::attr(xml::child(docdata, "doc.rights"), "owner"),
  };
  sources.insert(sources.end(), body.rights.begin(), body.rights.end());
  a.source = choose_source(sources);

  add_subjects(docdata, head, a);
  std::string language = xml::attr(root, "baselang");
  if (language.empty()) language = xml::attr(root, "xml:lang");
  a.language = language;

  finish_wire_article(a, version > 0);
  if (a.headline.empty() && a.body.empty()) {
    throw ParseError("XML without article text: the NITF document has no headline and no body");
  }
  ParseResult result;
  result.articles.push_back(std::move(a));
  return result;
}

}  // namespace dateline
