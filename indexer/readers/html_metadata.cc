// Page metadata for the HTML reader. One walk collects every candidate; the precedence rules
// then pick from them, so each rule reads as a list of sources in order.
#include "indexer/readers/html_metadata.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>
#include <vector>

#include "common/dates.h"
#include "indexer/article.h"
#include "indexer/readers/html_dom.h"
#include "common/url.h"
#include "common/ascii.h"

namespace newsindex::html {
namespace {

using nlohmann::json;

struct Candidates {
  std::unordered_map<std::string, std::string> meta;  // property/name/itemprop/http-equiv -> content
  // Keys a page gives more than once (one article:tag per tag): every content, in page order.
  std::unordered_map<std::string, std::vector<std::string>> meta_lists;
  std::string canonical_href, base_href, html_lang, title;
  std::string h1_in_root, h1_anywhere, time_in_root, time_anywhere;
  // What the page shows as its byline or dateline, for pages without the metadata: an element
  // marked as the author (class/id "byline", "author", rel or itemprop "author") or the date.
  std::string byline_in_root, author_mark_anywhere, dateline_in_root;
  std::vector<json> json_ld;
};

bool has_token(const char* list, std::string_view token) {
  if (!list) return false;
  std::string low = ascii_lower(list);
  size_t pos = 0;
  while ((pos = low.find(token, pos)) != std::string::npos) {
    bool start_ok = pos == 0 || low[pos - 1] == ' ';
    bool end_ok = pos + token.size() == low.size() || low[pos + token.size()] == ' ';
    if (start_ok && end_ok) return true;
    pos += token.size();
  }
  return false;
}

// <meta> and any element with itemprop and a content or datetime: each key of a multi-valued
// attribute ("datePublished dateCreated") on its own.
void collect_meta(const GumboNode* n, Candidates& c) {
  const char* content = attribute(n, "content");
  if (!content) content = attribute(n, "datetime");
  if (!content) return;
  for (const char* key_attr : {"property", "name", "itemprop", "http-equiv"}) {
    const char* key = attribute(n, key_attr);
    if (!key || !*key) continue;
    const std::string keys = ascii_lower(key);
    for (size_t start = 0; start < keys.size();) {
      size_t end = keys.find(' ', start);
      if (end == std::string::npos) end = keys.size();
      if (end > start) {
        std::string k = keys.substr(start, end - start);
        if (k == "article:tag" || k == "keywords" || k == "news_keywords") c.meta_lists[k].push_back(content);
        c.meta.emplace(std::move(k), content);
      }
      start = end + 1;
    }
  }
}

void collect_json_ld(const GumboNode* n, Candidates& c) {
  const char* type = attribute(n, "type");
  if (!type || ascii_lower(type).find("ld+json") == std::string::npos) return;
  json parsed = json::parse(text_content(n), nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_discarded()) c.json_ld.push_back(std::move(parsed));
}

// The time a <time> element stands for: its datetime attribute, else its text.
std::string time_value(const GumboNode* n) {
  const char* dt = attribute(n, "datetime");
  return dt ? std::string(dt) : text_content(n);
}

// A word of a class or id starts with one of `words` ("byline", "article-author", "c-byline__name",
// "dateline", "publish-date", "authorName"), so "candidate" is not a date.
bool names_any(const GumboNode* n, std::initializer_list<std::string_view> words) {
  for (const char* attr : {"class", "id"}) {
    const char* value = attribute(n, attr);
    if (!value) continue;
    const std::string low = ascii_lower(value);
    for (size_t start = 0; start < low.size();) {
      size_t end = start;
      while (end < low.size() && std::isalnum(static_cast<unsigned char>(low[end]))) ++end;
      const std::string_view word = std::string_view(low).substr(start, end - start);
      for (std::string_view w : words)
        if (word.starts_with(w)) return true;
      start = end + 1;
    }
  }
  return false;
}

// Visible byline and dateline text: short, the first of each.
void collect_visible_marks(const GumboNode* n, bool in_root, Candidates& c) {
  constexpr size_t kMaxBytes = 200;
  const bool author_mark = has_token(attribute(n, "rel"), "author") || has_token(attribute(n, "itemprop"), "author");
  if (author_mark && c.author_mark_anywhere.empty()) {
    std::string t = collapse_whitespace(text_content(n));
    if (t.size() <= kMaxBytes) c.author_mark_anywhere = t;
  }
  if (!in_root) return;
  if (c.byline_in_root.empty() && (author_mark || names_any(n, {"byline", "by-line", "author"})) &&
      !names_any(n, {"bio", "avatar", "image", "photo"})) {
    std::string t = collapse_whitespace(text_content(n));
    if (!t.empty() && t.size() <= kMaxBytes) c.byline_in_root = t;
  }
  if (c.dateline_in_root.empty() &&
      (has_token(attribute(n, "itemprop"), "datepublished") || names_any(n, {"dateline", "date", "timestamp", "published"}))) {
    const char* dt = attribute(n, "datetime");
    if (!dt) dt = attribute(n, "content");
    std::string t = dt ? std::string(dt) : collapse_whitespace(text_content(n));
    if (!t.empty() && t.size() <= kMaxBytes) c.dateline_in_root = t;
  }
}

void collect_element(const GumboNode* n, bool in_root, Candidates& c) {
  collect_visible_marks(n, in_root, c);
  if (tag_of(n) != GUMBO_TAG_META && attribute(n, "itemprop")) collect_meta(n, c);
  switch (tag_of(n)) {
    case GUMBO_TAG_HTML:
      if (const char* lang = attribute(n, "lang"); lang && c.html_lang.empty()) c.html_lang = lang;
      break;
    case GUMBO_TAG_META: collect_meta(n, c); break;
    case GUMBO_TAG_LINK:
      if (has_token(attribute(n, "rel"), "canonical") && c.canonical_href.empty())
        if (const char* href = attribute(n, "href")) c.canonical_href = href;
      break;
    case GUMBO_TAG_BASE:
      if (const char* href = attribute(n, "href"); href && c.base_href.empty()) c.base_href = href;
      break;
    case GUMBO_TAG_TITLE:  // <svg><title> is a tooltip, not the page title
      if (n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML && c.title.empty()) c.title = text_content(n);
      break;
    case GUMBO_TAG_H1:
      if (in_root && c.h1_in_root.empty()) c.h1_in_root = text_content(n);
      if (c.h1_anywhere.empty()) c.h1_anywhere = text_content(n);
      break;
    case GUMBO_TAG_TIME:
      if (in_root && !iso_date(c.time_in_root)) c.time_in_root = time_value(n);
      if (!iso_date(c.time_anywhere)) c.time_anywhere = time_value(n);
      break;
    case GUMBO_TAG_SCRIPT: collect_json_ld(n, c); break;
    case GUMBO_TAG_UNKNOWN:  // NITF (news archives' XML, as the NYT corpus): <pubdata date.publication="20180606T000000">
      if (const char* d = attribute(n, "date.publication")) c.meta.emplace("date.publication", d);
      break;
    default: break;
  }
}

Candidates collect(const GumboNode* document, const GumboNode* root) {
  Candidates c;
  int in_root = 0;
  walk(
      document,
      [&](const GumboNode* n) {
        if (!is_element(n)) return n->type == GUMBO_NODE_DOCUMENT;
        if (n == root) ++in_root;
        collect_element(n, in_root > 0, c);
        return true;
      },
      [&](const GumboNode* n) {
        if (n == root) --in_root;
      });
  return c;
}

// ---- JSON-LD ----

bool is_article_type(const json& obj) {
  auto article_like = [](const json& t) {
    if (!t.is_string()) return false;
    std::string s = t.get<std::string>();
    return s.ends_with("Article") || s == "BlogPosting" || s == "Report" || s == "LiveBlogPosting";
  };
  auto it = obj.find("@type");
  if (it == obj.end()) return false;
  if (it->is_array()) {
    for (const json& t : *it)
      if (article_like(t)) return true;
    return false;
  }
  return article_like(*it);
}

void flatten_ld(const json& j, std::vector<const json*>& out, int depth) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const json& e : j) flatten_ld(e, out, depth + 1);
  } else if (j.is_object()) {
    out.push_back(&j);
    if (auto g = j.find("@graph"); g != j.end()) flatten_ld(*g, out, depth + 1);
  }
}

