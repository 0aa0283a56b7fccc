// Reading one HTML news page: picks the element that holds the article, turns its paragraphs,
// captions and headings into blocks and its <a href> into links; metadata is html_metadata's.
#include "readers/html_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <optional>
#include <vector>

#include "errors.h"
#include "readers/html_dom.h"
#include "readers/html_metadata.h"
#include "text_decode.h"
#include "url.h"

namespace newsindex {
namespace {

using html::attribute;
using html::tag_of;

// Deep enough for any real page; bounds gumbo's quadratic cost on pathological nesting.
constexpr size_t kMaxNesting = 400;

// ---- what an element is to the reader ----

enum class Role { Drop, Inline, Space, Block, Anchor };

bool is_dropped_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_META: case GUMBO_TAG_LINK: case GUMBO_TAG_BASE: case GUMBO_TAG_IMG:
    case GUMBO_TAG_MENU: case GUMBO_TAG_MATH:
      return true;
    default:
      return false;
  }
}

bool is_inline_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ABBR: case GUMBO_TAG_ACRONYM: case GUMBO_TAG_B: case GUMBO_TAG_BDI:
    case GUMBO_TAG_BDO: case GUMBO_TAG_BIG: case GUMBO_TAG_CITE: case GUMBO_TAG_CODE:
    case GUMBO_TAG_DATA: case GUMBO_TAG_DEL: case GUMBO_TAG_DFN: case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_INS: case GUMBO_TAG_KBD:
    case GUMBO_TAG_LABEL: case GUMBO_TAG_MARK: case GUMBO_TAG_Q: case GUMBO_TAG_S:
    case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN: case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_STRONG: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TIME:
    case GUMBO_TAG_TT: case GUMBO_TAG_U: case GUMBO_TAG_VAR: case GUMBO_TAG_WBR:
    case GUMBO_TAG_RUBY: case GUMBO_TAG_RB: case GUMBO_TAG_RT: case GUMBO_TAG_RTC:
    case GUMBO_TAG_RP: case GUMBO_TAG_NOBR: case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_UNKNOWN:  // custom elements wrap anything; their blocks still split
      return true;
    default:
      return false;
  }
}

bool is_hidden(const GumboNode* n) {
  if (attribute(n, "hidden")) return true;
  if (const char* aria = attribute(n, "aria-hidden"); aria && html::ascii_lower(aria) == "true") return true;
  const char* style = attribute(n, "style");
  if (!style) return false;
  std::string s = html::ascii_lower(style);
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

// One class or id token: "share-bar", "ad-slot", "newsletterSignup".
bool is_furniture_token(std::string_view token) {
  static constexpr std::array<std::string_view, 19> kContains = {
      "share", "sharing", "social", "subscri", "newsletter", "promo", "advert", "related",
      "comments", "cookie", "paywall", "sidebar", "breadcrumb", "outbrain", "taboola", "disqus",
      "recirc", "most-popular", "signup"};
  static constexpr std::array<std::string_view, 13> kWords = {
      "ad", "ads", "adv", "adslot", "dfp", "gpt", "sponsored", "comment", "popup", "modal", "byline",
      "dateline", "timestamp"};  // read for the metadata (html_metadata.cc), not text
  for (std::string_view w : kContains)
    if (token.find(w) != std::string_view::npos) return true;
  size_t start = 0;
  while (start <= token.size()) {
    size_t end = token.find_first_of("-_", start);
    if (end == std::string_view::npos) end = token.size();
    std::string_view word = token.substr(start, end - start);
    if (std::find(kWords.begin(), kWords.end(), word) != kWords.end()) return true;
    start = end + 1;
  }
  return false;
}

bool has_furniture_name(const GumboNode* n) {
  for (const char* attr : {"class", "id"}) {
    const char* value = attribute(n, attr);
    if (!value) continue;
    std::string low = html::ascii_lower(value);
    size_t start = 0;
    while (start < low.size()) {
      size_t end = low.find_first_of(" \t\n\r\f", start);
      if (end == std::string::npos) end = low.size();
      if (end > start && is_furniture_token(std::string_view(low).substr(start, end - start))) return true;
      start = end + 1;
    }
  }
  return false;
}

bool has_furniture_role(const GumboNode* n) {
  const char* role = attribute(n, "role");
  if (!role) return false;
  std::string r = html::ascii_lower(role);
  return r == "navigation" || r == "complementary" || r == "banner" || r == "contentinfo" ||
         r == "search" || r == "dialog" || r == "alert";
}

// Page furniture that never holds article text. The containers an article is found in
// (<article>, <main>, <body>) are exempt: sites put theme classes on them.
bool is_excluded(const GumboNode* n) {
  if (n->type == GUMBO_NODE_TEMPLATE) return true;
  GumboTag t = tag_of(n);
  if (is_dropped_tag(t) || is_hidden(n)) return true;
  if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN || t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML)
    return false;
  return has_furniture_name(n) || has_furniture_role(n);
}

