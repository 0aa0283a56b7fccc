#include "indexer/readers/json_document.h"

#include <nlohmann/json.hpp>

#include "indexer/readers/jsonl_reader.h"

namespace newsindex {

namespace {

using nlohmann::json;

bool holds_objects(const json& j) {
  if (!j.is_array() || j.empty()) return false;
  for (const json& v : j)
    if (v.is_object()) return true;
  return false;
}

// The index-th element of the array at `where`: an article, or a problem naming its place.
void read_element(const json& element, const std::string& where, size_t index, const std::string& source,
                  ReadResult& r) {
  try {
    r.articles.push_back(article_from_json(element, source, element_name(where, index), 0));
  } catch (const InputError& e) {
    r.problems.push_back(e);
  }
}

// nlohmann's message without its "[json.exception.parse_error.101] parse error at " prefix.
std::string parse_error_text(const json::parse_error& e) {
  std::string what = e.what();
  const std::string_view at = "parse error at ";
  if (size_t p = what.find(at); p != std::string::npos) what.erase(0, p + at.size());
  return what;
}

}  // namespace

ReadResult read_json_document(std::string_view text, const std::string& source) {
  ReadResult r;
  // The elements of a top-level array become articles as each one ends and are dropped from the
  // tree, so a large dump is not held twice and a document that breaks off keeps what came before.
  bool root_is_array = false;
  size_t index = 0, objects = 0;
  auto take = [&](const json& element) {
    objects += element.is_object();
    read_element(element, source, index++, source, r);
  };
  json root;
  try {
    root = json::parse(text, [&](int depth, json::parse_event_t event, json& parsed) {
      if (depth == 0 && event == json::parse_event_t::array_start) root_is_array = true;
      if (root_is_array && depth == 1 &&
          (event == json::parse_event_t::object_end || event == json::parse_event_t::array_end ||
           event == json::parse_event_t::value)) {
        take(parsed);
        return false;
      }
      return true;
    });
  } catch (const json::parse_error& e) {
    if (objects == 0) r = ReadResult{};  // whatever came before was not articles
    r.problems.emplace_back(source, "invalid JSON: " + parse_error_text(e) +
                                        (r.articles.empty() ? "" : "; the articles before it are read"));
    if (r.articles.empty() && r.problems.size() == 1) throw r.problems.front();
    return r;
  }
  if (root_is_array && objects == 0) r = ReadResult{};  // an array of data, not of articles
  if (root.is_object() && json_article_text(root)) {
    r.articles.push_back(article_from_json(root, source, source, 0));
  } else if (root.is_object()) {
    for (const auto& [key, value] : root.items())
      if (holds_objects(value))
        for (size_t i = 0; i < value.size(); ++i) read_element(value[i], source + ": \"" + key + "\"", i, source, r);
  }
  if (r.articles.empty() && r.problems.empty())
    throw InputError(source, "a JSON document with no articles: not an array of article objects, an object with a " +
                                 json_text_names() + " string, or an object holding arrays of them");
  return r;
}

}  // namespace newsindex
