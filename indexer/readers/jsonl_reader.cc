#include "indexer/readers/jsonl_reader.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <optional>

#include "common/dates.h"
#include "indexer/readers/html_reader.h"
#include "indexer/readers/json_document.h"
#include "indexer/readers/news_text_reader.h"
#include "indexer/segment.h"
#include "common/url.h"

namespace newsindex {

std::vector<std::string> split_paragraphs(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line = normalize_space(text.substr(pos, nl - pos));
    if (line.empty()) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      if (!current.empty()) current += ' ';
      current += line;
    }
    pos = nl + 1;
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

namespace {

std::string str_field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (it->is_string()) return normalize_space(it->get<std::string>());
  if (it->is_number()) return it->dump();
  if (it->is_array()) {  // "author": ["A", "B"]
    std::string joined;
    for (const auto& v : *it)
      if (v.is_string()) joined += (joined.empty() ? "" : ", ") + v.get<std::string>();
    return joined;
  }
  if (it->is_object() && it->contains("name") && (*it)["name"].is_string())
    return (*it)["name"].get<std::string>();
  return {};
}

// The contract's names come first; the rest are what common news dumps call the same field
// (news-please, newspaper, RSS-to-JSON converters, search-engine exports).
constexpr std::array kIdKeys{"id", "_id", "guid", "docid"};
constexpr std::array kUrlKeys{"url", "link", "canonical_url"};
// The last ones hold a summary, not the story: the text of datasets that keep no more (HuffPost's
// News Category Dataset's short_description), and of no article that has a body.
constexpr std::array kTextKeys{"text",        "body",    "content", "maintext", "article",
                               "description", "summary", "short_description", "abstract"};
constexpr std::array kTitleKeys{"title", "headline"};
constexpr std::array kAuthorKeys{"author", "authors", "byline"};
constexpr std::array kDateKeys{"date",         "published",     "published_at", "publishedAt",
                               "date_publish", "datePublished", "pubDate",      "publish_date"};
constexpr std::array kCategoryKeys{"category", "section", "categories"};
constexpr std::array kLangKeys{"lang", "language"};
constexpr std::array kTagKeys{"tags", "keywords"};

// "tags": ["Climate", "EU"] (a string each, or an object's "name"), or one string
// "climate, EU"; the first of kTagKeys that gives any.
std::vector<std::string> tag_fields(const nlohmann::json& j) {
  std::vector<std::string> tags;
  for (const char* k : kTagKeys) {
    auto it = j.find(k);
    if (it == j.end()) continue;
    if (it->is_string()) add_tag_list(tags, it->get_ref<const std::string&>());
    if (it->is_array())
      for (const auto& v : *it) {
        if (v.is_string()) add_tag(tags, v.get_ref<const std::string&>());
        else if (v.is_object() && v.contains("name") && v["name"].is_string()) add_tag(tags, v["name"].get_ref<const std::string&>());
      }
    if (!tags.empty()) break;
  }
  return tags;
}

template <size_t N>
std::string first_field(const nlohmann::json& j, const std::array<const char*, N>& keys) {
  for (const char* k : keys)
    if (std::string v = str_field(j, k); !v.empty()) return v;
  return {};
}

}  // namespace

std::string json_text_names(size_t from) {
  std::string names;
  for (size_t i = from; i < kTextKeys.size(); ++i)
    names += (i == from ? "" : i + 1 == kTextKeys.size() ? " or " : ", ") + std::string("\"") + kTextKeys[i] + "\"";
  return names;
}

const nlohmann::json* json_article_text(const nlohmann::json& j) {
  for (const char* k : kTextKeys)
    if (auto it = j.find(k); it != j.end() && it->is_string()) return &*it;
  return nullptr;
}

Article parse_jsonl_line(std::string_view line, const std::string& source, size_t line_no) {
  const std::string where = source + ":" + std::to_string(line_no);
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded()) throw InputError(where, "not a JSON object (invalid JSON)");
  return article_from_json(j, source, where, line_no);
}