Role role_of(const GumboNode* n) {
  if (is_excluded(n)) return Role::Drop;
  GumboTag t = tag_of(n);
  if (t == GUMBO_TAG_A) return Role::Anchor;
  if (t == GUMBO_TAG_BR || t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) return Role::Space;
  return is_inline_tag(t) ? Role::Inline : Role::Block;
}

bool is_text(const GumboNode* n) {
  return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA;
}

// ---- where the article is ----

struct Weight {
  const GumboNode* node;
  size_t text = 0;      // bytes of text under the element
  size_t p_text = 0;    // ... of it inside <p> elements
  size_t direct_p = 0;  // ... inside <p> children of the element itself
};

struct Candidates {
  const GumboNode* article = nullptr;
  size_t article_p = 0, article_text = 0;
  const GumboNode* main = nullptr;
  const GumboNode* densest = nullptr;
  size_t densest_p = 0;
  size_t body_p = 0;
};

bool is_main(const GumboNode* n) {
  if (tag_of(n) == GUMBO_TAG_MAIN) return true;
  const char* role = attribute(n, "role");
  return role && html::ascii_lower(role) == "main";
}

void score(const Weight& w, Candidates& c) {
  if (tag_of(w.node) == GUMBO_TAG_ARTICLE &&
      (w.p_text > c.article_p || (w.p_text == c.article_p && w.text > c.article_text))) {
    c.article = w.node;
    c.article_p = w.p_text;
    c.article_text = w.text;
  }
  if (is_main(w.node) && !c.main && w.text > 0) c.main = w.node;
  if (w.direct_p > c.densest_p) {
    c.densest = w.node;
    c.densest_p = w.direct_p;
  }
}

Candidates find_candidates(const GumboNode* body) {
  Candidates c;
  std::vector<Weight> stack;
  html::walk(
      body,
      [&](const GumboNode* n) {
        if (is_text(n)) {
          if (!stack.empty() && n->type != GUMBO_NODE_WHITESPACE)
            stack.back().text += std::strlen(n->v.text.text);
          return false;
        }
        if (!html::is_element(n) || (n != body && is_excluded(n))) return false;
        stack.push_back({n});
        return true;
      },
      [&](const GumboNode*) {
        Weight w = stack.back();
        stack.pop_back();
        score(w, c);
        if (stack.empty()) { c.body_p = w.p_text; return; }
        Weight& parent = stack.back();
        parent.text += w.text;
        bool is_p = tag_of(w.node) == GUMBO_TAG_P;
        parent.p_text += is_p ? w.text : w.p_text;
        if (is_p) parent.direct_p += w.text;
      });
  return c;
}

// <article> first, unless it holds a small share of the page's paragraphs (a teaser card);
// then <main>/[role=main]; then the element with the most paragraph text of its own.
const GumboNode* choose_root(const GumboNode* body) {
  Candidates c = find_candidates(body);
  if (c.article && (c.article_p * 4 >= c.body_p) && (c.article_p > 0 || c.article_text > 0)) return c.article;
  if (c.main) return c.main;
  if (c.densest) return c.densest;
  return body;
}

// ---- blocks and links ----

