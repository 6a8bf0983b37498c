#include "common/article.h"

#include "common/text.h"

namespace dateline {

std::string id_from_origin(const Origin& origin) {
  std::string key = origin.path;
  if (origin.record > 0) {
    key += '#';
    key += std::to_string(origin.record);
  }
  std::string id = "file-";
  id += text::hash_hex(key);
  return id;
}

std::string body_text(const Article& article) {
  std::string out;
  for (const auto& paragraph : article.body) {
    if (!out.empty()) out += "\n\n";
    out += paragraph;
  }
  return out;
}

std::string version_id(std::string_view story_id, int version) {
  std::string id(story_id);
  id += "#v";
  id += std::to_string(version);
  return id;
}

const std::string& story_key(const Article& article) {
  return article.story_id.empty() ? article.id : article.story_id;
}

std::string_view status_name(Status status) {
  switch (status) {
    case Status::kUsable:
      return "usable";
    case Status::kWithheld:
      return "withheld";
    case Status::kEmbargoed:
      return "embargoed";
    case Status::kCanceled:
      return "canceled";
  }
  return "usable";
}

std::optional<Status> parse_status(std::string_view name) {
  name = text::trim(name);
  if (const size_t colon = name.find(':'); colon != std::string_view::npos) {
    name = name.substr(colon + 1);  // "stat:usable"
  }
  if (text::equals_ci(name, "usable")) return Status::kUsable;
  if (text::equals_ci(name, "withheld")) return Status::kWithheld;
  if (text::equals_ci(name, "embargoed")) return Status::kEmbargoed;
  if (text::equals_ci(name, "canceled") || text::equals_ci(name, "cancelled") ||
      text::equals_ci(name, "killed")) {
    return Status::kCanceled;
  }
  return std::nullopt;
}

}  // namespace dateline
