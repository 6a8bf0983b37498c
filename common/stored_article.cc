#include "common/stored_article.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <vector>

#include "common/text.h"

namespace dateline {
namespace {

constexpr int kFormatVersion = 1;

// Writes one JSON object straight into a string: the record is written for
// every article indexed, and building an nlohmann::json object first (a map
// node per key, a copy of every string) cost as much as parsing the article.
class JsonObjectWriter {
 public:
  JsonObjectWriter() { out_.push_back('{'); }

  void field(std::string_view key, std::string_view value) {
    name(key);
    string(value);
  }
  void field(std::string_view key, long long value) {
    name(key);
    out_ += std::to_string(value);
  }
  void field(std::string_view key, bool value) {
    name(key);
    out_ += value ? "true" : "false";
  }
  void field(std::string_view key, const std::vector<std::string>& values) {
    name(key);
    out_.push_back('[');
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out_.push_back(',');
      string(values[i]);
    }
    out_.push_back(']');
  }
  std::string finish() && {
    out_.push_back('}');
    return std::move(out_);
  }

 private:
  void name(std::string_view key) {
    if (out_.size() > 1) out_.push_back(',');
    string(key);
    out_.push_back(':');
  }
  // JSON string escaping.  Text that is not well-formed UTF-8 (parsers
  // repair text, so none should reach here) is repaired the same way
  // (text::repair_utf8) rather than making a record that cannot be read.
  void string(std::string_view s) {
    out_.push_back('"');
    const std::string_view text =
        text::is_valid_utf8(s) ? s : std::string_view(repaired_ = text::repair_utf8(s));
    std::size_t plain = 0;  // start of the run that needs no escaping
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20) continue;
      out_.append(text, plain, i - plain);
      plain = i + 1;
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\t':
          out_ += "\\t";
          break;
        case '\r':
          out_ += "\\r";
          break;
        default: {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out_ += buf;
        }
      }
    }
    out_.append(text, plain);
    out_.push_back('"');
  }

  std::string out_;
  std::string repaired_;
};

}  // namespace

std::string encode_stored_article(const Article& a) {
  JsonObjectWriter w;
  w.field("v", static_cast<long long>(kFormatVersion));
  w.field("id", a.id);
  w.field("story", a.story_id);
  w.field("version", static_cast<long long>(a.version));
  w.field("status", status_name(a.status));
  w.field("urgency", static_cast<long long>(a.urgency));
  w.field("slug", a.slug);
  w.field("subjects", a.subjects);
  w.field("source", a.source);
  w.field("city", a.location.city);
  w.field("region", a.location.region);
  w.field("country", a.location.country);
  w.field("headline", a.headline);
  w.field("byline", a.byline);
  w.field("language", a.language);
  w.field("path", a.origin.path);
  w.field("record", static_cast<long long>(a.origin.record));
  w.field("body", a.body);
  if (a.date) {
    w.field("time", static_cast<long long>(a.date->seconds()));
    w.field("has_time", a.date->has_time());
  }
  if (a.version_created) {
    w.field("updated", static_cast<long long>(a.version_created->seconds()));
    w.field("updated_has_time", a.version_created->has_time());
  }
  return std::move(w).finish();
}

Article decode_stored_article(std::string_view data) {
  nlohmann::json j = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || j.value("v", 0) != kFormatVersion) {
    throw std::runtime_error("document data is not a Dateline article (format " +
                             std::to_string(kFormatVersion) + ")");
  }
  Article a;
  a.id = j.value("id", "");
  a.story_id = j.value("story", "");
  a.version = j.value("version", 1);
  a.status = parse_status(j.value("status", "usable")).value_or(Status::kUsable);
  a.urgency = j.value("urgency", 0);
  a.slug = j.value("slug", "");
  if (j.contains("subjects") && j["subjects"].is_array()) {
    for (const auto& s : j["subjects"]) {
      if (s.is_string()) a.subjects.push_back(s.get<std::string>());
    }
  }
  a.source = j.value("source", "");
  a.location.city = j.value("city", "");
  a.location.region = j.value("region", "");
  a.location.country = j.value("country", "");
  a.headline = j.value("headline", "");
  a.byline = j.value("byline", "");
  a.language = j.value("language", "");
  a.origin.path = j.value("path", "");
  a.origin.record = j.value("record", 0);
  if (j.contains("body") && j["body"].is_array()) {
    for (const auto& p : j["body"]) {
      if (p.is_string()) a.body.push_back(p.get<std::string>());
    }
  }
  if (j.contains("time") && j["time"].is_number_integer()) {
    a.date = Timestamp::from_seconds(j["time"].get<int64_t>(), j.value("has_time", false));
  }
  if (j.contains("updated") && j["updated"].is_number_integer()) {
    a.version_created =
        Timestamp::from_seconds(j["updated"].get<int64_t>(), j.value("updated_has_time", false));
  }
  return a;
}

}  // namespace dateline
