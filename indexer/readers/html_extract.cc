// Extraction of the chosen content with cleaning rules, and the comparisons that catch a
// wrong choice: a body-wide reading of paragraphs (as trafilatura compares its result with a
// baseline) and JSON-LD articleBody.
#include "indexer/readers/html_extract.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>

#include "common/dates.h"
#include "indexer/readers/html_blocks.h"
#include "indexer/readers/html_classify.h"
#include "indexer/readers/html_dom.h"
#include "indexer/readers/html_reader.h"
#include "common/url.h"

namespace newsindex::html {
namespace {

size_t word_count(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool is_list_or_box(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_TABLE: case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_UNKNOWN:
      return true;
    default:
      return false;
  }
}

// "By Ann Lee and Bo Ng", "Von Jonas Weber": a byline standing as a paragraph of its own.
bool is_byline_text(std::string_view t) {
  for (std::string_view by : {"By ", "BY ", "Von ", "Par ", "Por "})
    if (t.starts_with(by) && t.size() > by.size()) {
      const unsigned char next = static_cast<unsigned char>(t[by.size()]);
      return (next >= 'A' && next <= 'Z') || next >= 0x80;
    }
  return false;
}

bool looks_like_bare_url(std::string_view t) {
  if (t.find(' ') != std::string_view::npos) return false;
  return t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.");
}

// Block-level rules shared by every reading: no repeats (slideshow captions), no bare URLs,
// no short promos or link lines.
class BlockFilter {
 public:
  // `lenient`: a page of a few short lines, where a line of links may be all there is.
  explicit BlockFilter(const PageMeta& meta, bool lenient = false) : meta_(meta), lenient_(lenient) {}

  bool operator()(const BlockCandidate& b) {
    const std::string& t = b.text;
    if (looks_like_bare_url(t) || (!meta_.url.empty() && canonical_url(t) == meta_.url)) return false;
    if (lenient_) return seen_.insert(t).second;
    if (!meta_.title.empty() && t == meta_.title) return false;  // the headline again, as a block
    const size_t visible = visible_bytes(t.c_str());
    const size_t words = word_count(t);
    if (b.link_bytes * 10 >= visible * 6 && words <= 15) return false;
    if (words <= 40 && is_promo_text(t)) return false;
    if (words <= 12 && is_credit_text(t)) return false;
    if (words <= 10 && (is_byline_text(t) || parse_date(t, /*whole_line=*/true))) return false;
    return seen_.insert(t).second;
  }

