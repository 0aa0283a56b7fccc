// Reading the stored article and passage data (JSON) back: a missing or non-string field is "".
#pragma once
#include <nlohmann/json.hpp>

#include <string>

namespace newsindex {

inline std::string json_string(const nlohmann::json& j, const char* key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace newsindex
