// Turning chosen HTML subtrees into the Article's blocks (paragraphs, captions, headings) and
// links, with callers' rules for which elements to skip and which blocks to keep.
#pragma once
#include <gumbo.h>

#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "indexer/article.h"
#include "indexer/readers/html_metadata.h"

namespace newsindex::html {

// A block as it is about to be kept: its text and how much of it sits inside links.
struct BlockCandidate {
  Block::Kind kind;
  const std::string& text;
  size_t link_bytes;
};

class BlockWriter {
 public:
  using SkipElement = std::function<bool(const GumboNode*)>;
  using KeepBlock = std::function<bool(const BlockCandidate&)>;

  // `skip(element)` drops an element and everything in it; `keep(block)` (may be empty) has
  // the last word on each block. A subtree's root is never skipped.
  BlockWriter(const PageMeta& meta, SkipElement skip, KeepBlock keep = {});

  // Appends the blocks and links of the subtree at `root`; call once per part, in order.
  void write(const GumboNode* root);

  std::vector<Block> blocks;
  std::vector<LinkRef> links;

 private:
  struct Open {
    Block::Kind kind;
    bool emit;  // false for <h1>: the title, already in Article::title
    const GumboNode* node = nullptr;
    std::string text;
    size_t link_bytes = 0;
    int breaks = 0;  // <br>s since the last text: the second ends a paragraph
    uint32_t line = 0;
    std::vector<size_t> pending_links;  // links whose block is the one this text becomes
  };
  struct Anchor {
    const GumboNode* node;
    std::string href;
    std::string text;
  };

  bool enter(const GumboNode* n, bool is_root);
  void leave(const GumboNode* n);
  void add_text(const GumboNode* n);
  void append(std::string_view s);
  void open_block(const GumboNode* n);
  void close_block();
  void flush();
  void start_anchor(const GumboNode* n);
  void end_anchor();

  const PageMeta& meta_;
  SkipElement skip_;
  KeepBlock keep_;
  std::vector<Open> open_;  // open_[0] gathers text outside any block element
  std::optional<Anchor> anchor_;
};

// Total bytes of visible text in `blocks` (no-break and ASCII spaces not counted).
size_t blocks_text_bytes(const std::vector<Block>& blocks);

}  // namespace newsindex::html
