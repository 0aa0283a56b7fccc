// The "news text" format of saved articles: breadcrumb, meta line, title, dateline, caption,
// one paragraph per line, short heading lines, [interstitial_link] related links, author bio.
#pragma once
#include <string>
#include <string_view>

#include "indexer/article.h"

namespace newsindex {

Article read_news_text(std::string_view text, const std::string& source);

// True when the first lines look like this format (breadcrumb, meta line or dateline).
bool looks_like_news_text(std::string_view text);

// Pulls [interstitial_link url=”…”]anchor[/interstitial_link] shortcodes out of a line: the
// anchor stays in the returned text, the link is appended to `links`. A line holding nothing
// but links (a related-links line) returns "".
std::string extract_shortcode_links(std::string_view line, std::vector<LinkRef>& links, int block_index);

// Appends a paragraph (whitespace already collapsed) that may hold those shortcodes; JSON Lines
// dumps of the same sites carry them too, while plain text stays verbatim. A link inside the text
// belongs to this paragraph; a paragraph of nothing but links adds no block (nullptr), and its
// links stand after the previous one. Returns the block added.
Block* add_paragraph(Article& a, std::string text, uint32_t line);

}  // namespace newsindex