 private:
  const PageMeta& meta_;
  bool lenient_;
  std::unordered_set<std::string> seen_;
};

// A short line that is not a sentence: a button's words or a label ("Kommentar schreiben",
// "Originalpublikation", "Rate this article").
bool is_label_line(const Block& b) {
  if (b.kind == Block::Kind::Heading) return true;
  if (word_count(b.text) >= 8) return false;
  static constexpr std::array<std::string_view, 9> kSentenceEnds = {
      ".", "!", "?", "\xE2\x80\x9D", "\"", "\xC2\xBB", "\xE2\x80\xA6", "\xE3\x80\x82", ")"};
  for (std::string_view e : kSentenceEnds)
    if (std::string_view(b.text).ends_with(e)) return false;
  return true;
}

// The story ends where its sentences end: headings with nothing under them (the title of a
// related list that was dropped) and label lines after the last sentence are furniture.
void drop_trailing_headings(std::vector<Block>& blocks, std::vector<LinkRef>& links, bool lenient) {
  // Only after a story of some length: a page of a few short lines is all labels.
  if (!lenient && blocks_text_bytes(blocks) >= 400)
    while (blocks.size() > 1 && is_label_line(blocks.back())) blocks.pop_back();
  while (!blocks.empty() && blocks.back().kind == Block::Kind::Heading) blocks.pop_back();
  const int last = static_cast<int>(blocks.size()) - 1;
  for (LinkRef& l : links) l.block_index = std::min(l.block_index, last);
}

struct Reading {
  std::vector<Block> blocks;
  std::vector<LinkRef> links;
  size_t bytes = 0;
};

// The chosen parts, each element inside weighed: furniture and link lists are dropped unless
// they hold a large share of the content with few links (a "paywall" or "l-sidebar-fixed"
// wrapper around the story stays).
Reading read_choice(const PageStats& stats, const ContentChoice& choice, const PageMeta& meta, bool lenient = false) {
  double content = 0;
  for (const GumboNode* p : choice.parts)
    if (const NodeStats* s = stats.find(p)) content += s->text;
  // The elements around the best candidate hold the story whatever their class says.
  std::unordered_set<const GumboNode*> around;
  for (const GumboNode* n = choice.best; n && n != choice.top; n = n->parent) around.insert(n);
  BlockFilter filter(meta, lenient);
  BlockWriter w(
      meta,
      [&](const GumboNode* n) {
        const NodeStats* s = stats.find(n);
        if (!s) return true;  // never content
        if (s->text == 0 || around.count(n)) return false;
        const double share = content > 0 ? s->text / content : 0;
        const double links = s->link_density();
        const GumboTag t = tag_of(n);
        const Furniture f = furniture_of(n);
        // A dateline or credit inside a sentence ("<span class=dateline>KOBE –</span> A total…")
        // is part of the paragraph.
        if (f != Furniture::None && is_inline_tag(t) && s->parent >= 0) {
          const NodeStats* b = &stats.nodes()[s->parent];
          while (b->parent >= 0 && is_inline_tag(tag_of(b->node))) b = &stats.nodes()[b->parent];
          if (tag_of(b->node) == GUMBO_TAG_P && s->text * 2 < b->own_text) return false;
        }
        switch (f) {
          case Furniture::Strong: return s->in_furniture;  // not when it holds most of the page's prose
          case Furniture::Weak: return !(s->paragraphs >= 2 && links < 0.25 && (share >= 0.3 || s->good_text * 2 >= s->text));
          case Furniture::None: break;
        }
        if (is_list_or_box(t) && share < 0.3 && links > 0.5) return true;
        if ((t == GUMBO_TAG_UL || t == GUMBO_TAG_OL) && share < 0.3 && links > 0.3) return true;
        return false;
      },
      std::ref(filter));
  for (const GumboNode* p : choice.parts) w.write(p);
  Reading r{std::move(w.blocks), std::move(w.links), 0};
  drop_trailing_headings(r.blocks, r.links, lenient);
  r.bytes = blocks_text_bytes(r.blocks);
  return r;
}

// A second opinion over the whole page: every paragraph of sentence size with few links,
// outside all furniture (what jusText and trafilatura's baseline keep).
Reading read_paragraphs(const PageStats& stats, const PageMeta& meta) {
  BlockFilter filter(meta);
  BlockWriter w(
      meta,
      [&](const GumboNode* n) {
        const NodeStats* s = stats.find(n);
        if (!s) return true;
        const GumboTag t = tag_of(n);
        if (s->in_furniture) return true;
        if (furniture_of(n) == Furniture::Weak && s->good_text * 2 < s->text) return true;
        return is_list_or_box(t) && s->link_density() > 0.5;
      },
      [&](const BlockCandidate& b) {
        if (b.kind != Block::Kind::Heading &&
            (visible_bytes(b.text.c_str()) < 60 || b.link_bytes * 10 > visible_bytes(b.text.c_str()) * 3))
          return false;
        return filter(b);
      });
  if (!stats.nodes().empty()) w.write(stats.nodes()[0].node);
  Reading r{std::move(w.blocks), std::move(w.links), 0};
  // Headings count only where paragraphs follow them; links move to the block kept before.
  std::vector<Block> kept;
  std::vector<int> index(r.blocks.size());
  for (size_t i = 0; i < r.blocks.size(); ++i) {
    if (r.blocks[i].kind != Block::Kind::Heading ||
        (i + 1 < r.blocks.size() && r.blocks[i + 1].kind != Block::Kind::Heading))
      kept.push_back(std::move(r.blocks[i]));
    index[i] = static_cast<int>(kept.size()) - 1;
  }
  r.blocks = std::move(kept);
  for (LinkRef& l : r.links)
    if (l.block_index >= 0) l.block_index = index[l.block_index];
  r.bytes = blocks_text_bytes(r.blocks);
  return r;
}

// JSON-LD articleBody as paragraphs (its own line breaks, else one block that segmentation splits);
// a body that holds markup, even escaped ("&lt;p&gt;"), is read as the HTML it is.
Reading read_structured(const PageMeta& meta) {
  Reading r;
  std::string_view body = meta.article_body;
  if (body.find("&lt;") != std::string_view::npos || looks_like_html_fragment(body)) {
    const std::string markup = body.find("&lt;") != std::string_view::npos ? decode_html_entities(body) : std::string(body);
    Document doc(limit_nesting(markup, 400));
    BlockWriter w(meta, [](const GumboNode* n) { return is_never_content(n); });
    w.write(doc.body());
    r.blocks = std::move(w.blocks);
    r.bytes = blocks_text_bytes(r.blocks);
    return r;
  }
  size_t start = 0;
  while (start < body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string line = collapse_whitespace(body.substr(start, end - start));
    if (!is_blank(line)) r.blocks.push_back({Block::Kind::Paragraph, std::move(line), 0});
    start = end + 1;
  }
  r.bytes = blocks_text_bytes(r.blocks);
  return r;
}

}  // namespace

ExtractedBody extract_article(const PageStats& stats, const ContentChoice& choice, const PageMeta& meta) {
  ExtractedBody out;
  out.page_text_bytes = stats.total_text();
  Reading best;
  if (choice.top) best = read_choice(stats, choice, meta);
  // A page of a few short lines has no paragraph to vote with: all of it is the body.
  bool whole_page = false;
  if (best.blocks.empty() && !stats.nodes().empty()) {
    ContentChoice whole;
    whole.top = stats.nodes()[0].node;
    whole.parts.push_back(whole.top);
    best = read_choice(stats, whole, meta, /*lenient=*/true);
    whole_page = true;
  }
  // A choice far smaller than the page's paragraphs missed the story: take the paragraphs.
  Reading wide = read_paragraphs(stats, meta);
  if (best.bytes < 200 ? wide.bytes > best.bytes + 100 : wide.bytes > 3 * best.bytes) best = std::move(wide);
  // The page's own statement of its body wins when the reading holds much less of it, and it is
  // plausible: not far longer than the page's text (a full text behind a teaser is no body shown).
  Reading ld = read_structured(meta);
  if (ld.bytes >= 200 && best.bytes * 2 < ld.bytes && ld.bytes * 2 <= out.page_text_bytes * 3 + 400) {
    best = std::move(ld);
    whole_page = false;
  }
  // No paragraph anywhere and a page of links (an index, a menu) is no article either.
  const bool link_page = whole_page && !stats.nodes().empty() && stats.nodes()[0].link_density() > 0.5;
  const uint64_t page = out.page_text_bytes;
  out.missing = link_page || best.bytes == 0 || (best.bytes < 100 && best.bytes * 2 < page) ||
                (best.bytes < 400 && best.bytes * 10 < page);
  out.blocks = std::move(best.blocks);
  out.links = std::move(best.links);
  return out;
}

}  // namespace newsindex::html