std::optional<std::string> link_target(const char* href, const html::PageMeta& meta) {
  std::string h = html::collapse_whitespace(href);
  std::string low = html::ascii_lower(h.substr(0, 12));
  if (h.empty() || h[0] == '#') return std::nullopt;
  for (std::string_view scheme : {"javascript:", "mailto:", "tel:", "data:", "sms:", "about:"})
    if (low.starts_with(scheme)) return std::nullopt;
  std::string url = meta.link_base.empty() ? h : resolve_url(meta.link_base, h);
  // "#section" spelt as a full URL of this same page is navigation, not a related link.
  bool same_page = !meta.url.empty() && canonical_url(url) == meta.url;
  if (same_page && url.find('#') != std::string::npos) return std::nullopt;
  return url;
}

class BodyExtractor {
 public:
  explicit BodyExtractor(const html::PageMeta& meta) : meta_(meta) {}

  void run(const GumboNode* root) {
    open_.push_back({Block::Kind::Paragraph, true, nullptr, {}, 0, {}});
    html::walk(root, [this, root](const GumboNode* n) { return enter(n, n == root); },
               [this](const GumboNode* n) { leave(n); });
    flush();
    open_.clear();
  }

  std::vector<Block> blocks;
  std::vector<LinkRef> links;

 private:
  struct Open {
    Block::Kind kind;
    bool emit;  // false for <h1>: the title, already in Article::title
    const GumboNode* node = nullptr;
    std::string text;
    uint32_t line = 0;
    std::vector<size_t> pending_links;  // links whose block is the one this text becomes
  };
  struct Anchor {
    const GumboNode* node;
    std::string href;
    std::string text;
  };

  bool enter(const GumboNode* n, bool is_root) {
    if (is_text(n)) {
      add_text(n);
      return false;
    }
    if (!html::is_element(n)) return false;
    Role role = is_root ? Role::Block : role_of(n);
    switch (role) {
      case Role::Drop: return false;
      case Role::Space: append(" "); return true;
      case Role::Inline: return true;
      case Role::Anchor: start_anchor(n); return true;
      case Role::Block: open_block(n); return true;
    }
    return true;
  }

  void leave(const GumboNode* n) {
    if (anchor_ && anchor_->node == n) end_anchor();
    if (open_.size() > 1 && open_.back().node == n) close_block();
  }

  void add_text(const GumboNode* n) {
    if (n->type != GUMBO_NODE_WHITESPACE && open_.back().line == 0)
      open_.back().line = n->v.text.start_pos.line;
    append(n->v.text.text);
  }

  void append(std::string_view s) {
    open_.back().text += s;
    if (anchor_) anchor_->text += s;
  }

  void open_block(const GumboNode* n) {
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
    open_.push_back({kind, emit, n, {}, 0, {}});
    if (anchor_) anchor_->text += ' ';
  }

  void close_block() {
    flush();
    open_.pop_back();
    if (anchor_) anchor_->text += ' ';
  }

  // Turns the text gathered so far in the innermost block into a Block.
  void flush() {
    Open& o = open_.back();
    std::string text = html::collapse_whitespace(o.text);
    if (o.emit && !html::is_blank(text)) blocks.push_back({o.kind, std::move(text), o.line});
    int index = static_cast<int>(blocks.size()) - 1;
    for (size_t l : o.pending_links) links[l].block_index = index;
    o.text.clear();
    o.pending_links.clear();
    o.line = 0;
  }

  void start_anchor(const GumboNode* n) {
    if (anchor_) return;  // nested <a> is invalid; the outer one keeps the text
    const char* href = attribute(n, "href");
    if (!href) return;
    anchor_ = Anchor{n, href, {}};
  }

  void end_anchor() {
    Anchor a = std::move(*anchor_);
    anchor_.reset();
    std::string text = html::collapse_whitespace(a.text);
    std::optional<std::string> url = link_target(a.href.c_str(), meta_);
    if (!url || html::is_blank(text)) return;
    links.push_back({std::move(*url), std::move(text), static_cast<int>(blocks.size()) - 1});
    // Its text is still being gathered when the block around it is open and holds text.
    if (!html::is_blank(open_.back().text)) open_.back().pending_links.push_back(links.size() - 1);
  }

