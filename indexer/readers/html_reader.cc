// Reading one HTML news page: decoding, parsing, then the article body (html_choose, html_extract)
// and the metadata (html_metadata); and HTML fragments inside other formats.
#include "indexer/readers/html_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <optional>
#include <vector>

#include "common/errors.h"
#include "indexer/readers/html_blocks.h"
#include "indexer/readers/html_choose.h"
#include "indexer/readers/html_classify.h"
#include "indexer/readers/html_dom.h"
#include "indexer/readers/html_extract.h"
#include "indexer/readers/html_stats.h"
#include "indexer/readers/html_metadata.h"
#include "common/text_decode.h"
#include "common/url.h"

namespace newsindex {
namespace {

using html::tag_of;

// Deep enough for any real page; bounds gumbo's quadratic cost on pathological nesting.
constexpr size_t kMaxNesting = 400;

// Furniture of the old, whole-fragment reading: JSON Lines fragments keep everything a page
// would show except these.
bool is_fragment_furniture(const GumboNode* n) {
  if (html::is_never_content(n)) return true;
  const GumboTag t = tag_of(n);
  if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN || t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML) return false;
  return html::is_furniture_tag(t) || html::has_furniture_name(n) || html::has_furniture_role(n);
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
  const std::string low = ascii_lower(text.substr(0, 1 << 16));
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
  html::BlockWriter body(meta, is_fragment_furniture);
  body.write(doc.body());
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
  std::string head = ascii_lower(bytes.substr(0, 4096));
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
  html::PageStats stats(doc.body());
  // The headline the page states (before any body is chosen) helps tell the story's container.
  const std::string headline = html::read_metadata(doc.root(), nullptr).title;
  const html::ContentChoice choice = html::choose_content(stats, headline);
  html::PageMeta meta = html::read_metadata(doc.root(), choice.top);
  html::ExtractedBody content = html::extract_article(stats, choice, meta);
  if (content.blocks.empty() && meta.title.empty())
    throw InputError(source, "no article text in the HTML page");

  Article a;
  a.url = meta.url;
  a.title = meta.title;
  a.date = meta.date;
  a.author = meta.author;
  a.category = meta.category;
  a.tags = meta.tags;
  a.lang = meta.lang;
  a.source = source;
  a.blocks = std::move(content.blocks);
  a.links = std::move(content.links);
  a.body_missing = content.missing;
  a.page_text_bytes = content.page_text_bytes;
  return a;
}

}  // namespace newsindex