// JSON-LD objects, article types first: a page's graph also describes the site and the
// breadcrumb, whose "name" and dates are not the article's.
std::vector<const json*> ld_objects(const std::vector<json>& docs) {
  std::vector<const json*> all;
  for (const json& d : docs) flatten_ld(d, all, 0);
  std::vector<const json*> ordered;
  for (const json* o : all)
    if (is_article_type(*o)) ordered.push_back(o);
  for (const json* o : all)
    if (!is_article_type(*o)) ordered.push_back(o);
  return ordered;
}

std::string ld_name(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object()) {
    auto n = v.find("name");
    if (n != v.end() && n->is_string()) return n->get<std::string>();
  }
  if (v.is_array()) {
    std::string joined;
    for (const json& e : v) {
      std::string name = ld_name(e);
      if (name.empty()) continue;
      if (!joined.empty()) joined += ", ";
      joined += name;
    }
    return joined;
  }
  return "";
}

std::string ld_string(const std::vector<const json*>& objs, const char* field) {
  for (const json* o : objs) {
    auto it = o->find(field);
    if (it == o->end()) continue;
    std::string s = ld_name(*it);
    if (!s.empty()) return s;
  }
  return "";
}

// ---- precedence ----

std::string meta_value(const Candidates& c, std::string_view key) {
  auto it = c.meta.find(std::string(key));
  return it == c.meta.end() ? "" : collapse_whitespace(it->second);
}

