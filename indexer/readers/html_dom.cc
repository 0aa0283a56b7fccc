// Gumbo helpers for the HTML reader: ownership of a parse, nesting limits, attributes, text.
#include "indexer/readers/html_dom.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace newsindex::html {
namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Elements that never nest (void) or that the parser closes implicitly (<p>, <li>, cells):
// counting them would make a long list of unclosed paragraphs look deep.
bool counts_for_depth(std::string_view name) {
  static constexpr std::array<std::string_view, 34> kNotCounted = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr",
      "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html",
      "body"};
  return std::find(kNotCounted.begin(), kNotCounted.end(), name) == kNotCounted.end();
}

bool is_raw_text(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes";
}

size_t find_ci(std::string_view hay, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    bool match = true;
    for (size_t k = 0; k < needle.size() && match; ++k)
      match = std::tolower(static_cast<unsigned char>(hay[i + k])) == needle[k];
    if (match) return i;
  }
  return std::string_view::npos;
}

// End of the tag starting at `i` (index just past '>'), honouring quoted attribute values.
size_t tag_end(std::string_view s, size_t i) {
  for (size_t j = i + 1; j < s.size(); ++j) {
    if (s[j] == '>') return j + 1;
    if (s[j] != '=') continue;
    size_t k = j + 1;
    while (k < s.size() && is_ascii_space(s[k])) ++k;
    if (k < s.size() && (s[k] == '"' || s[k] == '\'')) {
      size_t close = s.find(s[k], k + 1);
      if (close == std::string_view::npos) return s.size();
      j = close;
    }
  }
  return s.size();
}

// One pass of the nesting limiter; with `out` null it only measures the maximum depth.
size_t nesting_pass(std::string_view s, size_t max_depth, std::string* out) {
  size_t depth = 0, deepest = 0, i = 0;
  auto copy = [&](size_t from, size_t to) { if (out) out->append(s, from, to - from); };
  auto drop = [&](size_t from, size_t to) {
    if (!out) return;
    auto lines = static_cast<size_t>(std::count(s.begin() + from, s.begin() + to, '\n'));
    // A stray '<' before the dropped tag must not join the text after it into a new tag.
    if (lines == 0 && !out->empty() && out->back() == '<') out->push_back(' ');
    out->append(lines, '\n');
  };
  while (i < s.size()) {
    size_t lt = s.find('<', i);
    if (lt == std::string_view::npos) { copy(i, s.size()); break; }
    copy(i, lt);
    i = lt;
    if (s.compare(i, 4, "<!--") == 0) {
      size_t end = s.find("-->", i + 4);
      end = end == std::string_view::npos ? s.size() : end + 3;
      copy(i, end);
      i = end;
      continue;
    }
    bool closing = i + 1 < s.size() && s[i + 1] == '/';
    size_t name_start = i + (closing ? 2 : 1);
    if (name_start >= s.size() || !is_ascii_alpha(s[name_start])) {
      size_t end = (i + 1 < s.size() && (s[i + 1] == '!' || s[i + 1] == '?')) ? tag_end(s, i) : i + 1;
      copy(i, end);
      i = end;
      continue;
    }
    size_t name_end = name_start;
    while (name_end < s.size() && !is_ascii_space(s[name_end]) && s[name_end] != '/' && s[name_end] != '>')
      ++name_end;
    std::string name = ascii_lower(s.substr(name_start, name_end - name_start));
    size_t end = tag_end(s, i);
    if (closing) {
      size_t gt = s.find('>', name_end);
      end = gt == std::string_view::npos ? s.size() : gt + 1;
    }
    bool self_closing = !closing && end >= 2 && s[end - 1] == '>' && s[end - 2] == '/';
    // A raw-text element (<script>, <style>, ...) holds no elements, so it never deepens the
    // tree; dropping its start tag would let gumbo parse its content as markup, past the limit.
    bool counted = counts_for_depth(name) && !is_raw_text(name) && !self_closing;
    bool keep = true;
    if (counted && !closing) {
      keep = ++depth <= max_depth;
      deepest = std::max(deepest, depth);
    } else if (counted && closing && depth > 0) {
      keep = depth-- <= max_depth;
    }
    if (keep) copy(i, end); else drop(i, end);
    i = end;
    if (!closing && is_raw_text(name)) {
      size_t close = find_ci(s, "</" + name, i);
      if (close == std::string_view::npos) close = s.size();
      copy(i, close);
      i = close;
    }
  }
  return deepest;
}

}  // namespace

Document::Document(std::string utf8) : text_(std::move(utf8)) {
  GumboOptions options = kGumboDefaultOptions;
  // gumbo copies the open-element stack into every parse error it records: quadratic memory on
  // deep or broken markup, and we have no use for the errors.
  options.max_errors = 0;
  output_ = gumbo_parse_with_options(&options, text_.data(), text_.size());
}

Document::~Document() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }

const GumboNode* Document::body() const {
  const GumboVector* kids = children_of(html());
  for (unsigned i = 0; kids && i < kids->length; ++i) {
    auto* child = static_cast<const GumboNode*>(kids->data[i]);
    if (tag_of(child) == GUMBO_TAG_BODY) return child;
  }
  return html();
}

std::string limit_nesting(std::string_view html, size_t max_depth) {
  std::string out(html);
  // Dropping a tag can change how broken markup after it splits into tags, so one pass may leave
  // the result too deep by its own measure: repeat until it is within the limit. Every pass that
  // drops a tag shortens the text; the cap bounds the time on adversarial input (the DOM walk
  // flattens whatever is still too deep).
  constexpr int kMaxPasses = 16;
  for (int pass = 0; pass < kMaxPasses && nesting_pass(out, max_depth, nullptr) > max_depth; ++pass) {
    std::string next;
    next.reserve(out.size());
    nesting_pass(out, max_depth, &next);
    out = std::move(next);
  }
  return out;
}

bool is_element(const GumboNode* node) {
  return node && (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
}

GumboTag tag_of(const GumboNode* node) { return is_element(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN; }

const char* attribute(const GumboNode* node, const char* name) {
  if (!is_element(node)) return nullptr;
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr ? attr->value : nullptr;
}

const GumboVector* children_of(const GumboNode* node) {
  if (!node) return nullptr;
  if (is_element(node)) return &node->v.element.children;
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  return nullptr;
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (is_ascii_space(c)) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

bool is_blank(std::string_view text) {
  static constexpr std::array<std::string_view, 5> kSpaces = {
      "\xC2\xA0", "\xE2\x80\x8B", "\xE3\x80\x80", "\xE2\x80\xAF", "\xEF\xBB\xBF"};
  size_t i = 0;
  while (i < text.size()) {
    if (is_ascii_space(text[i])) { ++i; continue; }
    bool matched = false;
    for (std::string_view sp : kSpaces)
      if (text.substr(i).starts_with(sp)) { i += sp.size(); matched = true; break; }
    // U+2000..U+200A: the typographic spaces.
    if (!matched && text.substr(i, 2) == "\xE2\x80" && i + 2 < text.size() &&
        static_cast<unsigned char>(text[i + 2]) <= 0x8A) {
      i += 3;
      matched = true;
    }
    if (!matched) return false;
  }
  return true;
}

std::string text_content(const GumboNode* node) {
  std::string raw;
  walk(
      node,
      [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
          raw += n->v.text.text;
          return false;
        }
        if (tag_of(n) == GUMBO_TAG_BR) raw += ' ';
        return is_element(n) || n->type == GUMBO_NODE_DOCUMENT;
      },
      [](const GumboNode*) {});
  return collapse_whitespace(raw);
}


}  // namespace newsindex::html
