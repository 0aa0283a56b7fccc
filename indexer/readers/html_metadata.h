// Page metadata for the HTML reader: title, date, author, canonical URL, language, section, tags,
// from <meta>, <link rel=canonical>, <time>, headings and JSON-LD, in a fixed precedence.
#pragma once
#include <gumbo.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsindex::html {

struct PageMeta {
  std::string title;
  std::optional<std::string> date;  // YYYY-MM-DD
  std::string author;
  std::string url;       // canonical URL of the page ("" when the page does not say)
  std::string link_base; // what relative links resolve against (<base href>, else `url`)
  std::string lang;
  std::string category;
  std::vector<std::string> tags;  // the publisher's tags or keywords (add_tag in indexer/article.h)
  std::string site_name;     // og:site_name, else JSON-LD publisher
  std::string article_body;  // JSON-LD articleBody of the article object ("" when none)
};

// `article_root` (may be null) is the element the body text comes from: an <h1> or <time>
// inside it wins over one elsewhere on the page (site banners, "today's date" widgets).
PageMeta read_metadata(const GumboNode* document, const GumboNode* article_root);

// "Headline | Site", "Headline - Site", "Headline — Site" -> "Headline" when the tail is short
// (a site name) or equals `site_name`; a dash inside a headline is left alone.
std::string strip_title_suffix(std::string_view title, std::string_view site_name = {});

// A date attribute or JSON-LD value ("2018-06-06T10:00:00-04:00", "2018-06-06", ...) as
// YYYY-MM-DD.
std::optional<std::string> iso_date(std::string_view text);

}  // namespace newsindex::html