template <size_t N>
std::string first_meta(const Candidates& c, const std::array<std::string_view, N>& keys) {
  for (std::string_view k : keys)
    if (std::string v = meta_value(c, k); !v.empty()) return v;
  return "";
}

// Letters and digits, lower-cased (ASCII), for comparing titles and names.
std::string squeeze(std::string_view text) {
  std::string out;
  for (char ch : text) {
    const unsigned char u = static_cast<unsigned char>(ch);
    if (u >= 0x80 || std::isalnum(u)) out += static_cast<char>(u < 0x80 ? std::tolower(u) : u);
  }
  return out;
}

// The names a site goes by: og:site_name, the JSON-LD publisher, the host's main label.
std::vector<std::string> site_names(const Candidates& c, const std::vector<const json*>& ld, std::string_view url) {
  std::vector<std::string> names;
  for (const std::string& n : {meta_value(c, "og:site_name"), meta_value(c, "application-name"), ld_string(ld, "publisher")})
    if (std::string sq = squeeze(n); !sq.empty()) names.push_back(sq);
  std::string host = url_host(url);
  if (host.starts_with("www.")) host.erase(0, 4);
  if (size_t dot = host.rfind('.'); dot != std::string::npos) host.resize(dot);  // "zdnet.com" -> "zdnet"
  if (size_t dot = host.rfind('.'); dot != std::string::npos) host.erase(0, dot + 1);
  if (std::string sq = squeeze(host); sq.size() >= 3) names.push_back(sq);
  return names;
}

bool names_site(std::string_view part, const std::vector<std::string>& sites) {
  const std::string p = squeeze(part);
  if (p.empty()) return false;
  for (const std::string& site : sites)
    if (p == site || (site.size() >= 4 && p.find(site) != std::string::npos && p.size() <= site.size() + 12) ||
        (p.size() >= 4 && site.find(p) != std::string::npos))
      return true;
  return false;
}

// "Headline | Site", "Site - Headline", "Site: Headline" -> "Headline" when the part cut off
// names the site.
std::string strip_site(std::string_view title, const std::vector<std::string>& sites) {
  std::string t = collapse_whitespace(title);
  if (t.size() > 2000) return t;  // no headline; each cut would rescan it
  static constexpr std::array<std::string_view, 8> kSeparators = {
      " | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " \xC2\xB7 ", " :: ", " \xC2\xBB ", ": "};
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view sep : kSeparators) {
      const size_t last = t.rfind(sep);
      if (last != std::string::npos && last > 0 && names_site(std::string_view(t).substr(last + sep.size()), sites)) {
        t.resize(last);
        changed = true;
        break;
      }
      const size_t first = t.find(sep);
      if (first != std::string::npos && first + sep.size() < t.size() && names_site(std::string_view(t).substr(0, first), sites)) {
        t.erase(0, first + sep.size());
        changed = true;
        break;
      }
    }
  }
  return t;
}

