// Blocks and links from HTML subtrees: one walk per chosen part, a block per block element,
// text of inline elements joined into the block around them.
#include "indexer/readers/html_blocks.h"

#include <optional>

#include "indexer/readers/html_classify.h"
#include "indexer/readers/html_dom.h"
#include "indexer/readers/html_stats.h"
#include "common/url.h"

namespace newsindex::html {
namespace {

bool is_text(const GumboNode* n) {
  return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA;
}

std::optional<std::string> link_target(const char* href, const PageMeta& meta) {
  std::string h = collapse_whitespace(href);
  std::string low = ascii_lower(h.substr(0, 12));
  if (h.empty() || h[0] == '#') return std::nullopt;
  for (std::string_view scheme : {"javascript:", "mailto:", "tel:", "data:", "sms:", "about:"})
    if (low.starts_with(scheme)) return std::nullopt;
  std::string url = meta.link_base.empty() ? h : resolve_url(meta.link_base, h);
  // "#section" spelt as a full URL of this same page is navigation, not a related link.
  bool same_page = !meta.url.empty() && canonical_url(url) == meta.url;
  if (same_page && url.find('#') != std::string::npos) return std::nullopt;
  return url;
}

}  // namespace

BlockWriter::BlockWriter(const PageMeta& meta, SkipElement skip, KeepBlock keep)
    : meta_(meta), skip_(std::move(skip)), keep_(std::move(keep)) {}

void BlockWriter::write(const GumboNode* root) {
  open_.clear();
  anchor_.reset();
  open_.push_back({Block::Kind::Paragraph, true, nullptr, {}, 0, 0, 0, {}});
  walk(root, [this, root](const GumboNode* n) { return enter(n, n == root); },
       [this](const GumboNode* n) { leave(n); });
  if (anchor_) end_anchor();
  flush();
  open_.clear();
}

bool BlockWriter::enter(const GumboNode* n, bool is_root) {
  if (is_text(n)) {
    add_text(n);
    return false;
  }
  if (!is_element(n)) return false;
  if (!is_root && skip_(n)) return false;
  const GumboTag t = tag_of(n);
  if (is_root) {
    open_block(n);
    return true;
  }
  if (t == GUMBO_TAG_BR) {
    // Two line breaks in a row end a paragraph of a <br>-written body.
    Open& o = open_.back();
    if (o.breaks > 0 && !is_blank(o.text)) {
      flush();
    } else {
      ++o.breaks;
      append(" ");
    }
    return true;
  }
  if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) {
    append(" ");
    return true;
  }
  if (t == GUMBO_TAG_A) {
    start_anchor(n);
    return true;
  }
  if (is_inline_tag(t)) return true;
  open_block(n);
  return true;
}

void BlockWriter::leave(const GumboNode* n) {
  if (anchor_ && anchor_->node == n) end_anchor();
  if (open_.size() > 1 && open_.back().node == n) close_block();
}

void BlockWriter::add_text(const GumboNode* n) {
  if (n->type != GUMBO_NODE_WHITESPACE && open_.back().line == 0) open_.back().line = n->v.text.start_pos.line;
  std::string_view s = n->v.text.text;
  if (!is_blank(s)) open_.back().breaks = 0;  // text between two <br>s: one paragraph goes on
  append(s);
  if (anchor_) open_.back().link_bytes += visible_bytes(n->v.text.text);
}

void BlockWriter::append(std::string_view s) {
  open_.back().text += s;
  if (anchor_) anchor_->text += s;
}

void BlockWriter::open_block(const GumboNode* n) {
  flush();
  Block::Kind kind = Block::Kind::Paragraph;
  bool emit = true;
  switch (tag_of(n)) {
    case GUMBO_TAG_FIGCAPTION: kind = Block::Kind::Caption; break;
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: kind = Block::Kind::Heading; break;
    case GUMBO_TAG_H1: emit = false; break;
    default: break;
  }
  // A <p> inside a <figcaption> or heading is still caption or heading text.
  const Open& parent = open_.back();
  if (parent.kind != Block::Kind::Paragraph) kind = parent.kind;
  emit = emit && parent.emit;
  open_.push_back({kind, emit, n, {}, 0, 0, 0, {}});
  if (anchor_) anchor_->text += ' ';
}

void BlockWriter::close_block() {
  flush();
  open_.pop_back();
  if (anchor_) anchor_->text += ' ';
}

void BlockWriter::flush() {
  Open& o = open_.back();
  std::string text = collapse_whitespace(o.text);
  if (o.emit && !is_blank(text) && (!keep_ || keep_({o.kind, text, o.link_bytes})))
    blocks.push_back({o.kind, std::move(text), o.line});
  const int index = static_cast<int>(blocks.size()) - 1;
  for (size_t l : o.pending_links) links[l].block_index = index;
  o.text.clear();
  o.pending_links.clear();
  o.line = 0;
  o.link_bytes = 0;
  o.breaks = 0;
}

void BlockWriter::start_anchor(const GumboNode* n) {
  if (anchor_) return;  // nested <a> is invalid; the outer one keeps the text
  const char* href = attribute(n, "href");
  if (!href) return;
  anchor_ = Anchor{n, href, {}};
}

void BlockWriter::end_anchor() {
  Anchor a = std::move(*anchor_);
  anchor_.reset();
  std::string text = collapse_whitespace(a.text);
  std::optional<std::string> url = link_target(a.href.c_str(), meta_);
  if (!url || is_blank(text)) return;
  links.push_back({std::move(*url), std::move(text), static_cast<int>(blocks.size()) - 1});
  // Its text is still being gathered when the block around it is open and holds text.
  if (!is_blank(open_.back().text)) open_.back().pending_links.push_back(links.size() - 1);
}

size_t blocks_text_bytes(const std::vector<Block>& blocks) {
  size_t n = 0;
  for (const Block& b : blocks) n += visible_bytes(b.text.c_str());
  return n;
}

}  // namespace newsindex::html
