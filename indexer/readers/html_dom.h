// Small helpers over gumbo's parse tree shared by the HTML reader's body and metadata passes.
// Walks are iterative so that deeply nested markup cannot exhaust the stack.
#pragma once
#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/ascii.h"  // ascii_lower, for tag and attribute names

namespace newsindex::html {

// Owns a gumbo parse. gumbo's nodes point into the input, so the text lives as long as they do.
class Document {
 public:
  explicit Document(std::string utf8);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const GumboNode* root() const { return output_->document; }
  const GumboNode* html() const { return output_->root; }
  const GumboNode* body() const;  // the <body> element, else <html>

 private:
  std::string text_;
  GumboOutput* output_;
};

// gumbo 0.10 spends time quadratic in the nesting depth (scope checks walk the stack of open
// elements), so markup nested deeper than `max_depth` has its excess tags removed (their text
// and line breaks kept). Returns `html` unchanged in the usual case.
std::string limit_nesting(std::string_view html, size_t max_depth);

bool is_element(const GumboNode* node);  // element or <template>
GumboTag tag_of(const GumboNode* node);  // GUMBO_TAG_UNKNOWN for non-elements
// Attribute value, or nullptr when absent.
const char* attribute(const GumboNode* node, const char* name);
const GumboVector* children_of(const GumboNode* node);

// Collapses runs of ASCII whitespace to one space and trims the ends; other characters
// (including no-break spaces) are kept as they are.
std::string collapse_whitespace(std::string_view text);
// True when `text` holds nothing but (Unicode) spaces.
bool is_blank(std::string_view text);

// All descendant text, whitespace collapsed.
std::string text_content(const GumboNode* node);

// Pre-order walk with a post-order callback: `enter(node)` returns whether to descend (and
// later call `leave(node)`).
template <class Enter, class Leave>
void walk(const GumboNode* root, Enter&& enter, Leave&& leave) {
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  if (!root || !enter(root)) return;
  std::vector<Frame> stack{{root, 0}};
  while (!stack.empty()) {
    const GumboNode* node = stack.back().node;
    const GumboVector* kids = children_of(node);
    if (kids && stack.back().next < kids->length) {
      auto* child = static_cast<const GumboNode*>(kids->data[stack.back().next++]);
      if (enter(child)) stack.push_back({child, 0});
    } else {
      leave(node);
      stack.pop_back();
    }
  }
}

}  // namespace newsindex::html