// The headline: the <h1> of the article (else of the page) when another source agrees with it (it is clean of
// site names), else JSON-LD headline, og:title, the article's <h1>, <title>, any <h1>; the
// site's name cut off each.
std::string pick_title(const Candidates& c, const std::vector<const json*>& ld, std::string_view url) {
  const std::vector<std::string> sites = site_names(c, ld, url);
  const std::string h1 = collapse_whitespace(c.h1_in_root.empty() ? c.h1_anywhere : c.h1_in_root);
  const std::string headline = strip_site(collapse_whitespace(ld_string(ld, "headline")), sites);
  std::string og = strip_site(meta_value(c, "og:title"), sites);
  if (og.empty()) og = strip_site(meta_value(c, "twitter:title"), sites);
  og = strip_title_suffix(og, meta_value(c, "og:site_name"));  // "… | Umweltbundesamt" without a URL to compare
  const std::string title = strip_title_suffix(strip_site(c.title, sites), meta_value(c, "og:site_name"));
  if (!h1.empty() && h1.size() <= 1000) {  // a headline is short; the bound keeps find() linear
    const std::string sq = squeeze(h1);
    for (const std::string& other : {headline, og, squeeze(c.title).empty() ? std::string() : collapse_whitespace(c.title)}) {
      const std::string o = squeeze(std::string_view(other).substr(0, 1000));
      if (sq.size() >= 4 && !o.empty() && (o.find(sq) != std::string::npos || sq.find(o) != std::string::npos)) return h1;
    }
  }
  for (const std::string& t : {headline, og, collapse_whitespace(c.h1_in_root), title, collapse_whitespace(c.h1_anywhere)})
    if (!t.empty()) return t;
  return "";
}

// NITF's publication date: <pubdata date.publication> in ISO 8601's basic form (20180606T000000),
// else its publication_year, _month and _day metas.
std::string nitf_date(const Candidates& c) {
  const std::string basic = meta_value(c, "date.publication");
  if (basic.size() >= 8 && all_digits(basic.substr(0, 8)) && (basic.size() == 8 || basic[8] == 'T'))
    return basic.substr(0, 4) + "-" + basic.substr(4, 2) + "-" + basic.substr(6, 2);
  const std::string y = meta_value(c, "publication_year"), m = meta_value(c, "publication_month"),
                    d = meta_value(c, "publication_day_of_month");
  if (y.size() != 4 || m.empty() || m.size() > 2 || d.empty() || d.size() > 2) return "";
  return y + "-" + (m.size() == 1 ? "0" : "") + m + "-" + (d.size() == 1 ? "0" : "") + d;
}

std::optional<std::string> pick_date(const Candidates& c, const std::vector<const json*>& ld) {
  static constexpr std::array<std::string_view, 10> kLateMeta = {
      "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued",
      "datepublished", "sailthru.date", "parsely-pub-date", "og:article:published_time"};
  for (const std::string& v : {meta_value(c, "article:published_time"), nitf_date(c), c.time_in_root,
                               ld_string(ld, "datePublished"), c.time_anywhere, first_meta(c, kLateMeta),
                               ld_string(ld, "dateCreated")})
    if (auto d = iso_date(v)) return d;
  // Last, what the page shows: "By Ann Lee | March 18, 2024", "Updated 9:30 a.m. EDT, March 18, 2024".
  for (const std::string& v : {c.dateline_in_root, c.byline_in_root})
    if (auto d = iso_date(v)) return d;
    else if (auto in_text = parse_date(v)) return in_text;
  return std::nullopt;
}

