// Reading one HTML news page: the article body (not the page furniture) as blocks, its links
// and its metadata.
#pragma once
#include <string>
#include <string_view>

#include "article.h"

namespace newsindex {

// Decodes `bytes` by its BOM or <meta charset> (or detection), parses it with gumbo and
// returns the article; Article::id is left for the driver. Throws InputError when the page
// has no usable text.
Article read_html(std::string_view bytes, const std::string& source);

// The charset a page declares in <meta charset> or an http-equiv Content-Type within its
// first 4 KB ("" when none).
std::string declared_html_charset(std::string_view bytes);

}  // namespace newsindex