Article article_from_json(const nlohmann::json& j, const std::string& source, const std::string& where,
                          size_t line_no) {
  if (!j.is_object()) throw InputError(where, "not a JSON object");
  Article a;
  a.source = source;
  a.source_line = line_no < UINT32_MAX ? static_cast<uint32_t>(line_no) : 0;
  a.id = first_field(j, kIdKeys);
  std::string url = first_field(j, kUrlKeys);
  if (!url.empty()) a.url = canonical_url(url).empty() ? url : canonical_url(url);
  if (a.id.empty() && a.url.empty()) throw InputError(where, "no \"id\" or \"url\"");
  const nlohmann::json* text = json_article_text(j);
  if (!text) throw InputError(where, "no \"text\" string (nor " + json_text_names(1) + ")");
  a.title = first_field(j, kTitleKeys);
  a.author = first_field(j, kAuthorKeys);
  if (a.author.size() > 3 && (a.author[0] == 'B' || a.author[0] == 'b') && a.author[1] == 'y' && a.author[2] == ' ')
    a.author.erase(0, 3);  // a byline as printed: "By Ann Lee"
  a.lang = first_field(j, kLangKeys);
  a.category = first_field(j, kCategoryKeys);
  a.tags = tag_fields(j);
  if (std::string d = first_field(j, kDateKeys); !d.empty()) a.date = parse_date(d);
  // Dumps scraped from pages often keep the page's markup in the text, or its character references.
  const std::string& body = text->get_ref<const std::string&>();
  if (looks_like_html_fragment(body)) {
    read_html_fragment(body, a.url, a.source_line, a);
  } else {
    for (auto& p : split_paragraphs(body)) add_paragraph(a, decode_html_entities(p), a.source_line);
  }
  if (auto links = j.find("links"); links != j.end() && links->is_array()) {
    for (const auto& l : *links) {
      if (!l.is_object()) continue;
      LinkRef ref;
      ref.url = str_field(l, "url");
      ref.anchor = str_field(l, "text");
      if (ref.anchor.empty()) ref.anchor = str_field(l, "anchor");
      ref.block_index = a.blocks.empty() ? -1 : static_cast<int>(a.blocks.size()) - 1;
      if (!ref.url.empty()) a.links.push_back(std::move(ref));
    }
  }
  if (a.blocks.empty() && a.title.empty()) throw InputError(where, "empty \"text\"");
  return a;
}

void for_each_jsonl_article(std::string_view text, const std::string& source, uint64_t first_line,
                            const std::function<void(Article&)>& each, std::vector<InputError>& problems) {
  uint64_t line_no = first_line - 1;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    ++line_no;
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = source + ":" + std::to_string(line_no);
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) {
      problems.emplace_back(where, "not a JSON object (invalid JSON)");
      continue;
    }
    // A line may hold an array of articles: a minified JSON document ([{…}, {…}]) on one line.
    const bool many = j.is_array();
    for (size_t i = 0; i < (many ? j.size() : 1); ++i) {
      try {
        Article a = article_from_json(many ? j[i] : j, source, many ? element_name(where, i) : where, line_no);
        each(a);
      } catch (const InputError& e) {
        problems.push_back(e);
      }
    }
  }
}

std::string element_name(const std::string& where, size_t index) {
  return where + ": article " + std::to_string(index + 1) + " of the array";
}

bool json_lines_shape(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return true;
  const size_t nl = text.find('\n', first);
  if (nl == std::string_view::npos) return true;  // one line, or a first line longer than `text` shows
  const std::string_view line = text.substr(first, nl - first);
  // "{" alone opens an indented object, which no record line is; a record line whose JSON is
  // broken stays a line (the dump's other lines are still records).
  if (line.find_first_not_of("{ \t\r") == std::string_view::npos) return false;
  return line.front() != '[' || nlohmann::json::accept(line);
}

ReadResult read_jsonl(std::string_view text, const std::string& source) {
  auto by_lines = [&] {
    ReadResult r;
    for_each_jsonl_article(text, source, 1, [&](Article& a) { r.articles.push_back(std::move(a)); }, r.problems);
    return r;
  };
  if (!json_lines_shape(text)) {
    // A pretty-printed document, unless it is a JSON Lines dump whose first line is broken:
    // then its lines give articles and the document none.
    ReadResult doc;
    std::optional<InputError> failed;
    try {
      doc = read_json_document(text, source);
    } catch (const InputError& e) {
      failed = e;
    }
    if (!doc.articles.empty()) return doc;
    ReadResult lines = by_lines();
    if (!lines.articles.empty()) return lines;
    if (failed) throw *failed;
    return doc;
  }
  return by_lines();
}

}  // namespace newsindex
