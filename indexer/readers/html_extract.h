// The article body of a whole page: the chosen content cleaned of furniture, checked against
// a second reading of the page and the page's structured data; flags a page without a body.
#pragma once
#include <gumbo.h>

#include <vector>

#include "indexer/article.h"
#include "indexer/readers/html_choose.h"
#include "indexer/readers/html_metadata.h"
#include "indexer/readers/html_stats.h"

namespace newsindex::html {

struct ExtractedBody {
  std::vector<Block> blocks;
  std::vector<LinkRef> links;
  bool missing = false;          // no body, or a tiny one next to the page's text
  uint64_t page_text_bytes = 0;  // visible text on the whole page
};

ExtractedBody extract_article(const PageStats& stats, const ContentChoice& choice, const PageMeta& meta);

}  // namespace newsindex::html
