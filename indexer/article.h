// The Article model: what every reader produces and the index writer consumes.
// Readers fill what their format carries; empty strings / nullopt mean "not given".
#pragma once
#include <cstdint>
#include <optional>
#include <string>
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

}  // namespace newsindex