bool looks_like_url(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://"); }

// A month's name or its abbreviation ("Mar", "Sept.", "March"), not a name that starts like one.
bool is_month_word(std::string_view w) {
  static constexpr std::array<std::string_view, 24> kMonths = {
      "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul",
      "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december"};
  while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.remove_suffix(1);
  const std::string low = ascii_lower(std::string(w));
  return std::find(kMonths.begin(), kMonths.end(), low) != kMonths.end();
}

// The names in a visible byline: "By Ann Lee and Bo Ng | March 18, 2024" -> "Ann Lee and Bo Ng".
// The line is cut at a separator, a date or time, or "Updated"/"Published"; what is left must
// look like names (a few capitalised words), or nothing is taken.
std::string byline_names(std::string_view line) {
  std::string t = collapse_whitespace(line);
  for (std::string_view by : {"By ", "by ", "BY ", "Von ", "von ", "Par ", "par ", "Por ", "por ", "Di ", "Door "})
    if (t.starts_with(by)) {
      t.erase(0, by.size());
      break;
    }
  for (std::string_view sep : {" | ", "|", " \xC2\xB7 ", " \xE2\x80\xA2 ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - "})
    if (size_t p = t.find(sep); p != std::string::npos) t.resize(p);
  std::string out;
  size_t words = 0;
  size_t start = 0;
  while (start < t.size()) {
    size_t end = t.find(' ', start);
    if (end == std::string::npos) end = t.size();
    std::string_view w = std::string_view(t).substr(start, end - start);
    const bool stop = is_month_word(w) || w.find_first_of("0123456789") != std::string_view::npos ||
                      w == "Updated" || w == "Published" || w == "updated" || w == "published" || w == "on";
    if (stop) break;
    if (!out.empty()) out.push_back(' ');
    out.append(w);
    ++words;
    start = end + 1;
  }
  while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':')) out.pop_back();
  const bool capitalised = !out.empty() && !(out[0] >= 'a' && out[0] <= 'z') && !std::ispunct(static_cast<unsigned char>(out[0]));
  return capitalised && words <= 8 ? out : std::string();
}

bool is_weekday_word(std::string_view w) {
  static constexpr std::array<std::string_view, 28> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag", "dienstag",
      "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi",
      "vendredi", "samedi", "dimanche", "updated", "published", "posted", "aktualisiert", "veröffentlicht",
      "mis", "publié"};
  while (!w.empty() && (w.back() == '.' || w.back() == ',' || w.back() == ':')) w.remove_suffix(1);
  const std::string low = ascii_lower(std::string(w));
  return std::find(kDays.begin(), kDays.end(), low) != kDays.end();
}

// One author as a person's name: "By", "Posted by", "Analysis by", "Текст:", "Von", "Par" and
// the like cut from the front; @handles dropped; cut at a separator, a date, a weekday or
// "Updated"; no-break spaces trimmed. "" when nothing name-like is left (a URL).
std::string clean_name(std::string_view raw) {
  raw = raw.substr(0, 400);  // names are short; the bound keeps the prefix loop linear
  std::string t;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\xC2' && i + 1 < raw.size() && raw[i + 1] == '\xA0') { t += ' '; ++i; continue; }
    t += raw[i];
  }
  t = collapse_whitespace(t);
  static constexpr std::array<std::string_view, 22> kPrefixes = {
      "posted by ", "written by ", "analysis by ", "opinion by ", "story by ", "words by ", "reporting by ",
      "by ", "from ", "author: ", "authors: ", "autor: ", "autorin: ", "von ", "par ", "por ", "di ", "door ",
      "texte : ", "text: ", "\xD0\xA2\xD0\xB5\xD0\xBA\xD1\x81\xD1\x82: ", "\xD0\x90\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80: "};
  for (bool again = true; again;) {
    again = false;
    const std::string low = ascii_lower(t);
    for (std::string_view pre : kPrefixes)
      if (low.starts_with(pre) && t.size() > pre.size()) {
        t.erase(0, pre.size());
        again = true;
        break;
      }
  }
  for (std::string_view sep : {" | ", "|", " \xC2\xB7 ", " \xE2\x80\xA2 ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", "\n"})
    if (size_t p = t.find(sep); p != std::string::npos && p > 0) t.resize(p);
  std::string out;
  for (size_t start = 0; start < t.size();) {
    size_t end = t.find(' ', start);
    if (end == std::string::npos) end = t.size();
    const std::string_view w = std::string_view(t).substr(start, end - start);
    start = end + 1;
    if (w.starts_with("@")) continue;
    if (is_month_word(w) || is_weekday_word(w) || w.find_first_of("0123456789") != std::string_view::npos || w == "on" ||
        w == "am" || w == "le" || w == "for" || w == "For" || w == "|")
      break;
    if (!out.empty()) out += ' ';
    out.append(w);
  }
  while (!out.empty() && std::string_view(",;:-").find(out.back()) != std::string_view::npos) out.pop_back();
  while (!out.empty() && out.back() == ' ') out.pop_back();
  // CMS placeholders and bare domains ("Super User", "admin", "mdr.de") name nobody.
  static constexpr std::array<std::string_view, 8> kNobody = {"name", "author", "publisher", "admin", "administrator",
                                                              "super user", "user", "unknown"};
  const std::string low = ascii_lower(out);
  if (std::find(kNobody.begin(), kNobody.end(), low) != kNobody.end()) return "";
  const size_t dot = out.rfind('.');
  if (out.find(' ') == std::string::npos && dot != std::string::npos && dot + 2 < out.size() && dot > 0) return "";
  return looks_like_url(out) ? "" : out;
}

