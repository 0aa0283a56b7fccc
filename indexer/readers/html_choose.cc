// Candidate scoring after readability's idea (each paragraph votes for its parent, less for
// its grandparent and further ancestors), in our own form over PageStats: linear in the page.
#include "indexer/readers/html_choose.h"

#include <algorithm>
#include <cmath>

#include "indexer/readers/html_classify.h"
#include "indexer/readers/html_dom.h"

namespace newsindex::html {
namespace {

constexpr uint32_t kMinUnitText = 25;  // bytes of own text before a block votes
constexpr int kAncestorLevels = 5;

double tag_base(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: return 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: return -3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TH: return -5;
    default: return 0;
  }
}

bool is_heading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
         t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

void init(NodeStats& s) {
  if (s.scored) return;
  s.scored = true;
  s.score = static_cast<float>(tag_base(tag_of(s.node)) + content_weight(s.node));
}

// What one block's own text is worth: a vote per paragraph (a <br><br> run counts as one),
// one per comma, up to three per paragraph for length; links count against it.
double unit_score(const NodeStats& s) {
  const double runs = 1.0 + s.breaks / 2;
  double v = runs + s.commas + std::min(s.own_text / 100.0, 3.0 * runs);
  if (s.own_text) v *= 1.0 - static_cast<double>(s.own_link) / s.own_text;
  return v;
}

// Letters and digits of `s`, lower-cased ASCII, for comparing a headline with an <h1>.
std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) out += static_cast<char>(u < 0x80 ? std::tolower(u) : u);
  }
  return out;
}

// Headlines are short: longer texts are no headline, and the bound keeps the comparison linear.
constexpr size_t kMaxHeadline = 600;

bool headline_matches(std::string_view h1, const std::string& squeezed_headline) {
  if (h1.size() > kMaxHeadline) return false;
  const std::string a = squeeze(h1);
  const std::string& b = squeezed_headline;
  if (a.size() < 8 || b.size() < 8) return false;
  return a.find(b) != std::string::npos || b.find(a) != std::string::npos;
}

const GumboNode* parent_element(const GumboNode* n) {
  const GumboNode* p = n->parent;
  return p && p->type == GUMBO_NODE_ELEMENT ? p : nullptr;
}

// Element children of `n` that hold visible text or markup (whitespace text ignored).
size_t element_children(const GumboNode* n, const GumboNode** only) {
  size_t count = 0;
  const GumboVector* kids = children_of(n);
  for (unsigned i = 0; kids && i < kids->length; ++i) {
    auto* k = static_cast<const GumboNode*>(kids->data[i]);
    if (k->type == GUMBO_NODE_TEXT) return 2;  // loose text: not a wrapper of one element
    if (k->type == GUMBO_NODE_ELEMENT) {
      ++count;
      *only = k;
    }
  }
  return count;
}

// The standfirst between the headline and the body ("p.lead", "ts-intro", "intro-text") often
// stands outside the body's container: prose after the matching <h1> and before the first part,
// near it in the tree, is taken ahead of the parts.
void take_lede(const PageStats& stats, int32_t h1, ContentChoice& choice) {
  const std::vector<NodeStats>& nodes = stats.nodes();
  if (h1 < 0 || choice.parts.empty()) return;
  const int32_t first = stats.index_of(choice.parts.front());
  if (first < 0 || h1 >= first) return;
  // The headline and the body share an ancestor a few levels up, or the prose between is no lede.
  int32_t shared = nodes[first].parent;
  for (int level = 0; shared >= 0 && level < 4 && !(static_cast<uint32_t>(h1) < nodes[shared].end && h1 > shared); ++level)
    shared = nodes[shared].parent;
  if (shared < 0 || !(h1 > shared && static_cast<uint32_t>(h1) < nodes[shared].end)) return;
  std::vector<const GumboNode*> lede;
  size_t bytes = 0;
  for (uint32_t i = nodes[h1].end; i < static_cast<uint32_t>(first) && lede.size() < 3;) {
    const NodeStats& s = nodes[i];
    const GumboTag t = tag_of(s.node);
    const bool clean = !s.in_furniture && furniture_of(s.node) == Furniture::None;
    const bool prose = clean && s.own_good >= 60 && s.link_density() < 0.3 && !is_heading(t);
    const bool subtitle = clean && (t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3) && s.text >= 20 && s.link_text == 0;
    if ((prose || subtitle) && s.end <= static_cast<uint32_t>(first)) {
      lede.push_back(s.node);
      bytes += s.text;
      i = s.end;  // its subtree is taken whole
    } else {
      ++i;
    }
  }
  if (lede.empty() || bytes > 1500) return;  // more than a standfirst: another layout, leave it
  choice.parts.insert(choice.parts.begin(), lede.begin(), lede.end());
}

}  // namespace

