#include "indexer/readers/feed_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <array>
#include <climits>
#include <memory>
#include <mutex>

#include "common/ascii.h"
#include "common/dates.h"
#include "common/text_decode.h"
#include "common/url.h"
#include "indexer/readers/html_reader.h"
#include "indexer/readers/jsonl_reader.h"
#include "indexer/readers/news_text_reader.h"

namespace newsindex {

namespace {

// The name of the document's first element, past the XML declaration, comments, processing
// instructions and the doctype ("" when the head holds none).
std::string_view root_element_name(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t i = 0;
  while (i < head.size()) {
    i = head.find('<', i);
    if (i == std::string_view::npos || i + 1 >= head.size()) return {};
    const char next = head[i + 1];
    if (head.substr(i, 4) == "<!--") {
      i = head.find("-->", i);
      if (i == std::string_view::npos) return {};
      continue;
    }
    if (next == '?' || next == '!') {  // declaration, processing instruction, doctype
      i = head.find('>', i);
      if (i == std::string_view::npos) return {};
      continue;
    }
    const size_t start = i + 1;
    size_t end = start;
    while (end < head.size() && !is_ascii_space(head[end]) && head[end] != '>' && head[end] != '/') ++end;
    return head.substr(start, end - start);
  }
  return {};
}

std::string_view local_name(std::string_view qname) {
  const size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

std::string_view name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

bool is_element(const xmlNode* n, std::string_view name) {
  return n->type == XML_ELEMENT_NODE && name_of(n) == name;
}

const xmlNode* child(const xmlNode* parent, std::string_view name) {
  for (const xmlNode* c = parent->children; c; c = c->next)
    if (is_element(c, name)) return c;
  return nullptr;
}

// libxml2's recovery passes bytes that are not UTF-8 through: they become U+FFFD here.
std::string valid_utf8(const xmlChar* v) {
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  repair_utf8(s);
  return s;
}

std::string attribute(const xmlNode* n, const char* name) {
  std::unique_ptr<xmlChar, decltype(xmlFree)> v(xmlGetProp(n, reinterpret_cast<const xmlChar*>(name)), xmlFree);
  return valid_utf8(v.get());
}

std::string collapse_space(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (is_ascii_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string text_of(const xmlNode* n) {
  if (!n) return {};
  std::unique_ptr<xmlChar, decltype(xmlFree)> v(xmlNodeGetContent(n), xmlFree);
  return valid_utf8(v.get());
}

std::string first_text(const xmlNode* item, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names)
    if (std::string t = collapse_space(text_of(child(item, name))); !t.empty()) return t;
  return {};
}

// Atom's type="xhtml" content is markup inside the feed: its children, written out again.
std::string inner_markup(const xmlNode* n) {
  std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buf(xmlBufferCreate(), xmlBufferFree);
  for (const xmlNode* c = n->children; c; c = c->next) xmlNodeDump(buf.get(), c->doc, const_cast<xmlNode*>(c), 0, 0);
  return valid_utf8(xmlBufferContent(buf.get()));
}

// A text construct's words: RSS and Atom titles may carry escaped markup or character references.
std::string plain_text(const xmlNode* n) {
  if (!n) return {};
  std::string raw = attribute(n, "type") == "xhtml" ? inner_markup(n) : text_of(n);
  if (looks_like_html_fragment(raw)) {
    Article scratch;
    read_html_fragment(raw, "", 0, scratch);
    std::string joined;
    for (const Block& b : scratch.blocks) joined += (joined.empty() ? "" : " ") + b.text;
    return joined;
  }
  return collapse_space(decode_html_entities(raw));
}

// The body: markup (RSS content:encoded and description, Atom html/xhtml) as the HTML reader
// reads a fragment, plain text as paragraphs separated by blank lines.
void read_body(const xmlNode* n, uint32_t line, Article& a) {
  const std::string type = attribute(n, "type");
  const std::string body = type == "xhtml" ? inner_markup(n) : text_of(n);
  if (type != "text" && looks_like_html_fragment(body)) {
    read_html_fragment(body, a.url, line, a);
    return;
  }
  for (auto& p : split_paragraphs(body)) add_paragraph(a, decode_html_entities(p), line);
}

// RSS 2.0's <author> is "email (Name)"; the name is what a reader searches for.
std::string author_name(std::string author) {
  const size_t open = author.find('('), close = author.rfind(')');
  if (author.find('@') != std::string::npos && open != std::string::npos && close != std::string::npos && close > open)
    return collapse_space(author.substr(open + 1, close - open - 1));
  return author;
}

std::string atom_link(const xmlNode* entry) {
  std::string any;
  for (const xmlNode* c = entry->children; c; c = c->next) {
    if (!is_element(c, "link")) continue;
    const std::string rel = attribute(c, "rel");
    if (rel.empty() || rel == "alternate") return attribute(c, "href");
    if (any.empty()) any = attribute(c, "href");
  }
  return any;
}

Article read_item(const xmlNode* item, bool atom, const std::string& lang, const std::string& source, size_t index) {
  Article a;
  a.source = source;
  a.lang = lang;
  const long line = xmlGetLineNo(item);
  a.source_line = line > 0 && line < INT_MAX ? static_cast<uint32_t>(line) : 0;
  const std::string link = atom ? atom_link(item) : first_text(item, {"link"});
  if (!link.empty()) a.url = canonical_url(link).empty() ? link : canonical_url(link);
  a.id = first_text(item, {atom ? "id" : "guid"});
  if (a.id.empty() && a.url.empty()) a.id = source + "#" + std::to_string(index + 1);
  a.title = plain_text(child(item, "title"));
  if (std::string d = first_text(item, {"published", "pubDate", "date", "updated", "issued"}); !d.empty())
    a.date = parse_date(d);
  if (atom) {
    if (const xmlNode* author = child(item, "author")) a.author = first_text(author, {"name"});
  } else {
    a.author = author_name(first_text(item, {"creator", "author"}));
  }
  if (const xmlNode* cat = child(item, "category"))
    a.category = atom ? collapse_space(attribute(cat, "term")) : collapse_space(text_of(cat));
  // Tags: media:keywords (a list with commas), each dc:subject.
  for (const xmlNode* c = item->children; c; c = c->next)
    if (is_element(c, "keywords")) add_tag_list(a.tags, text_of(c));
    else if (is_element(c, "subject")) add_tag(a.tags, text_of(c));
  // The full text when the feed carries it, else the summary.
  static constexpr std::array<std::string_view, 2> kAtomBody{"content", "summary"}, kRssBody{"encoded", "description"};
  const xmlNode* body = nullptr;
  for (std::string_view name : atom ? kAtomBody : kRssBody)
    if ((body = child(item, name)) && !collapse_space(text_of(body)).empty()) break;
  if (body) read_body(body, a.source_line, a);
  return a;
}

// Items of an RSS 2.0 channel, of an RSS 1.0 (RDF) document, or entries of an Atom feed.
std::vector<const xmlNode*> items_of(const xmlNode* root, bool& atom, std::string& lang) {
  std::vector<const xmlNode*> items;
  const std::string_view root_name = name_of(root);
  atom = root_name == "feed";
  const xmlNode* holder = root;
  if (root_name == "rss") holder = child(root, "channel");
  if (!holder) return items;
  if (std::unique_ptr<xmlChar, decltype(xmlFree)> l(xmlNodeGetLang(root), xmlFree); l)
    lang = valid_utf8(l.get());
  if (const xmlNode* channel = root_name == "rss" ? holder : child(root, "channel"))
    if (std::string l = first_text(channel, {"language"}); !l.empty()) lang = l;
  for (const xmlNode* c = holder->children; c; c = c->next)
    if (is_element(c, atom ? "entry" : "item")) items.push_back(c);
  return items;
}

void init_libxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

bool looks_like_feed(std::string_view head) {
  const std::string_view name = root_element_name(head);
  return name == "rss" || name == "feed" || local_name(name) == "RDF";
}

ReadResult read_feed(std::string_view bytes, const std::string& source) {
  if (bytes.size() > INT_MAX) throw InputError(source, "feed larger than 2 GiB: not read");
  init_libxml();
  std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> ctxt(xmlNewParserCtxt(), xmlFreeParserCtxt);
  if (!ctxt) throw std::bad_alloc();
  // No network and no entity expansion beyond XML's own: a feed cannot reach out or blow up.
  const int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                      XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, options),
      xmlFreeDoc);
  const xmlError* err = xmlCtxtGetLastError(ctxt.get());
  auto error_text = [&] {
    std::string msg = err && err->message ? collapse_space(err->message) : "not well-formed XML";
    return err && err->line > 0 ? "line " + std::to_string(err->line) + ": " + msg : msg;
  };
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (!root) throw InputError(source, "not an RSS or Atom feed: " + error_text());
  bool atom = false;
  std::string lang;
  const std::vector<const xmlNode*> items = items_of(root, atom, lang);
  if (!looks_like_feed("<" + std::string(name_of(root)) + ">"))
    throw InputError(source, "not an RSS or Atom feed (its root element is <" + std::string(name_of(root)) + ">)");

  ReadResult r;
  for (size_t i = 0; i < items.size(); ++i) {
    Article a = read_item(items[i], atom, lang, source, i);
    if (a.title.empty() && a.blocks.empty()) {
      r.problems.emplace_back(source + ":" + std::to_string(a.source_line), "feed item without a title or text");
      continue;
    }
    r.articles.push_back(std::move(a));
  }
  if (!ctxt->wellFormed)
    r.problems.emplace_back(source, "the feed breaks off (" + error_text() + "): the " +
                                        std::to_string(r.articles.size()) + " item(s) before it are read");
  if (r.articles.empty() && r.problems.empty()) throw InputError(source, "feed without items");
  if (r.articles.empty()) throw r.problems.front();
  return r;
}

}  // namespace newsindex
