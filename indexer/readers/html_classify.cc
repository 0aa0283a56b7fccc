// Element classes for the HTML reader. Word lists follow what news CMSs (WordPress, Arc,
// Drupal, Chorus) put in class names; they weigh evidence and never decide alone.
#include "indexer/readers/html_classify.h"

#include <algorithm>
#include <array>
#include <string>

#include "indexer/readers/html_dom.h"

namespace newsindex::html {
namespace {

bool is_hidden(const GumboNode* n) {
  if (attribute(n, "hidden")) return true;
  const char* style = attribute(n, "style");
  if (!style) return false;
  std::string s = ascii_lower(style);
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

// Calls `f(token)` for each lower-cased whitespace-separated token of class and id.
template <class F>
bool any_token(const GumboNode* n, F&& f) {
  for (const char* attr : {"class", "id"}) {
    const char* value = attribute(n, attr);
    if (!value) continue;
    const std::string low = ascii_lower(value);
    size_t start = 0;
    while (start < low.size()) {
      size_t end = low.find_first_of(" \t\n\r\f", start);
      if (end == std::string::npos) end = low.size();
      if (end > start && f(std::string_view(low).substr(start, end - start))) return true;
      start = end + 1;
    }
  }
  return false;
}

// True when one of `words` is a whole part of `token` split at '-', '_' or a camelCase hump
// is not needed: class names are lower-cased first.
template <size_t N>
bool has_part(std::string_view token, const std::array<std::string_view, N>& words) {
  size_t start = 0;
  while (start <= token.size()) {
    size_t end = token.find_first_of("-_", start);
    if (end == std::string_view::npos) end = token.size();
    const std::string_view part = token.substr(start, end - start);
    if (std::find(words.begin(), words.end(), part) != words.end()) return true;
    start = end + 1;
  }
  return false;
}

template <size_t N>
bool contains_any(std::string_view token, const std::array<std::string_view, N>& words) {
  for (std::string_view w : words)
    if (token.find(w) != std::string_view::npos) return true;
  return false;
}

// Furniture that is never article text wherever it stands (comments, share bars, related lists,
// bylines) ...
constexpr std::array<std::string_view, 30> kStrongContains = {
    "share", "sharing", "social", "subscri", "newsletter", "related", "comments", "cookie",
    "breadcrumb", "outbrain", "taboola", "disqus", "recirc", "most-popular", "signup",
    "author-bio", "authorbio", "about-author", "author-info", "author-box", "authorbox", "consent",
    "recommend", "teaser-list", "mostread", "most-read", "discussion", "replies", "reply", "responses"};
constexpr std::array<std::string_view, 16> kStrongWords = {
    "comment", "popup", "byline", "dateline", "timestamp", "bio", "footer", "foot", "tags", "pagination",
    "pager", "date", "meta", "author", "copyright", "caption-credit"};
// ... and words that also name layout wrappers around a whole story ("paywall",
// "l-sidebar-fixed", WordPress's "category-…-advertising-…", "modal-open"): weighed, not obeyed.
constexpr std::array<std::string_view, 4> kWeakContains = {"promo", "advert", "sidebar", "paywall"};
constexpr std::array<std::string_view, 13> kWeakWords = {
    "ad", "ads", "adv", "adslot", "dfp", "gpt", "sponsored", "modal", "banner", "widget", "anzeige", "werbung",
    "publicite"};

constexpr std::array<std::string_view, 16> kContentContains = {
    "article", "story", "entry", "post-body", "postbody", "post-content", "articlebody",
    "article-body", "main-content", "maincontent", "hentry", "text", "content", "blog", "body",
    "paragraph"};
constexpr std::array<std::string_view, 30> kAgainstContains = {
    "comment", "footer", "footnote", "masthead", "outbrain", "promo", "related", "scroll",
    "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "widget", "combx",
    "contact", "popup", "modal", "cookie", "newsletter", "subscri", "paywall", "teaser",
    "recommend", "social", "nav", "menu", "breadcrumb", "login"};

}  // namespace

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
    case GUMBO_TAG_RP: case GUMBO_TAG_NOBR: case GUMBO_TAG_SOURCE: case GUMBO_TAG_A:
    case GUMBO_TAG_UNKNOWN:  // custom elements wrap anything; their blocks still split
      return true;
    default:
      return false;
  }
}

bool is_never_content(const GumboNode* n) {
  if (n->type == GUMBO_NODE_TEMPLATE) return true;
  switch (tag_of(n)) {
    // Ruby annotations (<rt>, <rp>) are pronunciation guides over the text, not text.
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_RT: case GUMBO_TAG_RP: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_MAP:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_META: case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE: case GUMBO_TAG_IMG: case GUMBO_TAG_MATH: case GUMBO_TAG_OPTION:
      return true;
    default:
      return is_hidden(n);
  }
}

bool is_furniture_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM: case GUMBO_TAG_MENU: case GUMBO_TAG_FIELDSET:
      return true;
    default:
      return false;
  }
}