  const html::PageMeta& meta_;
  std::vector<Open> open_;  // open_[0] gathers text outside any block element
  std::optional<Anchor> anchor_;
};

struct Body {
  std::vector<Block> blocks;
  std::vector<LinkRef> links;
};

Body extract_body(const GumboNode* root, const html::PageMeta& meta) {
  BodyExtractor ex(meta);
  ex.run(root);
  return {std::move(ex.blocks), std::move(ex.links)};
}

// The value after "charset" in one <meta ...> tag ("" when none).
std::string charset_in_tag(std::string_view tag) {
  size_t pos = tag.find("charset");
  if (pos == std::string_view::npos) return "";
  pos += 7;
  auto skip = [&](std::string_view chars) {
    while (pos < tag.size() && chars.find(tag[pos]) != std::string_view::npos) ++pos;
  };
  skip(" \t\r\n");
  if (pos >= tag.size() || tag[pos] != '=') return "";
  ++pos;
  skip(" \t\r\n\"'");
  size_t start = pos;
  while (pos < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[pos])) ||
                              std::string_view("-_.:").find(tag[pos]) != std::string_view::npos))
    ++pos;
  return std::string(tag.substr(start, pos - start));
}

}  // namespace

bool looks_like_html_fragment(std::string_view text) {
  static constexpr std::array<std::string_view, 14> kTags = {"<p>", "<p ", "</p>", "<br", "<div", "</div>", "</a>",
                                                             "<li>", "<h2", "<h3", "<strong>", "<em>", "<b>", "<blockquote"};
  const std::string low = html::ascii_lower(text.substr(0, 1 << 16));
  for (std::string_view t : kTags)
    if (low.find(t) != std::string::npos) return true;
  return false;
}

void read_html_fragment(std::string_view html, const std::string& base_url, uint32_t line, Article& into) {
  html::Document doc(html::limit_nesting(std::string(html), kMaxNesting));
  html::PageMeta meta;
  meta.url = meta.link_base = base_url;
  // Every element of a fragment is content: no densest-block choice, and the walk treats the
  // body as one block.
  Body body = extract_body(doc.body(), meta);
  const int offset = static_cast<int>(into.blocks.size());
  for (Block& b : body.blocks) {
    b.line = line;
    into.blocks.push_back(std::move(b));
  }
  for (LinkRef& l : body.links) {
    l.block_index = l.block_index < 0 ? offset - 1 : l.block_index + offset;
    into.links.push_back(std::move(l));
  }
}

std::string decode_html_entities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  // gumbo decodes references as a browser does; "<" in plain text must stay text.
  std::string escaped;
  escaped.reserve(text.size() + 16);
  for (char c : text) {
    if (c == '<') escaped += "&lt;";
    else escaped += c;
  }
  html::Document doc(escaped);
  return html::text_content(doc.body());
}

std::string declared_html_charset(std::string_view bytes) {
  std::string head = html::ascii_lower(bytes.substr(0, 4096));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string::npos) end = head.size();
    std::string charset = charset_in_tag(std::string_view(head).substr(pos, end - pos));
    if (!charset.empty()) return charset;
    pos = end;
  }
  return "";
}

Article read_html(std::string_view bytes, const std::string& source) {
  if (looks_binary(bytes)) throw InputError(source, "binary data, not an HTML page");
  Decoded decoded = decode_text(bytes, declared_html_charset(bytes));
  html::Document doc(html::limit_nesting(decoded.text, kMaxNesting));
  const GumboNode* body = doc.body();
  const GumboNode* root = choose_root(body);
  html::PageMeta meta = html::read_metadata(doc.root(), root);
  Body content = extract_body(root, meta);
  if (content.blocks.empty() && root != body) content = extract_body(body, meta);
  if (content.blocks.empty() && meta.title.empty())
    throw InputError(source, "no article text in the HTML page");

  Article a;
  a.url = meta.url;
  a.title = meta.title;
  a.date = meta.date;
  a.author = meta.author;
  a.category = meta.category;
  a.lang = meta.lang;
  a.source = source;
  a.blocks = std::move(content.blocks);
  a.links = std::move(content.links);
  return a;
}

}  // namespace newsindex