// The people JSON-LD names as the article's authors (organisations left out).
std::vector<std::string> ld_people(const std::vector<const json*>& ld) {
  std::vector<std::string> names;
  auto add = [&](const json& a) {
    if (a.is_string()) {
      if (std::string n = clean_name(a.get<std::string>()); !n.empty()) names.push_back(n);
    } else if (a.is_object()) {
      auto type = a.find("@type");
      if (type != a.end() && type->is_string() && type->get<std::string>() == "Organization") return;
      auto n = a.find("name");
      if (n != a.end() && n->is_string())
        if (std::string name = clean_name(n->get<std::string>()); !name.empty()) names.push_back(name);
    }
  };
  for (const json* o : ld) {
    auto it = o->find("author");
    if (it == o->end()) continue;
    if (it->is_array())
      for (const json& a : *it) add(a);
    else
      add(*it);
    if (!names.empty()) break;
  }
  return names;
}

// Authors, joined with ", " (Article::author is one string): JSON-LD people, else meta author
// unless it names the publisher, else other author metas, else the byline the page shows.
std::string pick_author(const Candidates& c, const std::vector<const json*>& ld, std::string_view url) {
  std::vector<std::string> people = ld_people(ld);
  std::vector<std::string> publishers = site_names(c, ld, url);
  std::string joined;
  for (const std::string& p : people) {
    if (names_site(p, publishers) || joined.find(p) != std::string::npos) continue;
    if (!joined.empty()) joined += ", ";
    joined += p;
  }
  if (!joined.empty()) return joined;
  static constexpr std::array<std::string_view, 5> kMeta = {"author", "article:author", "parsely-author",
                                                            "sailthru.author", "dc.creator"};
  for (std::string_view key : kMeta) {
    std::string a = clean_name(meta_value(c, key));
    if (!a.empty() && !names_site(a, publishers)) return a;
  }
  if (std::string a = clean_name(ld_string(ld, "author")); !a.empty() && !names_site(a, publishers)) return a;
  // Last, what the page shows as its byline.
  for (const std::string& line : {c.byline_in_root, c.author_mark_anywhere})
    if (std::string names = byline_names(line); !names.empty()) return clean_name(names);
  return "";
}

std::string pick_url(const Candidates& c) {
  std::string og = meta_value(c, "og:url");
  std::string canonical = collapse_whitespace(c.canonical_href);
  for (const std::string& u : {resolve_url(og, canonical), og, resolve_url(c.base_href, canonical)})
    if (std::string canon = canonical_url(u); !canon.empty()) return canon;
  return "";
}

std::string pick_lang(const Candidates& c) {
  std::string lang = collapse_whitespace(c.html_lang);
  if (lang.empty()) lang = meta_value(c, "content-language");
  if (lang.empty()) {
    lang = meta_value(c, "og:locale");
    for (char& ch : lang)
      if (ch == '_') ch = '-';
  }
  return lang;
}

std::string pick_category(const Candidates& c, const std::vector<const json*>& ld) {
  std::string section = meta_value(c, "article:section");
  if (section.empty()) {
    for (const json* o : ld) {
      auto it = o->find("articleSection");
      if (it == o->end()) continue;
      const json& v = it->is_array() && !it->empty() ? it->front() : *it;
      if (v.is_string()) { section = collapse_whitespace(v.get<std::string>()); break; }
    }
  }
  if (section.empty()) {  // NITF (the NYT corpus): <meta name="online_sections" content="World; Front Page">
    section = collapse_whitespace(meta_value(c, "online_sections"));
    section = section.substr(0, section.find(';'));
  }
  return section;
}

