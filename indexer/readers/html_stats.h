// Per-element text statistics of a page, computed in one post-order pass so that every later
// decision (scoring, cleaning, fallbacks) reads them in constant time: the reader stays linear.
#pragma once
#include <gumbo.h>

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace newsindex::html {

struct NodeStats {
  const GumboNode* node = nullptr;
  int32_t parent = -1;      // index of the nearest recorded ancestor element, -1 for the root
  uint32_t end = 0;         // index past the element's last descendant (its subtree is [index, end))
  uint32_t text = 0;        // visible non-space bytes under the element
  uint32_t link_text = 0;   // ... of it inside <a href>
  uint32_t own_text = 0;    // ... not inside a nested block element: this block's own words
  uint32_t own_link = 0;    // ... of own_text inside links
  uint32_t commas = 0;      // commas in own text (Latin, CJK and Arabic)
  uint32_t breaks = 0;      // <br> directly in this block's own flow
  uint32_t paragraphs = 0;  // descendant blocks with own text of sentence size (p, br-bodies)
  uint32_t own_good = 0;    // own_text when it reads as prose (a sentence or more, few links)
  uint32_t good_text = 0;   // own_good of the element and its descendants
  uint32_t story_text = 0;  // ... not counting what sits in strong furniture (comments, related lists)
  bool in_furniture = false;  // the element or an ancestor is strong furniture (comments, related)
  float score = 0;          // content score (readability-style), 0 when never a candidate
  bool scored = false;

  double link_density() const { return text ? static_cast<double>(link_text) / text : 0.0; }
};

class PageStats {
 public:
  // Walks `root` (never-content elements are skipped entirely: they hold no visible text).
  explicit PageStats(const GumboNode* root);

  const NodeStats* find(const GumboNode* n) const {
    auto it = index_.find(n);
    return it == index_.end() ? nullptr : &nodes_[it->second];
  }
  int32_t index_of(const GumboNode* n) const {
    auto it = index_.find(n);
    return it == index_.end() ? -1 : static_cast<int32_t>(it->second);
  }
  std::vector<NodeStats>& nodes() { return nodes_; }
  const std::vector<NodeStats>& nodes() const { return nodes_; }
  uint32_t total_text() const { return nodes_.empty() ? 0 : nodes_[0].text; }

 private:
  std::vector<NodeStats> nodes_;  // pre-order: a parent comes before its descendants
  std::unordered_map<const GumboNode*, uint32_t> index_;
};

// Bytes of `s` that are not ASCII whitespace or no-break spaces.
uint32_t visible_bytes(const char* s);

}  // namespace newsindex::html