Furniture furniture_of(const GumboNode* n) {
  const GumboTag t = tag_of(n);
  // <noscript> is furniture, not never-content: a stray unclosed tag in it can hold the page.
  if (t == GUMBO_TAG_NAV || t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_MENU || t == GUMBO_TAG_NOSCRIPT)
    return Furniture::Strong;
  if (has_furniture_role(n)) return Furniture::Strong;
  if (any_token(n, [](std::string_view token) { return contains_any(token, kStrongContains) || has_part(token, kStrongWords); }))
    return Furniture::Strong;
  if (is_furniture_tag(t)) return Furniture::Weak;
  if (any_token(n, [](std::string_view token) { return contains_any(token, kWeakContains) || has_part(token, kWeakWords); }))
    return Furniture::Weak;
  return Furniture::None;
}

bool has_furniture_name(const GumboNode* n) {
  return any_token(n, [](std::string_view token) {
    return contains_any(token, kStrongContains) || has_part(token, kStrongWords) || contains_any(token, kWeakContains) ||
           has_part(token, kWeakWords);
  });
}

bool has_furniture_role(const GumboNode* n) {
  const char* role = attribute(n, "role");
  if (const char* aria = attribute(n, "aria-hidden"); aria && ascii_lower(aria) == "true") return true;
  if (!role) return false;
  const std::string r = ascii_lower(role);
  return r == "navigation" || r == "complementary" || r == "banner" || r == "contentinfo" || r == "search" ||
         r == "dialog" || r == "alertdialog" || r == "menu" || r == "menubar";
}

bool is_main(const GumboNode* n) {
  if (tag_of(n) == GUMBO_TAG_MAIN) return true;
  const char* role = attribute(n, "role");
  return role && ascii_lower(role) == "main";
}

bool is_marked_body(const GumboNode* n) {
  const char* prop = attribute(n, "itemprop");
  return prop && ascii_lower(prop).find("articlebody") != std::string::npos;
}

int content_weight(const GumboNode* n) {
  int w = 0;
  if (any_token(n, [](std::string_view t) { return contains_any(t, kContentContains); })) w += 25;
  if (any_token(n, [](std::string_view t) { return contains_any(t, kAgainstContains) || has_part(t, kStrongWords) || has_part(t, kWeakWords); }))
    w -= 25;
  if (tag_of(n) == GUMBO_TAG_ARTICLE) w += 15;
  if (is_main(n)) w += 10;
  if (is_marked_body(n)) w += 40;
  if (has_furniture_role(n) || is_furniture_tag(tag_of(n))) w -= 25;
  return w;
}

bool is_promo_text(std::string_view text) {
  static constexpr std::string_view kStarts[] = {
      "read more", "read also", "also read", "see also", "also on ", "related:", "related stories",
      "related articles", "related coverage", "more:", "sign up", "subscribe", "click here",
      "follow us", "recommended:", "don't miss", "don’t miss", "watch:", "listen:", "advertisement",
      "lesen sie auch", "lesen sie mehr", "mehr zum thema", "auch interessant", "anzeige", "werbung",
      "lire aussi", "à lire aussi", "a lire aussi", "publicité", "читайте также", "читайте также:",
      "подписывайтесь", "реклама", "you may also", "you might also", "more from", "more stories",
      "recommended for you", "ähnliche beiträge", "ähnliche artikel", "das könnte sie auch", "das könnte dich auch",
      "sie könnten auch", "weitere artikel", "das thema könnte", "mehr aus", "sur le même sujet", "à voir aussi",
      "vous aimerez aussi", "related posts", "share this", "teilen:", "partager", "поделиться", "copyright",
      "©", "all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "if you enjoyed",
      "if you liked", "did you enjoy", "support our", "support us", "become a member", "become a patron",
      "disclosure:", "hat ihnen der artikel", "hat dir der artikel", "hat ihnen dieser artikel", "jetzt abonnieren",
      "abonnieren sie", "folgen sie uns", "war der artikel", "war dieser artikel", "möchten sie den artikel",
      "vous avez aimé", "abonnez-vous", "suivez-nous", "soutenez"};
  // Lower-case the ASCII and the Cyrillic capitals the list needs; the check is on the start.
  std::string low;
  for (size_t i = 0; i < text.size() && low.size() < 48; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xD0 && i + 1 < text.size()) {
      unsigned char d = static_cast<unsigned char>(text[i + 1]);
      if (d >= 0x90 && d <= 0x9F) { low += '\xD0'; low += static_cast<char>(d + 0x20); ++i; continue; }
      if (d >= 0xA0 && d <= 0xAF) { low += '\xD1'; low += static_cast<char>(d - 0x20); ++i; continue; }
    }
    low += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  for (std::string_view s : kStarts)
    if (std::string_view(low).starts_with(s)) return true;
  return false;
}

bool is_credit_text(std::string_view text) {
  static constexpr std::array<std::string_view, 16> kStarts = {
      "photo:", "photos:", "foto:", "fotos:", "bild:", "image:", "picture:", "credit:", "credits:", "quelle:",
      "source:", "kuva:", "crédit", "crédits", "getty images", "bildquelle"};
  std::string low = ascii_lower(text.substr(0, 24));
  for (std::string_view s : kStarts)
    if (low.starts_with(s)) return true;
  // "Name/Agency" or "© Agency" alone
  return text.find("\xC2\xA9") != std::string_view::npos && text.size() < 80;
}

}  // namespace newsindex::html