// The publisher's tags from the most specific source that gives any: article:tag (one tag each),
// JSON-LD keywords of the article (a list, or one string with commas), news_keywords, keywords
// (often the site's, the same on every page, hence last).
std::vector<std::string> pick_tags(const Candidates& c, const std::vector<const json*>& ld) {
  std::vector<std::string> tags;
  auto metas = [&](const std::string& key, bool lists) {
    if (auto it = c.meta_lists.find(key); it != c.meta_lists.end())
      for (const std::string& v : it->second) lists ? add_tag_list(tags, v) : add_tag(tags, v);
  };
  metas("article:tag", false);
  for (const json* o : ld) {
    if (!tags.empty() || !is_article_type(*o)) break;
    auto it = o->find("keywords");
    if (it == o->end()) continue;
    if (it->is_string()) add_tag_list(tags, it->get_ref<const std::string&>());
    if (it->is_array())
      for (const json& k : *it)
        if (std::string name = ld_name(k); !name.empty()) add_tag(tags, name);
  }
  if (tags.empty()) metas("news_keywords", true);
  if (tags.empty()) metas("keywords", true);
  return tags;
}

size_t word_count(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace

std::string strip_title_suffix(std::string_view title, std::string_view site_name) {
  std::string t = collapse_whitespace(title);
  static constexpr std::array<std::string_view, 6> kSeparators = {
      " | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " \xC2\xB7 ", " :: "};
  size_t best = std::string::npos, sep_len = 0;
  for (std::string_view sep : kSeparators) {
    size_t pos = t.rfind(sep);
    if (pos != std::string::npos && (best == std::string::npos || pos > best)) {
      best = pos;
      sep_len = sep.size();
    }
  }
  if (best == std::string::npos || best == 0) return t;
  std::string head = t.substr(0, best);
  std::string tail = t.substr(best + sep_len);
  bool is_site = !site_name.empty() && collapse_whitespace(site_name) == tail;
  // Site names are short and capitalised; "Trump — with a list of concerns" is one headline.
  bool capitalised = !tail.empty() && !(tail[0] >= 'a' && tail[0] <= 'z');
  bool short_tail = capitalised && word_count(tail) <= 4 && tail.size() < head.size();
  return (is_site || short_tail) ? head : t;
}

PageMeta read_metadata(const GumboNode* document, const GumboNode* article_root) {
  Candidates c = collect(document, article_root);
  std::vector<const json*> ld = ld_objects(c.json_ld);
  PageMeta m;
  m.url = pick_url(c);
  m.title = pick_title(c, ld, m.url);
  m.date = pick_date(c, ld);
  m.author = pick_author(c, ld, m.url);
  m.link_base = c.base_href.empty() ? m.url : resolve_url(m.url, html::collapse_whitespace(c.base_href));
  m.lang = pick_lang(c);
  m.category = pick_category(c, ld);
  m.tags = pick_tags(c, ld);
  m.site_name = meta_value(c, "og:site_name");
  for (const json* o : ld) {
    if (!is_article_type(*o)) break;
    if (auto it = o->find("articleBody"); it != o->end() && it->is_string()) {
      m.article_body = it->get<std::string>();
      break;
    }
  }
  return m;
}

std::optional<std::string> iso_date(std::string_view text) {
  std::string t = collapse_whitespace(text);
  if (t.empty()) return std::nullopt;
  bool ymd = t.size() >= 10 && all_digits(t.substr(0, 4)) && (t[4] == '-' || t[4] == '/') &&
             all_digits(t.substr(5, 2)) && t[7] == t[4] && all_digits(t.substr(8, 2)) &&
             (t.size() == 10 || !std::isdigit(static_cast<unsigned char>(t[10])));
  if (ymd) {
    int y = std::stoi(t.substr(0, 4)), m = std::stoi(t.substr(5, 2)), d = std::stoi(t.substr(8, 2));
    if (!valid_ymd(y, m, d)) return std::nullopt;
    return t.substr(0, 4) + "-" + t.substr(5, 2) + "-" + t.substr(8, 2);
  }
  return parse_date(t, /*whole_line=*/true);
}

}  // namespace newsindex::html
