#include "indexer/readers/reader.h"

#include <algorithm>
#include <array>

#include "common/ascii.h"
#include "indexer/readers/csv_reader.h"
#include "indexer/readers/feed_reader.h"
#include "indexer/readers/html_reader.h"
#include "indexer/readers/jsonl_reader.h"
#include "indexer/readers/news_text_reader.h"
#include "indexer/readers/plain_text_reader.h"

namespace newsindex {

std::string file_extension(std::string_view path) {
  if (path.size() > 3 && path.substr(path.size() - 3) == ".gz") path.remove_suffix(3);
  size_t slash = path.find_last_of('/');
  size_t dot = path.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  return ascii_lower(path.substr(dot + 1));
}

namespace {

std::string_view first_text(std::string_view head) {
  const size_t first = head.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos ? std::string_view() : head.substr(first);
}

bool json_object_first(std::string_view head) { return first_text(head).substr(0, 1) == "{"; }

bool markup_first(std::string_view head) {
  const std::string_view t = first_text(head);
  if (t.substr(0, 1) != "<") return false;
  const std::string low = ascii_lower(t.substr(0, 512));
  for (std::string_view tag : {"<html", "<!doctype", "<head", "<body", "<article", "<p", "<meta", "<div"})
    if (low.find(tag) != std::string::npos) return true;
  return false;
}

ReadResult jsonl_source(std::string_view bytes, const std::string& source) {
  ReadResult r = read_jsonl(bytes, source);
  if (r.articles.empty() && r.problems.size() == 1) throw r.problems.front();
  if (r.articles.empty() && r.problems.empty()) throw InputError(source, "empty file: no text to index");
  return r;
}

template <Article (*Read)(std::string_view, const std::string&)>
ReadResult one_article(std::string_view bytes, const std::string& source) {
  ReadResult r;
  r.articles.push_back(Read(bytes, source));
  return r;
}

constexpr std::array kReaders{
    ReaderEntry{Format::Jsonl, "jsonl", {"jsonl", "ndjson", "json", ""}, json_object_first, nullptr, jsonl_source,
                true, false, true},
    ReaderEntry{Format::Feed, "feed", {"rss", "atom", "", ""}, looks_like_feed, nullptr, read_feed, false, true, true},
    ReaderEntry{Format::Html, "html", {"html", "htm", "xhtml", "shtml"}, markup_first, nullptr,
                one_article<read_html>, false, true, false},
    ReaderEntry{Format::News, "news", {"", "", "", ""}, nullptr, looks_like_news_text, one_article<read_news_text>,
                false, false, false},
    ReaderEntry{Format::Csv, "csv", {"csv", "tsv", "", ""}, nullptr, nullptr, read_csv, false, false, true},
    ReaderEntry{Format::Text, "text", {"txt", "text", "md", ""}, nullptr, nullptr, one_article<read_plain_text>,
                false, false, false},
};

}  // namespace

std::span<const ReaderEntry> readers() { return kReaders; }

const ReaderEntry& reader_for(Format f) {
  for (const auto& r : kReaders)
    if (r.format == f) return r;
  return kReaders.back();  // Auto reads as the fallback
}

std::optional<Format> format_from_name(std::string_view name) {
  if (name == "auto") return Format::Auto;
  for (const auto& r : kReaders)
    if (r.name == name) return r.format;
  return std::nullopt;
}

std::string_view format_name(Format f) { return f == Format::Auto ? "auto" : reader_for(f).name; }

std::vector<std::string> format_names() {
  std::vector<std::string> out{"auto"};
  for (const auto& r : kReaders) out.emplace_back(r.name);
  return out;
}

Format detect_format(std::string_view path, std::string_view text) {
  const std::string_view head = text.substr(0, 4096);
  for (const auto& r : kReaders)
    if (r.sniff_first && r.sniff_first(head)) return r.format;
  const std::string ext = file_extension(path);
  for (const auto& r : kReaders)
    if (r.format != Format::Text && !ext.empty() && std::find(r.extensions.begin(), r.extensions.end(), ext) != r.extensions.end())
      return r.format;
  for (const auto& r : kReaders)
    if (r.sniff_after && r.sniff_after(text)) return r.format;
  return Format::Text;
}

bool reads_by_lines(Format f, std::string_view head) {
  return reader_for(f).lines && (f != Format::Jsonl || json_lines_shape(head));
}

ReadResult read_source(std::string_view bytes, const std::string& source, Format format) {
  if (format == Format::Auto) format = detect_format(source, bytes);
  return reader_for(format).read(bytes, source);
}

}  // namespace newsindex
