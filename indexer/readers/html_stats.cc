// One post-order pass over the page: text, link text and own text per element.
#include "indexer/readers/html_stats.h"

#include <cstring>

#include "indexer/readers/html_classify.h"
#include "indexer/readers/html_dom.h"

namespace newsindex::html {
namespace {

bool is_text_node(const GumboNode* n) {
  return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA;
}

uint32_t count_commas(const char* s) {
  uint32_t n = 0;
  for (const char* p = s; *p; ++p) {
    if (*p == ',') ++n;
    // "，" U+FF0C, "、" U+3001, "،" U+060C
    else if (std::strncmp(p, "\xEF\xBC\x8C", 3) == 0 || std::strncmp(p, "\xE3\x80\x81", 3) == 0 ||
             std::strncmp(p, "\xD8\x8C", 2) == 0)
      ++n;
  }
  return n;
}

}  // namespace

uint32_t visible_bytes(const char* s) {
  uint32_t n = 0;
  for (const char* p = s; *p; ++p) {
    const char c = *p;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') continue;
    if (c == '\xC2' && p[1] == '\xA0') { ++p; continue; }
    ++n;
  }
  return n;
}

PageStats::PageStats(const GumboNode* root) {
  std::vector<uint32_t> open;    // recorded elements from the root down
  std::vector<uint32_t> blocks;  // the block elements among them
  int in_link = 0;
  walk(
      root,
      [&](const GumboNode* n) {
        if (is_text_node(n)) {
          if (open.empty() || n->type == GUMBO_NODE_WHITESPACE) return false;
          const uint32_t bytes = visible_bytes(n->v.text.text);
          NodeStats& leaf = nodes_[open.back()];
          leaf.text += bytes;
          if (in_link) leaf.link_text += bytes;
          NodeStats& block = nodes_[blocks.back()];
          block.own_text += bytes;
          if (in_link) block.own_link += bytes;
          block.commas += count_commas(n->v.text.text);
          return false;
        }
        if (!is_element(n) || (n != root && is_never_content(n))) return false;
        const GumboTag tag = tag_of(n);
        if (tag == GUMBO_TAG_BR && !blocks.empty()) ++nodes_[blocks.back()].breaks;
        NodeStats s;
        s.node = n;
        s.parent = open.empty() ? -1 : static_cast<int32_t>(open.back());
        const uint32_t id = static_cast<uint32_t>(nodes_.size());
        nodes_.push_back(s);
        index_.emplace(n, id);
        open.push_back(id);
        if (blocks.empty() || !is_inline_tag(tag)) blocks.push_back(id);
        if (tag == GUMBO_TAG_A && attribute(n, "href")) ++in_link;
        return true;
      },
      [&](const GumboNode* n) {
        const uint32_t id = open.back();
        open.pop_back();
        if (!blocks.empty() && blocks.back() == id) blocks.pop_back();
        if (tag_of(n) == GUMBO_TAG_A && attribute(n, "href")) --in_link;
        NodeStats& s = nodes_[id];
        s.end = static_cast<uint32_t>(nodes_.size());
        // A block whose own words make a sentence or more counts as a paragraph.
        const bool block = !is_inline_tag(tag_of(n));
        if (s.own_text >= 40 && block) s.paragraphs += 1 + s.breaks / 2;
        if (block && s.own_text >= 25 && s.own_link * 2 < s.own_text) s.own_good = s.own_text;
        s.good_text += s.own_good;
        if (s.parent < 0) return;
        NodeStats& p = nodes_[s.parent];
        p.text += s.text;
        p.link_text += s.link_text;
        p.paragraphs += s.paragraphs;
        p.good_text += s.good_text;
      });
  if (nodes_.empty()) return;
  // Strong furniture (comments, related lists) is cut out, unless the element holds most of the
  // page's prose: then its class is a theme's word ("tag-…", "author-…", "share-enabled") and the
  // element is the story. Parents come before children in nodes_, so one pass down...
  const uint32_t total_good = nodes_[0].good_text;
  for (size_t i = 1; i < nodes_.size(); ++i) {
    NodeStats& s = nodes_[i];
    const GumboTag t = tag_of(s.node);
    const bool holds_story = (s.good_text > 0 && s.good_text * 2 >= total_good) || t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN;
    s.in_furniture = nodes_[s.parent].in_furniture || (!holds_story && furniture_of(s.node) == Furniture::Strong);
  }
  // ... and one pass up sums the prose outside furniture.
  for (size_t i = nodes_.size(); i-- > 0;) {
    NodeStats& s = nodes_[i];
    s.story_text += s.own_good;
    if (s.parent >= 0 && !s.in_furniture) nodes_[s.parent].story_text += s.story_text;
  }
}

}  // namespace newsindex::html
