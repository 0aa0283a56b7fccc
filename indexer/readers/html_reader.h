// Reading one HTML news page: the article body (not the page furniture) as blocks, its links
// and its metadata.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "indexer/article.h"

namespace newsindex {

// Decodes `bytes` by its BOM or <meta charset> (or detection), parses it with gumbo and
// returns the article; Article::id is left for the driver. Throws InputError when the page
// has no usable text.
Article read_html(std::string_view bytes, const std::string& source);

// Text fields of other formats that hold markup (a JSON Lines dump's "content": "<p>…</p>"):
// true when `text` has block or inline tags a browser would render, not just a stray "<".
bool looks_like_html_fragment(std::string_view text);

// A fragment of HTML as paragraphs, headings and links (relative links against `base_url`);
// `line` is given to every block. Nothing is dropped as page furniture but what a page would
// never show (scripts, styles, hidden elements).
void read_html_fragment(std::string_view html, const std::string& base_url, uint32_t line, Article& into);

// Character references in plain text ("5 &amp; 6", "&mdash;", "&#8217;") as the characters.
std::string decode_html_entities(std::string_view text);

// The charset a page declares in <meta charset> or an http-equiv Content-Type within its
// first 4 KB ("" when none).
std::string declared_html_charset(std::string_view bytes);

}  // namespace newsindex