ContentChoice choose_content(PageStats& stats, std::string_view headline) {
  std::vector<NodeStats>& nodes = stats.nodes();
  ContentChoice choice;
  if (nodes.empty()) return choice;
  for (NodeStats& s : nodes) {
    const GumboTag t = tag_of(s.node);
    // Comments and related lists do not vote: their prose is not the story's.
    if (s.own_text < kMinUnitText || is_inline_tag(t) || is_heading(t) || s.parent < 0 || s.in_furniture) continue;
    const double v = unit_score(s);
    // A <br>-written body is its own candidate too: it is the text, not one paragraph of it.
    if (s.breaks >= 2 && t != GUMBO_TAG_P) {
      init(s);
      s.score += static_cast<float>(v);
    }
    int32_t a = s.parent;
    for (int level = 0; a >= 0 && level < kAncestorLevels; ++level, a = nodes[a].parent) {
      init(nodes[a]);
      const double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      nodes[a].score += static_cast<float>(v / divider);
    }
  }
  // The <h1> that repeats the page's headline marks the story's container.
  int32_t h1 = -1;
  if (!headline.empty() && headline.size() <= kMaxHeadline) {
    const std::string squeezed = squeeze(headline);
    for (const NodeStats& s : nodes) {
      if (tag_of(s.node) != GUMBO_TAG_H1 || s.text > kMaxHeadline || !headline_matches(text_content(s.node), squeezed))
        continue;
      h1 = static_cast<int32_t>(&s - nodes.data());
      for (int32_t a = s.parent, level = 0; a >= 0 && level < 6; a = nodes[a].parent, ++level)
        if (nodes[a].scored) nodes[a].score *= 1.1f;
      break;
    }
  }
  int32_t best = -1;
  double best_score = 0;
  for (size_t i = 0; i < nodes.size(); ++i) {
    NodeStats& s = nodes[i];
    if (!s.scored) continue;
    s.score = static_cast<float>(s.score * (1.0 - s.link_density()));
    if (best < 0 || s.score > best_score) {
      best = static_cast<int32_t>(i);
      best_score = s.score;
    }
  }
  if (best < 0 || best_score <= 0) return choice;
  const GumboNode* top = nodes[best].node;
  choice.best = top;
  // A wrapper whose only child is the candidate adds nothing but its siblings to compare.
  const GumboNode* root = nodes[0].node;
  for (const GumboNode* p = parent_element(top); p && top != root; p = parent_element(top)) {
    const GumboNode* only = nullptr;
    if (element_children(p, &only) != 1 || stats.index_of(p) < 0) break;
    top = p;
  }
  // A body cut into several containers (a section per paragraph group, ads between) scores as
  // one of them: climb while an ancestor holds much more prose than the choice so far.
  for (int level = 0; level < 6 && top != root; ++level) {
    const GumboNode* up = top;
    for (int k = 0; k <= level && up != root; ++k) up = parent_element(up);
    const NodeStats* a = up ? stats.find(up) : nullptr;
    if (!a) break;
    const NodeStats& t = *stats.find(top);
    // ... and the text it adds has few links (not a grid of teaser cards).
    const double added_links = a->text > t.text ? double(a->link_text - t.link_text) / (a->text - t.text) : 1.0;
    if (a->story_text * 10 >= t.story_text * 11 && a->story_text >= t.story_text + 150 && a->link_density() < 0.4 &&
        added_links < 0.25) {
      top = up;
      level = -1;
    }
  }
  choice.top = top;
  choice.score = best_score;
  const GumboNode* parent = parent_element(top);
  if (!parent || top == root) {
    choice.parts.push_back(top);
    return choice;
  }
  // Siblings that score well, or read as paragraphs of their own, continue the body.
  const double threshold = std::max(10.0, best_score * 0.2);
  const char* top_class = attribute(top, "class");
  const GumboVector* kids = children_of(parent);
  bool before_top = true;
  for (unsigned i = 0; kids && i < kids->length; ++i) {
    auto* k = static_cast<const GumboNode*>(kids->data[i]);
    if (k == top) {
      choice.parts.push_back(k);
      before_top = false;
      continue;
    }
    const NodeStats* s = stats.find(k);
    if (!s || s->text == 0) continue;
    double bonus = 0;
    const char* cls = attribute(k, "class");
    if (top_class && cls && *top_class && std::string_view(cls) == top_class) bonus = best_score * 0.2;
    bool take = s->scored && s->score + bonus >= threshold;
    const double ld = s->link_density();
    const GumboTag t = tag_of(k);
    if (!take && furniture_of(k) == Furniture::None) {
      // Prose next to the story (a standfirst, a paragraph between containers) continues it,
      // and so does a heading that leads into it.
      take = (s->story_text > 80 && ld < 0.25) || (t == GUMBO_TAG_P && s->text > 0 && ld == 0 && s->paragraphs > 0) ||
             (is_heading(t) && t != GUMBO_TAG_H1 && ld == 0 && s->text >= 20 && before_top);
    }
    if (take && s->link_density() < 0.2) choice.parts.push_back(k);
  }
  take_lede(stats, h1, choice);
  return choice;
}

}  // namespace newsindex::html
