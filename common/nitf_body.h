// What the wire-feed parsers (NITF, NewsML-G2, NewsML 1.2, ANPA-1312) share:
//
// - reading an NITF <body> (which arrives alone, inside a NewsML-G2
//   inlineXML, or inside a NewsML 1.2 DataContent) and XHTML or plain-text
//   bodies into paragraphs;
// - finding the dateline that opens a body ("NEW YORK (AP) —",
//   "(ANSA) - Rome, October 11 -", "Jan 30 (Reuters) -") and taking it out;
// - reading wire metadata values: compact timestamps ("20140829T134951+0000"),
//   language tags ("en-US"), agency names in their metadata spellings
//   ("reuters.com", "nprov:dpa", "Agencia EFE");
// - the normalisation every wire article ends with (version markers,
//   version numbers, empty paragraphs, sign-offs, the id).
#pragma once

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"
#include "common/dateline.h"
#include "common/timestamp.h"

namespace dateline {

// The parts of an NITF <body> an article is made of.
struct NitfBody {
  std::string headline;                    // body.head hedline/hl1 (AP writes headline/hl1)
  std::string byline;                      // the byline without "By" and without its title (byttl)
  std::string byline_title;                // byttl, e.g. "AP Business Writer"
  Location dateline;                       // body.head dateline/location: city, state, country
  std::optional<Timestamp> dateline_date;  // dateline/story.date
  std::vector<std::string> rights;         // rights.owner, distributor (who moved it)
  std::vector<std::string> paragraphs;     // body.content, in order
};

// Reads the NITF body of `node`: an <nitf> element, its <body>, or an element
// holding an <nitf> (an inlineXML, a DataContent).  Missing parts stay empty.
NitfBody read_nitf_body(pugi::xml_node node);

// The paragraphs of XHTML or NITF block markup below `node`: <p>, headings
// other than <h1>, list items, <pre> ...; media, tables, <head>, <header>,
// <nav>, notes and scripts are skipped.  A <p> holding hard-wrapped,
// indented wire text (Reuters puts a whole story in one) is split at its
// indented lines and blank lines.  Whitespace collapsed; none empty.
std::vector<std::string> markup_paragraphs(pugi::xml_node node);

// The paragraphs of plain text that may carry simple tags (<p>, <br>), as a
// NewsML-G2 inlineData or a NewsML 1.2 DataContent holds it.
std::vector<std::string> text_paragraphs(std::string_view text);

// Finds the dateline opening the body, takes it out of its paragraph (the
// paragraph goes when nothing is left) and returns it.  A "By Jane Doe"
// paragraph before it is taken out too, into *byline when that is empty;
// summary bullets ("* ...") and editor's notes ("(Adds ...)") before it are
// passed over and kept.  Besides parse_dateline's forms it reads the
// agency-first form "(ANSA) - Rome, October 11 -" and the placeless
// "Jan 30 (Reuters) -" and "(Sports Network) -".
std::optional<Dateline> take_body_dateline(std::vector<std::string>& body, std::string* byline);

// ISO 8601 in its basic form as NITF and NewsML 1.2 write it
// ("20140829T134951+0000", "20020225T143000-0500", "20140829T135002Z",
// "20140829") or extended ("2014-07-16T15:53:10.000Z", "...+02:00"),
// converted to UTC.  nullopt for anything else.
std::optional<Timestamp> parse_wire_timestamp(std::string_view s);

// "en-US" -> "en", "DE" -> "de", "ger"/"deu" -> "de"; "" when `tag` is not a
// language tag.
std::string normalize_language(std::string_view tag);

// The agency a metadata value names, in the spellings feeds use: "Reuters",
// "nprov:REUTERS", "reuters.com", "http://www.afp.com/", "Agencia EFE",
// "Thomson Reuters", "Deutsche Presse-Agentur GmbH".  nullopt if none.
std::optional<std::string> agency_from_metadata(std::string_view value);

// The source among candidates in order of preference: the first that names a
// known agency, else the first non-empty one of `shown_otherwise` (names fit
// to show, where `candidates` may also hold codes and URIs) as written.
std::string choose_source(const std::vector<std::string>& candidates,
                          const std::vector<std::string>& shown_otherwise);
std::string choose_source(const std::vector<std::string>& candidates);

// Removes AP's write-through marker from a slug ("BC-US--Earns-X, 1st
// Ld-Writethru" -> "BC-US--Earns-X") and returns N of "Nth Ld" (0 if none).
int strip_writethru_marker(std::string& slug);

// What every wire article goes through last: headline and slug without
// version markers (and version = 1 + N for "UPDATE N" or "Nth Ld-Writethru"
// when `version_given` is false); byline without "By" ("Par", "Por"; a sign-off such
// as "gr/bp" is no byline); body paragraphs with whitespace collapsed, empty
// and punctuation-only ones ("___") dropped, trailing credits and sign-offs
// ("hh/ph/ts/hd", "(Reporting by ...)") dropped; subjects without
// duplicates; language normalised ("en" when unknown); a city written in
// capitals title-cased; the id set: version_id(story_id, version) when there
// is a story id, else id_from_origin.
void finish_wire_article(Article& article, bool version_given);

}  // namespace dateline
