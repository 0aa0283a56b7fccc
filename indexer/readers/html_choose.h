// Choosing the element(s) that hold a page's article: readability-style candidate scoring
// (paragraph scores propagated to ancestors, class words and semantic tags as weights, link
// density as a discount) and the sibling step that gathers a body split across containers.
#pragma once
#include <gumbo.h>

#include <string_view>
#include <vector>

#include "indexer/readers/html_stats.h"

namespace newsindex::html {

struct ContentChoice {
  const GumboNode* top = nullptr;        // the container chosen (null when the page has no paragraph)
  const GumboNode* best = nullptr;       // the best-scoring candidate, `top` or inside it
  std::vector<const GumboNode*> parts;   // top and its qualifying siblings, in document order
  double score = 0;
};

// Scores every element of `stats` (fills NodeStats::score) and picks the article. `headline`
// (the page's own title, may be empty) favours the candidate holding an <h1> that matches it,
// so that of two <article>s the story wins over the related-posts list.
ContentChoice choose_content(PageStats& stats, std::string_view headline);

}  // namespace newsindex::html
