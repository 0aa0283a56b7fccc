#include "indexer/readers/reader.h"

#include <algorithm>
#include <array>

#include "indexer/readers/html_reader.h"
#include "indexer/readers/jsonl_reader.h"
#include "indexer/readers/news_text_reader.h"
#include "indexer/readers/plain_text_reader.h"

namespace newsindex {

namespace {
constexpr std::array<std::pair<std::string_view, Format>, 5> kNames{
    {{"auto", Format::Auto}, {"news", Format::News}, {"jsonl", Format::Jsonl}, {"text", Format::Text},
     {"html", Format::Html}}};

std::string lower_ext(std::string_view path) {
  if (path.size() > 3 && path.substr(path.size() - 3) == ".gz") path.remove_suffix(3);
  size_t slash = path.find_last_of('/');
  size_t dot = path.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  std::string e(path.substr(dot + 1));
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return e;
}
}  // namespace

std::optional<Format> format_from_name(std::string_view name) {
  for (auto& [n, f] : kNames)
    if (n == name) return f;
  return std::nullopt;
}

std::string_view format_name(Format f) {
  for (auto& [n, g] : kNames)
    if (g == f) return n;
  return "auto";
}

Format detect_format(std::string_view path, std::string_view text) {
  std::string_view head = text.substr(0, 4096);
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos) {
    char c = head[first];
    if (c == '{') return Format::Jsonl;
    if (c == '<') {
      std::string low(head.substr(first, 512));
      std::transform(low.begin(), low.end(), low.begin(), [](unsigned char ch) { return std::tolower(ch); });
      if (low.find("<html") != std::string::npos || low.find("<!doctype") != std::string::npos ||
          low.find("<head") != std::string::npos || low.find("<body") != std::string::npos ||
          low.find("<article") != std::string::npos || low.find("<p") != std::string::npos ||
          low.find("<meta") != std::string::npos || low.find("<div") != std::string::npos)
        return Format::Html;
    }
  }
  std::string ext = lower_ext(path);
  if (ext == "jsonl" || ext == "ndjson" || ext == "json") return Format::Jsonl;
  if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") return Format::Html;
  if (looks_like_news_text(text)) return Format::News;
  return Format::Text;
}

ReadResult read_source(std::string_view bytes, const std::string& source, Format format) {
  if (format == Format::Auto) format = detect_format(source, bytes);
  ReadResult r;
  switch (format) {
    case Format::Jsonl:
      r = read_jsonl(bytes, source);
      if (r.articles.empty() && !r.problems.empty() && r.problems.size() == 1) throw r.problems.front();
      if (r.articles.empty() && r.problems.empty()) throw InputError(source, "empty file: no text to index");
      break;
    case Format::Html:
      r.articles.push_back(read_html(bytes, source));
      break;
    case Format::News:
      r.articles.push_back(read_news_text(bytes, source));
      break;
    case Format::Text:
    case Format::Auto:
      r.articles.push_back(read_plain_text(bytes, source));
      break;
  }
  return r;
}

}  // namespace newsindex
