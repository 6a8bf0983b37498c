// Reading XML wire files (NITF, NewsML-G2, NewsML 1.2) with pugixml.
//
// The bytes are first converted to UTF-8 from the encoding the file declares
// (or its byte-order mark), then parsed.  Nothing is ever fetched and no
// entity declared in a DOCTYPE is expanded: the DOCTYPE is skipped, and
// entity references other than the XML ones (&lt; &#233; ...) and the common
// HTML names (&nbsp; &eacute; ...) are left in the text as written.
//
// The element helpers match on local names, so "newsItem", "g2:newsItem" and
// a newsItem in a default namespace are the same.
#pragma once

#include <pugixml.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::xml {

// The file's bytes as UTF-8: a UTF-8 byte-order mark is dropped, UTF-16 (with
// a byte-order mark or recognisable from "<?") is converted, ISO-8859-1,
// ISO-8859-15, Windows-1252 and US-ASCII are converted byte by byte (unless
// the bytes already are well-formed UTF-8, which a mislabelled file often
// is), and UTF-8 has stray bytes read as Windows-1252.  Throws ParseError for
// any other declared encoding.
std::string to_utf8(std::string_view bytes);

// Single-byte text (ISO-8859-1, with 0x80..0x9F read as Windows-1252) as
// UTF-8; control characters other than tab, CR and LF are dropped.
std::string latin1_to_utf8(std::string_view bytes);

// Decodes &lt; &gt; &amp; &quot; &apos;, numeric references and the HTML
// Latin-1 and typographic names (&nbsp; &eacute; &mdash; ...); any other
// reference is kept as written.  Control characters are dropped.
std::string decode_entities(std::string_view s);

// The local name of the root element of `content` (past a byte-order mark,
// the XML declaration, comments, processing instructions and a DOCTYPE);
// "" when the content does not start like XML.  Cheap: reads only the start.
std::string root_element_name(std::string_view content);

// True when `content` starts like XML or markup (after a byte-order mark and
// white space): "<?xml", "<!--", "<name".
bool looks_like_xml(std::string_view content);

// A parsed document.  Throws ParseError("XML error at byte N: ...") for
// malformed XML, N counted in the file's own bytes.
class Document {
 public:
  explicit Document(std::string_view bytes);
  pugi::xml_node root() const { return doc_->document_element(); }

 private:
  std::unique_ptr<pugi::xml_document> doc_;
};

// "g2:newsItem" -> "newsItem".
std::string_view local_name(pugi::xml_node node);
bool is(pugi::xml_node node, std::string_view local);

// The first child element with that local name (an empty node if none).
pugi::xml_node child(pugi::xml_node node, std::string_view local);
// Every child element with that local name, in order.
std::vector<pugi::xml_node> children(pugi::xml_node node, std::string_view local);
// The first descendant element with that local name, in document order.
pugi::xml_node descendant(pugi::xml_node node, std::string_view local);
// Every descendant element with that local name, in document order.
std::vector<pugi::xml_node> descendants(pugi::xml_node node, std::string_view local);
// child(child(node, a), b) ...: the path of local names below `node`.
pugi::xml_node path(pugi::xml_node node, std::initializer_list<std::string_view> locals);

// An attribute's value, entities decoded and white space collapsed; "" when
// absent.  `name` is matched exactly ("qcode", "xml:lang").
std::string attr(pugi::xml_node node, const char* name);

// All text below `node` (character data and CDATA, <br/> as a line break),
// entities decoded, as written.
std::string raw_text(pugi::xml_node node);
// The same with white space collapsed.
std::string text(pugi::xml_node node);

}  // namespace dateline::xml
