#include "common/stored_article.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace dateline {
namespace {

constexpr int kFormatVersion = 1;

}  // namespace

std::string encode_stored_article(const Article& a) {
  nlohmann::json j = {
      {"v", kFormatVersion},
      {"id", a.id},
      {"story", a.story_id},
      {"version", a.version},
      {"status", std::string(status_name(a.status))},
      {"urgency", a.urgency},
      {"slug", a.slug},
      {"subjects", a.subjects},
      {"source", a.source},
      {"city", a.location.city},
      {"region", a.location.region},
      {"country", a.location.country},
      {"headline", a.headline},
      {"byline", a.byline},
      {"language", a.language},
      {"path", a.origin.path},
      {"record", a.origin.record},
      {"body", a.body},
  };
  if (a.date) {
    j["time"] = a.date->seconds();
    j["has_time"] = a.date->has_time();
  }
  if (a.version_created) {
    j["updated"] = a.version_created->seconds();
    j["updated_has_time"] = a.version_created->has_time();
  }
  // Invalid UTF-8 cannot reach here (parsers repair it), but never throw on it.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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
