// The Article model: what every reader produces and the index writer consumes.
// Readers fill what their format carries; empty strings / nullopt mean "not given".
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsindex {

// One paragraph-level block of body text as read from the source, before segmentation.
struct Block {
  enum class Kind { Paragraph, Caption, Heading };
  Kind kind = Kind::Paragraph;
  std::string text;   // original characters, whitespace runs collapsed to one space
  uint32_t line = 0;  // 1-based line in the source where it starts (0 if unknown)
};

// A related link found in the article (seed shortcode, HTML <a>, JSON "links").
struct LinkRef {
  std::string url;          // as written (readers strip stray quotes); canonicalized later
  std::string anchor;       // anchor text, whitespace normalized
  int block_index = -1;     // index into Article::blocks it stands in or after (-1: none)
};

struct Article {
  std::string id;           // JSON id, else canonical URL, else source path (set by reader/driver)
  std::string url;          // canonical URL of the article itself (may be empty)
  std::string title;
  std::optional<std::string> date;  // ISO YYYY-MM-DD
  std::string author;
  std::string category;     // breadcrumb / desk, e.g. "Home > News"
  std::vector<std::string> tags;  // the publisher's tags or keywords as written, each once (add_tag)
  std::string lang;         // BCP 47 when the source declares one
  std::optional<int64_t> views;
  std::optional<int64_t> reading_minutes;
  std::optional<int64_t> comments;
  std::string bio;          // author bio paragraph (also kept as the last paragraph block)
  std::string source;       // source path as given on the command line (or stdin:HASH)
  uint32_t source_line = 0; // line in the source (JSON Lines) where the article starts
  std::vector<Block> blocks;
  std::vector<LinkRef> links;
  // HTML: no article body could be told from the page's furniture. The page is still indexed
  // with what was found, but it is named on stderr, counted in the summary and kept out of
  // duplicate detection; page_text_bytes is the visible text the page holds (for the message).
  bool body_missing = false;
  uint64_t page_text_bytes = 0;
};

// Tags are labels, and every record of an article carries every tag: a piece longer than
// kMaxTagBytes is a sentence or junk, and tags past kMaxTags are keyword stuffing; both are left out.
inline constexpr size_t kMaxTagBytes = 100;
inline constexpr size_t kMaxTags = 32;

// Adds one tag: whitespace runs become one space, and an empty, overlong or repeated tag (letter
// case aside, ASCII) is left out.
inline void add_tag(std::vector<std::string>& tags, std::string_view raw) {
  if (tags.size() >= kMaxTags) return;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  std::string tag;
  for (size_t i = 0; i < raw.size() && tag.size() <= kMaxTagBytes + 1; ++i) {  // + 1: a trailing space
    if (!space(raw[i])) tag.push_back(raw[i]);
    else if (!tag.empty() && tag.back() != ' ') tag.push_back(' ');
  }
  if (!tag.empty() && tag.back() == ' ') tag.pop_back();
  if (tag.empty() || tag.size() > kMaxTagBytes) return;
  auto lower = [](std::string s) {
    for (char& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return s;
  };
  const std::string key = lower(tag);
  for (const std::string& t : tags)
    if (lower(t) == key) return;
  tags.push_back(std::move(tag));
}

// Adds the tags of a list as publishers write one ("climate, Paris Agreement; COP28"): pieces
// between commas (also the full-width and ideographic commas) and semicolons.
inline void add_tag_list(std::vector<std::string>& tags, std::string_view list) {
  size_t start = 0;
  for (size_t i = 0; i <= list.size() && tags.size() < kMaxTags;) {
    size_t sep = 0;
    if (i == list.size() || list[i] == ',' || list[i] == ';') sep = 1;
    else if (list.substr(i, 3) == "\xEF\xBC\x8C" || list.substr(i, 3) == "\xE3\x80\x81") sep = 3;
    if (!sep) {
      ++i;
      continue;
    }
    add_tag(tags, list.substr(start, i - start));
    i += sep;
    start = i;
  }
}

}  // namespace newsindex
